package ca.scalloy.engine.props;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import ca.scalloy.engine.Composition;
import ca.scalloy.engine.Message;
import ca.scalloy.engine.kinetics.AgeingSchedule;
import ca.scalloy.engine.thermo.ProcessRoute;

/** The faults issue 12 found in the property estimates, and what the re-plumbed models give instead. */
class PropertyCalculatorTest {

    private static final PropertyCalculator CALC = new PropertyCalculator();

    private static Composition al(Map<String, Double> pct) {
        return new Composition(pct, "Al");
    }

    private static AlloyProperties cast(Map<String, Double> pct) {
        return CALC.compute(al(pct), PropertyConditions.cast());
    }

    /*
     * Inverse rule of mixtures by hand (densities al-sc-data.md §1), times (1 + 0.0011·Mg) (property-models.csv):
     *   Al-2Sc: 1/ρ = 0.98/2.699 + 0.02/2.989 = 0.3630974 + 0.0066912 = 0.3697886 -> 2.70424 g/cm³ (no Mg)
     *   Al-4.5Mg-0.7Mn: 1/ρ = 0.948/2.699 + 0.045/1.738 + 0.007/7.21 = 0.3781039 -> 2.64478; times 1.00495 = 2.65787
     */
    @Test
    void densityFollowsTheInverseRuleOfMixturesWithTheExcessVolumeOfMg() {
        assertEquals(2.70424, cast(Map.of("Sc", 2.0)).densityGPerCm3(), 1e-5);
        assertEquals(2.65787, cast(Map.of("Mg", 4.5, "Mn", 0.7)).densityGPerCm3(), 1e-5);
    }

    /*
     * Issue 12: Al-0.42Zr was given 662 °C where the Al-Zr diagram puts it near 800 °C with primary Al3Zr (COST 507:
     * 797 °C, shared/reference/thermo/README.md); Ti above 0.15 wt% forms primary Al3Ti (COST 507: 739.9 °C at 0.3);
     * AlSc2Zr1 needs close to 900 °C for its Zr.
     */
    @Test
    void liquidusOfZrAndTiMeltsIsThatOfTheirPrimaryTrialuminide() {
        AlloyProperties zr = cast(Map.of("Zr", 0.42));
        assertEquals("AL3ZR", zr.liquidusPrimaryPhase());
        assertEquals(797, zr.liquidusC(), 2);
        assertTrue(zr.band("liquidusC").contains(800), zr.band("liquidusC").toString());
        AlloyProperties ti = cast(Map.of("Ti", 0.3));
        assertEquals("AL3TI", ti.liquidusPrimaryPhase());
        assertEquals(739.9, ti.liquidusC(), 1);
        assertEquals("FCC_A1", cast(Map.of("Ti", 0.1)).liquidusPrimaryPhase(), "below the Al-Ti peritectic liquid (0.13-0.15 wt%)");
        AlloyProperties sc2zr1 = cast(Map.of("Sc", 2.0, "Zr", 1.0));
        assertEquals("AL3ZR", sc2zr1.liquidusPrimaryPhase());
        assertTrue(sc2zr1.liquidusC() > 880, "AlSc2Zr1 liquidus " + sc2zr1.liquidusC());
    }

    /*
     * Issue 12: AlSc2Zr1 was given 765 ± 40 °C "where Zr alone needs close to 900 °C". Its liquidus is that of its
     * 1 wt% Zr: Al-1Zr melts at 894 °C with primary Al3Zr in COST 507 (shared/reference/thermo/README.md), and on the
     * Al-Zr diagram of Murray, Peruzzi & Abriata (J. Phase Equilib. 13 (1992) 277) the Al3Zr liquidus passes about
     * 900 °C at 1 wt%. The 2 wt% Sc lowers the liquid's Zr activity a little (Sc and Zr attract in the liquid), so
     * AlSc2Zr1 may lie a few kelvin off Al-1Zr, but within the trialuminide band (25 K, property-bands.csv), and
     * both bands reach 900 °C.
     */
    @Test
    void alSc2Zr1NeedsWhatItsZrAloneNeeds() {
        AlloyProperties sc2zr1 = cast(Map.of("Sc", 2.0, "Zr", 1.0));
        AlloyProperties zr1 = cast(Map.of("Zr", 1.0));
        assertEquals("AL3ZR", zr1.liquidusPrimaryPhase());
        assertEquals(894, zr1.liquidusC(), 3);
        assertEquals(zr1.liquidusC(), sc2zr1.liquidusC(), 25);
        assertTrue(sc2zr1.band("liquidusC").contains(900) && zr1.band("liquidusC").contains(900),
                sc2zr1.band("liquidusC") + " " + zr1.band("liquidusC"));
    }

