package ca.scalloy.ui.batch;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * One property target as edited, with what the last charge reached on it. Every field is a text, the chosen
 * property and route too (their keys), so that editing, undo and "the values the results were for" treat them as
 * the other fields.
 */
public final class PropertyTargetRow extends FormRow<PropertyTargetField> {

    /**
     * What the last charge reached on the target.
     *
     * @param property  the property's key (its unit is in its name)
     * @param value     the property's value on the product (the closest the search reached when no charge meets it), or NaN
     * @param low       the low end of its band, or NaN when the model states none
     * @param high      the high end of its band, or NaN
     * @param met       whether the value is within the target
     * @param diagnosis why no charge meets it, in words; null when met or when another limit failed first
     */
    public record Reached(String property, double value, double low, double high, boolean met, String diagnosis) {
    }

    /** How many decimals a property's value is worth showing: MPa and °C whole, densities to the gram per litre. */
    public static int decimals(String property) {
        return switch (property) {
            case "yieldStrengthMPa", "liquidusC", "solidusC", "grainSizeUm" -> 0;
            case "conductivityPctIACS", "growthRestrictionQ" -> 1;
            case "resistivityMicroOhmCm", "al3ScVolumePct" -> 2;
            default -> 3;
        };
    }

    private final ReadOnlyObjectWrapper<Reached> reached = new ReadOnlyObjectWrapper<>(this, "reached");

    PropertyTargetRow() {
        super(PropertyTargetField.class);
    }

    /** What the last charge reached, or null before a charge (or when the limits failed before this target was tried). */
    public ReadOnlyObjectProperty<Reached> reachedProperty() {
        return reached.getReadOnlyProperty();
    }

    void setReached(Reached r) {
        reached.set(r);
    }
}
