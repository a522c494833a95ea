package ca.scalloy.engine.thermo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CancellationException;

import org.junit.jupiter.api.Test;

import ca.scalloy.engine.Progress;

class PhaseDiagramsTest {

    private static final PhaseDiagrams DIAGRAMS = PhaseDiagrams.standard();

    /*
     * Al-Sc from the re-fitted liquid (decision 0013): a eutectic 659.15 °C with the liquid at 0.600 wt% Sc and
     * (Al) at 0.309; pure Al melts at 933.47 K = 660.32 °C (SGTE unary). Below the eutectic liquid (Al) forms
     * first, above it Al3Sc.
     */
    @Test
    void alScIsAEutecticWithAlFirstBelowTheEutecticLiquidAndAl3ScAbove() {
        BinaryDiagram d = DIAGRAMS.of("Sc", Progress.NONE);
        assertTrue(d.eutectic());
        assertEquals(660.32, d.pureAlMeltC(), 0.01);
        assertEquals(659.15, d.invariant().tempC(), 0.05);
        assertEquals(0.600, d.invariant().liquidWtPct(), 0.005);
        assertEquals(0.309, d.invariant().aluminiumWtPct(), 0.005);
        for (BinaryDiagram.LiquidusPoint p : d.liquidus()) {
            if (p.wtPct() < d.invariant().liquidWtPct() - 1e-9) {
                assertEquals("FCC_A1", p.primaryPhase(), () -> "at " + p.wtPct());
            } else if (p.wtPct() > d.invariant().liquidWtPct() + 1e-9) {
                assertEquals("AL3SC", p.primaryPhase(), () -> "at " + p.wtPct());
            }
        }
        assertEquals(8.0, d.liquidus().get(d.liquidus().size() - 1).wtPct(), 1e-12);
        // The hypereutectic liquidus of the re-fit at 2 wt% (decision 0013's table: 774.4 °C).
        assertEquals(774.4, d.liquidusC(2.0), 1.0);
    }

    /*
     * Al-Zr from COST 507: a peritectic at 660.68 °C (published 660.8), liquid 0.091 wt%, (Al) 0.271 (decision 0013).
     * Issue 12: "Al-0.42Zr ... the Al-Zr diagram puts it near 800 °C" with primary Al3Zr.
     */
    @Test
    void alZrIsAPeritecticWhoseLiquidusNearFourTenthsOfAPercentIsNear800() {
        BinaryDiagram d = DIAGRAMS.of("Zr", Progress.NONE);
        assertFalse(d.eutectic());
        assertEquals(660.68, d.invariant().tempC(), 0.05);
        assertEquals(0.091, d.invariant().liquidWtPct(), 0.003);
        assertEquals(0.271, d.invariant().aluminiumWtPct(), 0.005);
        assertEquals(800, d.liquidusC(0.42), 20);
        assertEquals("AL3ZR", d.liquidus().get(d.liquidus().size() - 1).primaryPhase());
    }

    @Test
    void curvesRiseAndMeetAtTheInvariant() {
        for (String solute : PhaseDiagrams.solutes()) {
            BinaryDiagram d = DIAGRAMS.of(solute, Progress.NONE);
            List<BinaryDiagram.Point> solvus = d.solvus();
            for (int i = 1; i < solvus.size(); i++) {
                assertTrue(solvus.get(i).wtPct() > solvus.get(i - 1).wtPct(), solute + " solvus rises with temperature at " + i);
                assertTrue(solvus.get(i).tempC() > solvus.get(i - 1).tempC());
            }
            BinaryDiagram.Point top = solvus.get(solvus.size() - 1);
            assertEquals(d.invariant().aluminiumWtPct(), top.wtPct(), 1e-12);
            assertEquals(d.invariant().tempC(), d.solidus().get(d.solidus().size() - 1).tempC(), 1e-12);
            assertEquals(d.invariant().tempC(), d.liquidusC(d.invariant().liquidWtPct()), 1e-9);
            // Above the invariant liquid the precipitate's liquidus climbs.
            List<BinaryDiagram.LiquidusPoint> l = d.liquidus();
            for (int i = 1; i < l.size(); i++) {
                if (l.get(i - 1).wtPct() >= d.invariant().liquidWtPct()) {
                    assertTrue(l.get(i).tempC() > l.get(i - 1).tempC(), solute + " liquidus at " + l.get(i).wtPct());
                }
            }
        }
    }

    /* The liquidus points are the calculator's own liquidus at those contents. */
    @Test
    void liquidusPointsAreTheCalculatorsLiquidus() {
        BinaryDiagram d = DIAGRAMS.of("Ti", Progress.NONE);
        BinaryDiagram.LiquidusPoint p = d.liquidus().get(d.liquidus().size() / 2);
        Liquidus direct = ThermoCalculator.alRichCorner().liquidus(ThermoTesting.wt("Ti=" + p.wtPct()));
        assertEquals(direct.tempC(), p.tempC(), 1e-9);
        assertEquals(direct.primaryPhase(), p.primaryPhase());
    }

    @Test
    void aDiagramIsComputedOnceAndKept() {
        BinaryDiagram first = DIAGRAMS.of("Zr", Progress.NONE);
        assertTrue(DIAGRAMS.ready("Zr"));
        assertSame(first, DIAGRAMS.of("Zr", Progress.NONE));
    }

    @Test
    void aCancelledDiagramStopsAndIsNotKept() {
        PhaseDiagrams fresh = new PhaseDiagrams(ThermoCalculator.alRichCorner());
        int[] asked = {0};
        Progress stopAfterTen = new Progress() {
            @Override
            public boolean cancelled() {
                return ++asked[0] > 10;
            }

            @Override
            public void done(double fraction) {
                assertTrue(fraction >= 0 && fraction <= 1);
            }
        };
        assertThrows(CancellationException.class, () -> fresh.of("Sc", stopAfterTen));
        assertEquals(11, asked[0], "stopped at the first check after cancelling");
        assertFalse(fresh.ready("Sc"));
    }

    @Test
    void anUnknownSoluteIsRefusedNamingThoseWithADiagram() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DIAGRAMS.of("Mg", Progress.NONE));
        assertEquals("solute must be one of [Sc, Zr, Ti], was Mg", e.getMessage());
    }
}
