package ca.scalloy.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import java.time.Instant;
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
 * version 2 on, a lot and a heat with a weighed line, a sample and a move.
 */
public final class MigrationFixtures {

    static final String RECIPE = "AlSc2 master alloy, oxide route";
    static final String USER_SPEC = "Customer X AlSc2";
    static final String LOT = "OX-2026-001";

    private MigrationFixtures() {
    }

    public static void main(String[] args) throws Exception {
        Path path = Path.of(args[0]);
        Files.deleteIfExists(DatabaseLocation.dataFile(path));
        try (Database db = Database.open(path, new StepClock())) {
            fill(db);
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
}