    /*
     * Issue 12: "the same holds for Ti above about 0.15 wt%". The published Al-Ti peritectic L + Al3Ti -> (Al) lies at
     * 665 °C with the liquid at about 0.15 wt% Ti (ASM Handbook Vol. 3; Murray's assessment): any melt richer in Ti
     * than that liquid has primary Al3Ti and a liquidus above 665 °C, rising fast (COST 507: 703 °C at 0.2 wt%,
     * 791 at 0.5). A crew holding at the old dilute-slope liquidus (under 661 °C) keeps Al3Ti undissolved.
     */
    @ParameterizedTest(name = "Al-{0}Ti")
    @CsvSource({"0.2, 703", "0.5, 791"})
    void titaniumAboveThePeritecticLiquidHasPrimaryAl3Ti(double tiWtPct, double cost507C) {
        AlloyProperties p = cast(Map.of("Ti", tiWtPct));
        assertEquals("AL3TI", p.liquidusPrimaryPhase());
        assertTrue(p.liquidusC() > 665 && p.band("liquidusC").low() > 665, p.liquidusC() + " " + p.band("liquidusC"));
        assertEquals(cost507C, p.liquidusC(), 2);
    }

    /*
     * Issue 12: AlSc2Zr1 showed "Zr in solid solution 1.000 wt %" where (Al) holds at most about 0.28 wt% (the Al-Zr
     * peritectic); AlSc2 showed a Sc solvus of 1,039 °C, above its liquidus. Al3Sc and Al3(Sc,Zr) of these master alloys
     * form from the liquid: no solvus below the solidus, null with the reason.
     */
    @Test
    void masterAlloysKeepNoMoreZrThanAlCanHoldAndHaveNoSolvusAboveTheLiquidus() {
        AlloyProperties sc2zr1 = cast(Map.of("Sc", 2.0, "Zr", 1.0));
        assertTrue(sc2zr1.zrInSolutionWtPct() < 0.28, "Zr in solution " + sc2zr1.zrInSolutionWtPct());
        assertTrue(sc2zr1.band("zrInSolutionWtPct").high() <= 0.28, sc2zr1.band("zrInSolutionWtPct").toString());
        assertNull(sc2zr1.zrSolvusC());
        assertTrue(sc2zr1.notes().get("zrSolvusC").contains("stable up to the solidus"), sc2zr1.notes().toString());
        AlloyProperties sc2 = cast(Map.of("Sc", 2.0));
        assertNull(sc2.scSolvusC());
        assertTrue(sc2.notes().get("scSolvusC").contains("stable up to the solidus"), sc2.notes().toString());
        assertTrue(sc2.hypereutectic());
        assertEquals("AL3SC", sc2.liquidusPrimaryPhase());
    }

    /* Al-0.3Sc dissolves all its Sc below the solidus (0.3 < 0.31 wt% at the eutectic): the solvus exists, under it. */
    @Test
    void solvusIsGivenWhereItLiesBelowTheSolidus() {
        AlloyProperties p = cast(Map.of("Sc", 0.3));
        assertNotNull(p.scSolvusC());
        assertTrue(p.scSolvusC() < p.solidusC(), p.scSolvusC() + " against " + p.solidusC());
        assertTrue(p.scSolvusC() > 600, "Al-0.3Sc solvus " + p.scSolvusC());
    }

