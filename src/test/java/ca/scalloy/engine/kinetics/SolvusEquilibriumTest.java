package ca.scalloy.engine.kinetics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import ca.scalloy.engine.phase.SolvusModel;

class SolvusEquilibriumTest {

    private final SolvusEquilibrium eq = new SolvusEquilibrium();

    /*
     * al-sc-data §3.1 (the same regular solution): Sc in (Al) at 300 °C = 0.0031 at%, at 400 °C = 0.0156 at%.
     */
    @Test
    void scSolubilityIsTheEnginesSolvus() {
        assertEquals(0.0031e-2, eq.scSolubility(573.15), 0.0031e-2 * 0.05);
        assertEquals(0.0156e-2, eq.scSolubility(673.15), 0.0156e-2 * 0.05);
    }

    /*
     * mc_al 2.037: G(L12 Al3Zr) - G(D023 Al3Zr) = 4 (799 - 0.3 T) J per formula unit. At 673.15 K that is
     * 3196 - 807.78 = 2388.2 J; exp(2388.2 / (8.314462618 * 673.15)) = exp(0.42672) = 1.5323: the metastable
     * L12 end holds 1.53 times the Zr of the stable D023 one.
     */
    @Test
    void zrSolubilityAgainstL12IsAboveThatAgainstD023ByTheGibbsEnergyDifference() {
        double d023 = SolvusModel.of("Zr").solubilityMoleFraction(400);
        assertEquals(1.5323, eq.zrSolubility(673.15) / d023, 1e-3);
    }

    /*
     * Dilute driving force for Al3Sc (y = 0) at 300 °C from x = 0.0018 (Al-0.3Sc): with x_eq from the solvus,
     * Δg = RT [0.25 ln(x/x_eq) + 0.75 ln((1-x)/(1-x_eq))]; it vanishes at x = x_eq and is positive above.
     */
    @Test
    void drivingForceIsTheDiluteSolutionFormulaAndVanishesAtTheSolvus() {
        double t = 573.15;
        double xEq = eq.scSolubility(t);
        double x = 0.0018;
        double rt = SolvusModel.R_J_PER_MOL_K * t;
        double hand = rt * (0.25 * Math.log(x / xEq) + 0.75 * Math.log((1 - x) / (1 - xEq)));
        assertEquals(hand, eq.drivingForceJPerMol(x, 0, 0, t), 1e-9 * Math.abs(hand));
        assertTrue(hand > 4000 && hand < 5000, "about 0.25 RT ln(58) = 4.8 kJ/mol, was " + hand);
        assertEquals(0, eq.drivingForceJPerMol(xEq, 0, 0, t), 0.01);
        assertTrue(eq.drivingForceJPerMol(xEq / 2, 0, 0, t) < 0);
    }
}
