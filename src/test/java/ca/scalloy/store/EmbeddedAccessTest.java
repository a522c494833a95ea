package ca.scalloy.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded database is its OS user's alone (issue 11): owner-only folder and files, also for a database
 * made before; a password kept in an owner-only key file; a sharing port on this machine only; backups that
 * carry the key; a lost key file refused with what to do. {@link SecondOsUserTest} tries it as another user.
 */
@Tag("h2-file")
class EmbeddedAccessTest {

    private static final String OWNER_FILE = "rw-------";
    private static final String OWNER_FOLDER = "rwx------";

    @TempDir
    Path dir;

    @Test
    @SuppressWarnings("try") // the database is held open on purpose while the files are checked
    void aNewDatabaseIsMadeReadableByItsOwnerOnlyWithAPasswordInAnOwnerOnlyKeyFile() throws Exception {
        Path base = dir.resolve("plant").resolve("scalloy");
        try (Database db = Database.open(base, new StepClock())) {
            assertEquals(OWNER_FOLDER, permissions(base.getParent()));
            for (String f : List.of("scalloy.mv.db", "scalloy.lock.db", "scalloy.key")) {
                assertEquals(OWNER_FILE, permissions(base.resolveSibling(f)), f);
            }
            String key = Files.readString(EmbeddedAccess.keyFile(base)).strip();
            assertTrue(key.length() >= 40, "a long random key: " + key.length() + " characters");
            SQLException noPassword = assertThrows(SQLException.class, () -> connect(base, ""));
            assertTrue(EmbeddedAccess.isWrongPassword(noPassword), noPassword.getMessage());
            try (Connection c = connect(base, key)) {
                assertTrue(c.isValid(1), "the key opens it (a second process shares it through the port)");
            }
        }
    }

