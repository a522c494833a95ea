package ca.scalloy.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ca.scalloy.engine.heat.Lot;

/**
 * A backup carries a manifest (schema version, the data file's size and SHA-256, each table's rows and
 * checksum) and a restore checks it before anything is changed: a damaged backup is refused and the
 * database is left byte for byte as it was.
 */
@Tag("h2-file")
class BackupVerificationTest {

    @TempDir
    Path dir;

    private Path database;
    private Path backup;

    /** Six audit entries (two lots, four prices), backed up; then a seventh change the restore would undo. */
    @BeforeEach
    void databaseWithSixAuditEntriesBackedUp() {
        database = dir.resolve("db/scalloy");
        backup = dir.resolve("backups/scalloy.zip");
        try (Database db = Database.open(database, new StepClock())) {
            db.lots().add(new Lot("OX-1", "SC2O3-999", Map.of(), 99.5, "CoA 1", Instant.parse("2026-01-02T00:00:00Z")), "received");
            for (int i = 1; i <= 4; i++) {
                db.materials().setPrice("P1020", 2.0 + i / 10.0, 4.0, "quote " + i);
            }
            db.lots().add(new Lot("OX-2", "SC2O3-999", Map.of(), 99.7, "CoA 2", Instant.parse("2026-01-03T00:00:00Z")), "received");
            assertEquals(6, db.audit().all().size());
            db.backup(backup);
            db.materials().setPrice("P1020", 3.0, 4.0, "after the backup");
        }
    }

    @Test
    void anIntactBackupRestoresEverySixEntriesAndBothLots() {
        Database.restore(backup, database, new StepClock());
        try (Database db = Database.open(database, new StepClock())) {
            assertEquals(6, db.audit().all().size());
            assertTrue(db.lots().find("OX-2").isPresent());
        }
    }

    /*
     * The last 4 KiB block of an H2 data file holds the newest chunk's footer: zeroed, H2 falls back to
     * the chunk before it and opens the older state without a word (the fault seen: 6 audit entries
     * restored as 5, lot OX-2 gone).
     */
    @Test
    void aBackupWhoseDataFileWasDamagedIsRefusedAndTheDatabaseIsLeftAsItWas() throws Exception {
        BackupZips.damageDataFile(backup, backup);
        assertRefusedChangingNothing("does not match its manifest");
    }

    @Test
    void aTruncatedBackupIsRefusedAndTheDatabaseIsLeftAsItWas() throws Exception {
        byte[] whole = Files.readAllBytes(backup);
        Files.write(backup, Arrays.copyOf(whole, whole.length / 2));
        assertRefusedChangingNothing("cannot be read as a zip file");
        // coded for the workbench's words: the backup's name, then the zip library's own reason
        StoreException e = assertThrows(StoreException.class, () -> Database.restore(backup, database, new StepClock()));
        assertEquals("db.restore.refusal.notZip", e.reason().orElseThrow().code(), e.getMessage());
        assertEquals(backup.toString(), e.reason().orElseThrow().args().get(0));
    }

    /* A byte changed inside the zip's compressed data: the zip's own CRC (or its inflater) catches it. */
    @Test
    void aBackupWithAByteChangedInsideTheZipIsRefusedAndTheDatabaseIsLeftAsItWas() throws Exception {
        byte[] bytes = Files.readAllBytes(backup);
        bytes[bytes.length / 3] ^= 0x5A;
        Files.write(backup, bytes);
        assertRefusedChangingNothing("is damaged");
    }

    /* The manifest edited to say lot table has 3 rows (it has 2): the data file matches, its rows do not. */
    @Test
    void aManifestThatDoesNotMatchTheRowsIsRefusedAndTheDatabaseIsLeftAsItWas() throws Exception {
        BackupZips.rewrite(backup, backup, (name, bytes) -> name.equals(BackupManifest.ENTRY)
                ? new String(bytes, StandardCharsets.UTF_8).replaceFirst("(?m)^table\\.lots=2 ", "table.lots=3 ").getBytes(StandardCharsets.UTF_8)
                : bytes);
        assertTrue(manifestOf(backup).contains("table.lots=3 "), "the edit took");
        assertRefusedChangingNothing("table lots has 2 rows, the manifest says 3");
    }

    /* The data file of another backup put in this one's zip: its SHA-256 is not the manifest's. */
    @Test
    void aBackupHoldingAnotherDataFileThanItsManifestDescribesIsRefused() throws Exception {
        Path other = dir.resolve("other.zip");
        try (Database db = Database.open(database, new StepClock())) {
            db.backup(other);
        }
        byte[] otherData = entry(other, "scalloy.mv.db");
        BackupZips.rewrite(backup, backup, (name, bytes) -> name.endsWith(".mv.db") ? otherData : bytes);
        assertRefusedChangingNothing("does not match its manifest");
    }

