package ca.scalloy.engine.thermo;

/**
 * Where a melt starts to solidify on cooling (equilibrium).
 *
 * @param tempC        liquidus temperature, degrees C
 * @param primaryPhase the first solid to form ({@code FCC_A1}, {@code AL3SC}, {@code AL3ZR}, {@code AL3TI}, ...)
 * @param converged    false when the search did not close to 0.01 K
 * @param database     where the data came from
 */
public record Liquidus(double tempC, String primaryPhase, boolean converged, DatabaseUse database) {
}
