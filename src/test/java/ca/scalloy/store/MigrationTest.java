package ca.scalloy.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ca.scalloy.engine.heat.Heat;
import ca.scalloy.engine.heat.HeatRecord;
import ca.scalloy.engine.heat.HeatStatus;
import ca.scalloy.engine.heat.ElementStatus;
import ca.scalloy.engine.heat.SampleVerdict;
import ca.scalloy.engine.library.AuditEntry;

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
            // The fixture's own sample reported every listed element, and no other: its others read as not reported (version 7).
            assertTrue(r.samples().get(0).unjudged().stream().allMatch(k -> k.element().startsWith("others")),
                    "the fixture's own sample reported every limited element");
        }
    }

    /*
     * The version 3 fixture (MigrationFixtures.fillFromVersion3 at commit 7b648ba): three heats (SAMPLED,
     * RELEASED with a correction, a cast of 498.2 kg in 22 pieces and certificate COA-H-2026-0002-1,
     * PLANNED), two lots, three recipe versions, the company's name and address, and 30 audit entries by
     * root, m.tremblay, j.roy and q.gagnon (counted in the fixture with SELECT COUNT(*) FROM audit_log).
     */
    @Test
    void theVersion3FixtureOpensWithItsCastsCertificatesAndAuditTrailIntact() throws Exception {
        assertVersion3ContentSurvives(copyFixture("scalloy-v3.mv.db"));
    }

    /* The version 4 fixture: the same filling, made by the code at schema 4 (commit 111aa69). */
    @Test
    void theVersion4FixtureOpensWithItsCastsCertificatesAndAuditTrailIntact() throws Exception {
        assertVersion3ContentSurvives(copyFixture("scalloy-v4.mv.db"));
    }

    /*
     * Two processes open the version 2 fixture at the same moment: one upgrades it while the other waits
     * for its turn, and both open it at this Scalloy's schema; each migration ran once.
     */
    @Test
    void twoProcessesOpeningAnOlderDatabaseAtOnceUpgradeItOnceAndBothOpenIt() throws Exception {
        String latest;
        try (Database reference = Database.inMemory(new StepClock())) {
            latest = reference.schemaVersion();
        }
        Path path = copyFixture("scalloy-v2.mv.db");
        List<Process> both = List.of(OpeningProcess.child(path.toString(), "-", "quiet").start(),
                OpeningProcess.child(path.toString(), "-", "quiet").start());
        for (Process p : both) {
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(2, TimeUnit.MINUTES));
            assertEquals(0, p.exitValue(), out);
            assertTrue(out.contains("\nopened " + latest + " "), out);
        }
        try (Database db = Database.open(path, new StepClock());
             Connection c = Database.newConnection(Database.fileLogin(path, Database.FileAccess.SHARED));
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*), COUNT(DISTINCT \"version\") FROM \"flyway_schema_history\""
                     + " WHERE \"version\" IS NOT NULL")) {
            rs.next();
            assertEquals(rs.getLong(2), rs.getLong(1), "each migration recorded once");
            assertEquals(1, db.heats().list(null, null, 50).size());
        }
        assertTrue(Files.exists(EmbeddedFile.copyBeforeUpgrade(path)));
    }

    /* An older Scalloy has the version 2 file open: the upgrade needs it alone, so the open is refused saying so, and nothing changes. */
    @Test
    void anUpgradeWhileAnotherProgramHasTheFileOpenIsRefusedSayingSoAndChangesNothing() throws Exception {
        Path path = copyFixture("scalloy-v2.mv.db");
        Process holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), FileHolder.class.getName(), path.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            assertEquals("holding", new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8))
                    .readLine());
            StoreException e = assertThrows(StoreException.class, () -> Database.open(path, new StepClock()));
            assertTrue(e.getMessage().startsWith("the database " + path + " is open in another program"), e.getMessage());
            assertTrue(e.getMessage().contains("cannot upgrade it from schema 2.1 to ") && e.getMessage().endsWith("(nothing was changed)"),
                    e.getMessage());
            assertFalse(Files.exists(EmbeddedFile.upgradingCopy(path)), "no copy left behind");
        } finally {
            holder.getOutputStream().close();
            assertTrue(holder.waitFor(30, TimeUnit.SECONDS));
        }
        try (Database db = Database.open(path, new StepClock())) {
            assertEquals(1, db.heats().list(null, null, 50).size(), "upgraded once the other program closed it");
        }
    }

    /*
     * A schema-2 file that already has a table V3 creates (heat_casts, made here by hand): the migration
     * fails; the file is put back at once as it was (every table's rows and checksum, and the schema
     * history without a failed row), and the error says so.
     */
    @Test
    void aMigrationThatFailsIsRolledBackFromTheCopyAtOnceAndSaysSo() throws Exception {
        Path path = copyFixture("scalloy-v2.mv.db");
        List<DatabaseCopy.TableCopy> before;
        try (Connection c = Database.newConnection(Database.fileLogin(path, Database.FileAccess.EXCLUSIVE)); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE heat_casts (note VARCHAR(10))");
            before = DatabaseCopy.checksums(c);
        }
        StoreException e = assertThrows(StoreException.class, () -> Database.open(path, new StepClock()));
        assertTrue(e.getMessage().startsWith("upgrading the database " + path + " from schema 2.1 to "), e.getMessage());
        assertTrue(e.getMessage().endsWith("; it was put back as it was, at schema 2.1, from the copy taken before the upgrade"), e.getMessage());
        try (Connection c = Database.newConnection(Database.fileLogin(path, Database.FileAccess.EXCLUSIVE)); Statement s = c.createStatement();
             ResultSet failed = s.executeQuery("SELECT COUNT(*) FROM \"flyway_schema_history\" WHERE NOT \"success\"")) {
            failed.next();
            assertEquals(0, failed.getLong(1), "no failed migration recorded");
            assertEquals(before, DatabaseCopy.checksums(c), "every table as it was");
            assertEquals("2.1", Database.schemaVersion(c));
        }
        assertFalse(Files.exists(EmbeddedFile.upgradingCopy(path)), "the copy was used and removed");
    }

    private Path copyFixture(String name) throws Exception {
        Path path = dir.resolve("scalloy");
        Files.copy(Path.of("src/test/resources/db-fixtures", name), DatabaseLocation.dataFile(path));
        return path;
    }

    private static void assertVersion3ContentSurvives(Path path) throws Exception {
        try (Database db = Database.open(path, new StepClock())) {
            assertEquals(List.of("H-2026-0003", "H-2026-0002", "H-2026-0001"),
                    db.heats().list(null, null, 50).stream().map(Heat::number).toList());
            HeatRecord released = db.heats().find("H-2026-0002").orElseThrow();
            assertEquals(HeatStatus.RELEASED, released.heat().status());
            assertEquals(List.of(SampleVerdict.FAIL, SampleVerdict.PASS), released.samples().stream().map(s -> s.verdict()).toList());
            assertEquals(1, released.corrections().size());
            assertEquals(495.6, released.lines().get(0).weighedKg());
            assertEquals(MigrationFixtures.METAL_LOT, released.lines().get(1).lotNumber());
            assertEquals(498.2, db.certificates().castKg("H-2026-0002").orElseThrow());
            assertEquals(List.of("COA-H-2026-0002-1"), db.certificates().certificatesOf("H-2026-0002"));
            assertEquals(HeatStatus.PLANNED, db.heats().find("H-2026-0003").orElseThrow().heat().status());
            assertEquals(HeatStatus.SAMPLED, db.heats().find("H-2026-0001").orElseThrow().heat().status());
            assertEquals(99.9, db.lots().find(MigrationFixtures.METAL_LOT).orElseThrow().purityPct());
            assertEquals(1, db.recipes().history(MigrationFixtures.METAL_RECIPE).size());
            assertEquals("Scandium Québec inc.", db.settings().get(SettingsRepository.COMPANY_NAME, ""));
            List<AuditEntry> trail = db.audit().all();
            assertEquals(30, trail.size());
            assertEquals(List.of("m.tremblay", "j.roy", "q.gagnon"), trail.stream().map(AuditEntry::actor).filter(a -> !a.equals(trail.get(0).actor()))
                    .distinct().toList());
            assertEquals("certificate", trail.get(26).change());
            db.heats().move("H-2026-0003", HeatStatus.CHARGED, "after the upgrade");
            assertEquals(31, db.audit().all().size());
        }
        // Made before keys: the upgrade gave it a key file (owner-only) and a password, and its pre-upgrade copy carries the key.
        assertEquals(PosixFilePermissions.fromString("rw-------"), Files.getPosixFilePermissions(EmbeddedAccess.keyFile(path)));
        assertEquals(PosixFilePermissions.fromString("rw-------"), Files.getPosixFilePermissions(EmbeddedFile.copyBeforeUpgrade(path)));
        try (ZipFile copy = new ZipFile(EmbeddedFile.copyBeforeUpgrade(path).toFile());
             InputStream key = copy.getInputStream(copy.getEntry(Backups.KEY_ENTRY))) {
            assertEquals(TestDatabases.h2Password(path), new String(key.readAllBytes(), StandardCharsets.UTF_8).strip());
        }
        assertThrows(SQLException.class, () -> DriverManager.getConnection("jdbc:h2:file:" + path + Database.FILE_OPTIONS, "sa", "").close(),
                "no way in without the key any more");
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + path + Database.FILE_OPTIONS, "sa", TestDatabases.h2Password(path));
             Statement s = c.createStatement()) {
            assertThrows(SQLException.class, () -> s.executeUpdate("DELETE FROM audit_log"), "the upgraded database keeps the log append-only");
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
        assertTrue(e.getMessage().contains("newer Scalloy (schema version 99; this Scalloy knows up to 8)"), e.getMessage());
    }
}