    /*
     * Issue 12: 5083 solidus 599 °C against a published 574 (ASM Handbook Vol. 2), and conductivity 21.6 %IACS against
     * 29: Mn is mostly in Al6Mn and dispersoids after homogenisation, Mg all in solution in the O temper.
     */
    @Test
    void alloy5083HasItsPublishedSolidusAndConductivity() {
        AlloyProperties p = cast(Map.of("Mg", 4.4, "Mn", 0.7, "Cr", 0.15, "Fe", 0.25, "Si", 0.15));
        assertTrue(p.band("solidusC").contains(574), p.solidusC() + " " + p.band("solidusC"));
        assertEquals(574, p.solidusC(), 8);
        assertTrue(p.band("conductivityPctIACS").contains(29), p.conductivityPctIACS() + " " + p.band("conductivityPctIACS"));
        assertEquals(29, p.conductivityPctIACS(), 1.5);
        assertTrue(p.yieldStrength().contributions().stream().noneMatch(c -> c.name().equals("solid solution Mn") && c.valueMPa() > 10),
                "most of the Mn is out of solution: " + p.yieldStrength().contributions());
    }

    /*
     * Issue 12: a warning that Si ties Sc up while the full Al3Sc strength was still added. Si 0.6 wt% is 0.1 above the
     * 0.5 limit: 0.1 · 44.956/28.085 = 0.1601 wt% Sc tied up as AlSc2Si2 (one Sc atom per Si atom), taken out of
     * solution before ageing; the aged alloy comes out much weaker than with 0.1 Si.
     */
    @Test
    void siliconThatTiesScandiumUpTakesItsHardeningAway() {
        PropertyConditions aged = PropertyConditions.cast().withRoute(ProcessRoute.EQUILIBRIUM).withSchedule(AgeingSchedule.of(300, 24));
        AlloyProperties high = CALC.compute(al(Map.of("Sc", 0.3, "Si", 0.6)), aged);
        AlloyProperties low = CALC.compute(al(Map.of("Sc", 0.3, "Si", 0.1)), aged);
        assertTrue(high.warnings().stream().map(Message::english).anyMatch(w -> w.startsWith("Si 0.6 wt% is above 0.5 wt%: it ties Sc up") && w.contains("0.160 wt% Sc")),
                high.warnings().toString());
        assertTrue(low.warnings().stream().map(Message::english).noneMatch(w -> w.startsWith("Si ")), low.warnings().toString());
        double pptHigh = precipitation(high);
        double pptLow = precipitation(low);
        assertTrue(pptHigh < 0.8 * pptLow, "precipitation with 0.6 Si " + pptHigh + " against " + pptLow);
    }

    private static double precipitation(AlloyProperties p) {
        return p.yieldStrength().contributions().stream().filter(c -> c.name().startsWith("Al3(Sc,Zr)"))
                .mapToDouble(StrengthContribution::valueMPa).sum();
    }

    /*
     * Issue 12: Al-0.3Sc aged 24 h at 150 °C was given about 216 MPa; Sc moves 0.14 nm in that time (decision 0014):
     * barely harder than not aged. At 300 °C for 24 h it hardens.
     */
    @Test
    void ageingUsesTheKineticsSoNothingHardensAt150C() {
        AlloyProperties asCast = CALC.compute(al(Map.of("Sc", 0.3)), Ageing.asCast(), null);
        AlloyProperties cold = CALC.compute(al(Map.of("Sc", 0.3)), Ageing.aged(150, 24), null);
        AlloyProperties hot = CALC.compute(al(Map.of("Sc", 0.3)), Ageing.aged(300, 24), null);
        assertTrue(cold.yieldStrength().valueMPa() - asCast.yieldStrength().valueMPa() < 2, cold.yieldStrength().toString());
        assertTrue(hot.yieldStrength().valueMPa() > asCast.yieldStrength().valueMPa() + 100, hot.yieldStrength().toString());
        assertNotNull(hot.al3ScRadiusNm());
        assertNull(asCast.al3ScRadiusNm());
        assertNull(asCast.scSolubilityWtPctAtAgeTemp());
        assertTrue(asCast.yieldStrength().contributions().stream().noneMatch(c -> c.name().startsWith("Al3(Sc,Zr)")));
    }

    /* A schedule of several steps is the kinetics through all of them: 300:24 then 400:12 overages what 300:24 made. */
    @Test
    void aScheduleOfSeveralStepsRunsThroughEach() {
        PropertyConditions one = PropertyConditions.cast().withSchedule(AgeingSchedule.parse("300:24"));
        PropertyConditions two = PropertyConditions.cast().withSchedule(AgeingSchedule.parse("300:24,400:12"));
        AlloyProperties a = CALC.compute(al(Map.of("Sc", 0.3)), one);
        AlloyProperties b = CALC.compute(al(Map.of("Sc", 0.3)), two);
        assertTrue(b.al3ScRadiusNm() > a.al3ScRadiusNm());
        assertTrue(b.yieldStrength().valueMPa() < a.yieldStrength().valueMPa());
        assertEquals("300:24,400:12", b.schedule().toString());
    }

