package ca.scalloy.engine.props;

/**
 * The thermal state the properties are estimated for: as cast (or solution treated and quenched)
 * when {@code tempC} is null, else aged at {@code tempC} for {@code hours}.
 *
 * @param tempC ageing temperature in °C, from 100 to 640, or null for as-cast
 * @param hours ageing time in hours, from 0 to 10,000 (ignored when tempC is null)
 */
public record Ageing(Double tempC, double hours) {

    public Ageing {
        if (tempC != null && (!Double.isFinite(tempC) || tempC < 100 || tempC > 640)) {
            throw new IllegalArgumentException("ageTempC must be from 100 to 640 °C, was " + tempC);
        }
        if (!Double.isFinite(hours) || hours < 0 || hours > 10_000) {
            throw new IllegalArgumentException("ageHours must be from 0 to 10000 h, was " + hours);
        }
    }

    /** As cast, not aged. */
    public static Ageing asCast() {
        return new Ageing(null, 0);
    }

    /** Aged at {@code tempC} for {@code hours}. */
    public static Ageing aged(double tempC, double hours) {
        return new Ageing(tempC, hours);
    }

    public boolean isAged() {
        return tempC != null;
    }
}
