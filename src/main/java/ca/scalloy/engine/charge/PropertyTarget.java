package ca.scalloy.engine.charge;

import java.util.List;
import java.util.Objects;

import ca.scalloy.engine.Message;
import ca.scalloy.engine.MessageException;
import ca.scalloy.engine.kinetics.AgeingSchedule;
import ca.scalloy.engine.props.AlloyProperties;
import ca.scalloy.engine.props.Band;
import ca.scalloy.engine.props.PropertyConditions;
import ca.scalloy.engine.props.PropertyValues;
import ca.scalloy.engine.thermo.ProcessRoute;

/**
 * A limit on a property of the product (issue 14, point 2): the property, estimated by the engine's models
 * after a process route and an ageing schedule, must lie within [minValue, maxValue].
 *
 * @param property one of {@link #PROPERTIES}, a numeric key of {@code properties --json}
 * @param minValue the least value allowed, in the property's unit (its name says it), or null
 * @param maxValue the greatest value allowed, or null (at least one of the two is given)
 * @param process  the process route the property is estimated after (CAST when not stated)
 * @param schedule the ageing schedule after the route, or null for the state after the route
 */
public record PropertyTarget(String property, Double minValue, Double maxValue, ProcessRoute process, AgeingSchedule schedule) {

    /**
     * The properties a target may name: the numeric keys of {@code properties --json} that every estimate has
     * (the solvus temperatures, the Scheil solidus, the solubility at the ageing temperature and the precipitate
     * radius may be absent for a composition, so a charge could not be steered by them).
     */
    public static final List<String> PROPERTIES = PropertyValues.PROPERTIES;

    public PropertyTarget {
        if (property == null || !PROPERTIES.contains(property)) {
            throw new MessageException("propertyTarget.error.unknown", "property: '" + property + "' is not a property a target can name; allowed: "
                    + String.join(", ", PROPERTIES), String.valueOf(property), String.join(", ", PROPERTIES)).at("property");
        }
        if (minValue == null && maxValue == null) {
            throw new MessageException("propertyTarget.error.noLimit",
                    "minValue/maxValue: a target on " + property + " needs a minValue, a maxValue or both", property).at("minValue");
        }
        if (minValue != null && !Double.isFinite(minValue)) {
            throw new MessageException("propertyTarget.error.notFinite", "minValue must be a finite number, was " + minValue, minValue).at("minValue");
        }
        if (maxValue != null && !Double.isFinite(maxValue)) {
            throw new MessageException("propertyTarget.error.notFinite", "maxValue must be a finite number, was " + maxValue, maxValue).at("maxValue");
        }
        if (minValue != null && maxValue != null && minValue > maxValue) {
            throw new MessageException("propertyTarget.error.minAboveMax", "minValue " + ChargeCalculator.fmt(minValue) + " is above maxValue "
                    + ChargeCalculator.fmt(maxValue) + "; the minimum must not exceed the maximum", minValue, maxValue).at("minValue");
        }
        process = process == null ? ProcessRoute.CAST : process;
    }

    /** The conditions the property is estimated in. */
    public PropertyConditions conditions() {
        return new PropertyConditions(process, schedule, null, null);
    }

    /** The property's value in an estimate (NaN where the model gives none, e.g. Q without (Al)). */
    public double valueIn(AlloyProperties p) {
        Objects.requireNonNull(p, "p");
        return switch (property) {
            case "yieldStrengthMPa" -> p.yieldStrength().valueMPa();
            case "liquidusC" -> p.liquidusC();
            case "solidusC" -> p.solidusC();
            case "conductivityPctIACS" -> p.conductivityPctIACS();
            case "resistivityMicroOhmCm" -> p.resistivityMicroOhmCm();
            case "densityGPerCm3" -> p.densityGPerCm3();
            case "scInSolutionWtPct" -> p.scInSolutionWtPct();
            case "scInSolutionAtPct" -> p.scInSolutionAtPct();
            case "zrInSolutionWtPct" -> p.zrInSolutionWtPct();
            case "al3ScVolumePct" -> p.al3ScVolumePct();
            case "grainSizeUm" -> p.grainSizeUm();
            case "growthRestrictionQ" -> p.growthRestrictionQ();
            default -> throw new IllegalStateException("no value for " + property);
        };
    }

    /** The property's value in an estimate of the targeted properties alone (the same number as in the full estimate). */
    public double valueIn(PropertyValues p) {
        return p.value(property);
    }

    /** The property's band in an estimate of the targeted properties alone, or null when the model states none. */
    public Band bandIn(PropertyValues p) {
        return p.band(property);
    }

    /** The property's calibrated band in an estimate, or null when the model states none. */
    public Band bandIn(AlloyProperties p) {
        if (property.equals("yieldStrengthMPa")) {
            return new Band(p.yieldStrength().lowMPa(), p.yieldStrength().highMPa());
        }
        return p.band(property);
    }

    /** How far {@code value} lies outside the target, in the property's unit (0 when within; NaN counts as far outside). */
    public double shortfall(double value) {
        if (Double.isNaN(value)) {
            return Double.POSITIVE_INFINITY;
        }
        double below = minValue == null ? 0 : minValue - value;
        double above = maxValue == null ? 0 : value - maxValue;
        return Math.max(0, Math.max(below, above));
    }

    /** What a shortfall is measured against: the size of the limit, at least 1 in the property's unit. */
    double scale() {
        double s = 1;
        if (minValue != null) {
            s = Math.max(s, Math.abs(minValue));
        }
        if (maxValue != null) {
            s = Math.max(s, Math.abs(maxValue));
        }
        return s;
    }

    /** The target in words: "yieldStrengthMPa min 400 after CAST 325:4", "liquidusC max 700 after CAST". */
    /**
     * The target as a message for the workbench ("Yield strength min 400 MPa after Cast (Scheil), aged 325:4"), its
     * English {@link #label()}: arguments the property's name, its limits, its unit and the process.
     */
    public Message words() {
        Message name = Message.of("propertyTarget.property." + property, property);
        Message band = minValue != null && maxValue != null
                ? Message.of("diagnosis.property.range", ChargeCalculator.fmt(minValue) + "-" + ChargeCalculator.fmt(maxValue), minValue,
                        maxValue)
                : minValue != null ? Message.of("diagnosis.property.min", "min " + ChargeCalculator.fmt(minValue), minValue)
                : Message.of("diagnosis.property.max", "max " + ChargeCalculator.fmt(maxValue), maxValue);
        Message after = schedule == null ? Message.of("diagnosis.property.after", "after " + process.name(), process)
                : Message.of("diagnosis.property.afterAgeing", "after " + process.name() + " " + schedule, process,
                        String.valueOf(schedule));
        return new Message("diagnosis.property.target", List.of(name, band, PropertyFormulation.unit(property), after), label());
    }

    public String label() {
        String band = minValue != null && maxValue != null ? " " + ChargeCalculator.fmt(minValue) + "-" + ChargeCalculator.fmt(maxValue)
                : minValue != null ? " min " + ChargeCalculator.fmt(minValue) : " max " + ChargeCalculator.fmt(maxValue);
        return property + band + " after " + process.name() + (schedule == null ? "" : " " + schedule);
    }
}
