package ca.scalloy.engine.charge;

/** What the charge solver optimises. */
public enum Objective {
    /** Least cost of the raw materials. */
    MIN_COST,
    /** Least CO2 of the raw materials; ties broken by cost. */
    MIN_CO2,
    /** Closest to every aim (weighted), then least cost with that closeness held. */
    AIM
}
