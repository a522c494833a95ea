package ca.scalloy.store;

import java.io.IOException;
import java.io.InputStream;
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
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/** Backup to one file and restore from it (H2's {@code BACKUP TO}: a zip holding the data file). */
final class Backups {

    private static final String DATA_FILE_ENDING = ".mv.db";

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
            try (Database check = Database.openUrl("jdbc:h2:file:" + restored, clock)) {
                check.recipes().list();
            } catch (StoreException e) {
                throw new StoreException(backup + " does not hold a Scalloy database this version can open: " + e.getMessage(), e);
            }
            refuseIfInUse(database);
            move(DatabaseLocation.dataFile(restored), DatabaseLocation.dataFile(database));
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

    /** Opens the database without sharing: H2 refuses while another program has it open. */
    private static void refuseIfInUse(Path database) {
        if (!Files.exists(DatabaseLocation.dataFile(database))) {
            return;
        }
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + database + ";IFEXISTS=TRUE", "sa", "")) {
            c.isValid(1);
        } catch (SQLException e) {
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
