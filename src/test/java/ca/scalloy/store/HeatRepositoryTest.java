package ca.scalloy.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import ca.scalloy.engine.charge.ChargeCalculator;
import ca.scalloy.engine.charge.ChargeResult;
import ca.scalloy.engine.charge.Recipe;
import ca.scalloy.engine.charge.RecoverySpread;
import ca.scalloy.engine.heat.Heat;
import ca.scalloy.engine.heat.HeatNumberPattern;
import ca.scalloy.engine.heat.HeatRecord;
import ca.scalloy.engine.heat.HeatSample;
import ca.scalloy.engine.heat.ElementStatus;
import ca.scalloy.engine.heat.HeatStatus;
import ca.scalloy.engine.heat.SampleCheck;
import ca.scalloy.engine.heat.RecoveryPoint;
import ca.scalloy.engine.heat.Lot;
import ca.scalloy.engine.heat.SampleAnalysis;
import ca.scalloy.engine.library.AuditEntry;
import ca.scalloy.engine.heat.SampleVerdict;
import ca.scalloy.engine.spec.ElementLimit;
import ca.scalloy.engine.spec.Specification;
import ca.scalloy.io.SpectrometerCsv;
import ca.scalloy.io.SpectrometerImport;
import ca.scalloy.solver.OjalgoSolver;

/** Heats through the repository, on an in-memory database: numbers, moves, samples, lots, recovery. */
class HeatRepositoryTest {

    private static final String SC_METAL = "AlSc2 master alloy from scandium metal";
    private static final String SPEC = "Customer X AlSc2";

    private final Database db = TestDatabases.fresh(new StepClock());
    private final ChargeCalculator calculator = new ChargeCalculator(new OjalgoSolver());

    @AfterEach
    void close() {
        db.close();
    }

    private Heat plan(String... lots) {
        Recipe recipe = StoreFixtures.recipe("alsc2-from-sc-metal.json");
        if (db.recipes().latest(SC_METAL).isEmpty()) {
            db.recipes().save(recipe, "");
            db.specifications().create(new Specification(SPEC, "CUSTOMER_X", "B", List.of(new ElementLimit("Sc", 1.90, 2.10),
                    new ElementLimit("Fe", null, 0.12)), null, null, List.of(), "drawing 123", "src"));
        }
        Map<String, Lot> chosen = db.lots().lotsFor(recipe, List.of(lots));
        ChargeResult charge = calculator.solve(db.lots().applyTo(recipe, List.of(lots)));
        Map<String, String> lotNumbers = new java.util.LinkedHashMap<>();
        chosen.forEach((m, l) -> lotNumbers.put(m, l.lotNumber()));
        return db.heats().create(SC_METAL, 1, SPEC, "F2", "J. Roy", charge, lotNumbers);
    }

    @Test
    void heatsAreNumberedByThePatternAndListedNewestFirst() {
        assertEquals("H-2026-0001", plan().number());
        assertEquals("H-2026-0002", plan().number());
        db.heats().setNumberPattern(new HeatNumberPattern("C{yy}{mm}-{seq:3}"), "plant standard");
        assertEquals("C2601-001", plan().number());
        List<Heat> list = db.heats().list(null, null, HeatRepository.PAGE_SIZE);
        assertEquals(List.of("C2601-001", "H-2026-0002", "H-2026-0001"), list.stream().map(Heat::number).toList());
        assertEquals(List.of("H-2026-0002", "H-2026-0001"), db.heats().list(null, "H-2026", 50).stream().map(Heat::number).toList());
        assertEquals(1, db.heats().list(HeatStatus.PLANNED, "H-2026-0001", 50).size());
        assertTrue(db.heats().list(HeatStatus.CAST, null, 50).isEmpty());
        Heat h = list.get(2);
        assertEquals(SPEC, h.specName());
        assertEquals(1, h.specVersion());
        assertEquals("F2", h.furnace());
        assertEquals(500.0, h.plannedKg(), 1e-6);
        assertEquals("plant standard", db.audit().of(AuditLog.SETTING, HeatRepository.PATTERN_KEY).get(0).reason());
    }

