package ca.scalloy.engine.thermo;

import java.util.Map;
import java.util.Objects;

/**
 * One phase of an equilibrium.
 *
 * @param name             the phase as Scalloy names it ({@code LIQUID}, {@code FCC_A1}, {@code AL3SC},
 *                         {@code AL3TI}, ...; a second composition set of the same phase gets {@code #2})
 * @param molFraction      moles of atoms in the phase per mole of atoms of the alloy, 0..1
 * @param massFraction     mass of the phase per mass of the alloy, 0..1
 * @param compositionWtPct the phase's composition, wt% of each element (Al included)
 * @param compositionAtPct the phase's composition, at% of each element (Al included)
 */
public record PhaseFraction(String name, double molFraction, double massFraction, Map<String, Double> compositionWtPct,
        Map<String, Double> compositionAtPct) {

    public PhaseFraction {
        Objects.requireNonNull(name, "name");
        compositionWtPct = Map.copyOf(compositionWtPct);
        compositionAtPct = Map.copyOf(compositionAtPct);
    }

    /** wt% of an element in the phase (0 when absent). */
    public double wtPct(String element) {
        return compositionWtPct.getOrDefault(element, 0.0);
    }
}
