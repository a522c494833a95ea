package ca.scalloy.engine.props;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import ca.scalloy.engine.Composition;

class PropertyCalculatorTest {

    private final PropertyCalculator calc = new PropertyCalculator();

    private static Composition al(Map<String, Double> pct) {
        return new Composition(pct, "Al");
    }

    /*
     * Inverse rule of mixtures by hand (densities al-sc-data.md §1):
     *   Al-2Sc: 1/ρ = 0.98/2.699 + 0.02/2.989 = 0.3630974 + 0.0066912 = 0.3697886 -> 2.70424 g/cm³
     *   Al-4.5Mg-0.7Mn: 1/ρ = 0.948/2.699 + 0.045/1.738 + 0.007/7.21
     *                 = 0.3512412 + 0.0258918 + 0.0009709 = 0.3781039 -> 2.64478 g/cm³
     */
    @Test
    void densityFollowsTheInverseRuleOfMixtures() {
        assertEquals(2.70424, calc.compute(al(Map.of("Sc", 2.0)), Ageing.asCast(), null).densityGPerCm3(), 1e-5);
        assertEquals(2.64478, calc.compute(al(Map.of("Mg", 4.5, "Mn", 0.7)), Ageing.asCast(), null).densityGPerCm3(), 1e-5);
    }

    /*
     * Resistivity by hand, Al-4.5Mg-0.7Mn-0.25Fe as cast (no Sc):
     *   2.65 + 0.54·4.5 + 2.94·0.7 + 2.56·(0.04 + 0.1·0.21) = 2.65 + 2.43 + 2.058 + 0.15616 = 7.29416 µΩ·cm
     *   (Fe: 0.04 wt% in solution, the other 0.21 in particles at a tenth); %IACS = 172.41/7.29416 = 23.637
     */
    @Test
    void resistivityAddsSolutesInSolutionAndATenthOfParticles() {
        AlloyProperties p = calc.compute(al(Map.of("Mg", 4.5, "Mn", 0.7, "Fe", 0.25)), Ageing.asCast(), null);
        assertEquals(7.29416, p.resistivityMicroOhmCm(), 1e-5);
        assertEquals(23.637, p.conductivityPctIACS(), 1e-3);
    }

    /*
     * Al-0.3Sc aged at 300 °C: the solvus gives 0.00512 wt% Sc (al-sc-data §3.1), so nearly all Sc
     * precipitates: Sc in solution ≈ 0.0051 wt% of the alloy (slightly less, since Al3Sc takes
     * matrix); Al3Sc: x = 0.1802 at% Sc -> f ≈ (0.001802 − 0.0000307)/0.24997 = 0.7087 % of atoms,
     * 0.730 vol%.
     */
    @Test
    void agedBinaryAlloyPrecipitatesAlmostAllItsScandium() {
        AlloyProperties p = calc.compute(al(Map.of("Sc", 0.3)), Ageing.aged(300, 24), null);
        assertEquals(0.00512, p.scSolubilityWtPctAtAgeTemp(), 0.0001);
        assertEquals(0.00508, p.scInSolutionWtPct(), 0.0001);
        assertEquals(0.730, p.al3ScVolumePct(), 0.002);
        assertNotNull(p.al3ScRadiusNm());
        assertTrue(p.yieldStrength().contributions().stream().anyMatch(c -> c.name().startsWith("Al3Sc")));
    }

    @Test
    void asCastAlloyHasNoPrecipitationStrengtheningAndAllHypoeutecticScInSolution() {
        AlloyProperties p = calc.compute(al(Map.of("Sc", 0.3)), Ageing.asCast(), null);
        assertEquals(0.3, p.scInSolutionWtPct(), 1e-12);
        assertEquals(0.0, p.al3ScVolumePct());
        assertNull(p.al3ScRadiusNm());
        assertNull(p.scSolubilityWtPctAtAgeTemp());
        assertTrue(p.yieldStrength().contributions().stream().noneMatch(c -> c.name().startsWith("Al3Sc")));
    }

    /* Yield band: every contribution's low ≤ value ≤ high, and they sum to the totals. */
    @Test
    void yieldStrengthIsTheSumOfItsContributions() {
        YieldStrength ys = calc.compute(al(Map.of("Mg", 4.45, "Mn", 0.5, "Sc", 0.7, "Zr", 0.3)), Ageing.aged(325, 4), null).yieldStrength();
        double sum = ys.contributions().stream().mapToDouble(StrengthContribution::valueMPa).sum();
        assertEquals(sum, ys.valueMPa(), 1e-9);
        assertTrue(ys.lowMPa() <= ys.valueMPa() && ys.valueMPa() <= ys.highMPa());
    }

    @Test
    void highSiliconWarnsThatItTiesUpScandium() {
        AlloyProperties p = calc.compute(al(Map.of("Sc", 0.3, "Si", 0.6)), Ageing.asCast(), null);
        assertTrue(p.warnings().stream().anyMatch(w -> w.startsWith("Si 0.6 wt%")), p.warnings().toString());
        AlloyProperties ok = calc.compute(al(Map.of("Sc", 0.3, "Si", 0.1)), Ageing.asCast(), null);
        assertTrue(ok.warnings().stream().noneMatch(w -> w.startsWith("Si ")), ok.warnings().toString());
    }