    @Test
    void statusMovesAreRecordedWithWhoAndWhenAndIllegalOnesAreRefused() {
        db.setActor("QA Lab");
        String n = plan().number();
        StoreException skip = assertThrows(StoreException.class, () -> db.heats().move(n, HeatStatus.CAST, "too early"));
        assertEquals("heat " + n + ": a heat cannot move from PLANNED to CAST; allowed: [CHARGED, REJECTED]", skip.getMessage());
        db.heats().move(n, HeatStatus.CHARGED, "");
        db.heats().move(n, HeatStatus.REJECTED, "furnace lining failed");
        StoreException fin = assertThrows(StoreException.class, () -> db.heats().move(n, HeatStatus.CHARGED, ""));
        assertTrue(fin.getMessage().contains("REJECTED is final"), fin.getMessage());
        HeatRecord r = db.heats().find(n).orElseThrow();
        assertEquals(HeatStatus.REJECTED, r.heat().status());
        assertEquals(3, r.moves().size());
        assertNull(r.moves().get(0).from());
        assertEquals(HeatStatus.REJECTED, r.moves().get(2).to());
        assertEquals("QA Lab", r.moves().get(2).by());
        assertEquals("furnace lining failed", r.moves().get(2).reason());
        assertTrue(r.moves().get(2).at().isAfter(r.moves().get(1).at()));
        List<AuditEntry> audit = db.audit().of(AuditLog.HEAT, n);
        assertEquals(List.of("create", "move", "move"), audit.stream().map(AuditEntry::change).toList());
        assertEquals("CHARGED", audit.get(2).oldValue());
    }

    /*
     * A sample that measured Sc and the balance only, against a specification with others limits (0.03 each, 0.10 in
     * all): under the rules of version 7 (and 8) its others are NOT_REPORTED and it is INCOMPLETE. Stored as rules 2 judged it
     * (others 0 % and PASS, the sample PASS), it keeps its PASS, says it was given under earlier rules, reads its others
     * as not reported with no value, and does not certify without a concession. Al 97.9 % is the balance (above 50 %),
     * not an "other" that was measured.
     */
    @Test
    void aSampleJudgedUnderRules2ReadsOthersNobodyMeasuredAsNotReported() throws Exception {
        String n = chargedHeatWithOthersLimits();
        HeatSample now = db.heats().addSample(n, new SampleAnalysis("S1", "", "OES", Map.of("Al", 97.9, "Sc", 2.0)), "OES 2");
        assertEquals(SampleVerdict.INCOMPLETE, now.verdict());
        assertEquals(List.of(ElementStatus.PASS, ElementStatus.NOT_REPORTED, ElementStatus.NOT_REPORTED),
                now.checks().stream().map(SampleCheck::status).toList());

        storedAsRulesBefore8JudgedIt(2);
        HeatSample old = db.heats().find(n).orElseThrow().samples().get(0);
        assertEquals(SampleVerdict.PASS, old.verdict(), "the stored verdict is kept");
        assertTrue(old.legacyVerdict());
        for (SampleCheck others : old.checks().subList(1, 3)) {
            assertEquals(ElementStatus.NOT_REPORTED, others.status(), others.element());
            assertNull(others.valuePct(), "never 0.00");
        }
        assertFalse(old.meetsSpecification());
    }

    /*
     * Sc 2.0 and Mn "<0.001" against others limits of 0.03 each and 0.10 in all: under the rules of version 8 the others
     * are at most Mn's limit, "others each (Mn) < 0.001" (margin 0.029) and "others total < 0.001" (margin 0.099), both
     * PASS. Stored as rules 3 judged it (Mn counted as 0: "others each 0 %", "others total 0 %", PASS), the sample keeps
     * its verdict, reads its others as today's rules do, and says its verdict was given under earlier rules.
     */
    @Test
    void aSampleJudgedUnderRules3ReadsAnOtherBelowDetectionAsItsLimitNotZero() throws Exception {
        String n = chargedHeatWithOthersLimits();
        HeatSample now = db.heats().addSample(n, new SampleAnalysis("S1", "", "OES", Map.of("Al", 97.9, "Sc", 2.0),
                Map.of("Mn", ca.scalloy.engine.heat.BelowDetection.below(0.001))), "OES 2");
        assertEquals(SampleVerdict.PASS, now.verdict());
        assertFalse(now.legacyVerdict());
        List<SampleCheck> today = now.checks();
        assertEquals(List.of("Sc", "others each (Mn)", "others total"), today.stream().map(SampleCheck::element).toList());
        assertEquals(List.of(0.029, 0.099), today.subList(1, 3).stream().map(SampleCheck::marginPct).map(v -> Math.round(v * 1e9) / 1e9)
                .toList());

        storedAsRulesBefore8JudgedIt(3);
        HeatSample old = db.heats().find(n).orElseThrow().samples().get(0);
        assertEquals(SampleVerdict.PASS, old.verdict(), "the stored verdict is kept");
        assertTrue(old.legacyVerdict(), "its stored others read differently today");
        for (SampleCheck others : old.checks().subList(1, 3)) {
            assertEquals(SampleCheck.Reading.BELOW_LIMIT, others.reading(), others.element());
            assertEquals(0.001, others.valuePct(), 1e-12, "the limit, never 0.00");
        }
        assertEquals("others each (Mn)", old.checks().get(1).element());

        // a sample rules 3 judged that today's rules read the same (Mg measured, nothing below a detection limit) is not
        // said to be given under earlier rules
        HeatSample same = db.heats().addSample(n, new SampleAnalysis("S2", "", "OES", Map.of("Al", 97.9, "Sc", 2.0, "Mg", 0.004)),
                "OES 2");
        db.inTransaction(c -> {
            db.audit().because(c, "as rules 3 judged it");
            try (java.sql.Statement st = c.createStatement()) {
                st.executeUpdate("UPDATE samples SET verdict_rules = 3 WHERE sample_number = 'S2'");
            }
            return null;
        });
        HeatSample read = db.heats().find(n).orElseThrow().samples().get(1);
        assertEquals(same.checks(), read.checks());
        assertFalse(read.legacyVerdict());
    }

