package ca.scalloy.engine.phase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import ca.scalloy.engine.Composition;

class MeltModelTest {

    private static Composition al(Map<String, Double> pct) {
        return new Composition(pct, "Al");
    }

    /*
     * Binary Al-Sc (al-sc-data.md §3.2): pure Al 660.32 °C; the eutectic 655 °C at 0.60 wt%;
     * 2.0 wt% Sc lies between 1.78 (750) and 2.31 (775): 750 + (0.22/0.53)*25 = 760.38 °C;
     * half-way below the eutectic, 0.30 wt%: (660.32 + 655)/2 = 657.66 °C.
     */
    @ParameterizedTest
    @CsvSource({"0.0, 660.32", "0.30, 657.66", "0.60, 655.0", "1.78, 750.0", "2.0, 760.377"})
    void binaryLiquidusFollowsTheTable(double scWtPct, double expectedC) {
        assertEquals(expectedC, MeltModel.liquidus(al(Map.of("Sc", scWtPct))).valueC(), 1e-3);
    }

    /* AlSc2 is hypereutectic (2.0 > 0.60 wt%): primary Al3Sc forms; 0.25 % Sc in 5083 is not. */
    @Test
    void hypereutecticWhenScandiumIsAboveTheEutectic() {
        assertTrue(MeltModel.liquidus(al(Map.of("Sc", 2.0))).hypereutectic());
        assertFalse(MeltModel.liquidus(al(Map.of("Sc", 0.25, "Mg", 4.5))).hypereutectic());
    }

    /*
     * Other solutes shift the liquidus by m·c: Al-0.25Sc-4.5Mg-0.7Mn:
     * binary at 0.25 % Sc = 660.32 - 0.25/0.60*5.32 = 658.103 °C; Mg -6.2*4.5 = -27.9; Mn -1.6*0.7 = -1.12
     * -> 629.083 °C.
     */
    @Test
    void otherSolutesShiftTheLiquidusThroughTheirSlopes() {
        assertEquals(629.083, MeltModel.liquidus(al(Map.of("Sc", 0.25, "Mg", 4.5, "Mn", 0.7))).valueC(), 1e-3);
    }

    @Test
    void scandiumBeyondTheTableIsFlaggedAsExtrapolated() {
        MeltModel.Liquidus l = MeltModel.liquidus(al(Map.of("Sc", 9.0)));
        assertFalse(l.withinValidity());
        assertTrue(l.warnings().get(0).english().contains("9.0"), l.warnings().toString());
        assertEquals(50, l.uncertaintyC());
    }

    @Test
    void negativeScandiumIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> MeltModel.binaryLiquidus(-0.1));
    }
}
