package ca.scalloy.engine.thermo;

/**
 * How the alloy solidified, which decides what (Al) keeps in solution before any heat treatment.
 */
public enum ProcessRoute {
    /** Conventional casting: Scheil-Gulliver solidification. */
    CAST,
    /**
     * Rapid solidification (laser powder-bed fusion, atomised powder, melt spinning): solutes stay in
     * solution up to the technique's limit ({@code rapid-solidification-limits.csv}, with sources).
     */
    RAPID,
    /** Solidification in equilibrium (lever rule): (Al) holds what it holds at the equilibrium solidus. */
    EQUILIBRIUM
}
