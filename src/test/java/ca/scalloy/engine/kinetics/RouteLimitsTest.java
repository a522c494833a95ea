package ca.scalloy.engine.kinetics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import ca.scalloy.engine.Composition;

class RouteLimitsTest {

    private final RouteLimits routes = new RouteLimits();

    @Test
    void castKeepsAllScUpToTheEutecticSolubilityAndZrUpToThePeritectic() {
        StartingState s = routes.of(new Composition(Map.of("Sc", 0.3, "Zr", 0.42), "Al"), ProcessRoute.CAST);
        assertEquals(0.3, s.scInSolutionWtPct(), 1e-12);
        assertEquals(0.28, s.zrInSolutionWtPct(), 1e-12);
        // Sc 0.3 with Zr above 0.1 refines the cast grain (property-models.csv: grain.refinedM 35 µm)
        assertEquals(35e-6, s.grainSizeM(), 1e-12);
    }

    /*
     * AlSc2 cast: (Al) holds 0.35 wt% Sc; the rest is Al3Sc (25 at% Sc). In mole fractions: Sc 2.0 wt% is
     * x = (2/44.955908) / (2/44.955908 + 98/26.9815385) = 0.012100; 0.35 wt% is
     * x_s = (0.35/44.955908) / (0.35/44.955908 + 99.65/26.9815385) = 0.0021036. Atoms in Al3Sc:
     * (0.012100 - 0.0021036) / (0.25 - 0.0021036) = 0.040325; Sc in solution per atom 0.0021036 * (1 - 0.040325)
     * = 0.0020188, a share 0.16684 of the Sc: 0.33368 wt% of the alloy.
     */
    @Test
    void castBeyondTheEutecticSolubilitySharesScByTheLeverRule() {
        StartingState s = routes.of(new Composition(Map.of("Sc", 2.0), "Al"), ProcessRoute.CAST);
        assertEquals(0.33368, s.scInSolutionWtPct(), 2e-5);
        assertEquals(35e-6, s.grainSizeM(), 1e-12); // hypereutectic: primary Al3Sc refines
    }

    @Test
    void rapidKeepsScAndZrUpToTheRouteLimits() {
        StartingState s = routes.of(new Composition(Map.of("Sc", 1.2, "Zr", 0.5, "Mg", 4.5), "Al"), ProcessRoute.RAPID);
        assertEquals(0.7, s.scInSolutionWtPct(), 1e-12);
        assertEquals(0.3, s.zrInSolutionWtPct(), 1e-12);
        assertEquals(1.5e-6, s.grainSizeM(), 1e-12);
    }

    /* Equilibrium solidification: the same limits as CAST (they are the lever rule's), said to be equilibrium's. */
    @Test
    void equilibriumKeepsWhatTheLeverRuleKeepsAndSaysSo() {
        Composition c = new Composition(Map.of("Sc", 2.0, "Zr", 0.42), "Al");
        StartingState cast = routes.of(c, ProcessRoute.CAST);
        StartingState eq = routes.of(c, ProcessRoute.EQUILIBRIUM);
        assertEquals(ProcessRoute.EQUILIBRIUM, eq.route());
        assertEquals(cast.scInSolutionWtPct(), eq.scInSolutionWtPct(), 1e-12);
        assertEquals(cast.zrInSolutionWtPct(), eq.zrInSolutionWtPct(), 1e-12);
        assertTrue(eq.basis().startsWith("equilibrium solidification: "), eq.basis());
    }
}
