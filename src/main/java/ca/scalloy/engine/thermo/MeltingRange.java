package ca.scalloy.engine.thermo;

/**
 * The equilibrium melting range of an alloy.
 *
 * @param liquidus where solidification starts, with the primary phase
 * @param solidus  where the last liquid disappears (equilibrium)
 */
public record MeltingRange(Liquidus liquidus, Solidus solidus) {
}
