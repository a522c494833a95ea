package ca.scalloy.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ca.scalloy.engine.library.AuditEntry;

/**
 * A kill (SIGKILL, as a power cut to the program) at any moment of a schema upgrade or of a first open
 * leaves a database that the next open, in another process, opens at this Scalloy's schema with
 * nothing lost. A child JVM ({@link OpeningProcess}) opens a copy of an earlier-schema fixture and is
 * killed either where it stops at a named moment ({@link FaultPoints}: the copy taken, before and after
 * each migration, statements inside them, the migrated file closed, a roll-back half done, a new
 * database built but not yet in place …) or after a random delay across the whole open, with no hook
 * set at all. Then this JVM opens it and compares every table's rows and checksum, and the audit trail,
 * with those of the same fixture upgraded without a kill.
 *
 * <p>H2 takes over the lock file of a killed process only once it is a few seconds old; the first kill
 * of each test keeps it (so that the take-over is part of what is tested), later ones remove it to keep
 * the test fast, as {@link CrashSafetyTest} does. The data files are never touched.
 */
@Tag("h2-file")
class UpgradeKillTest {

    private static final Path FIXTURES = Path.of("src/test/resources/db-fixtures");

    @TempDir
    Path dir;

    private int round;
    private int kills;
    private static final Map<String, Expected> EXPECTED = new java.util.concurrent.ConcurrentHashMap<>();

    /* The moments an upgrade from schema 2 passes (OpeningProcess on the V2 fixture printed them): every one
     * that changes the file, and statements at the start, middle and end of each migration. */
    @Test
    void aKillAtEachMomentOfAnUpgradeFromSchema2LeavesADatabaseThatOpensWithNothingLost() throws Exception {
        Expected expected = upgradedWithoutAKill("scalloy-v2.mv.db");
        for (String moment : List.of("upgrade:copied", "migrate:before:3", "migrate:statement:3:2", "migrate:after:3",
                "migrate:statement:4:6", "migrate:after:4", "migrate:statement:6.1:17", "upgrade:migrated", "upgrade:closed")) {
            Path db = fixtureCopy("scalloy-v2.mv.db");
            killAt(db, moment);
            removeStaleH2LockAfterTheFirstRound(db);
            assertTrue(Files.exists(EmbeddedFile.upgradingCopy(db)), moment + ": the copy taken before the upgrade is there to go back to");
            assertOpensAsExpected(db, expected, moment);
        }
    }

    /*
     * The schema-4 fixture was made before keys: its open first gives it a key file and a password ("key:made" is between the
     * two), then copies it (with the key) and upgrades it through V5, V6 and V6.1 (V6 has 8 statements, V6.1 17: OpeningProcess
     * on the V4 fixture printed them). After a kill at any of these moments the next open finds it at 6.1 with nothing lost,
     * opening with the key file, which is owner-only; without the key nobody gets in.
     */
    @Test
    void aKillAtEachMomentOfAnUpgradeFromTheSchema4FixtureMadeBeforeKeysLeavesADatabaseThatOpensWithItsKey() throws Exception {
        Expected expected = upgradedWithoutAKill("scalloy-v4.mv.db");
        for (String moment : List.of("key:made", "upgrade:copied", "migrate:statement:5:3", "migrate:statement:6:4", "migrate:after:6",
                "migrate:statement:6.1:9", "upgrade:migrated", "upgrade:closed")) {
            Path db = fixtureCopy("scalloy-v4.mv.db");
            killAt(db, moment);
            removeStaleH2LockAfterTheFirstRound(db);
            assertTrue(Files.exists(EmbeddedAccess.keyFile(db)), moment + ": the key is made before anything else");
            assertEquals(!moment.equals("key:made"), Files.exists(EmbeddedFile.upgradingCopy(db)),
                    moment + ": the copy is taken after the key, before the upgrade");
            assertOpensAsExpected(db, expected, moment);
            assertEquals(PosixFilePermissions.fromString("rw-------"), Files.getPosixFilePermissions(EmbeddedAccess.keyFile(db)), moment);
            assertThrows(SQLException.class, () -> DriverManager.getConnection("jdbc:h2:file:" + db + Database.FILE_OPTIONS, "sa", "").close(),
                    moment + ": no way in without the key");
        }
    }

    /* A second kill while the next open rolls the first one back; then a third open finishes the job. */
    @Test
    void aKillWhileAnInterruptedUpgradeIsRolledBackLeavesADatabaseThatOpensWithNothingLost() throws Exception {
        Expected expected = upgradedWithoutAKill("scalloy-v2.mv.db");
        for (String moment : List.of("rollback:extracted", "rollback:moved")) {
            Path db = fixtureCopy("scalloy-v2.mv.db");
            killAt(db, "migrate:statement:4:6");
            removeStaleH2LockAfterTheFirstRound(db);
            killAt(db, moment);
            removeStaleH2LockAfterTheFirstRound(db);
            assertOpensAsExpected(db, expected, "killed mid-upgrade, then at " + moment);
        }
    }

    /* Random moments (seeded) across the whole open, from the child's start to its end, with no hook set. */
    @Test
    void aKillAtRandomMomentsOfUpgradesFromSchemas1To3LeavesADatabaseThatOpensWithNothingLost() throws Exception {
        Random random = new Random(11);
        for (String fixture : List.of("scalloy-v1.mv.db", "scalloy-v2.mv.db", "scalloy-v3.mv.db")) {
            Expected expected = upgradedWithoutAKill(fixture);
            long openMillis = openMillis(fixture);
            for (int i = 0; i < 2; i++) {
                Path db = fixtureCopy(fixture);
                long delay = (long) (random.nextDouble() * openMillis);
                killAfter(db, delay);
                removeStaleH2LockAfterTheFirstRound(db);
                assertOpensAsExpected(db, expected, fixture + " killed " + delay + " ms into an open of ~" + openMillis + " ms");
            }
        }
    }

