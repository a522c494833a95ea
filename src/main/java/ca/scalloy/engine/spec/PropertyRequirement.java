package ca.scalloy.engine.spec;

import java.util.Objects;

/**
 * A specification's requirement on an estimated property.
 *
 * @param property which property
 * @param value    the bound, in the property's unit
 */
public record PropertyRequirement(Property property, double value) {

    public PropertyRequirement {
        Objects.requireNonNull(property, "property");
        if (!Double.isFinite(value) || value <= 0) {
            throw new IllegalArgumentException(property + " must be a number > 0, was " + value);
        }
    }

    /** The properties a specification may bound, each a minimum or a maximum, with its unit. */
    public enum Property {
        YIELD_STRENGTH_MIN_MPA(true, "MPa"),
        TENSILE_STRENGTH_MIN_MPA(true, "MPa"),
        DENSITY_MAX_G_PER_CM3(false, "g/cm³"),
        CONDUCTIVITY_MIN_PCT_IACS(true, "%IACS");

        private final boolean minimum;
        private final String unit;

        Property(boolean minimum, String unit) {
            this.minimum = minimum;
            this.unit = unit;
        }

        public boolean isMinimum() {
            return minimum;
        }

        public String unit() {
            return unit;
        }
    }
}