    /**
     * Sample S1 as rules 2 and 3 judged Sc 2.0 with no other element measured above 0 (the others 0 % and PASS, the
     * sample PASS), under verdict rules {@code rules}.
     */
    private void storedAsRulesBefore8JudgedIt(int rules) throws Exception {
        db.inTransaction(c -> {
            db.audit().because(c, "as rules " + rules + " judged it");
            try (java.sql.Statement st = c.createStatement()) {
                st.executeUpdate("UPDATE samples SET verdict_rules = " + rules + ", verdict = 'PASS', checks = '["
                        + "{\"element\":\"Sc\",\"minPct\":1.9,\"maxPct\":2.1,\"valuePct\":2.0,\"reading\":\"MEASURED\",\"status\":\"PASS\",\"marginPct\":0.1},"
                        + "{\"element\":\"others each\",\"minPct\":null,\"maxPct\":0.03,\"valuePct\":0.0,\"reading\":\"MEASURED\",\"status\":\"PASS\",\"marginPct\":0.03},"
                        + "{\"element\":\"others total\",\"minPct\":null,\"maxPct\":0.1,\"valuePct\":0.0,\"reading\":\"MEASURED\",\"status\":\"PASS\",\"marginPct\":0.1}]'"
                        + " WHERE sample_number = 'S1'");
            }
            return null;
        });
    }

    /** A charged heat whose specification limits Sc (1.90-2.10) and the others (0.03 each, 0.10 in all). */
    private String chargedHeatWithOthersLimits() throws Exception {
        plan();
        db.specifications().create(new Specification("WITH-OTHERS", "CUSTOMER_X", "A", List.of(new ElementLimit("Sc", 1.90, 2.10)), 0.03,
                0.10, List.of(), "drawing 124", "src"));
        ChargeResult charge = calculator.solve(StoreFixtures.recipe("alsc2-from-sc-metal.json"));
        String n = db.heats().create(SC_METAL, 1, "WITH-OTHERS", "F2", "J. Roy", charge, Map.of()).number();
        db.heats().move(n, HeatStatus.CHARGED, "");
        return n;
    }

