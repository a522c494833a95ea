package ca.scalloy.engine.charge;

/**
 * One charge of a cost-against-CO2 (or cost-against-Sc) front: the least cost at one bound on the other axis.
 *
 * @param cost   the charge's cost
 * @param co2Kg  its kg CO2e
 * @param scKg   the kg of Sc it charges (the Sc the plant buys, before recovery)
 */
public record ParetoPoint(double cost, double co2Kg, double scKg) {

    /** The quantity a front trades against cost. */
    public enum Axis {
        /** kg CO2e of the charge. */
        CO2,
        /** kg of Sc charged. */
        SC
    }

    /** This point's value on {@code axis}. */
    public double value(Axis axis) {
        return axis == Axis.CO2 ? co2Kg : scKg;
    }
}
