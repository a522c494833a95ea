package ca.scalloy.engine.thermo;

import java.util.Map;

import ca.scalloy.engine.Message;

/**
 * What (Al) holds in solid solution after solidification by a process route, before any heat treatment:
 * what the strength and conductivity models start from.
 *
 * @param route                   the process route
 * @param retainedInSolutionWtPct each solute held in (Al), wt% of the alloy
 * @param source                  how it was found (model and, for RAPID, the limits' source), as a code with arguments
 * @param database                the thermodynamic data used (CAST and EQUILIBRIUM), else null
 */
public record SolidSolution(ProcessRoute route, Map<String, Double> retainedInSolutionWtPct, Message source, DatabaseUse database) {

    public SolidSolution {
        retainedInSolutionWtPct = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(retainedInSolutionWtPct));
    }

    /** What the (Al) formed along a Scheil-Gulliver path holds: the CAST route. */
    public static SolidSolution afterScheil(ScheilCurve s) {
        double fromC = Math.round(s.liquidusC() * 10) / 10.0;
        double toC = Math.round(s.solidusC() * 10) / 10.0;
        return new SolidSolution(ProcessRoute.CAST, s.retainedInSolutionWtPct(), Message.of("solid.scheil", String.format(java.util.Locale.ROOT,
                "Scheil-Gulliver solidification from %.1f to %.1f °C", s.liquidusC(), s.solidusC()), fromC, toC), s.database());
    }

    /** wt% of the alloy of an element in solution (0 when absent). */
    public double wtPct(String element) {
        return retainedInSolutionWtPct.getOrDefault(element, 0.0);
    }
}
