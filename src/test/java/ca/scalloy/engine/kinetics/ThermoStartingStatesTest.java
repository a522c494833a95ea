package ca.scalloy.engine.kinetics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import ca.scalloy.engine.Composition;
import ca.scalloy.engine.thermo.ThermoCalculator;

class ThermoStartingStatesTest {

    private final ThermoStartingStates states = new ThermoStartingStates();

    /*
     * Al-0.3Sc solidified in equilibrium: (Al) holds up to 0.309 wt% Sc at the eutectic (decision 0013), so all of
     * the 0.3 wt% is in solution just below the solidus.
     */
    @Test
    void equilibriumKeepsAllTheScandiumOfAnAlloyBelowTheMaximumSolubility() {
        StartingState s = states.of(new Composition(Map.of("Sc", 0.3), "Al"), ProcessRoute.EQUILIBRIUM);
        assertEquals(ProcessRoute.EQUILIBRIUM, s.route());
        assertEquals(0.3, s.scInSolutionWtPct(), 2e-3);
        assertTrue(s.basis().startsWith("equilibrium (lever rule)"), s.basis());
    }

    /*
     * Cast Al-0.3Sc-0.42Zr: primary Al3Zr forms from about 800 °C and takes Zr out of the liquid before (Al) forms, so
     * (Al) keeps far less Zr than the alloy has; the state is the Scheil path's, as the thermodynamic core gives it.
     */
    @Test
    void castKeepsWhatTheScheilPathLeavesInAluminium() {
        Composition c = new Composition(Map.of("Sc", 0.3, "Zr", 0.42), "Al");
        StartingState s = states.of(c, ProcessRoute.CAST);
        var scheil = ThermoCalculator.alRichCorner().scheil(c);
        assertEquals(Math.min(0.3, scheil.retainedInSolutionWtPct().get("Sc")), s.scInSolutionWtPct(), 1e-12);
        assertEquals(scheil.retainedInSolutionWtPct().get("Zr"), s.zrInSolutionWtPct(), 1e-12);
        assertTrue(s.zrInSolutionWtPct() < 0.28, "less than the peritectic (Al): " + s.zrInSolutionWtPct());
        assertTrue(s.basis().contains("Scheil-Gulliver") && s.basis().contains("cost507-light-alloys.tdb"), s.basis());
        assertEquals(new RouteLimits().of(c, ProcessRoute.CAST).grainSizeM(), s.grainSizeM());
    }

    /* Laser powder-bed fusion keeps Sc up to 0.70 and Zr up to 0.42 wt% (rapid-solidification-limits.csv). */
    @Test
    void rapidKeepsUpToTheLaserPowderBedFusionLimits() {
        StartingState s = states.of(new Composition(Map.of("Sc", 1.2, "Zr", 0.5, "Mg", 4.5), "Al"), ProcessRoute.RAPID);
        assertEquals(0.70, s.scInSolutionWtPct(), 1e-12);
        assertEquals(0.42, s.zrInSolutionWtPct(), 1e-12);
        assertEquals(1.5e-6, s.grainSizeM(), 1e-12);
    }
}
