package ca.scalloy.engine.charge;

/** Outcome of a charge calculation. */
public enum ChargeStatus {
    /** A charge meeting every limit, optimal for the objective. */
    OPTIMAL,
    /** No charge of these materials meets every limit; see the diagnosis. */
    INFEASIBLE
}
