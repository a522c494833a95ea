package ca.scalloy.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import ca.scalloy.engine.charge.ChargeCalculator;
import ca.scalloy.engine.charge.Recipe;
import ca.scalloy.engine.doc.CertificateOfAnalysis;
import ca.scalloy.engine.heat.HeatRefusal;
import ca.scalloy.engine.heat.HeatStatus;
import ca.scalloy.engine.heat.SampleAnalysis;
import ca.scalloy.engine.heat.SampleVerdict;
import ca.scalloy.engine.spec.ElementLimit;
import ca.scalloy.engine.spec.Specification;
import ca.scalloy.solver.OjalgoSolver;

/** Casts and certificates on an in-memory database. */
class CertificateRepositoryTest {

    private static final String RECIPE = "AlSc2 master alloy from scandium metal";
    private static final String SPEC = "Customer X AlSc2";

    private final Database db = TestDatabases.fresh(new StepClock());

    @AfterEach
    void close() {
        db.close();
    }

    /** A heat of the Sc-metal recipe, sampled with {@code sc} % Sc, then cast. */
    private String castHeat(double sc) {
        Recipe recipe = StoreFixtures.recipe("alsc2-from-sc-metal.json");
        db.recipes().save(recipe, "");
        db.specifications().create(new Specification(SPEC, "CUSTOMER_X", "B", List.of(new ElementLimit("Sc", 1.90, 2.10),
                new ElementLimit("Fe", null, 0.12)), null, null, List.of(), "drawing 123", "src"));
        String n = db.heats().create(RECIPE, 1, SPEC, "F2", "J. Roy", new ChargeCalculator(new OjalgoSolver()).solve(recipe), Map.of())
                .number();
        db.heats().move(n, HeatStatus.CHARGED, "");
        db.heats().addSample(n, new SampleAnalysis("F", "2026-01-05T10:00", "ICP-OES", Map.of("Sc", sc, "Fe", 0.06)), "ICP");
        db.heats().move(n, HeatStatus.CAST, "");
        return n;
    }

    private static CertificateRepository.Request request(String concession) {
        return new CertificateRepository.Request("AeroParts", "PO-1 / 1", "AlSc2 waffle plate", null, null, concession,
                "EN 14361", "Lab, ISO/IEC 17025", "J. Gagnon", "Quality");
    }

    @Test
    void aCompliantCastHeatGetsANumberedCertificateForItsCastMass() {
        String n = castHeat(2.01);
        db.certificates().recordCast(n, 498.2, 22, "weighed at the caster");
        CertificateOfAnalysis c = db.certificates().issue(n, request(null));
        assertEquals("COA-" + n + "-1", c.certificateNumber());
        assertEquals(498.2, c.quantityKg());
        assertEquals(22, c.pieces());
        assertTrue(c.compliant());
        assertEquals(List.of(c.certificateNumber()), db.certificates().certificatesOf(n));
        assertTrue(db.audit().of(AuditLog.HEAT, n).stream().anyMatch(e -> e.change().equals("certificate")));
    }

    @Test
    void aCertificateForTheHeatAsShownIsRefusedWhenASampleCameInSinceAndNoneIsIssued() {
        String n = castHeat(2.01);
        int shown = db.heats().find(n).orElseThrow().heat().revision();
        // The laboratory re-samples the cast heat (CAST -> SAMPLED -> CAST) after quality opened it.
        db.heats().addSample(n, new SampleAnalysis("G", "2026-01-05T11:00", "ICP-OES", Map.of("Sc", 1.85, "Fe", 0.06)), "ICP");
        db.heats().move(n, HeatStatus.CAST, "re-sampled");

        ConcurrentChangeException e = assertThrows(ConcurrentChangeException.class, () -> db.certificates().issue(n, request(null), shown));
        assertTrue(e.getMessage().startsWith("heat " + n + " was changed by "), e.getMessage());
        assertTrue(db.certificates().certificatesOf(n).isEmpty(), "nothing certified unseen");
        StoreException now = assertThrows(StoreException.class,
                () -> db.certificates().issue(n, request(null), db.heats().find(n).orElseThrow().heat().revision()));
        assertTrue(now.getMessage().contains("concession"), "after reloading, the new failing sample is what counts: " + now.getMessage());
    }