    @Test
    void sodiumInAlMgWarnsOfEdgeCracking() {
        AlloyProperties p = calc.compute(al(Map.of("Mg", 4.5, "Na", 0.003)), Ageing.asCast(), null);
        assertTrue(p.warnings().stream().anyMatch(w -> w.startsWith("Na 0.003")), p.warnings().toString());
        AlloyProperties lowMg = calc.compute(al(Map.of("Mg", 1.0, "Na", 0.003)), Ageing.asCast(), null);
        assertTrue(lowMg.warnings().stream().noneMatch(w -> w.startsWith("Na")), lowMg.warnings().toString());
    }

    /* AlSc2: liquidus 760.4 ± 40 °C (MeltModelTest); holding at 750 °C is too cold, 820 °C is fine. */
    @Test
    void holdingBelowTheLiquidusIsWarned() {
        Composition alSc2 = al(Map.of("Sc", 2.0));
        assertTrue(calc.compute(alSc2, Ageing.asCast(), 750.0).warnings().stream().anyMatch(w -> w.startsWith("Holding temperature 750")));
        assertTrue(calc.compute(alSc2, Ageing.asCast(), 820.0).warnings().stream().noneMatch(w -> w.startsWith("Holding")));
    }

    /* At 600 °C (al-sc-data: 0.2135 wt% soluble) 0.25 % Sc leaves ~85 % of its Sc in solution: warn. */
    @Test
    void ageingSoHotThatScStaysInSolutionIsWarned() {
        AlloyProperties p = calc.compute(al(Map.of("Sc", 0.25)), Ageing.aged(600, 1), null);
        assertTrue(p.warnings().stream().anyMatch(w -> w.startsWith("At 600 °C")), p.warnings().toString());
        assertFalse(calc.compute(al(Map.of("Sc", 0.25)), Ageing.aged(300, 4), null).warnings().stream()
                .anyMatch(w -> w.startsWith("At 300")));
    }

    /* The solvus model holds from 200 to 655 °C: ageing at 150 °C is allowed but flagged. */
    @Test
    void ageingOutsideTheSolvusModelsRangeIsWarned() {
        AlloyProperties p = calc.compute(al(Map.of("Sc", 0.25)), Ageing.aged(150, 100), null);
        assertTrue(p.warnings().stream().anyMatch(w -> w.startsWith("Ageing at 150.0 °C is outside")), p.warnings().toString());
    }

    @Test
    void everyEstimateNamesItsModelSourceAndValidity() {
        AlloyProperties p = calc.compute(al(Map.of("Sc", 0.3)), Ageing.aged(300, 4), null);
        for (String property : new String[] {"density", "liquidus", "solidus", "Sc solvus", "Al3Sc", "yield strength", "resistivity",
            "Zr solvus", "growth restriction"}) {
            assertTrue(p.models().stream().anyMatch(m -> m.property().equals(property) && !m.source().isBlank() && !m.validity().isBlank()),
                    property);
        }
    }

    @Test
    void badInputIsRefusedWithItsValue() {
        IllegalArgumentException t = assertThrows(IllegalArgumentException.class, () -> Ageing.aged(900, 4));
        assertTrue(t.getMessage().contains("900"), t.getMessage());
        IllegalArgumentException h = assertThrows(IllegalArgumentException.class, () -> Ageing.aged(300, -1));
        assertTrue(h.getMessage().contains("-1"), h.getMessage());
        assertThrows(IllegalArgumentException.class, () -> calc.compute(new Composition(Map.of("Al", 2.0), "Mg"), Ageing.asCast(), null));
    }

    /*
     * AlSc2 cast conventionally: (Al) keeps at most 0.35 wt% Sc (Fujikawa), the rest is coarse primary
     * Al3Sc that does not harden. Aged, only the retained Sc precipitates, so the precipitation increment
     * of AlSc2 equals that of an alloy with the retained Sc alone (x = 0.0021, lever rule as cast), not
     * of 2 wt% Sc (which the model once took, giving an absurd 560 MPa for a master alloy).
     */
    @Test
    void primaryAl3ScOfAHypereutecticCastDoesNotHarden() {
        AlloyProperties alSc2 = calc.compute(al(Map.of("Sc", 2.0)), Ageing.aged(325, 4), null);
        StrengthContribution ppt = alSc2.yieldStrength().contributions().stream()
                .filter(c -> c.name().startsWith("Al3Sc")).findFirst().orElseThrow();
        AlloyProperties retainedOnly = calc.compute(al(Map.of("Sc", 0.3336)), Ageing.aged(325, 4), null);
        StrengthContribution reference = retainedOnly.yieldStrength().contributions().stream()
                .filter(c -> c.name().startsWith("Al3Sc")).findFirst().orElseThrow();
        assertEquals(reference.valueMPa(), ppt.valueMPa(), 0.02 * reference.valueMPa());
        assertTrue(alSc2.yieldStrength().valueMPa() < 300, alSc2.yieldStrength().toString());
        assertTrue(alSc2.warnings().stream().anyMatch(w -> w.contains("primary Al3Sc on casting")), alSc2.warnings().toString());
    }
}
