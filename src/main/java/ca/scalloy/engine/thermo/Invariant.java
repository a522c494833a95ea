package ca.scalloy.engine.thermo;

/**
 * A three-phase invariant of a binary Al-X system with the liquid: eutectic L -> (Al) + X or
 * peritectic L + X -> (Al).
 *
 * @param system          e.g. {@code Al-Zr}
 * @param phase           the solid besides (Al), e.g. {@code AL3ZR}
 * @param tempC           the invariant temperature, degrees C
 * @param liquidWtPct     the solute in the liquid, wt%
 * @param aluminiumWtPct  the solute in (Al), wt%
 * @param database        where the data came from
 */
public record Invariant(String system, String phase, double tempC, double liquidWtPct, double aluminiumWtPct, DatabaseUse database) {
}