    /* A first open: migrations from nothing, the seed, the new file linked into place. */
    @Test
    void aKillAtEachMomentOfAFirstOpenLeavesADatabaseThatOpensSeeded() throws Exception {
        Map<String, Long> seeded;
        String latest;
        try (Database db = Database.open(dir.resolve("reference/scalloy"), new StepClock())) {
            seeded = rowCounts(db);
            latest = db.schemaVersion();
        }
        for (String moment : List.of("migrate:statement:1:5", "migrate:after:2", "create:seeded", "create:built", "create:linked")) {
            Path db = dir.resolve("first" + round++).resolve("scalloy");
            killAt(db, moment);
            assertFalse(moment.startsWith("create:linked") ^ Files.exists(DatabaseLocation.dataFile(db)),
                    moment + ": no database file until a whole one is linked into place");
            try (Database reopened = Database.open(db, new StepClock())) {
                assertEquals(seeded, rowCounts(reopened), moment);
                assertEquals(latest, reopened.schemaVersion(), moment);
            }
            assertNoLeftovers(db, moment);
        }
    }

    /** What a fixture holds once upgraded by an open nobody killed. */
    private record Expected(String schemaVersion, List<DatabaseCopy.TableCopy> tables, List<AuditEntry> audit) {
    }

    private Expected upgradedWithoutAKill(String fixture) throws IOException {
        Expected known = EXPECTED.get(fixture);
        if (known != null) {
            return known;
        }
        Path db = fixtureCopy(fixture);
        try (Database opened = Database.open(db, new StepClock())) {
            Expected e = new Expected(opened.schemaVersion(), DatabaseCopy.checksums(opened), opened.audit().all());
            EXPECTED.put(fixture, e);
            return e;
        }
    }

    /** Removes H2's lock file that the killed child left, except in the first round of a test (see the class comment). */
    private void removeStaleH2LockAfterTheFirstRound(Path db) throws IOException {
        if (kills > 1) {
            Files.deleteIfExists(db.resolveSibling(db.getFileName() + ".lock.db"));
        }
    }

    private void assertOpensAsExpected(Path db, Expected expected, String what) {
        try (Database reopened = Database.open(db, new StepClock())) {
            assertEquals(expected.schemaVersion(), reopened.schemaVersion(), what);
            assertEquals(expected.tables(), DatabaseCopy.checksums(reopened), what + ": every table's rows and checksum");
            assertEquals(expected.audit(), reopened.audit().all(), what + ": the audit trail");
        }
        assertFalse(Files.exists(EmbeddedFile.upgradingCopy(db)), what + ": the interrupted upgrade was resolved");
        assertTrue(Files.exists(EmbeddedFile.copyBeforeUpgrade(db)), what + ": the copy before the upgrade is kept");
        assertNoLeftovers(db, what);
    }

    private static void assertNoLeftovers(Path db, String what) {
        try (Stream<Path> files = Files.list(db.getParent())) {
            List<String> temporaries = files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".")).toList();
            assertEquals(List.of(), temporaries, what + ": temporary files left");
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static Map<String, Long> rowCounts(Database db) {
        Map<String, Long> counts = new LinkedHashMap<>();
        DatabaseCopy.checksums(db).forEach(t -> counts.put(t.table(), t.rows()));
        return counts;
    }

    private Path fixtureCopy(String fixture) throws IOException {
        Path db = dir.resolve("round" + round++).resolve("scalloy");
        Files.createDirectories(db.getParent());
        Files.copy(FIXTURES.resolve(fixture), DatabaseLocation.dataFile(db));
        return db;
    }

    /** How long an open of the fixture takes from the child's start to its end (one unkilled run). */
    private long openMillis(String fixture) throws IOException, InterruptedException {
        Process p = child(fixtureCopy(fixture), "-", "quiet");
        List<String> lines = new ArrayList<>();
        try (BufferedReader in = reader(p)) {
            for (String l = in.readLine(); l != null; l = in.readLine()) {
                lines.add(l);
            }
        }
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        String opened = lines.stream().filter(l -> l.startsWith("opened ")).findFirst()
                .orElseThrow(() -> new AssertionError("the open did not finish: " + lines));
        return Long.parseLong(opened.split(" ")[2]);
    }

    /** Runs the child until it stops at {@code moment}, then kills it (SIGKILL). */
    private void killAt(Path db, String moment) throws IOException, InterruptedException {
        kills++;
        OpeningProcess.killAt(OpeningProcess.child(db.toString(), moment, "hooked"), moment);
    }

    /** Starts the child and kills it {@code delayMillis} after it said it starts (if it is still running). */
    private void killAfter(Path db, long delayMillis) throws IOException, InterruptedException {
        kills++;
        Process p = child(db, "-", "quiet");
        BufferedReader in = reader(p);
        assertEquals("start", in.readLine());
        if (!p.waitFor(delayMillis, TimeUnit.MILLISECONDS)) {
            OpeningProcess.kill(p);
        }
        in.close();
    }

    private static Process child(Path db, String stopAt, String mode) throws IOException {
        return OpeningProcess.child(db.toString(), stopAt, mode).start();
    }

    private static BufferedReader reader(Process p) {
        return new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    }
}