    @Test
    void eachSampleIsCheckedAgainstTheHeatsSpecificationAndKeepsItsVerdict() throws Exception {
        String n = plan().number();
        assertThrows(StoreException.class, () -> db.heats().addSample(n, new SampleAnalysis("1", "", "OES", Map.of("Sc", 2.0)), ""),
                "a planned heat has nothing to sample");
        db.heats().move(n, HeatStatus.CHARGED, "");
        HeatSample low = db.heats().addSample(n, new SampleAnalysis("S1", "2026-01-05T09:00", "OES", Map.of("Sc", 1.82, "Fe", 0.08)), "OES 2");
        assertEquals(SampleVerdict.FAIL, low.verdict());
        assertEquals(-0.08, low.checks().get(0).marginPct(), 1e-9);
        assertEquals(HeatStatus.SAMPLED, db.heats().find(n).orElseThrow().heat().status(), "a sample moves a charged heat to SAMPLED");
        db.heats().addCorrection(n, null, 500, Map.of("SC-999", 0.45), "Sc low");
        SpectrometerImport imported = SpectrometerCsv.read(java.nio.file.Path.of("recipes/analyses/oes-alsc2-heat.csv"));
        // The export's numbers name heat H-2026-0142: accepted only as the laboratory's own numbering, said in the log.
        List<HeatSample> two = db.heats().importSamples(n, imported, "oes-alsc2-heat.csv", imported.instrument(), true);
        assertEquals(3, two.size());
        HeatRecord r = db.heats().find(n).orElseThrow();
        assertEquals(List.of(SampleVerdict.FAIL, SampleVerdict.FAIL, SampleVerdict.PASS, SampleVerdict.PASS),
                r.samples().stream().map(HeatSample::verdict).toList());
        assertEquals(1.968, r.samples().get(3).analysis().wtPct().get("Sc"));
        assertTrue(r.samples().get(3).imported());
        assertEquals("SPECTROLAB OES 2", r.samples().get(3).instrument());
        assertEquals(1, r.imports().size());
        assertTrue(r.imports().get(0).warnings().stream().anyMatch(w -> w.contains("Operator")), r.imports().get(0).warnings().toString());
        assertEquals("S1", r.corrections().get(0).sampleNumber());
        assertEquals(0.45, r.corrections().get(0).additionsKg().get("SC-999"));
        assertEquals(List.of(HeatStatus.PLANNED, HeatStatus.CHARGED, HeatStatus.SAMPLED, HeatStatus.CORRECTED, HeatStatus.SAMPLED),
                r.moves().stream().map(m -> m.to()).toList());

        db.specifications().update(new Specification(SPEC, "CUSTOMER_X", "C", List.of(new ElementLimit("Sc", 1.95, 2.05)), null, null,
                List.of(), "drawing 123", "src"));
        assertEquals(SampleVerdict.FAIL, db.heats().find(n).orElseThrow().samples().get(0).verdict(),
                "a stored verdict is never recomputed");
        assertThrows(StoreException.class, () -> db.heats().addSample(n, new SampleAnalysis("S1", "", "", Map.of("Sc", 2.0)), ""),
                "sample numbers are unique per heat");
    }

    @Test
    void aLotsCertificateAssayReplacesTheNominalCompositionInTheCharge() {
        // SC-999 nominal: Fe 0.03 + Ca 0.01 + Si 0.01 -> Sc 99.95 %. Lot L-77: Fe 0.5 + Ca 0.5 + Si 0.5 -> Sc 98.5 %.
        // The product's Sc (500 kg at the Sc minimum) needs a fixed kg of Sc, so the Sc metal charged grows by 99.95 / 98.5.
        db.lots().add(new Lot("L-77", "SC-999", Map.of("Fe", 0.5, "Ca", 0.5, "Si", 0.5), null, "CoA 77", Instant.parse("2026-01-02T00:00:00Z")),
                "received");
        double nominalKg = db.heats().find(plan().number()).orElseThrow().lines().stream().filter(l -> l.materialId().equals("SC-999"))
                .findFirst().orElseThrow().plannedKg();
        HeatRecord withLot = db.heats().find(plan("L-77").number()).orElseThrow();
        double lotKg = withLot.lines().stream().filter(l -> l.materialId().equals("SC-999")).findFirst().orElseThrow().plannedKg();
        assertEquals(99.95 / 98.5, lotKg / nominalKg, 1e-6);
        assertEquals("L-77", withLot.lines().stream().filter(l -> l.materialId().equals("SC-999")).findFirst().orElseThrow().lotNumber());
        assertEquals(98.5, db.heats().recipeOf(withLot.heat().number()).material("SC-999").orElseThrow().composition().pct("Sc"), 1e-9);
        assertEquals(1, db.heats().list(null, "L-7", 50).size(), "a heat is found by its lot");
        assertEquals("create", db.audit().of(AuditLog.LOT, "L-77").get(0).change());
        StoreException wrong = assertThrows(StoreException.class, () -> db.lots().applyTo(StoreFixtures.oxideRouteRecipe(), List.of("L-77")));
        assertTrue(wrong.getMessage().contains("does not charge"), wrong.getMessage());
    }

