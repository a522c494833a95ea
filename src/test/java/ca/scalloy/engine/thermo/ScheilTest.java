package ca.scalloy.engine.thermo;

import static ca.scalloy.engine.thermo.ThermoTesting.wt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ScheilTest {

    private static final ThermoCalculator CALC = ThermoCalculator.alRichCorner();

    private static void assertOrderedPath(ScheilCurve s) {
        assertTrue(s.converged(), s.note());
        List<ScheilStep> steps = s.steps();
        for (int i = 1; i < steps.size(); i++) {
            assertTrue(steps.get(i).tempC() < steps.get(i - 1).tempC(), "temperature falls at step " + i);
            assertTrue(steps.get(i).fractionSolid() >= steps.get(i - 1).fractionSolid(), "solid grows at step " + i);
        }
        double formed = s.phaseFractions().values().stream().mapToDouble(Double::doubleValue).sum();
        assertEquals(1, formed, 2 * ThermoCalculator.SCHEIL_END_LIQUID, "the solid formed is the whole alloy");
        assertEquals(s.liquidusC(), steps.get(0).tempC(), 1e-9);
        assertEquals(s.solidusC(), steps.get(steps.size() - 1).tempC(), 1e-9);
    }

    /** Hypoeutectic Al-0.3Sc: (Al) first, the last liquid reaches the eutectic (659.15 °C, decision 0013) and freezes there. */
    @Test
    void alScEndsAtTheEutecticWithAl3Sc() {
        ScheilCurve s = CALC.scheil(wt("Sc=0.3"));
        assertOrderedPath(s);
        assertEquals("FCC_A1", s.liquidusPrimaryPhase());
        assertEquals(659.15, s.solidusC(), 0.1);
        assertTrue(s.steps().get(s.steps().size() - 1).phases().containsAll(List.of("FCC_A1", "AL3SC")));
        double kept = s.retainedInSolutionWtPct().get("Sc");
        assertTrue(kept > 0.2 && kept < 0.3, "most Sc stays in (Al), the eutectic Al3Sc takes the rest: " + kept);
    }

    /** Al-Mg: Scheil ends at the Al-Mg eutectic with beta (450 °C, README invariant). */
    @Test
    void alMgEndsAtTheBetaEutectic() {
        ScheilCurve s = CALC.scheil(wt("Mg=4.5"));
        assertOrderedPath(s);
        assertEquals(450.5, s.solidusC(), 1.0);
        assertTrue(s.phaseFractions().containsKey("AL3MG2"));
        assertTrue(s.solidusC() < CALC.solidus(wt("Mg=4.5")).tempC() - 100, "Scheil ends far below the equilibrium solidus");
    }

    /**
     * The last liquid of Al-Mg goes at the Al-Mg eutectic, an invariant of the binary: the path closes in on the
     * onset of Al3Mg2 by its driving force (to 0.005 K), takes its last step with liquid just above it and then
     * one smallest step (0.05 K) down. So the last step with liquid lies within 0.01 K of the invariant found
     * independently (the liquid touching the common tangent of (Al) and Al3Mg2, itself to 0.005 K: 450.47 °C in
     * these data) and the end 0.05 K below that step, whatever the alloy's Mg.
     */
    @ParameterizedTest(name = "Mg={0}")
    @ValueSource(doubles = {3, 4.5, 8})
    void alMgPathTakesItsLastLiquidStepAtTheEutectic(double mgWtPct) {
        double eutecticC = CALC.binaryInvariant("Mg", "AL3MG2").tempC();
        ScheilCurve s = CALC.scheil(wt("Mg=" + mgWtPct));
        assertOrderedPath(s);
        List<ScheilStep> steps = s.steps();
        double lastLiquidC = steps.get(steps.size() - 2).tempC();
        assertEquals(eutecticC, lastLiquidC, 0.01, "the last step with liquid");
        assertEquals(lastLiquidC - 0.05, s.solidusC(), 1e-9, "the end, one smallest step below");
        assertTrue(s.phaseFractions().containsKey("AL3MG2"));
    }

    /** Scalmalloy-type: Al3Zr then Al3(Sc,Zr) from the melt, then (Al); the Sc kept in (Al) is less than the alloy's. */
    @Test
    void scalmalloyFormsPrimaryTrialuminidesAndKeepsPartOfItsSc() {
        ScheilCurve s = CALC.scheil(wt("Mg=4.6,Mn=0.5,Sc=0.7,Zr=0.35,Fe=0.1,Si=0.1"));
        assertOrderedPath(s);
        assertEquals("AL3ZR", s.liquidusPrimaryPhase());
        assertTrue(s.phaseFractions().containsKey("AL3SC"));
        double sc = s.retainedInSolutionWtPct().get("Sc");
        double zr = s.retainedInSolutionWtPct().get("Zr");
        assertTrue(sc > 0 && sc < 0.7, "Sc kept " + sc);
        assertTrue(zr >= 0 && zr < 0.35, "Zr kept " + zr);
        assertTrue(s.solidusC() < 480, "non-equilibrium end near the Al-Mg eutectic, was " + s.solidusC());
    }

    /**
     * Master alloys and a casting alloy with impurities whose last liquid crosses several invariant
     * reactions (Al-Fe-Si, Al-Si-Mg2Si): the path must get through them, not stop with "did not converge".
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"Sc=2,Fe=0.12,Si=0.06", "Zr=10,Fe=0.2,Si=0.1", "Si=7,Mg=0.3"})
    void pathsThroughMultiPhaseInvariantsConverge(String composition) {
        ScheilCurve s = CALC.scheil(wt(composition));
        assertOrderedPath(s);
        assertTrue(s.solidusC() < s.liquidusC() - 50, s.solidusC() + " against " + s.liquidusC());
    }

    @Test
    void routesDecideWhatStaysInSolution() {
        var alloy = wt("Mg=4.6,Sc=0.7,Zr=0.35");
        SolidSolution cast = CALC.solidSolution(alloy, ProcessRoute.CAST, null);
        SolidSolution rapid = CALC.solidSolution(alloy, ProcessRoute.RAPID, RapidTechnique.LASER_POWDER_BED_FUSION);
        SolidSolution equilibrium = CALC.solidSolution(alloy, ProcessRoute.EQUILIBRIUM, null);
        assertEquals(0.25, rapid.wtPct("Sc"), 1e-12, "LPBF: the Sc limit fitted to Scalmalloy (rapid-solidification-limits.csv)");
        assertEquals(0.35, rapid.wtPct("Zr"), 1e-12, "below the LPBF limit of 0.42: all of it");
        assertEquals(4.6, rapid.wtPct("Mg"), 1e-12, "no limit listed: partitionless");
        assertTrue(rapid.source().english().contains("Cerri"), rapid.source().english());
        assertNull(rapid.database());
        assertTrue(cast.wtPct("Sc") < rapid.wtPct("Sc"));
        assertTrue(equilibrium.wtPct("Sc") < cast.wtPct("Sc") + 1e-9, "equilibrium near the solidus keeps least");
        SolidSolution atomised = CALC.solidSolution(wt("Sc=0.9"), ProcessRoute.RAPID, RapidTechnique.ATOMISED_POWDER);
        assertEquals(0.6, atomised.wtPct("Sc"), 1e-12);
    }

    @Test
    void hypoeutecticAlScKeepsAllItsScInEquilibrium() {
        SolidSolution eq = CALC.solidSolution(wt("Sc=0.25"), ProcessRoute.EQUILIBRIUM, null);
        assertEquals(0.25, eq.wtPct("Sc"), 1e-6);
    }
}
