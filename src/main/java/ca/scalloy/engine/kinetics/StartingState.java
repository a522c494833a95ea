package ca.scalloy.engine.kinetics;

import ca.scalloy.engine.Message;
import ca.scalloy.engine.thermo.ProcessRoute;

/**
 * The state an alloy enters ageing in: what its (Al) holds in solution and its grain size.
 *
 * @param route              the process route it comes from
 * @param scInSolutionWtPct  Sc dissolved in (Al), wt% of the alloy, from 0 to the alloy's Sc
 * @param zrInSolutionWtPct  Zr dissolved in (Al), wt% of the alloy, from 0 to the alloy's Zr
 * @param grainSizeM         mean grain size, m, above 0 (for Hall-Petch)
 * @param basis              how the state was obtained (model and source), clause by clause, for the result's notes
 * @param otherSolutesWtPct  what (Al) holds of each other solute (Mg, Mn, Si, Fe, ...), wt% of the alloy; ageing does
 *                           not change it (only Sc and Zr precipitate in the model)
 */
public record StartingState(ProcessRoute route, double scInSolutionWtPct, double zrInSolutionWtPct, double grainSizeM,
                            Message basis, java.util.Map<String, Double> otherSolutesWtPct) {

    public StartingState {
        if (route == null) {
            throw new IllegalArgumentException("route must be given");
        }
        if (!Double.isFinite(scInSolutionWtPct) || scInSolutionWtPct < 0) {
            throw new IllegalArgumentException("scInSolutionWtPct must be >= 0, was " + scInSolutionWtPct);
        }
        if (!Double.isFinite(zrInSolutionWtPct) || zrInSolutionWtPct < 0) {
            throw new IllegalArgumentException("zrInSolutionWtPct must be >= 0, was " + zrInSolutionWtPct);
        }
        if (!Double.isFinite(grainSizeM) || grainSizeM <= 0) {
            throw new IllegalArgumentException("grainSizeM must be above 0, was " + grainSizeM);
        }
        if (basis == null) {
            throw new IllegalArgumentException("basis must be given");
        }
        otherSolutesWtPct = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(otherSolutesWtPct));
    }
}
