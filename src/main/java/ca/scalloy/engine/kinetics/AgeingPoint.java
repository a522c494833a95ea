package ca.scalloy.engine.kinetics;

/**
 * The alloy's state at one moment of a schedule. Contents are wt% of the alloy; the precipitates are
 * the size classes of the distribution at or above the smallest particle counted
 * ({@code nucleation.minRadiusM}).
 *
 * @param hours                  time since the schedule began, h
 * @param step                   index of the schedule step (0-based)
 * @param hoursInStep            time since that step began, h
 * @param tempC                  the step's temperature, °C
 * @param radiusNm               number-mean radius of the precipitates, nm (0 when there are none)
 * @param numberDensityPerM3     precipitates per m³
 * @param volumePct              volume % of Al₃(Sc,Zr) formed by ageing (primary particles from casting not included)
 * @param zrSiteFraction         mean share of the precipitates' solute sites held by Zr, 0..1
 * @param scInSolutionWtPct      Sc left in (Al)
 * @param zrInSolutionWtPct      Zr left in (Al)
 * @param scInPrecipitatesWtPct  Sc in the precipitates
 * @param zrInPrecipitatesWtPct  Zr in the precipitates
 * @param strength               the yield strength that follows
 */
public record AgeingPoint(double hours, int step, double hoursInStep, double tempC, double radiusNm, double numberDensityPerM3,
                          double volumePct, double zrSiteFraction, double scInSolutionWtPct, double zrInSolutionWtPct,
                          double scInPrecipitatesWtPct, double zrInPrecipitatesWtPct, AgedStrength strength) {

    /** Yield strength, MPa (best estimate). */
    public double yieldStrengthMPa() {
        return strength.yieldStrength().valueMPa();
    }
}
