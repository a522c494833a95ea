package ca.scalloy.engine.kinetics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import ca.scalloy.engine.Composition;
import ca.scalloy.engine.thermo.ThermoCalculator;

class ThermoSoluteEquilibriumTest {

    private static final ThermoSoluteEquilibrium EQ = ThermoSoluteEquilibrium.standard();
    private static final ThermoCalculator CORE = ThermoCalculator.alRichCorner();

    private static double moleFraction(double wtPct, double mass) {
        double n = wtPct / mass;
        return n / (n + (100 - wtPct) / 26.9815385);
    }

    /* The Sc solubility is the core's (Al)/Al3Sc solvus, as a mole fraction of the binary. */
    @ParameterizedTest
    @CsvSource({"300", "400", "500"})
    void scSolubilityIsTheCoresSolvus(double tempC) {
        double wt = CORE.solubilityWtPct("Sc", "AL3SC", tempC);
        assertEquals(moleFraction(wt, 44.955908), EQ.scSolubility(tempC + 273.15), 1e-12);
    }

    /*
     * L1₂ Al3Zr against the core's D0₂₃ solvus (COST 507) moved by mc_al 2.037's G(L1₂) − G(D0₂₃) = 4 (799 − 0.3 T) J per
     * formula unit. At 673.15 K: 3196 − 807.78 = 2388.2 J; exp(2388.2 / (8.314462618 · 673.15)) = exp(0.42672) = 1.5323.
     */
    @Test
    void zrSolubilityAgainstL12IsTheStableOneMovedByTheGibbsEnergyDifference() {
        double d023 = moleFraction(CORE.solubilityWtPct("Zr", "AL3ZR", 400), 91.224);
        assertEquals(1.5323, EQ.zrSolubility(673.15) / d023, 1e-3);
    }

    /*
     * Sound: the dilute driving force against these solubilities is within 4 % of the core's own parallel-tangent driving
     * force of Al3Sc from (Al) of the same composition (ThermoCalculator.drivingForce), 300-500 °C, 0.05-0.3 wt% Sc.
     */
    @ParameterizedTest
    @CsvSource({"300, 0.05", "300, 0.3", "400, 0.1", "500, 0.3"})
    void diluteDrivingForceAgreesWithTheCore(double tempC, double scWtPct) {
        Composition matrix = new Composition(Map.of("Sc", scWtPct), "Al");
        double core = CORE.drivingForce(matrix, "AL3SC", tempC).jPerMolAtoms();
        double dilute = EQ.drivingForceJPerMol(moleFraction(scWtPct, 44.955908), 0, 0, tempC + 273.15);
        assertEquals(core, dilute, 0.04 * Math.abs(core), "core " + core + " dilute " + dilute);
    }

    @Test
    void drivingForceVanishesAtTheSolvusAndIsNegativeBelowIt() {
        double t = 573.15;
        double xEq = EQ.scSolubility(t);
        assertEquals(0, EQ.drivingForceJPerMol(xEq, 0, 0, t), 0.01);
        assertTrue(EQ.drivingForceJPerMol(xEq / 2, 0, 0, t) < 0);
    }
}
