package ca.scalloy.engine.thermo;

import static ca.scalloy.engine.thermo.ThermoTesting.wt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import ca.scalloy.engine.Composition;

class EquilibriumTest {

    private static final ThermoCalculator CALC = ThermoCalculator.alRichCorner();

    /** Seeded specifications' alloys at casting, homogenising and ageing temperatures. */
    @ParameterizedTest(name = "{0} at {1} °C")
    @CsvSource(delimiter = ';', value = {
        "Mg=4.6,Mn=0.5,Sc=0.7,Zr=0.35,Fe=0.1,Si=0.1; 820",
        "Mg=4.6,Mn=0.5,Sc=0.7,Zr=0.35,Fe=0.1,Si=0.1; 600",
        "Mg=4.6,Mn=0.5,Sc=0.7,Zr=0.35,Fe=0.1,Si=0.1; 325",
        "Mg=4.5,Mn=0.7,Sc=0.2,Zr=0.15,Fe=0.25,Si=0.2,Ti=0.05; 500",
        "Mg=3.1,Mn=0.3,Sc=0.23,Zr=0.22,Fe=0.3,Si=0.3; 450",
        "Sc=2,Fe=0.12,Si=0.06; 700",
        "Zr=10,Fe=0.2,Si=0.1; 900",
    })
    void phasesHoldTheWholeAlloyAndSumToOne(String composition, double tempC) {
        Composition c = wt(composition);
        Equilibrium e = CALC.equilibrium(c, tempC);
        assertTrue(e.converged(), e.note());
        double mol = 0;
        double mass = 0;
        for (PhaseFraction p : e.phases()) {
            mol += p.molFraction();
            mass += p.massFraction();
            assertTrue(p.molFraction() >= 0, p.toString());
        }
        assertEquals(1, mol, 1e-9);
        assertEquals(1, mass, 1e-9);
        for (Map.Entry<String, Double> el : c.allWtPct().entrySet()) {
            double sum = 0;
            for (PhaseFraction p : e.phases()) {
                sum += p.massFraction() * p.wtPct(el.getKey());
            }
            assertEquals(el.getValue(), sum, 1e-7 * Math.max(1, el.getValue()), el.getKey());
        }
    }

    @Test
    void scalmalloyAtAgeingTemperatureHasAl3ScWithZrOnTheScSite() {
        Equilibrium e = CALC.equilibrium(wt("Mg=4.6,Mn=0.5,Sc=0.7,Zr=0.35,Fe=0.1,Si=0.1"), 325);
        PhaseFraction al3sc = e.phase("AL3SC").orElseThrow();
        assertTrue(al3sc.wtPct("Zr") > 1, "Al3(Sc,Zr): " + al3sc.compositionWtPct());
        assertTrue(e.phase("FCC_A1").orElseThrow().wtPct("Sc") < 0.01, "little Sc left in (Al) at 325 °C");
        assertTrue(e.database().systems().get("Al-Sc").contains("scalloy-al-sc-liquid-1.tdb"), e.database().systems().toString());
        assertTrue(e.database().systems().get("Al-Zr").contains("cost507-light-alloys.tdb"), e.database().systems().toString());
    }

    @Test
    void everyResultNamesItsFilesAndSystems() {
        Equilibrium e = CALC.equilibrium(wt("Sc=0.3,Zr=0.15"), 500);
        assertTrue(e.database().files().stream().anyMatch(f -> f.startsWith("mc_al-2.037-subset-al-sc-zr.tdb")));
        assertTrue(e.database().files().stream().anyMatch(f -> f.startsWith("cost507-light-alloys.tdb")));
        assertEquals("AL3SC: mc_al-2.037-subset-al-sc-zr.tdb", e.database().systems().get("Al-Sc-Zr"));
        assertFalse(e.database().notes().isEmpty(), "mixed databases are said so");
    }

    @Test
    void smallAmountsOfElementsOutsideTheDataAreLeftOutAndNamed() {
        Equilibrium e = CALC.equilibrium(wt("Sc=0.3,Cu=0.05,Zn=0.1"), 500);
        assertEquals(Map.of("Cu", 0.05, "Zn", 0.1), e.database().omittedWtPct());
        assertTrue(e.database().notes().stream().anyMatch(n -> n.contains("left out")));
    }

    @Test
    void muchOfAnElementOutsideTheDataIsRefusedNamingWhatIsCovered() {
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, () -> CALC.equilibrium(wt("Cu=4.4,Mg=1.5"), 500));
        assertTrue(ex.getMessage().contains("Cu") && ex.getMessage().contains("[Al, Fe, Mg, Mn, Sc, Si, Ti, Zr]"), ex.getMessage());
    }

    @Test
    void aTemperatureOutsideTheDataIsRefusedWithTheRange() {
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, () -> CALC.equilibrium(wt("Sc=0.3"), 3000));
        assertTrue(ex.getMessage().startsWith("tempC must be from 25.0 to 2626.9 °C"), ex.getMessage());
        assertThrows(IllegalArgumentException.class, () -> CALC.equilibrium(wt("Sc=0.3"), 0));
    }

    @Test
    void drivingForceForAl3ScIsPositiveInSupersaturatedAluminiumAndZeroAtTheSolvus() {
        // Al-0.3Sc fully in solution, aged at 300 °C: far above the 0.005 wt% solubility (al-sc-data 3.1)
        DrivingForce df = CALC.drivingForce(wt("Sc=0.3"), "AL3SC", 300);
        assertTrue(df.jPerMolAtoms() > 1000, "J/mol " + df.jPerMolAtoms());
        assertEquals(25, df.nucleusCompositionAtPct().get("Sc"), 0.01);
        // At the solubility limit the driving force vanishes.
        double atSolvus = CALC.solubilityWtPct("Sc", "AL3SC", 500);
        assertEquals(0, CALC.drivingForce(wt("Sc=" + atSolvus), "AL3SC", 500).jPerMolAtoms(), 1e-3);
        // With Zr the nucleus takes Zr on the Sc site: Al3(Sc,Zr)
        DrivingForce withZr = CALC.drivingForce(wt("Sc=0.2,Zr=0.15"), "AL3SC", 400);
        assertTrue(withZr.nucleusCompositionAtPct().get("Zr") > 0.5, withZr.nucleusCompositionAtPct().toString());
    }
}
