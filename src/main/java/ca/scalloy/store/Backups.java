package ca.scalloy.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/** Backup to one file and restore from it (H2's {@code BACKUP TO}: a zip holding the data file). */
final class Backups {

    private static final String DATA_FILE_ENDING = ".mv.db";
    /** The entry of a backup that holds the database's key (decision 0010). */
    static final String KEY_ENTRY = DatabaseLocation.DEFAULT_NAME + EmbeddedAccess.KEY_ENDING;

    private Backups() {
    }

    static void backup(Database db, Path target) {
        Path dir = target.getParent();
        Path tmp = null;
        db.lock().lock();
        try (Statement s = db.connectionForBackup().createStatement()) {
            Files.createDirectories(dir);
            tmp = dir.resolve("." + target.getFileName() + ".part");
            Files.deleteIfExists(tmp);
            s.execute("BACKUP TO '" + tmp.toString().replace("'", "''") + "'");
            EmbeddedAccess.ownerOnly(tmp);
            addKey(tmp, db.file());
            move(tmp, target);
        } catch (SQLException e) {
            throw new StoreException("cannot back up to " + target + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new StoreException("cannot write the backup " + target + ": " + e.getMessage(), e);
        } finally {
            db.lock().unlock();
            deleteQuietly(tmp);
        }
    }

    static void restore(Path backup, Path database, Clock clock) {
        if (!Files.isRegularFile(backup)) {
            throw new StoreException(backup + ": no such backup file");
        }
        if (Database.isOpenHere(database)) {
            throw new StoreException("the database " + database + " is open in this Scalloy; close it before restoring");
        }
        Path dir = database.getParent();
        Path work = null;
        try {
            Files.createDirectories(dir);
            work = Files.createTempDirectory(dir, ".restore-");
            Path restored = work.resolve(DatabaseLocation.DEFAULT_NAME);
            extractDataFile(backup, DatabaseLocation.dataFile(restored));
            extractKey(backup, EmbeddedAccess.keyFile(restored));
            Optional<String> key = EmbeddedAccess.readKey(EmbeddedAccess.keyFile(database));
            try (Database check = Database.openUrl("jdbc:h2:file:" + restored, clock)) {
                check.recipes().list();
                if (key.isPresent()) {
                    // The restored file opens with the key already beside the database: only the data file moves.
                    check.setPassword(key.get());
                }
            } catch (StoreException e) {
                throw new StoreException(backup + " does not hold a Scalloy database this version can open: " + e.getMessage(), e);
            }
            refuseIfInUse(database);
            if (key.isEmpty()) {
                EmbeddedAccess.writeKey(EmbeddedAccess.keyFile(database), EmbeddedAccess.readKey(EmbeddedAccess.keyFile(restored))
                        .orElseThrow(), true);
            }
            move(DatabaseLocation.dataFile(restored), DatabaseLocation.dataFile(database));
            EmbeddedAccess.restrict(database);
        } catch (IOException e) {
            throw new StoreException("cannot restore " + backup + " to " + database + ": " + e.getMessage(), e);
        } finally {
            deleteTree(work);
        }
    }

    private static void extractDataFile(Path backup, Path target) throws IOException {
        try (ZipFile zip = new ZipFile(backup.toFile())) {
            List<ZipEntry> data = new ArrayList<>();
            for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements();) {
                ZipEntry entry = e.nextElement();
                if (!entry.isDirectory() && entry.getName().endsWith(DATA_FILE_ENDING)) {
                    data.add(entry);
                }
            }
            if (data.size() != 1) {
                throw new StoreException(backup + " is not a Scalloy backup: it holds " + data.size()
                        + " database files, not one");
            }
            try (InputStream in = zip.getInputStream(data.get(0))) {
                Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (ZipException e) {
            throw new StoreException(backup + " is not a Scalloy backup (not a zip file: " + e.getMessage() + ")", e);
        }
    }

    /**
     * The key file of the backed-up database goes into the backup beside its data file: a backup restored
     * elsewhere (or after the key file was lost) opens with it. The backup is therefore owner-only, like the key.
     */
    private static void addKey(Path zip, Path database) throws IOException {
        Optional<String> key = EmbeddedAccess.readKey(EmbeddedAccess.keyFile(database));
        if (key.isEmpty()) {
            return;
        }
        try (FileSystem fs = FileSystems.newFileSystem(zip)) {
            Files.writeString(fs.getPath(KEY_ENTRY), key.get() + System.lineSeparator(), StandardCharsets.UTF_8);
        }
    }

    /** Extracts the backup's key file, when it has one (a backup made before keys has none). */
    private static void extractKey(Path backup, Path target) throws IOException {
        try (ZipFile zip = new ZipFile(backup.toFile())) {
            ZipEntry entry = zip.getEntry(KEY_ENTRY);
            if (entry != null) {
                try (InputStream in = zip.getInputStream(entry)) {
                    EmbeddedAccess.writeKey(target, new String(in.readAllBytes(), StandardCharsets.UTF_8).strip(), true);
                }
            }
        }
    }

    /**
     * Opens the database without sharing: H2 refuses while another program has it open. A refused password
     * means H2 opened the file, so nobody else had it.
     */
    private static void refuseIfInUse(Path database) {
        if (!Files.exists(DatabaseLocation.dataFile(database))) {
            return;
        }
        String password = EmbeddedAccess.readKey(EmbeddedAccess.keyFile(database)).orElse("");
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + database + ";IFEXISTS=TRUE", "sa", password)) {
            c.isValid(1);
        } catch (SQLException e) {
            if (EmbeddedAccess.isWrongPassword(e)) {
                return;
            }
            throw new StoreException("the database " + database + " is in use (another Scalloy window or command has it"
                    + " open); close it before restoring", e);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteQuietly(Path p) {
        if (p == null) {
            return;
        }
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            // a leftover temporary file is harmless; the backup itself succeeded or already failed
        }
    }

    private static void deleteTree(Path dir) {
        if (dir == null || !Files.isDirectory(dir)) {
            return;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path f : files) {
                deleteQuietly(f);
            }
        } catch (IOException e) {
            // leaving a temporary folder behind does not undo the restore
        }
        deleteQuietly(dir);
    }
}
