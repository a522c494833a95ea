package ca.scalloy.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import ca.scalloy.engine.spec.ComplianceStatus;

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
            assertEquals(ComplianceStatus.PASS, r.samples().get(0).verdict());
            assertEquals(3, r.moves().size());
            assertTrue(db.audit().all().size() >= 8, "the fixture's audit trail");
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
