package ca.scalloy.engine.kinetics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import ca.scalloy.engine.Composition;
import ca.scalloy.engine.thermo.ProcessRoute;
import ca.scalloy.engine.thermo.ThermoCalculator;

class StartingStatesTest {

    private static final StartingStates STATES = new StartingStates();
    private static final ThermoCalculator CORE = ThermoCalculator.alRichCorner();

    private static Composition al(Map<String, Double> wt) {
        return new Composition(wt, "Al");
    }

    /* CAST: what the Scheil-Gulliver (Al) holds (the core's), so AlSc2Zr1 keeps almost none of its Zr (primary Al3Zr). */
    @Test
    void castKeepsWhatScheilGulliverLeavesInAl() {
        Composition c = al(Map.of("Sc", 2.0, "Zr", 1.0));
        StartingState s = STATES.of(c, ProcessRoute.CAST);
        assertEquals(CORE.scheil(c).retainedInSolutionWtPct().get("Sc"), s.scInSolutionWtPct(), 1e-12);
        assertTrue(s.zrInSolutionWtPct() < 0.01, "Zr " + s.zrInSolutionWtPct());
        assertEquals(35e-6, s.grainSizeM(), 1e-12, "primary Al3Zr refines the grain (grain.refinedM)");
    }

    /* RAPID: up to the LPBF limits of rapid-solidification-limits.csv (Sc 0.25 fitted, Zr 0.42); the LPBF grain. */
    @Test
    void rapidKeepsSolutesUpToTheTechniquesLimits() {
        StartingState s = STATES.of(al(Map.of("Sc", 1.2, "Zr", 0.3, "Mg", 4.5)), ProcessRoute.RAPID);
        assertEquals(0.25, s.scInSolutionWtPct(), 1e-12);
        assertEquals(0.3, s.zrInSolutionWtPct(), 1e-12);
        assertEquals(4.5, s.otherSolutesWtPct().get("Mg"), 1e-12, "no limit listed, not annealed: all of it");
        assertEquals(2.5e-6, s.grainSizeM(), 1e-12);
    }

    /* EQUILIBRIUM: Al-0.25Sc holds all its Sc just below the solidus; unrefined grain (primary (Al)). */
    @Test
    void equilibriumKeepsWhatAlHoldsBelowTheSolidus() {
        StartingState s = STATES.of(al(Map.of("Sc", 0.25)), ProcessRoute.EQUILIBRIUM);
        assertEquals(0.25, s.scInSolutionWtPct(), 1e-6);
        assertEquals(150e-6, s.grainSizeM(), 1e-12);
    }

    /* Si above 0.5 wt% ties Sc up, one atom per atom: 0.2 · 44.955908/28.085 = 0.32014 wt% Sc for 0.7 Si. */
    @Test
    void siliconAboveTheLimitTiesScandiumUp() {
        assertEquals(0.32014, STATES.scTiedUpBySiWtPct(al(Map.of("Sc", 0.3, "Si", 0.7))), 1e-5);
        assertEquals(0, STATES.scTiedUpBySiWtPct(al(Map.of("Sc", 0.3, "Si", 0.5))));
        StartingState s = STATES.of(al(Map.of("Sc", 0.3, "Si", 0.7)), ProcessRoute.EQUILIBRIUM);
        assertEquals(0, s.scInSolutionWtPct(), 1e-12);
        assertTrue(s.basis().english().contains("tied up by Si"), s.basis().english());
    }

    /*
     * Homogenised and annealed (CAST, EQUILIBRIUM): 5083's Mn at most what (Al) holds at 500 °C (dispersoids), its Mg what
     * (Al) holds at 345 °C: all of it (under the Al3Mg2 solvus near 230 °C) but what Mg2Si takes with the 0.15 Si,
     * 2 · 24.305/28.085 · 0.15 = 0.26 wt%: 4.14 wt%; Cr, outside the data, at most 0.20 wt%.
     */
    @Test
    void homogenisationTakesManganeseOutAndAnnealingKeepsMagnesiumIn() {
        Composition c = al(Map.of("Mg", 4.4, "Mn", 0.7, "Cr", 0.15, "Fe", 0.25, "Si", 0.15));
        StartingState s = STATES.of(c, ProcessRoute.CAST);
        double mnAt500 = CORE.equilibrium(c, 500).phases().stream().filter(p -> p.name().equals("FCC_A1"))
                .mapToDouble(p -> p.compositionWtPct().get("Mn") * p.massFraction()).sum();
        assertEquals(Math.min(mnAt500, CORE.scheil(c).retainedInSolutionWtPct().get("Mn")), s.otherSolutesWtPct().get("Mn"), 1e-9);
        assertTrue(s.otherSolutesWtPct().get("Mn") < 0.35, "Mn " + s.otherSolutesWtPct().get("Mn"));
        assertEquals(4.14, s.otherSolutesWtPct().get("Mg"), 0.03);
        assertEquals(0.15, s.otherSolutesWtPct().get("Cr"), 1e-12);
        assertTrue(s.basis().english().contains("homogenised at 500 °C") && s.basis().english().contains("annealed at 345 °C"),
                s.basis().english());
    }

    @Test
    void onlyAluminiumAlloysAreTaken() {
        assertThrows(IllegalArgumentException.class, () -> STATES.of(new Composition(Map.of("Al", 3.0), "Mg"), ProcessRoute.CAST));
    }
}
