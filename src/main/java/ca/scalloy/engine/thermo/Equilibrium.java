package ca.scalloy.engine.thermo;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The phases of an alloy in equilibrium at one temperature (1 bar).
 *
 * @param tempC                     temperature, degrees C
 * @param phases                    the stable phases, largest first
 * @param chemicalPotentialsJPerMol each element's chemical potential, J/mol, referred to SER (298.15 K, 1 bar)
 * @param converged                 false when the solver did not meet its tolerances (see {@code note})
 * @param note                      why it did not converge, or null
 * @param database                  where the data came from
 */
public record Equilibrium(double tempC, List<PhaseFraction> phases, Map<String, Double> chemicalPotentialsJPerMol, boolean converged,
        String note, DatabaseUse database) {

    public Equilibrium {
        phases = List.copyOf(phases);
        chemicalPotentialsJPerMol = Map.copyOf(chemicalPotentialsJPerMol);
    }

    /** The phase of this name, if stable. */
    public Optional<PhaseFraction> phase(String name) {
        return phases.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /** Mole fraction (atoms) of a phase, 0 when it is not stable. */
    public double molFraction(String name) {
        return phase(name).map(PhaseFraction::molFraction).orElse(0.0);
    }
}
