package ca.scalloy.engine.thermo;

import static ca.scalloy.engine.thermo.ThermoTesting.moleFraction;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SolubilityTest {

    private static final ThermoCalculator CALC = ThermoCalculator.alRichCorner();
    private static final double R = 8.31451;

    /**
     * Sc in (Al) against Al3Sc from mc_al 2.037 in closed form, independent of the reader and solver:
     * fcc L0(Al,Sc) = -110876, G_fcc(Sc) - GHSERSC = 5000 (GSCFCC - GHSERSC below 1600 K),
     * G(Al3Sc) - 3 GHSERAL - GHSERSC = -168000 + 14.75 T; equilibrium 3 mu_Al + mu_Sc = G(Al3Sc) with
     * mu_Al - GHSERAL = RT ln(1-x) + L0 x^2, mu_Sc - GHSERSC = 5000 + RT ln x + L0 (1-x)^2. Returns the mole fraction.
     */
    static double closedFormScSolubility(double tempK) {
        double lo = 1e-12;
        double hi = 0.02;
        for (int i = 0; i < 200; i++) {
            double x = Math.sqrt(lo * hi);
            double rt = R * tempK;
            double f = 3 * (rt * Math.log(1 - x) - 110876 * x * x) + 5000 + rt * Math.log(x) - 110876 * (1 - x) * (1 - x)
                    - (-168000 + 14.75 * tempK);
            if (f > 0) {
                hi = x;
            } else {
                lo = x;
            }
        }
        return Math.sqrt(lo * hi);
    }

    /** The temperature where the closed-form solubility is {@code scWtPct}, °C. */
    static double closedFormScSolvusC(double scWtPct) {
        double x = moleFraction(scWtPct, 44.955908);
        double lo = 500;
        double hi = 933;
        for (int i = 0; i < 100; i++) {
            double t = 0.5 * (lo + hi);
            if (closedFormScSolubility(t) < x) {
                lo = t;
            } else {
                hi = t;
            }
        }
        return 0.5 * (lo + hi) - 273.15;
    }

    @ParameterizedTest(name = "{0} °C")
    @ValueSource(doubles = {300, 400, 500, 600, 655})
    void scSolubilityMatchesTheClosedFormOfMcAl(double tempC) {
        double x = closedFormScSolubility(tempC + 273.15);
        double wt = 100 * x * 44.955908 / (x * 44.955908 + (1 - x) * 26.9815385);
        assertEquals(wt, CALC.solubilityWtPct("Sc", "AL3SC", tempC), 1e-6 * wt + 1e-12);
    }

    /** README: mc_al's (Al)/Al3Sc solvus is 0.30 wt% Sc at 655 °C. */
    @Test
    void scSolubilityAt655IsThirtyHundredths() {
        assertEquals(0.30, CALC.solubilityWtPct("Sc", "AL3SC", 655), 0.01);
    }

    /** Issue 12: (Al) holds at most about 0.28 wt% Zr (peritectic, COST 507: 0.271 wt% at 660.7 °C, README). */
    @Test
    void zrSolubilityPeaksNear028AtThePeritectic() {
        double atPeritectic = CALC.binaryInvariant("Zr", "AL3ZR").aluminiumWtPct();
        assertEquals(0.271, atPeritectic, 0.005);
        assertTrue(CALC.solubilityWtPct("Zr", "AL3ZR", 640) < atPeritectic);
        assertTrue(CALC.solubilityWtPct("Zr", "AL3ZR", 500) < 0.1);
    }

    @Test
    void tiSolubilityInAluminiumIsAboutOnePercentNearThePeritectic() {
        // README: (Al) with Al3Ti holds 1.29 wt% Ti at 665 °C (COST 507)
        assertEquals(1.29, CALC.binaryInvariant("Ti", "AL3TI").aluminiumWtPct(), 0.02);
    }

    @Test
    void anUnknownPhaseIsRefusedWithTheAllowedOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CALC.solubilityWtPct("Sc", "AL3ZR", 500));
        assertTrue(e.getMessage().contains("AL3SC"), e.getMessage());
    }
}
