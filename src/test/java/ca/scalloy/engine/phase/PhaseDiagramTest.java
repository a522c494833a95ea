package ca.scalloy.engine.phase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class PhaseDiagramTest {

    /* The eutectic of the ASM assessment: 655 °C, 0.60 wt% Sc (al-sc-data.md §3). */
    @Test
    void alScEutecticIsTheAssessedPoint() {
        PhaseDiagram.Invariant e = PhaseDiagram.alSc().invariant();
        assertEquals(655.0, e.tempC());
        assertEquals(0.60, e.liquidWtPct());
        // The solvus at 655 °C (model): 0.32 wt%, near Fujikawa's extrapolated 0.35 wt% maximum.
        assertEquals(0.32, e.solidWtPct(), 0.01);
    }

    @Test
    void curvesRunFromTheirStartToTheInvariant() {
        PhaseDiagram d = PhaseDiagram.alSc();
        List<PhaseDiagram.Point> solvus = d.solvus(400, 10);
        assertEquals(11, solvus.size());
        assertEquals(400, solvus.get(0).tempC(), 1e-9);
        assertEquals(655, solvus.get(10).tempC(), 1e-9);
        List<PhaseDiagram.Point> liquidus = d.liquidus(3.0, 30);
        assertEquals(660.32, liquidus.get(0).tempC(), 1e-9);
        assertTrue(liquidus.get(30).bandC() >= 30, "the hypereutectic liquidus carries its ±30-50 °C band");
    }

    /* Al-Zr: peritectic at 660.8 °C; the model's solvus there gives (Al) 0.28 wt% Zr as the reference says. */
    @Test
    void alZrHasThePeritecticAndNoLiquidusModel() {
        PhaseDiagram zr = PhaseDiagram.alZr();
        assertEquals(660.8, zr.invariant().tempC());
        assertEquals(0.28, zr.invariant().solidWtPct(), 0.01);
        assertNull(zr.invariant().liquidWtPct());
        assertTrue(zr.liquidus(1, 10).isEmpty());
    }
}