    @Test
    void aDatabaseMadeBeforeKeysGetsAKeyAndOwnerOnlyFilesWhenOpened() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("old"));
        Path base = folder.resolve("scalloy");
        try (InputStream in = getClass().getResourceAsStream("/db-fixtures/scalloy-v2.mv.db")) {
            Files.copy(in, DatabaseLocation.dataFile(base));
        }
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(DatabaseLocation.dataFile(base), PosixFilePermissions.fromString("rw-r--r--"));
        try (Connection c = connect(base, "")) {
            assertTrue(c.isValid(1), "made before: no password");
        }
        try (Database db = Database.open(base, new StepClock())) {
            assertFalse(db.heats().list(null, null, 10).isEmpty(), "the fixture's heats are there");
        }
        assertEquals(OWNER_FOLDER, permissions(folder));
        assertEquals(OWNER_FILE, permissions(DatabaseLocation.dataFile(base)));
        assertEquals(OWNER_FILE, permissions(EmbeddedAccess.keyFile(base)));
        assertThrows(SQLException.class, () -> connect(base, ""), "the empty password no longer opens it");
    }

    @Test
    void aKeyFileMadeBeforeAnOpenWasCutShortBecomesTheDatabasesPassword() throws Exception {
        Path base = Files.createDirectory(dir.resolve("cut")).resolve("scalloy");
        try (InputStream in = getClass().getResourceAsStream("/db-fixtures/scalloy-v2.mv.db")) {
            Files.copy(in, DatabaseLocation.dataFile(base));
        }
        EmbeddedAccess.writeKey(EmbeddedAccess.keyFile(base), "a-key-written-before-the-kill", false);
        try (Database db = Database.open(base, new StepClock())) {
            assertFalse(db.heats().list(null, null, 10).isEmpty());
        }
        try (Connection c = connect(base, "a-key-written-before-the-kill")) {
            assertTrue(c.isValid(1), "the key file's password is now the database's");
        }
        assertThrows(SQLException.class, () -> connect(base, ""));
    }

    @Test
    @SuppressWarnings("try") // the database is held open on purpose while the files are checked
    void aFolderThatHoldsTheUsersOtherFilesKeepsItsPermissionsWhileTheDatabaseFilesAreRestricted() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("work"));
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path recipe = Files.writeString(folder.resolve("my-recipe.json"), "{}");
        Files.setPosixFilePermissions(recipe, PosixFilePermissions.fromString("rw-r--r--"));
        Path base = folder.resolve("scalloy");
        try (Database db = Database.open(base, new StepClock())) {
            assertEquals(OWNER_FILE, permissions(DatabaseLocation.dataFile(base)));
            assertEquals(OWNER_FILE, permissions(base.resolveSibling("scalloy.lock.db")));
            assertEquals(OWNER_FILE, permissions(EmbeddedAccess.keyFile(base)));
        }
        assertEquals("rwxr-xr-x", permissions(folder), "the user's folder is not Scalloy's to close");
        assertEquals("rw-r--r--", permissions(recipe), "nor their recipe");
    }

    @Test
    void aLostKeyFileIsRefusedSayingWhatToDoAndPuttingItBackOpensTheDatabase() throws Exception {
        Path base = dir.resolve("scalloy");
        try (Database db = Database.open(base, new StepClock())) {
            db.materials().setPrice("SC2O3-999", 1700, 50, "quote");
        }
        Path kept = dir.resolve("key-copy");
        Files.move(EmbeddedAccess.keyFile(base), kept);
        StoreException lost = assertThrows(StoreException.class, () -> Database.open(base, new StepClock()));
        assertTrue(lost.getMessage().startsWith("the database " + base + " is locked with a password that only its key file"
                + " scalloy.key holds, and that file is missing; nothing was changed and no data is lost."), lost.getMessage());
        assertTrue(lost.getMessage().contains("scalloy db restore FILE --db " + base), lost.getMessage());
        assertFalse(Files.exists(EmbeddedAccess.keyFile(base)), "no new key was made for a database that has one");

        Files.writeString(EmbeddedAccess.keyFile(base), "not the key\n");
        StoreException other = assertThrows(StoreException.class, () -> Database.open(base, new StepClock()));
        assertTrue(other.getMessage().contains("that file holds another password"), other.getMessage());

        Files.move(kept, EmbeddedAccess.keyFile(base), StandardCopyOption.REPLACE_EXISTING);
        try (Database db = Database.open(base, new StepClock())) {
            assertEquals(1700.0, db.materials().find("SC2O3-999").orElseThrow().material().pricePerKg());
        }
    }

    @Test
    void aBackupIsOwnerOnlyCarriesItsKeyAndRestoresAfterTheFolderIsLost() throws Exception {
        Path base = dir.resolve("plant").resolve("scalloy");
        Path backup = dir.resolve("saved").resolve("plant-backup.zip");
        try (Database db = Database.open(base, new StepClock())) {
            db.materials().setPrice("SC2O3-999", 1700, 50, "quote");
            db.backup(backup);
        }
        assertEquals(OWNER_FILE, permissions(backup));
        try (ZipFile zip = new ZipFile(backup.toFile())) {
            assertTrue(zip.getEntry(Backups.KEY_ENTRY) != null, "the backup carries the key");
        }
        Path elsewhere = dir.resolve("new-machine").resolve("scalloy");
        Database.restore(backup, elsewhere, new StepClock());
        assertEquals(Files.readString(EmbeddedAccess.keyFile(base)), Files.readString(EmbeddedAccess.keyFile(elsewhere)));
        try (Database db = Database.open(elsewhere, new StepClock())) {
            assertEquals(1700.0, db.materials().find("SC2O3-999").orElseThrow().material().pricePerKg());
        }
        assertEquals(OWNER_FILE, permissions(DatabaseLocation.dataFile(elsewhere)));
    }

    @Test
    void aBackupRestoredOverADatabaseWithAnotherKeyOpensWithTheKeyInPlace() throws Exception {
        Path first = dir.resolve("a").resolve("scalloy");
        Path second = dir.resolve("b").resolve("scalloy");
        Path backup = dir.resolve("a.zip");
        try (Database db = Database.open(first, new StepClock())) {
            db.materials().setPrice("SC2O3-999", 1800, 50, "quote a");
            db.backup(backup);
        }
        try (Database db = Database.open(second, new StepClock())) {
            db.materials().setPrice("SC2O3-999", 1900, 50, "quote b");
        }
        String secondKey = Files.readString(EmbeddedAccess.keyFile(second));
        Database.restore(backup, second, new StepClock());
        assertEquals(secondKey, Files.readString(EmbeddedAccess.keyFile(second)), "the key in place stays");
        try (Database db = Database.open(second, new StepClock())) {
            assertEquals(1800.0, db.materials().find("SC2O3-999").orElseThrow().material().pricePerKg());
        }
    }

    @Test
    @SuppressWarnings("try") // the database is held open on purpose while the files are checked
    void theSharingPortListensOnThisMachineOnly() throws Exception {
        Path base = dir.resolve("scalloy");
        try (Database db = Database.open(base, new StepClock())) {
            Properties lock = new Properties();
            try (InputStream in = Files.newInputStream(base.resolveSibling("scalloy.lock.db"))) {
                lock.load(in);
            }
            String server = lock.getProperty("server");
            String host = server.substring(0, server.lastIndexOf(':'));
            int port = Integer.parseInt(server.substring(server.lastIndexOf(':') + 1));
            assertTrue(InetAddress.getByName(host).isLoopbackAddress(), "the lock file names a loopback server: " + server);
            for (InetAddress a : nonLoopbackAddresses()) {
                try (Socket s = new Socket()) {
                    s.connect(new InetSocketAddress(a, port), 2000);
                    throw new AssertionError("the sharing port " + port + " accepted a connection on " + a);
                } catch (ConnectException | SocketTimeoutException refused) {
                    // nothing listens there: what should happen
                }
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 2000);
                assertTrue(s.isConnected(), "this machine reaches the port");
            }
        }
    }

    private static List<InetAddress> nonLoopbackAddresses() throws Exception {
        List<InetAddress> out = new ArrayList<>();
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            for (InetAddress a : Collections.list(nic.getInetAddresses())) {
                if (!a.isLoopbackAddress() && a instanceof Inet4Address) {
                    out.add(a);
                }
            }
        }
        return out;
    }

    private static Connection connect(Path base, String password) throws SQLException {
        return DriverManager.getConnection("jdbc:h2:file:" + base + Database.FILE_OPTIONS, "sa", password);
    }

    private static String permissions(Path p) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }
}
