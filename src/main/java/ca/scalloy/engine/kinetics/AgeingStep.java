package ca.scalloy.engine.kinetics;

/**
 * One isothermal step of a heat treatment: held at {@code tempC} for {@code hours}; heating and
 * cooling between steps are taken as instantaneous.
 *
 * @param tempC temperature, °C, finite
 * @param hours time at temperature, h, above 0
 */
public record AgeingStep(double tempC, double hours) {

    public AgeingStep {
        if (!Double.isFinite(tempC)) {
            throw new IllegalArgumentException("tempC must be a number, was " + tempC);
        }
        if (!Double.isFinite(hours) || hours <= 0) {
            throw new IllegalArgumentException("hours must be above 0, was " + hours);
        }
    }

    /** As written in a schedule, e.g. {@code 300:24}. */
    @Override
    public String toString() {
        return AgeingSchedule.number(tempC) + ":" + AgeingSchedule.number(hours);
    }
}
