package ca.scalloy.engine.props;

import ca.scalloy.engine.MessageException;
import ca.scalloy.engine.kinetics.KineticParameters;

/**
 * A single-step thermal state the properties are estimated for: as cast (or solution treated and quenched)
 * when {@code tempC} is null, else aged at {@code tempC} for {@code hours}. Several steps: {@link PropertyConditions}.
 *
 * @param tempC ageing temperature in °C, within what the kinetic model covers (100 to 550), or null for as-cast
 * @param hours ageing time in hours, from 0 to 10,000 (ignored when tempC is null)
 */
public record Ageing(Double tempC, double hours) {

    public Ageing {
        double minC = KineticParameters.standard().get("schedule.minTempC");
        double maxC = KineticParameters.standard().get("schedule.maxTempC");
        if (tempC != null && (!Double.isFinite(tempC) || tempC < minC || tempC > maxC)) {
            throw new MessageException("properties.error.ageTempRange", "ageTempC must be from " + Math.round(minC) + " to " + Math.round(maxC)
                    + " °C, was " + tempC, tempC).at("ageTempC");
        }
        if (!Double.isFinite(hours) || hours < 0 || hours > 10_000) {
            throw new MessageException("properties.error.ageHoursRange", "ageHours must be from 0 to 10000 h, was " + hours, hours).at("ageHours");
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