    @Test
    void theManifestNamesTheSchemaTheDataFileAndEveryTableWithItsRows() throws Exception {
        String manifest = manifestOf(backup);
        assertTrue(manifest.contains("\nformat=1\n"), manifest);
        assertTrue(manifest.contains("\nschema-version=8\n"), manifest);
        assertTrue(manifest.contains("\ndata-file=scalloy.mv.db\n"), manifest);
        assertTrue(manifest.matches("(?s).*\ndata-sha256=[0-9a-f]{64}\n.*"), manifest);
        assertTrue(manifest.contains("\nkey-file=scalloy.key\n"), manifest);
        assertTrue(manifest.matches("(?s).*\nkey-sha256=[0-9a-f]{64}\n.*"), manifest);
        assertTrue(manifest.matches("(?s).*\ntable\\.audit_log=6 [0-9a-f]{64}\n.*"), manifest);
        assertTrue(manifest.matches("(?s).*\ntable\\.lots=2 [0-9a-f]{64}\n.*"), manifest);
    }

    @Test
    void aBackupIsReadableByItsOwnerOnly() throws Exception {
        assertEquals(PosixFilePermissions.fromString("rw-------"), Files.getPosixFilePermissions(backup));
    }

    /* Without its key the data file cannot be opened: a backup that lost it is refused, and the database and its key stay. */
    @Test
    void aBackupWhoseKeyIsMissingIsRefusedAndTheDatabaseAndItsKeyAreLeftAsTheyWere() throws Exception {
        BackupZips.rewrite(backup, backup, (name, bytes) -> name.equals(Backups.KEY_ENTRY) ? null : bytes);
        String key = Files.readString(EmbeddedAccess.keyFile(database));
        assertRefusedChangingNothing("its key scalloy.key, which its manifest names, is missing");
        assertEquals(key, Files.readString(EmbeddedAccess.keyFile(database)));
    }

    @Test
    void aBackupWhoseKeyWasAlteredIsRefusedAndTheDatabaseAndItsKeyAreLeftAsTheyWere() throws Exception {
        BackupZips.rewrite(backup, backup, (name, bytes) -> name.equals(Backups.KEY_ENTRY) ? "not-the-key\n".getBytes(StandardCharsets.UTF_8)
                : bytes);
        String key = Files.readString(EmbeddedAccess.keyFile(database));
        assertRefusedChangingNothing("its key scalloy.key does not match its manifest (it was altered)");
        assertEquals(key, Files.readString(EmbeddedAccess.keyFile(database)));
    }