    /**
     * Issue 14, point 3: three released heats of the same route and furnace, each weighed 10 kg of SC-999 from lot L-79
     * (Sc 98.5 %: 9.85 kg Sc in), finals Sc 1.85, 1.90 and 1.95 % of the planned 500 kg: 9.25, 9.5 and 9.75 kg found,
     * recoveries 93.909, 96.447 and 98.985 %. Mean 9.5 / 9.85 = 96.447 %; the deviations are −d, 0, +d with
     * d = 0.25 / 9.85 = 2.538 points, so the sample sd (n − 1) is d. Two heats give no spread; the third does.
     */
    @Test
    void theSpreadOfARecoveryIsLearnedAsHeatsAreReleased() {
        db.lots().add(new Lot("L-79", "SC-999", Map.of("Fe", 0.5, "Ca", 0.5, "Si", 0.5), null, "", Instant.EPOCH), "");
        double[] finalsPct = {1.85, 1.90, 1.95};
        for (int i = 0; i < finalsPct.length; i++) {
            assertTrue(RecoveryPoint.spreads(db.heats().recoveryHistory("SC-999"), SC_METAL, "F2").isEmpty(),
                    "no spread from " + i + " heats");
            String n = plan().number();
            int scLine = db.heats().find(n).orElseThrow().lines().stream().filter(l -> l.materialId().equals("SC-999")).findFirst()
                    .orElseThrow().lineNo();
            db.heats().weigh(n, scLine, 10.0, "L-79", "scale 2");
            db.heats().move(n, HeatStatus.CHARGED, "");
            db.heats().addSample(n, new SampleAnalysis("F", "", "ICP-OES", Map.of("Sc", finalsPct[i], "Fe", 0.07)), "ICP");
            db.heats().move(n, HeatStatus.CAST, "");
            db.heats().move(n, HeatStatus.RELEASED, "CoA signed");
        }
        List<RecoveryPoint> history = db.heats().recoveryHistory("SC-999");
        assertEquals(List.of("F2", "F2", "F2"), history.stream().map(RecoveryPoint::furnace).toList());
        RecoverySpread learned = RecoveryPoint.spreads(history, SC_METAL, "F2").get("Sc");
        assertEquals(100 * 9.5 / 9.85, learned.meanPct(), 1e-9);
        assertEquals(100 * 0.25 / 9.85, learned.sdPct(), 1e-9);
        assertEquals(3, learned.heats());
        assertEquals(learned, RecoveryPoint.spreads(history, SC_METAL, null).get("Sc"), "every furnace pooled: the same three heats");
        assertTrue(RecoveryPoint.spreads(history, SC_METAL, "F1").isEmpty(), "no heat in F1");
        assertTrue(RecoveryPoint.spreads(history, "another route", null).isEmpty());
    }

    @Test
    void theActualRecoveryComesFromTheWeighedChargeAndTheFinalAnalysis() {
        // Weighed: 10 kg of SC-999 from lot L-78 (Sc 98.5 %) -> 9.85 kg Sc in. Final sample: Sc 1.90 % of the planned 500 kg
        // -> 9.5 kg Sc found; no heel. Recovery = 9.5 / 9.85 = 96.4467 %.
        db.lots().add(new Lot("L-78", "SC-999", Map.of("Fe", 0.5, "Ca", 0.5, "Si", 0.5), null, "", Instant.EPOCH), "");
        String n = plan().number();
        int scLine = db.heats().find(n).orElseThrow().lines().stream().filter(l -> l.materialId().equals("SC-999")).findFirst()
                .orElseThrow().lineNo();
        db.heats().weigh(n, scLine, 10.0, "L-78", "scale 2");
        db.heats().move(n, HeatStatus.CHARGED, "");
        db.heats().addSample(n, new SampleAnalysis("F", "", "ICP-OES", Map.of("Sc", 1.90, "Fe", 0.07)), "ICP");
        db.heats().move(n, HeatStatus.CAST, "");
        Heat released = db.heats().move(n, HeatStatus.RELEASED, "CoA signed");
        assertEquals(100 * 9.5 / 9.85, released.recoveryPct(), 1e-9);
        assertEquals("Sc", released.recoveryElement());
        assertEquals(1, db.heats().recoveryHistory("SC-999").size());
        assertEquals(SC_METAL, db.heats().recoveryHistory("SC-999").get(0).route());
        assertTrue(db.heats().recoveryHistory("SC2O3-999").isEmpty());
        AuditEntry weigh = db.audit().of(AuditLog.HEAT, n).stream().filter(e -> e.change().startsWith("weigh")).findFirst().orElseThrow();
        assertTrue(weigh.oldValue().contains("weighed (not yet), lot (none)") && weigh.newValue().contains("weighed 10.0 kg, lot L-78"),
                weigh.oldValue() + " / " + weigh.newValue());
        assertThrows(StoreException.class, () -> db.heats().weigh(n, scLine, 11.0, null, ""), "a released heat's charge is closed");
    }
}
