package ca.scalloy.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ca.scalloy.engine.heat.Heat;
import ca.scalloy.engine.heat.HeatRecord;
import ca.scalloy.engine.heat.HeatStatus;
import ca.scalloy.engine.heat.ElementStatus;
import ca.scalloy.engine.heat.SampleVerdict;

/**
 * Every migration runs on an empty database and on the file made by the previous schema version
 * ({@code src/test/resources/db-fixtures/scalloy-vN.mv.db}, made by {@link MigrationFixtures} at version N).
 */
@Tag("h2-file")
class MigrationTest {

    @TempDir
    Path dir;

    @Test
    void migrationsRunOnAnEmptyInMemoryDatabase() {
        try (Database db = Database.inMemory(new StepClock())) {
            assertEquals(17, db.specifications().list().size());
        }
    }

    @Test
    void theVersion1FixtureOpensWithItsUserDataIntact() throws Exception {
        Path path = dir.resolve("scalloy");
        Files.copy(Path.of("src/test/resources/db-fixtures/scalloy-v1.mv.db"), DatabaseLocation.dataFile(path));
        try (Database db = Database.open(path, new StepClock())) {
            assertEquals(2, db.recipes().history(MigrationFixtures.RECIPE).size());
            assertEquals(1500.0, db.recipes().latest(MigrationFixtures.RECIPE).orElseThrow().recipe().batchMassKg());
            assertEquals(2, db.materials().priceHistory("SC2O3-999").size());
            assertEquals(1650, db.materials().find("SC2O3-999").orElseThrow().material().pricePerKg());
            assertEquals("CUSTOMER_X", db.specifications().find(MigrationFixtures.USER_SPEC).orElseThrow().sector());
            assertEquals(18, db.specifications().list().size(), "seed not applied a second time");
            assertTrue(db.audit().all().isEmpty(), "no audit entries are invented for changes made before version 2");
            assertTrue(db.heats().list(null, null, 50).isEmpty());
            db.materials().setPrice("SC2O3-999", 1700, 50, "after the upgrade");
            assertEquals(1, db.audit().all().size());
        }
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + path + Database.FILE_OPTIONS, "sa", TestDatabases.h2Password(path));
             Statement s = c.createStatement()) {
            assertThrows(SQLException.class, () -> s.executeUpdate("DELETE FROM audit_log"), "the upgraded database keeps the log append-only");
        }
    }

    @Test
    void theVersion2FixtureOpensWithItsHeatsLotsSamplesAndAuditTrailIntact() throws Exception {
        Path path = dir.resolve("scalloy");
        Files.copy(Path.of("src/test/resources/db-fixtures/scalloy-v2.mv.db"), DatabaseLocation.dataFile(path));
        try (Database db = Database.open(path, new StepClock())) {
            assertEquals(2, db.recipes().history(MigrationFixtures.RECIPE).size());
            assertEquals(99.5, db.lots().find(MigrationFixtures.LOT).orElseThrow().purityPct());
            List<Heat> heats = db.heats().list(null, null, 50);
            assertEquals(1, heats.size());
            HeatRecord r = db.heats().find(heats.get(0).number()).orElseThrow();
            assertEquals(HeatStatus.SAMPLED, r.heat().status());
            assertEquals(36.5, r.lines().get(1).weighedKg());
            assertEquals(MigrationFixtures.LOT, r.lines().get(1).lotNumber());
            assertEquals(SampleVerdict.PASS, r.samples().get(0).verdict());
            assertEquals(3, r.moves().size());
            assertTrue(db.audit().all().size() >= 8, "the fixture's audit trail");
        }
    }

    /*
     * A sample stored at schema 2 by the old rules: Sc only against a specification limiting Sc and Fe, verdict PASS with Fe
     * counted as 0 %. Through version 5 it keeps its PASS (history is not rewritten) but reads Fe as NOT_REPORTED with no
     * value, says its verdict was given by the old rules, and does not certify without a concession.
     */
    @Test
    void aSampleJudgedByTheOldRulesKeepsItsVerdictAndReadsItsUnreportedElementsAsNotReported() throws Exception {
        Path path = dir.resolve("scalloy");
        Files.copy(Path.of("src/test/resources/db-fixtures/scalloy-v2.mv.db"), DatabaseLocation.dataFile(path));
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + path + Database.FILE_OPTIONS, "sa", "");
             Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO samples (heat_ref, sample_number, taken_at, instrument, method, import_ref, values_wt_pct, verdict,"
                    + " checks, entered_by, entered_at) SELECT heat_ref, 'OLD-2', '', 'OES 2', 'OES', NULL, '{\"Sc\":1.99}', 'PASS',"
                    + " '[{\"element\":\"Sc\",\"minPct\":1.95,\"maxPct\":2.05,\"valuePct\":1.99,\"status\":\"PASS\",\"marginPct\":0.04},"
                    + "{\"element\":\"Fe\",\"minPct\":null,\"maxPct\":0.12,\"valuePct\":0.0,\"status\":\"PASS\",\"marginPct\":0.12}]',"
                    + " 'lab', entered_at FROM samples");
        }
        try (Database db = Database.open(path, new StepClock())) {
            HeatRecord r = db.heats().find(db.heats().list(null, null, 50).get(0).number()).orElseThrow();
            var old = r.samples().get(1);
            assertEquals("OLD-2", old.analysis().sampleNumber());
            assertEquals(SampleVerdict.PASS, old.verdict(), "the stored verdict is kept");
            assertTrue(old.legacyVerdict());
            var fe = old.checks().get(1);
            assertEquals(ElementStatus.NOT_REPORTED, fe.status());
            assertNull(fe.valuePct(), "never 0.00");
            assertFalse(old.meetsSpecification());
            assertFalse(r.samples().get(0).legacyVerdict() && !r.samples().get(0).meetsSpecification(),
                    "the fixture's own sample reported every limited element");
        }
    }

    @Test
    void aDatabaseFromANewerScalloyIsRefusedWithAMessage() throws Exception {
        Path path = dir.resolve("scalloy");
        Database.open(path, new StepClock()).close();
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + path + Database.FILE_OPTIONS, "sa", TestDatabases.h2Password(path));
             Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO \"flyway_schema_history\" (\"installed_rank\", \"version\", \"description\", \"type\","
                    + " \"script\", \"checksum\", \"installed_by\", \"execution_time\", \"success\") VALUES (99, '99', 'future',"
                    + " 'SQL', 'V99__future.sql', 0, 'sa', 0, TRUE)");
        }
        StoreException e = assertThrows(StoreException.class, () -> Database.open(path, new StepClock()));
        assertTrue(e.getMessage().contains("newer Scalloy (schema version 99; this Scalloy knows up to 6.1)"), e.getMessage());
    }
}
