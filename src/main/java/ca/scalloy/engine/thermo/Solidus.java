package ca.scalloy.engine.thermo;

/**
 * Where the last liquid disappears on cooling in equilibrium (lever rule).
 *
 * @param tempC     solidus temperature, degrees C
 * @param converged false when the search did not close to 0.01 K
 * @param database  where the data came from
 */
public record Solidus(double tempC, boolean converged, DatabaseUse database) {
}