    /*
     * The key and its manifest lines altered together (the manifest guards against damage, not a forger): the key does not
     * open the data file, and that is what the refusal says.
     */
    @Test
    void aBackupWhoseKeyAndManifestWereAlteredTogetherIsRefusedBecauseTheKeyDoesNotOpenItsData() throws Exception {
        byte[] other = "not-the-key\n".getBytes(StandardCharsets.UTF_8);
        String otherSha = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(other));
        BackupZips.rewrite(backup, backup, (name, bytes) -> name.equals(Backups.KEY_ENTRY) ? other
                : name.equals(BackupManifest.ENTRY) ? new String(bytes, StandardCharsets.UTF_8)
                        .replaceFirst("(?m)^key-bytes=.*$", "key-bytes=" + other.length)
                        .replaceFirst("(?m)^key-sha256=.*$", "key-sha256=" + otherSha).getBytes(StandardCharsets.UTF_8)
                : bytes);
        assertRefusedChangingNothing("its key scalloy.key does not open its data file");
    }

    /* The key file lost (decision 0010 points to a restore): the backup's key is put in place and opens the restored database. */
    @Test
    void aRestoreOverADatabaseWhoseKeyIsLostPutsTheBackupsKeyInPlace() throws Exception {
        String key = Files.readString(EmbeddedAccess.keyFile(database));
        Files.delete(EmbeddedAccess.keyFile(database));
        assertThrows(StoreException.class, () -> Database.open(database, new StepClock()).close());
        Database.restore(backup, database, new StepClock());
        assertEquals(key, Files.readString(EmbeddedAccess.keyFile(database)), "the backup carried the same key");
        assertEquals(PosixFilePermissions.fromString("rw-------"), Files.getPosixFilePermissions(EmbeddedAccess.keyFile(database)));
        try (Database db = Database.open(database, new StepClock())) {
            assertEquals(6, db.audit().all().size());
        }
    }

    /* Restored over a database, the data takes the key in place: the key file is not touched and opens it. */
    @Test
    void aRestoredDatabaseOpensWithTheKeyInPlaceWhichStaysOwnerOnly() throws Exception {
        String key = Files.readString(EmbeddedAccess.keyFile(database));
        Database.restore(backup, database, new StepClock());
        assertEquals(key, Files.readString(EmbeddedAccess.keyFile(database)));
        assertEquals(PosixFilePermissions.fromString("rw-------"), Files.getPosixFilePermissions(EmbeddedAccess.keyFile(database)));
        assertEquals(PosixFilePermissions.fromString("rw-------"), Files.getPosixFilePermissions(DatabaseLocation.dataFile(database)));
        try (Connection c = Database.newConnection(Database.fileLogin(database)); Statement st = c.createStatement();
             java.sql.ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM audit_log")) {
            rs.next();
            assertEquals(6, rs.getLong(1));
        }
    }

    /*
     * A backup made by the Scalloy before manifests (H2's BACKUP TO, a zip with the data file only, as
     * Backups did): refused unless the user says so, since a damaged one opens as an older state without
     * an error; with allowUnverified it is restored after the checks it allows.
     */
    @Test
    void aBackupWithoutAManifestIsRestoredOnlyWhenTheUserAllowsItUnverified() throws Exception {
        Path legacy = legacyBackup();
        byte[] before = Files.readAllBytes(DatabaseLocation.dataFile(database));
        UnverifiedBackupException e = assertThrows(UnverifiedBackupException.class,
                () -> Database.restore(legacy, database, new StepClock()));
        assertTrue(e.getMessage().contains("has no manifest") && e.getMessage().contains("--allow-unverified")
                && e.getMessage().contains("nothing was changed"), e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(DatabaseLocation.dataFile(database)));
        Database.restore(legacy, database, new StepClock(), true);
        try (Database db = Database.open(database, new StepClock())) {
            assertEquals(6, db.audit().all().size(), "the backup's state");
        }
    }

    /* What can be checked without a manifest still is: a cut zip is refused even when allowed unverified. */
    @Test
    void aTruncatedBackupWithoutAManifestIsRefusedEvenWhenAllowedUnverified() throws Exception {
        Path legacy = legacyBackup();
        byte[] whole = Files.readAllBytes(legacy);
        Files.write(legacy, Arrays.copyOf(whole, whole.length - 100));
        byte[] before = Files.readAllBytes(DatabaseLocation.dataFile(database));
        StoreException e = assertThrows(StoreException.class, () -> Database.restore(legacy, database, new StepClock(), true));
        assertTrue(e.getMessage().contains("nothing was changed"), e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(DatabaseLocation.dataFile(database)));
    }

    /** A backup as the Scalloy before manifests made it: H2's BACKUP TO of the database and its key file ({@code scalloy.key}). */
    private Path legacyBackup() throws Exception {
        Path legacy = dir.resolve("legacy.zip");
        Database.restore(backup, database, new StepClock());
        try (Connection c = Database.newConnection(Database.fileLogin(database, Database.FileAccess.SHARED));
             Statement st = c.createStatement()) {
            st.execute("BACKUP TO '" + legacy + "'");
        }
        try (java.nio.file.FileSystem zip = java.nio.file.FileSystems.newFileSystem(legacy)) {
            Files.copy(EmbeddedAccess.keyFile(database), zip.getPath(Backups.KEY_ENTRY));
        }
        try (Database db = Database.open(database, new StepClock())) {
            db.materials().setPrice("P1020", 3.0, 4.0, "after the backup");
            assertEquals(7, db.audit().all().size());
        }
        return legacy;
    }

    private static String manifestOf(Path zip) throws IOException {
        return new String(entry(zip, BackupManifest.ENTRY), StandardCharsets.UTF_8);
    }

    private static byte[] entry(Path zip, String name) throws IOException {
        try (ZipFile z = new ZipFile(zip.toFile()); InputStream in = z.getInputStream(z.getEntry(name))) {
            return in.readAllBytes();
        }
    }

    private void assertRefusedChangingNothing(String why) throws IOException {
        byte[] before = Files.readAllBytes(DatabaseLocation.dataFile(database));
        StoreException e = assertThrows(StoreException.class, () -> Database.restore(backup, database, new StepClock()));
        assertTrue(e.getMessage().contains(why), e.getMessage());
        assertTrue(e.getMessage().contains("nothing was changed"), e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(DatabaseLocation.dataFile(database)), "the database file is untouched");
        try (Database db = Database.open(database, new StepClock())) {
            assertEquals(7, db.audit().all().size(), "the change made after the backup is still there");
        }
    }
}
