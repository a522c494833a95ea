package ca.scalloy.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ca.scalloy.engine.charge.ChargeCalculator;
import ca.scalloy.engine.charge.Recipe;
import ca.scalloy.engine.heat.HeatStatus;
import ca.scalloy.engine.heat.Lot;
import ca.scalloy.engine.heat.SampleAnalysis;
import ca.scalloy.engine.spec.ElementLimit;
import ca.scalloy.engine.spec.Specification;
import ca.scalloy.io.SpectrometerCsv;
import ca.scalloy.io.SpectrometerImport;
import ca.scalloy.solver.OjalgoSolver;

/**
 * The migrate-to round trip: a database of the kind under test (H2, or PostgreSQL in the second
 * execution) copied to the other kind and back, every table compared by count and checksum.
 */
class DatabaseCopyTest {

    private static final String SC_METAL = "AlSc2 master alloy from scandium metal";
    private static final String SPEC = "Customer X AlSc2";
    /** A body longer than any the examples make, to show that long text arrives whole. */
    private static final String LONG_TEXT = "Sc=2.01;".repeat(80_000);

    @TempDir
    Path dir;

    private final StepClock clock = new StepClock();
    private final Database source = TestDatabases.fresh(clock);

    @AfterEach
    void close() {
        source.close();
    }

    /** An embedded database file in the test's folder (made on first use). */
    private DatabaseLogin h2(String name) {
        return DatabaseLogin.of("jdbc:h2:file:" + dir.resolve(name), null);
    }

    /** A database of the other kind than the one under test. */
    private DatabaseLogin otherKind(String name) {
        return TestDatabases.postgres() ? h2(name) : TestDatabases.freshLogin();
    }

    /** A new database of the kind under test. */
    private DatabaseLogin sameKind(String name) {
        return TestDatabases.postgres() ? TestDatabases.freshLogin() : h2(name);
    }