    /*
     * Issue 12: laser-melted material came out 20-40 % weak. Scalmalloy-type RAPID aged 325 °C / 4 h against the published
     * 456-469 MPa (Cerri et al. 2025), to which the LPBF Sc limit and grain were fitted (decision 0015).
     */
    @Test
    void scalmalloyBuiltByLaserAndAgedHasItsPublishedStrength() {
        Composition scalmalloy = al(Map.of("Mg", 4.45, "Mn", 0.5, "Sc", 0.7, "Zr", 0.3, "Fe", 0.05, "Si", 0.03));
        PropertyConditions rapid = PropertyConditions.cast().withRoute(ProcessRoute.RAPID);
        AlloyProperties aged = CALC.compute(scalmalloy, rapid.withSchedule(AgeingSchedule.of(325, 4)));
        AlloyProperties cast = CALC.compute(scalmalloy, PropertyConditions.cast().withSchedule(AgeingSchedule.of(325, 4)));
        assertEquals(462.5, aged.yieldStrength().valueMPa(), 0.03 * 462.5);
        assertTrue(aged.band("yieldStrengthMPa").contains(456) && aged.band("yieldStrengthMPa").contains(469));
        assertTrue(aged.yieldStrength().valueMPa() > 1.25 * cast.yieldStrength().valueMPa(), "RAPID against CAST");
        assertEquals(ProcessRoute.RAPID, aged.process());
    }

    /* Issue 12: Sc was left out of Q. Al-0.3Sc has a growth restriction of its own now; Mg's is near m·c0·(k − 1). */
    @Test
    void growthRestrictionCountsEverySoluteIncludingScandium() {
        assertTrue(cast(Map.of("Sc", 0.3)).growthRestrictionQ() > 0.1);
        // Al-4.5Mg, dilute slopes (al-sc-data §3.2): -6.2 · 4.5 · (0.51 - 1) = 13.67 K; the band holds it
        AlloyProperties mg = cast(Map.of("Mg", 4.5));
        assertTrue(mg.band("growthRestrictionQ").contains(13.67), mg.growthRestrictionQ() + " " + mg.band("growthRestrictionQ"));
    }

    /* Every numeric estimate has a band around it. */
    @Test
    void everyNumericEstimateLiesInsideItsBand() {
        AlloyProperties p = CALC.compute(al(Map.of("Sc", 0.3, "Zr", 0.1, "Mg", 4.5)), PropertyConditions.cast().withSchedule(AgeingSchedule.of(325, 4)));
        Map<String, Double> values = Map.ofEntries(Map.entry("densityGPerCm3", p.densityGPerCm3()), Map.entry("liquidusC", p.liquidusC()),
                Map.entry("solidusC", p.solidusC()), Map.entry("eutecticC", p.eutecticC()),
                Map.entry("scSolubilityWtPctAtAgeTemp", p.scSolubilityWtPctAtAgeTemp()), Map.entry("scInSolutionWtPct", p.scInSolutionWtPct()),
                Map.entry("scInSolutionAtPct", p.scInSolutionAtPct()), Map.entry("al3ScVolumePct", p.al3ScVolumePct()),
                Map.entry("al3ScRadiusNm", p.al3ScRadiusNm()), Map.entry("zrInSolutionWtPct", p.zrInSolutionWtPct()),
                Map.entry("grainSizeUm", p.grainSizeUm()), Map.entry("yieldStrengthMPa", p.yieldStrength().valueMPa()),
                Map.entry("resistivityMicroOhmCm", p.resistivityMicroOhmCm()), Map.entry("conductivityPctIACS", p.conductivityPctIACS()),
                Map.entry("growthRestrictionQ", p.growthRestrictionQ()), Map.entry("scheilSolidusC", p.scheilSolidusC()));
        values.forEach((key, v) -> {
            assertNotNull(p.band(key), key + " has no band");
            assertTrue(p.band(key).contains(v), key + " " + v + " outside " + p.band(key));
        });
    }

