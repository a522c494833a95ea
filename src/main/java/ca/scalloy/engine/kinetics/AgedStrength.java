package ca.scalloy.engine.kinetics;

import ca.scalloy.engine.props.YieldStrength;

/**
 * Yield strength of an aged state.
 *
 * @param yieldStrength    the linear sum of base, solid solution, precipitation and grain size, with its band
 * @param precipitationMPa the precipitation term alone, MPa
 * @param mechanism        what the precipitates mostly do to dislocations: {@code "none"}, {@code "shearing"}
 *                         or {@code "Orowan looping"} (by the share of particles a slip plane meets)
 */
public record AgedStrength(YieldStrength yieldStrength, double precipitationMPa, String mechanism) {
}