    /**
     * Fills every table the repositories write: recipes with two versions, a material with a price
     * history, a specification with two versions, lots, a heat with weighed lines, samples (by hand and
     * imported), a correction and moves, its cast and certificate, settings, a mapping and audit entries,
     * and values at the edges (a long text, awkward doubles, a timestamp with microseconds and an offset).
     */
    static String fill(Database db) throws Exception {
        Recipe recipe = StoreFixtures.recipe("alsc2-from-sc-metal.json");
        db.recipes().save(recipe, "");
        db.recipes().save(StoreFixtures.oxideRouteRecipe(), "first");
        db.recipes().save(StoreFixtures.oxideRouteRecipe(), "again");
        db.materials().setPrice("SC-999", 3100.25, 41.5, "quote 2026-01");
        db.materials().setPrice("SC-999", 0.1 + 0.2, Double.MIN_VALUE, "awkward doubles");
        db.specifications().create(new Specification(SPEC, "CUSTOMER_X", "B", List.of(new ElementLimit("Sc", 1.90, 2.10),
                new ElementLimit("Fe", null, 0.12)), null, null, List.of(), "drawing 123", "src"));
        db.specifications().update(new Specification(SPEC, "CUSTOMER_X", "C", List.of(new ElementLimit("Sc", 1.90, 2.10),
                new ElementLimit("Fe", null, 0.12)), null, null, List.of(), "drawing 124", "src"), "revision C");
        db.lots().add(new Lot("L-77", "SC-999", Map.of("Fe", 0.5, "Ca", 0.5, "Si", 0.5), 98.5, "CoA 77", Instant.parse("2026-01-02T00:00:00Z")),
                "received");
        db.lots().add(new Lot("L-78", "SC-999", Map.of(), null, "", Instant.EPOCH), "");
        String n = db.heats().create(SC_METAL, 1, SPEC, "F2", "J. Roy",
                new ChargeCalculator(new OjalgoSolver()).solve(db.lots().applyTo(recipe, List.of("L-77"))), Map.of("SC-999", "L-77")).number();
        int scLine = db.heats().find(n).orElseThrow().lines().stream().filter(l -> l.materialId().equals("SC-999")).findFirst()
                .orElseThrow().lineNo();
        db.heats().weigh(n, scLine, 10.0, "L-78", "scale 2");
        db.heats().move(n, HeatStatus.CHARGED, "");
        db.heats().addSample(n, new SampleAnalysis("S1", "2026-01-05T09:00", "OES", Map.of("Sc", 1.82, "Fe", 0.08)), "OES 2");
        db.heats().addCorrection(n, null, 500, Map.of("SC-999", 0.45), "Sc low");
        SpectrometerImport imported = SpectrometerCsv.read(Path.of("recipes/analyses/oes-alsc2-heat.csv"));
        db.heats().importSamples(n, imported, "oes-alsc2-heat.csv", imported.instrument(), true);
        db.heats().move(n, HeatStatus.CAST, "");
        db.certificates().recordCast(n, 498.2, null, "weighed at the caster");
        db.certificates().issue(n, new CertificateRepository.Request("AeroParts", "PO-1 / 1", "AlSc2 waffle plate", null, null, null,
                "EN 14361", "Lab", "J. Gagnon", "Quality"));
        db.settings().set(SettingsRepository.COMPANY_NAME, "Scandium Québec inc.", "letterhead");
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO audit_log (logged_at, actor, entity, entity_id, change_kind,"
                    + " old_value, new_value, reason) VALUES (?, 'test', 'note', 'long', 'note', ?, NULL, '')")) {
                ps.setObject(1, OffsetDateTime.of(2026, 1, 5, 14, 30, 15, 123_456_000, ZoneOffset.ofHoursMinutes(5, 30)));
                ps.setString(2, LONG_TEXT);
                ps.executeUpdate();
            }
            return null;
        });
        return n;
    }

    private static long maxId(Database db, String table) {
        return db.inTransaction(c -> {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT MAX(id) FROM " + table)) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    private static void sql(Database db, String... statements) {
        db.inTransaction(c -> {
            try (Statement st = c.createStatement()) {
                for (String s : statements) {
                    st.execute(s);
                }
            }
            return null;
        });
    }

    /** New rows get ids after the copied ones: each table's identity was moved past the copy. */
    private static void assertNewRowsGetFreshIds(Database db) {
        long lots = maxId(db, "lots");
        long audit = maxId(db, "audit_log");
        long versions = maxId(db, "recipe_versions");
        long prices = maxId(db, "material_prices");
        db.lots().add(new Lot("L-after-copy", "SC-999", Map.of(), null, "", Instant.EPOCH), "");
        db.recipes().save(StoreFixtures.oxideRouteRecipe(), "after the copy");
        db.materials().setPrice("SC-999", 3000, 40, "after the copy");
        assertEquals(lots + 1, maxId(db, "lots"));
        assertEquals(versions + 1, maxId(db, "recipe_versions"));
        assertEquals(prices + 1, maxId(db, "material_prices"));
        assertTrue(maxId(db, "audit_log") > audit);
    }

    @Test
    void theMigrateToRoundTripKeepsEveryTableRowForRowAndNewRowsGetFreshIds() throws Exception {
        String heat = fill(source);
        List<DatabaseCopy.TableCopy> before = DatabaseCopy.checksums(source);
        DatabaseLogin there = otherKind("there");
        DatabaseLogin back = sameKind("back");

        DatabaseCopy.Result out = DatabaseCopy.copy(source, there);
        try (Database other = Database.connect(there, clock)) {
            assertEquals(out.tables(), DatabaseCopy.checksums(other).stream().filter(out.tables()::contains).toList());
            DatabaseCopy.Result home = DatabaseCopy.copy(other, back);
            assertEquals(out.tables(), home.tables(), "the same rows, by count and checksum, on the way there and back");
            assertNewRowsGetFreshIds(other);
        }
        try (Database returned = Database.connect(back, clock)) {
            assertEquals(before, DatabaseCopy.checksums(returned));
            assertEquals(source.heats().find(heat), returned.heats().find(heat));
            assertEquals(source.audit().all(), returned.audit().all());
            assertEquals(source.materials().priceHistory("SC-999"), returned.materials().priceHistory("SC-999"));
            assertEquals(Seed.materials().size() + 0L, countRows(returned, "materials"), "the seed is not applied again");
            assertNewRowsGetFreshIds(returned);
        }
        assertTrue(out.tables().stream().allMatch(t -> t.sha256().matches("[0-9a-f]{64}")));
        assertTrue(out.tables().stream().anyMatch(t -> t.table().equals("certificates") && t.rows() == 1), out.tables().toString());
        assertFalse(out.tables().stream().anyMatch(t -> t.table().equals("flyway_schema_history")));
    }

    private static long countRows(Database db, String table) {
        return db.inTransaction(c -> {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + table)) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    @Test
    void aCopyToAnotherEmbeddedDatabaseNeedsNoServer() throws Exception {
        fill(source);
        DatabaseCopy.Result result = DatabaseCopy.copy(source, h2("copy"));
        try (Database copy = Database.connect(h2("copy"), clock)) {
            assertEquals(result.tables(), DatabaseCopy.checksums(copy).stream().filter(result.tables()::contains).toList());
            assertEquals(source.audit().all(), copy.audit().all());
        }
        assertEquals(TestDatabases.postgres() ? List.of("audit_log_anchor (empty, only in the target)") : List.of(), result.skipped());
    }

    @Test
    void aChecksumTellsApartADoubleThatDiffersInItsLastBit() throws Exception {
        fill(source);
        DatabaseCopy.Result result = DatabaseCopy.copy(source, h2("bits"));
        try (Database copy = Database.connect(h2("bits"), clock)) {
            copy.inTransaction(c -> {
                copy.audit().quiet(c); // the owner's change, not audited: only the price row differs
                try (PreparedStatement ps = c.prepareStatement("UPDATE material_prices SET price_per_kg = ? WHERE price_per_kg = ?")) {
                    ps.setDouble(1, Math.nextUp(0.1 + 0.2));
                    ps.setDouble(2, 0.1 + 0.2);
                    assertEquals(1, ps.executeUpdate());
                }
                return null;
            });
            List<DatabaseCopy.TableCopy> after = DatabaseCopy.checksums(copy);
            List<String> changed = result.tables().stream().filter(t -> !after.contains(t)).map(DatabaseCopy.TableCopy::table).toList();
            assertEquals(List.of("material_prices"), changed);
        }
    }

    @Test
    void aTargetWithRowsIsRefusedWithEachTableAndLeftUnchanged() throws Exception {
        fill(source);
        DatabaseLogin used = h2("used");
        List<DatabaseCopy.TableCopy> usedBefore;
        try (Database seeded = Database.connect(used, clock)) {
            usedBefore = DatabaseCopy.checksums(seeded);
        }
        StoreException e = assertThrows(StoreException.class, () -> DatabaseCopy.copy(source, used));
        assertTrue(e.getMessage().startsWith("the target H2 jdbc:h2:file:" + dir.resolve("used") + " is not empty: "), e.getMessage());
        assertTrue(e.getMessage().contains("materials has " + Seed.materials().size() + " rows") && e.getMessage().contains("seed_runs has 1 row"),
                e.getMessage());
        try (Database seeded = Database.connect(used, clock)) {
            assertEquals(usedBefore, DatabaseCopy.checksums(seeded));
        }
    }

    @Test
    void aCopyThatFailsHalfWayLeavesTheTargetWithoutAnyRow() throws Exception {
        fill(source);
        try (Database target = Database.connectForCopy(h2("half"), clock)) {
            // certificates come after heats and the library in foreign-key order: the rows before them were written
            sql(target, "ALTER TABLE certificates ADD CONSTRAINT refuse_every_row CHECK (quantity_kg < 0)");
            StoreException e = assertThrows(StoreException.class, () -> DatabaseCopy.copy(source, target));
            assertTrue(e.getMessage().startsWith("cannot copy table certificates into H2 "), e.getMessage());
            assertTrue(e.getMessage().endsWith("; nothing was written"), e.getMessage());
            assertTrue(DatabaseCopy.checksums(target).stream().allMatch(t -> t.rows() == 0), DatabaseCopy.checksums(target).toString());
        }
    }

    @Test
    void aColumnOnlyOneSideHasIsASchemaMismatch() {
        sql(source, "ALTER TABLE lots ADD COLUMN note VARCHAR(10)");
        StoreException e = assertThrows(StoreException.class, () -> DatabaseCopy.copy(source, h2("other-schema")));
        assertEquals("table lots has other columns in the source than in the target (only in the source: note; only in the target: none);"
                + " db migrate-to copies only between databases of the same Scalloy schema", e.getMessage());
    }

    @Test
    void aTableOnlyTheSourceHasIsSkippedWhenEmptyAndRefusedWhenItHoldsRows() {
        sql(source, "CREATE TABLE extra_notes (id BIGINT PRIMARY KEY, note VARCHAR(100))");
        DatabaseCopy.Result result = DatabaseCopy.copy(source, h2("skips"));
        assertTrue(result.skipped().contains("extra_notes (empty, only in the source)"), result.skipped().toString());

        sql(source, "INSERT INTO extra_notes (id, note) VALUES (1, 'kept by hand')");
        StoreException e = assertThrows(StoreException.class, () -> DatabaseCopy.copy(source, h2("refuses")));
        assertTrue(e.getMessage().contains("has a table the target") && e.getMessage().contains("extra_notes has 1 row"), e.getMessage());
    }
}
