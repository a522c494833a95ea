package ca.scalloy.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import ca.scalloy.engine.charge.ChargeCalculator;
import ca.scalloy.engine.charge.ChargeResult;
import ca.scalloy.engine.charge.Recipe;
import ca.scalloy.engine.heat.HeatStatus;
import ca.scalloy.engine.heat.Lot;
import ca.scalloy.engine.heat.SampleAnalysis;
import ca.scalloy.engine.spec.ElementLimit;
import ca.scalloy.engine.spec.Specification;
import ca.scalloy.solver.OjalgoSolver;

/**
 * Makes the database fixture of the current schema version, for the next version's upgrade test:
 * {@code java -cp <test class path> ca.scalloy.store.MigrationFixtures src/test/resources/db-fixtures/scalloy-vN}.
 * The fixture holds the seed plus user data of every kind (what {@link MigrationTest} checks): from
 * version 2 on, a lot and a heat with a weighed line, a sample and a move; from version 3 on
 * ({@link #fillFromVersion3}), heats in every stage up to released with casts, a certificate, a
 * correction and plant settings, changed by three people.
 *
 * <p>The version 3 and 4 fixtures were made by this class's {@code main} compiled in a copy of the
 * source at the last commit of each schema (schema 3: 7b648ba; schema 4: 111aa69), with the version 3
 * filling added; its code uses only calls that both versions have.
 */
public final class MigrationFixtures {

    static final String RECIPE = "AlSc2 master alloy, oxide route";
    static final String USER_SPEC = "Customer X AlSc2";
    static final String LOT = "OX-2026-001";
    /** The Sc-metal recipe of the version 3 filling. */
    static final String METAL_RECIPE = "AlSc2 master alloy from scandium metal";
    /** The released heat's lot of scandium metal (version 3 filling). */
    static final String METAL_LOT = "SC-2026-014";

    private MigrationFixtures() {
    }

    public static void main(String[] args) throws Exception {
        Path path = Path.of(args[0]);
        Files.deleteIfExists(DatabaseLocation.dataFile(path));
        try (Database db = Database.open(path, new StepClock())) {
            fill(db);
            if (args.length > 1 && args[1].equals("--from-version-3")) {
                fillFromVersion3(db);
            }
            // A committed fixture keeps no secret: without a password it opens like any database made before keys.
            db.setPassword("");
        }
        Files.deleteIfExists(EmbeddedAccess.keyFile(DatabaseLocation.normalize(path)));
    }

    /** User data on top of the seed: two recipe versions, a price change, a user sector's specification. */
    static void fill(Database db) {
        Recipe r = StoreFixtures.oxideRouteRecipe();
        db.recipes().save(r, "first");
        db.recipes().save(r.withBatchMassKg(1500.0), "bigger batch");
        db.materials().setPrice("SC2O3-999", 1650, 50, "quote 2026-01");
        db.specifications().create(new Specification(USER_SPEC, "CUSTOMER_X", "B",
                List.of(new ElementLimit("Sc", 1.95, 2.05), new ElementLimit("Fe", null, 0.12)), 0.03, 0.10, List.of(),
                "customer drawing 123 rev B", "src"));
        db.lots().add(new Lot(LOT, "SC2O3-999", Map.of(), 99.5, "CoA 1", Instant.parse("2026-01-02T00:00:00Z")), "received");
        ChargeResult charge = new ChargeCalculator(new OjalgoSolver()).solve(db.lots().applyTo(r, List.of(LOT)));
        String heat = db.heats().create(RECIPE, 1, USER_SPEC, "F1", "J. Roy", charge, Map.of("SC2O3-999", LOT)).number();
        db.heats().weigh(heat, 2, 36.5, null, "scale 2");
        db.heats().move(heat, HeatStatus.CHARGED, "");
        db.heats().addSample(heat, new SampleAnalysis(heat + "-1", "2026-01-05T10:00", "OES", Map.of("Sc", 1.97, "Fe", 0.09)), "OES 2");
    }

    /**
     * What a casthouse has after a few weeks of schema 3 (casts and certificates): on top of {@link #fill},
     * a released heat of the Sc-metal route with a lot, a low first sample, an accepted correction, a
     * passing second sample, a recorded cast and a certificate; a planned heat; the company's name and
     * address; each by the person who would do it.
     */
    static void fillFromVersion3(Database db) {
        db.setActor("m.tremblay");
        Recipe metal = StoreFixtures.recipe("alsc2-from-sc-metal.json");
        db.recipes().save(metal, "Sc metal route for the aerospace order");
        db.lots().add(new Lot(METAL_LOT, "SC-999", Map.of("Fe", 0.02), 99.9, "CoA 2026-014", Instant.parse("2026-01-03T00:00:00Z")),
                "received from the refinery");
        db.settings().set(SettingsRepository.COMPANY_NAME, "Scandium Québec inc.", "letterhead");
        db.settings().set(SettingsRepository.COMPANY_ADDRESS, "1200 boul. de la Fonderie, Saguenay QC", "letterhead");
        ChargeResult charge = new ChargeCalculator(new OjalgoSolver()).solve(db.lots().applyTo(metal, List.of(METAL_LOT)));

        db.setActor("j.roy");
        String released = db.heats().create(METAL_RECIPE, 1, USER_SPEC, "F2", "J. Roy", charge, Map.of("SC-999", METAL_LOT)).number();
        db.heats().weigh(released, 1, 495.6, null, "scale 1");
        db.heats().weigh(released, 2, 10.02, null, "scale 2");
        db.heats().move(released, HeatStatus.CHARGED, "");
        db.heats().addSample(released, new SampleAnalysis(released + "-1", "2026-01-06T09:10", "OES", Map.of("Sc", 1.88, "Fe", 0.07)),
                "OES 2");
        db.heats().addCorrection(released, null, 505.0, Map.of("SC-999", 0.65), "Sc low after the first sample");
        db.heats().addSample(released, new SampleAnalysis(released + "-F", "2026-01-06T10:05", "OES", Map.of("Sc", 2.01, "Fe", 0.07)),
                "OES 2");
        db.heats().move(released, HeatStatus.CAST, "");
        db.certificates().recordCast(released, 498.2, 22, "weighed at the caster");

        db.setActor("q.gagnon");
        db.certificates().issue(released, new CertificateRepository.Request("AeroParts", "PO-7731 / 2", "AlSc2 waffle plate", null, null,
                null, "EN 14361", "Lab, ISO/IEC 17025", "Q. Gagnon", "Quality manager"));
        db.heats().move(released, HeatStatus.RELEASED, "certificate issued");

        db.setActor("j.roy");
        db.heats().create(RECIPE, 2, USER_SPEC, "F1", "J. Roy", new ChargeCalculator(new OjalgoSolver())
                .solve(db.lots().applyTo(StoreFixtures.oxideRouteRecipe().withBatchMassKg(1500.0), List.of(LOT))), Map.of("SC2O3-999", LOT));
    }
}
