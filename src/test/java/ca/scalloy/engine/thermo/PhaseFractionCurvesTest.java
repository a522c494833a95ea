package ca.scalloy.engine.thermo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CancellationException;

import org.junit.jupiter.api.Test;

import ca.scalloy.engine.Composition;
import ca.scalloy.engine.Progress;

class PhaseFractionCurvesTest {

    private static final ThermoCalculator THERMO = ThermoCalculator.alRichCorner();
    private static final Composition AL_04SC = ThermoTesting.wt("Sc=0.4");

    @Test
    void fractionsSumToOneLiquidAboveTheLiquidusAndNoneBelowTheSolidus() {
        PhaseFractionCurves c = PhaseFractionCurves.sweep(THERMO, AL_04SC, 300, Progress.NONE);
        double liquidusC = c.melting().liquidus().tempC();
        double solidusC = c.melting().solidus().tempC();
        assertTrue(c.tempsC().contains(liquidusC) && c.tempsC().contains(solidusC), "the melting range itself is swept");
        assertEquals(300, c.tempsC().get(0));
        assertEquals(liquidusC + 25, c.tempsC().get(c.tempsC().size() - 1), 1e-9);
        List<Double> liquid = c.molFractions().get("LIQUID");
        for (int i = 0; i < c.tempsC().size(); i++) {
            double sum = 0;
            for (List<Double> f : c.molFractions().values()) {
                sum += f.get(i);
            }
            assertEquals(1, sum, 1e-6, "at " + c.tempsC().get(i));
            double t = c.tempsC().get(i);
            if (t > liquidusC + 0.01) {
                assertEquals(1, liquid.get(i), 1e-9, "all liquid at " + t);
            }
            if (t < solidusC - 0.01) {
                assertEquals(0, liquid.get(i), 1e-9, "no liquid at " + t);
            }
        }
        assertEquals("LIQUID", c.molFractions().keySet().iterator().next(), "listed in the order met on cooling");
        assertTrue(c.unconverged().isEmpty(), () -> "unconverged at " + c.unconverged());
    }

    /*
     * At 400 °C Al-0.4Sc is (Al) + Al3Sc. Lever rule in atoms: f(Al3Sc) = (x - x_s) / (0.25 - x_s), with x the alloy's Sc
     * and x_s the binary solubility at 400 °C (the solvus, a different calculation: the two-phase equilibrium of an
     * alloy half-way to Al3Sc).
     */
    @Test
    void theAl3ScFractionFollowsTheLeverRuleOnTheSolvus() {
        PhaseFractionCurves c = PhaseFractionCurves.sweep(THERMO, AL_04SC, 400, Progress.NONE);
        double x = ThermoTesting.moleFraction(0.4, 44.955908);
        double xs = ThermoTesting.moleFraction(THERMO.solubilityWtPct("Sc", "AL3SC", 400), 44.955908);
        double lever = (x - xs) / (0.25 - xs);
        assertEquals(lever, c.molFractions().get("AL3SC").get(0), 1e-6);
    }

    /* Each equilibrium of the sweep starts from the one above it: it must land where a solve from nothing lands. */
    @Test
    void warmStartedEquilibriaAreThoseSolvedFromNothing() {
        Composition marine = ThermoTesting.wt("Mg=4.5,Mn=0.5,Sc=0.3,Zr=0.1,Fe=0.1,Si=0.1");
        PhaseFractionCurves c = PhaseFractionCurves.sweep(THERMO, marine, 250, Progress.NONE);
        for (int i = 0; i < c.tempsC().size(); i += 3) {
            Equilibrium cold = THERMO.equilibrium(marine, c.tempsC().get(i));
            for (PhaseFraction p : cold.phases()) {
                assertEquals(p.molFraction(), c.molFractions().get(p.name()).get(i), 1e-8, p.name() + " at " + c.tempsC().get(i));
            }
        }
    }

    @Test
    void aCancelledSweepStops() {
        Progress cancelled = new Progress() {
            @Override
            public boolean cancelled() {
                return true;
            }

            @Override
            public void done(double fraction) {
            }
        };
        assertThrows(CancellationException.class, () -> PhaseFractionCurves.sweep(THERMO, AL_04SC, 300, cancelled));
    }

    @Test
    void aStartAboveTheLiquidusIsRefusedNamingIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PhaseFractionCurves.sweep(THERMO, AL_04SC, 900, Progress.NONE));
        assertTrue(e.getMessage().startsWith("fromC must be below the liquidus 659."), e.getMessage());
    }
}