    /* AlSc2: liquidus 774 °C, primary Al3Sc, band up to 864 °C (the spread of the liquid descriptions): hold above it. */
    @Test
    void holdingBelowTheTopOfTheLiquidusBandIsWarned() {
        Composition alSc2 = al(Map.of("Sc", 2.0));
        assertTrue(CALC.compute(alSc2, Ageing.asCast(), 850.0).warnings().stream()
                .map(Message::english).anyMatch(w -> w.startsWith("Holding temperature 850") && w.contains("primary AL3SC")));
        assertTrue(CALC.compute(alSc2, Ageing.asCast(), 880.0).warnings().stream().map(Message::english).noneMatch(w -> w.startsWith("Holding")));
    }

    /* 6xxx and Cu/Zn alloys harden by precipitates the model does not have: it says so and the band reaches 2.5 times. */
    @Test
    void outsideTheStrengthModelsValidityTheBandWidensAndSaysWhy() {
        AlloyProperties p = cast(Map.of("Mg", 1.0, "Si", 0.6, "Cu", 0.28));
        assertTrue(p.band("yieldStrengthMPa").high() >= 2.5 * p.yieldStrength().valueMPa() - 1e-9);
        assertTrue(p.notes().get("yieldStrengthMPa").contains("Mg2Si"), p.notes().toString());
    }

    /*
     * More than 1 wt% outside the thermodynamic data (Cu): the rest is computed and the dilute slopes applied,
     * Al-4Cu: liquidus 660.3 - 3.4·4 = 646.7 °C, solidus 660.3 - (3.4/0.17)·4 = 580.3 °C (al-sc-data §3.2).
     */
    @Test
    void elementsOutsideTheThermodynamicDataAreLeftOutAndSaidSo() {
        AlloyProperties p = cast(Map.of("Cu", 4.0));
        assertEquals(646.7, p.liquidusC(), 0.2);
        assertEquals(580.3, p.solidusC(), 0.2);
        assertTrue(p.warnings().stream().map(Message::english).anyMatch(w -> w.startsWith("{Cu=4.0} wt% is outside the thermodynamic data")), p.warnings().toString());
        assertTrue(p.band("solidusC").low() < 580.3 - 80, p.band("solidusC").toString());
    }

    @Test
    void sodiumInAlMgWarnsOfEdgeCracking() {
        AlloyProperties p = cast(Map.of("Mg", 4.5, "Na", 0.003));
        assertTrue(p.warnings().stream().map(Message::english).anyMatch(w -> w.startsWith("Na 0.003")), p.warnings().toString());
        AlloyProperties lowMg = cast(Map.of("Mg", 1.0, "Na", 0.003));
        assertTrue(lowMg.warnings().stream().map(Message::english).noneMatch(w -> w.startsWith("Na")), lowMg.warnings().toString());
    }

    @Test
    void everyEstimateNamesItsModelSourceAndValidity() {
        AlloyProperties p = CALC.compute(al(Map.of("Sc", 0.3)), Ageing.aged(300, 4), null);
        for (String property : new String[] {"density", "liquidus", "solidus", "Sc solvus", "Al3Sc", "yield strength", "resistivity",
            "Zr solvus", "growth restriction", "solid solution"}) {
            assertTrue(p.models().stream().anyMatch(m -> m.property().equals(property) && !m.source().english().isBlank()
                    && !m.validity().english().isBlank()),
                    property);
        }
        assertFalse(p.database().files().isEmpty());
    }

    @Test
    void badInputIsRefusedWithItsValue() {
        IllegalArgumentException t = assertThrows(IllegalArgumentException.class, () -> Ageing.aged(900, 4));
        assertTrue(t.getMessage().contains("900") && t.getMessage().contains("100 to 550"), t.getMessage());
        IllegalArgumentException h = assertThrows(IllegalArgumentException.class, () -> Ageing.aged(300, -1));
        assertTrue(h.getMessage().contains("-1"), h.getMessage());
        assertThrows(IllegalArgumentException.class, () -> CALC.compute(new Composition(Map.of("Al", 2.0), "Mg"), Ageing.asCast(), null));
        assertThrows(IllegalArgumentException.class, () -> PropertyConditions.cast().withGrainSizeUm(0.0));
    }
}