    /* Sc 1.85 < 1.90: refused without a concession; with one, issued and the concession is in the audit trail. */
    @Test
    void aFailingHeatIsCertifiedOnlyUnderAConcessionThatIsAudited() {
        String n = castHeat(1.85);
        StoreException e = assertThrows(StoreException.class, () -> db.certificates().issue(n, request(null)));
        assertTrue(e.getMessage().contains("concession") && e.getMessage().contains("Sc"), e.getMessage());
        // the refusal keeps its code and arguments for the workbench's words: the heat, the specification, the failing values
        assertEquals("heats.cert.refusal.fails", e.reason().orElseThrow().code(), e.getMessage());
        assertEquals(n, e.reason().orElseThrow().args().get(0));
        assertTrue(db.certificates().certificatesOf(n).isEmpty());
        CertificateOfAnalysis c = db.certificates().issue(n, request("customer accepts Sc 1.85 % (deviation 7)"));
        assertFalse(c.compliant());
        assertTrue(db.audit().of(AuditLog.HEAT, n).stream()
                .anyMatch(a -> a.change().equals("certificate under concession") && a.reason().contains("deviation 7")));
    }

    @Test
    void anUncastHeatGetsNoCertificateAndNoCastMass() {
        Recipe recipe = StoreFixtures.recipe("alsc2-from-sc-metal.json");
        db.recipes().save(recipe, "");
        db.specifications().create(new Specification(SPEC, "CUSTOMER_X", "B", List.of(new ElementLimit("Sc", 1.90, 2.10)), null, null,
                List.of(), "", "src"));
        String n = db.heats().create(RECIPE, 1, SPEC, "F2", "J. Roy", new ChargeCalculator(new OjalgoSolver()).solve(recipe), Map.of())
                .number();
        assertThrows(StoreException.class, () -> db.certificates().issue(n, request(null)));
        assertThrows(StoreException.class, () -> db.certificates().recordCast(n, 500, null, ""));
        assertThrows(StoreException.class, () -> db.certificates().recordCast("H-0000-0000", 500, null, ""));
    }

    @Test
    void settingsAreKeptAndAudited() {
        db.settings().set(SettingsRepository.COMPANY_NAME, "Scandium Québec inc.", "letterhead");
        assertEquals("Scandium Québec inc.", db.settings().get(SettingsRepository.COMPANY_NAME, "x"));
        assertTrue(db.audit().of(AuditLog.SETTING, SettingsRepository.COMPANY_NAME).stream().anyMatch(a -> a.reason().equals("letterhead")));
        assertThrows(StoreException.class, () -> db.settings().set("Bad Key", "v", ""));
        StoreException tolerance = assertThrows(StoreException.class, () -> db.settings().set("heat.plausibility.castAbovePlannedPct",
                "-5", ""));
        assertTrue(tolerance.getMessage().contains("castAbovePlannedPct must be a number from 0"), tolerance.getMessage());
    }

    /*
     * One source of truth: a final sample that does not report Fe (limited by the specification) is INCOMPLETE on the heat's
     * record, and the certificate is refused for the same reason, naming Fe; under a concession it states Fe as not measured.
     */
    @Test
    void theCertificateUsesTheSamplesVerdictAndRefusesAnIncompleteAnalysis() {
        String n = castHeat(2.01);
        db.heats().addSample(n, new SampleAnalysis("G", "2026-01-05T11:00", "ICP-OES", Map.of("Sc", 2.0)), "ICP");
        db.heats().move(n, HeatStatus.CAST, "re-sampled");
        assertEquals(SampleVerdict.INCOMPLETE, db.heats().find(n).orElseThrow().samples().get(1).verdict());
        StoreException e = assertThrows(StoreException.class, () -> db.certificates().issue(n, request(null)));
        assertTrue(e.getMessage().contains("does not report Fe"), e.getMessage());
        CertificateOfAnalysis c = db.certificates().issue(n, request("Fe measured on the ingot, report 77"));
        assertFalse(c.compliant());
        assertEquals(List.of("Fe"), c.unmeasuredElements());
    }

    @Test
    void aCastOf5000KgForAHeatPlannedAt500KgIsRefusedWithTheRange() {
        String n = castHeat(2.01);
        HeatRefusedException e = assertThrows(HeatRefusedException.class, () -> db.certificates().recordCast(n, 5000, null, ""));
        assertEquals(HeatRefusal.Code.CAST_MASS_IMPLAUSIBLE, e.refusal().code());
        // Planned 500 kg: from 250 kg (50 % below) to the lower of 550 kg (10 % above) and the charge (its lines' planned kg,
        // nothing weighed) x 1.02: heat-plausibility.csv.
        double chargedKg = db.heats().find(n).orElseThrow().lines().stream().mapToDouble(l -> l.plannedKg()).sum();
        assertEquals(250.0, (double) e.refusal().arg(1), 1e-6);
        assertEquals(Math.min(550.0, chargedKg * 1.02), (double) e.refusal().arg(2), 1e-6);
        assertEquals(chargedKg, (double) e.refusal().arg(4), 1e-9);
        assertTrue(db.certificates().castKg(n).isEmpty(), "nothing recorded");
    }
}
