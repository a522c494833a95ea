package ca.scalloy.engine.thermo;

import java.util.List;
import java.util.Map;

/**
 * Scheil-Gulliver solidification of an alloy: the liquid stays uniform and in equilibrium with the
 * solid forming at its surface, the solid formed keeps its composition (no back-diffusion).
 *
 * @param liquidusC                  where solidification starts, degrees C
 * @param liquidusPrimaryPhase       the first solid
 * @param solidusC                   where it ends: the liquid is used up at an invariant reaction, or less
 *                                   than {@link ThermoCalculator#SCHEIL_END_LIQUID} of it is left
 * @param steps                      the path, from the liquidus down
 * @param phaseFractions             mole fraction of each solid phase formed, at the end
 * @param retainedInSolutionWtPct    each solute held in the (Al) formed, as wt% of the alloy (what a strength
 *                                   or conductivity model counts as in solid solution after casting)
 * @param matrixCompositionWtPct     the mean composition of the (Al) formed, wt%
 * @param growthRestrictionK         the growth restriction factor Q of (Al), K: ΔT/f_s as the mass fraction f_s of
 *                                   (Al) formed ΔT below its liquidus goes to 0 (Schmid-Fetzer &amp; Kozlov); from the
 *                                   liquid left when (Al) starts to form. Null when (Al) does not form
 * @param converged                  false when a step did not converge (the path stops there; see note)
 * @param note                       why it stopped early, or null
 * @param database                   where the data came from
 */
public record ScheilCurve(double liquidusC, String liquidusPrimaryPhase, double solidusC, List<ScheilStep> steps,
        Map<String, Double> phaseFractions, Map<String, Double> retainedInSolutionWtPct, Map<String, Double> matrixCompositionWtPct,
        Double growthRestrictionK, boolean converged, String note, DatabaseUse database) {

    public ScheilCurve {
        steps = List.copyOf(steps);
        phaseFractions = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(phaseFractions));
        retainedInSolutionWtPct = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(retainedInSolutionWtPct));
        matrixCompositionWtPct = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(matrixCompositionWtPct));
    }
}
