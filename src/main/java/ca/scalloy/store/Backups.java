package ca.scalloy.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

import ca.scalloy.engine.Message;

/**
 * Backup to one file and restore from it. A backup is a zip holding H2's data file (from H2's
 * consistent online {@code BACKUP TO}), the database's key ({@value #KEY_ENTRY}: the password the data
 * file opens with, decision 0010) and a {@link BackupManifest} that describes both, written to a
 * temporary file, readable by its owner only, and moved into place. A restore checks the zip, the data
 * file and the key against the manifest and every table's rows against it, then opens (and upgrades)
 * the copy in a temporary folder, gives it the password of the key in place, and only then moves it into
 * place: a backup that does not verify changes nothing.
 */
final class Backups {

    private static final String DATA_FILE_ENDING = ".mv.db";
    /** The entry of a backup that holds the database's key (decision 0010). */
    static final String KEY_ENTRY = DatabaseLocation.DEFAULT_NAME + EmbeddedAccess.KEY_ENDING;
    private static final HexFormat HEX = HexFormat.of();

    private Backups() {
    }

    /** {@code db backup}: the open database, consistent even while others write to it, with the key it opens with. */
    static void backup(Database db, Path target) {
        db.lock().lock();
        try {
            write(db.connectionForBackup(), target, db.passwordForBackup());
        } finally {
            db.lock().unlock();
        }
    }

    /**
     * Writes a backup of the database on {@code c} to {@code target}: H2's {@code BACKUP TO} into a
     * temporary folder beside it (owner-only), its data file taken out and described (opened read-only
     * with {@code key}: schema version, rows and checksums), the key and the manifest added to H2's zip
     * (whose compressed data file is copied as it is), then the zip made owner-only, synced and moved into
     * place.
     *
     * @param key the password the database opens with (its key file's), empty for none
     * @return the manifest written
     * @throws StoreException when the backup cannot be made or written (no file is left at {@code target})
     */
    static BackupManifest write(Connection c, Path target, String key) {
        Path dir = target.toAbsolutePath().getParent();
        Path work = null;
        try {
            Files.createDirectories(dir);
            work = Files.createTempDirectory(dir, "." + target.getFileName() + ".backup-");
            Path zip = work.resolve("backup.zip");
            try (Statement s = c.createStatement()) {
                s.execute("BACKUP TO '" + zip.toString().replace("'", "''") + "'");
            }
            Path data;
            String entryName;
            Extracted extracted;
            try (ZipFile z = new ZipFile(zip.toFile())) {
                ZipEntry entry = dataEntry(z, zip.toString());
                entryName = entry.getName();
                data = work.resolve(Path.of(entryName).getFileName().toString());
                extracted = extract(z, entry, data, zip.toString(), false);
            }
            byte[] keyBytes = (key + System.lineSeparator()).getBytes(StandardCharsets.UTF_8);
            Optional<BackupManifest.Entry> keyEntry = key.isEmpty() ? Optional.empty()
                    : Optional.of(new BackupManifest.Entry(KEY_ENTRY, keyBytes.length, HEX.formatHex(sha256().digest(keyBytes))));
            BackupManifest manifest = describe(data, key, new BackupManifest.Entry(entryName, extracted.bytes(), extracted.sha256()),
                    keyEntry);
            try (FileSystem inZip = FileSystems.newFileSystem(zip)) {
                if (keyEntry.isPresent()) {
                    Files.write(inZip.getPath(KEY_ENTRY), keyBytes);
                }
                Files.writeString(inZip.getPath(BackupManifest.ENTRY), manifest.text(), StandardCharsets.UTF_8);
            }
            DurableFiles.ownerOnly(zip);
            DurableFiles.sync(zip);
            DurableFiles.move(zip, target);
            return manifest;
        } catch (SQLException e) {
            throw new StoreException(Message.of("db.backup.refusal.cannotBackUp", "cannot back up to " + target + ": " + e.getMessage(),
                    String.valueOf(target), Reasons.of(e)), e);
        } catch (IOException e) {
            throw new StoreException(Message.of("db.backup.refusal.cannotWrite", "cannot write the backup " + target + ": " + e.getMessage(),
                    String.valueOf(target), Reasons.of(e)), e);
        } finally {
            DurableFiles.deleteTree(work);
        }
    }

    /** The manifest of a data file: its entry and the key's, and what it holds, read without writing to it. */
    private static BackupManifest describe(Path data, String key, BackupManifest.Entry dataEntry, Optional<BackupManifest.Entry> keyEntry)
            throws SQLException {
        try (Connection c = Opener.newConnection(Opener.fileLogin(baseOf(data), Database.FileAccess.READ_ONLY, key))) {
            return new BackupManifest(Migrations.schemaVersion(c), dataEntry, keyEntry, DatabaseCopy.checksums(c));
        }
    }

    /** The H2 base path (without {@code .mv.db}) of a data file. */
    private static Path baseOf(Path data) {
        String name = data.getFileName().toString();
        return data.resolveSibling(name.substring(0, name.length() - DATA_FILE_ENDING.length()));
    }

    /**
     * Replaces the database at {@code database} with the one in {@code backup}, under the database's
     * {@link OpenLock}: the backup is checked (the zip, the data file, the key and every table against its
     * manifest), opened with the backup's key and brought to this Scalloy's schema in a temporary folder,
     * given the password of the key file in place (so the key in place stays, and one rename puts the data
     * file in), and only then moved into place. Where there is no key file yet, the backup's is put there
     * first. A copy kept by an interrupted upgrade is then kept as the last pre-upgrade copy.
     *
     * @param allowUnverified restore a backup without a manifest (made before backups had one)
     * @throws StoreException when the database is open (here or elsewhere), or the backup is damaged, has
     *                        no manifest (without {@code allowUnverified}), or cannot be opened; nothing
     *                        is changed then
     */
    @SuppressWarnings("try") // the open lock is held for the block, never used in it
    static void restore(Path backup, Path database, Clock clock, boolean allowUnverified) {
        if (!Files.isRegularFile(backup)) {
            throw new StoreException(Message.of("db.restore.refusal.noFile", backup + ": no such backup file", String.valueOf(backup)), null);
        }
        if (Opener.isOpenHere(database)) {
            throw new StoreException(Message.of("db.restore.refusal.open", "the database " + database + " is open in this Scalloy; close it"
                    + " before restoring", String.valueOf(database)), null);
        }
        Path dir = database.getParent();
        Path work = null;
        try {
            EmbeddedAccess.createFolder(dir);
            try (OpenLock lock = OpenLock.acquire(database, Opener.OPEN_PATIENCE)) {
                work = Files.createTempDirectory(dir, EmbeddedFile.temporaryPrefix(database) + "restore-");
                Path restored = work.resolve(DatabaseLocation.DEFAULT_NAME);
                String backupKey = verifiedCopy(backup, DatabaseLocation.dataFile(restored), allowUnverified);
                Path keyFile = EmbeddedAccess.keyFile(database);
                Optional<String> keyInPlace = EmbeddedAccess.readKey(keyFile);
                // The key in place stays (what else opens this database keeps working); a new place takes the backup's.
                String key = keyInPlace.orElse(backupKey.isEmpty() ? EmbeddedAccess.newKey() : backupKey);
                try (Database check = Opener.openAlone(restored, backupKey, clock)) {
                    check.recipes().list();
                    if (!key.equals(backupKey)) {
                        check.setPassword(key);
                    }
                } catch (StoreException e) {
                    Message why = keyRefused(e, backupKey);
                    throw new StoreException(Message.of("store.backup.cannotOpen", backup + " does not hold a Scalloy database this version can open: "
                            + why.english() + "; nothing was changed", String.valueOf(backup), why), e);
                }
                FaultPoints.reach("restore:checked");
                EmbeddedFile.refuseIfInUse(database, Message.of("store.step.restore", "replace it with the backup"));
                if (keyInPlace.isEmpty()) {
                    // The key goes first, so that the data file never lies there without the key it opens with.
                    EmbeddedAccess.writeKey(keyFile, key, true);
                    FaultPoints.reach("restore:key");
                }
                DurableFiles.ownerOnly(DatabaseLocation.dataFile(restored));
                DurableFiles.sync(DatabaseLocation.dataFile(restored));
                DurableFiles.move(DatabaseLocation.dataFile(restored), DatabaseLocation.dataFile(database));
                FaultPoints.reach("restore:moved");
                EmbeddedFile.keepCopyOfInterruptedUpgrade(database);
                EmbeddedAccess.restrict(database);
            }
        } catch (IOException e) {
            throw new StoreException(Message.of("db.restore.refusal.cannotRestore", "cannot restore " + backup + " to " + database + ": "
                    + e.getMessage(), String.valueOf(backup), String.valueOf(database), Reasons.of(e)), e);
        } finally {
            DurableFiles.deleteTree(work);
        }
    }

    /** Why a restored copy did not open: a key that does not open it is said as such. */
    private static Message keyRefused(StoreException e, String backupKey) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && EmbeddedAccess.isWrongPassword(sql)) {
                return keyRefusal(backupKey);
            }
        }
        return Reasons.of(e);
    }

    /** Why a backup's data file does not open with the backup's key {@code backupKey} ("" for none). */
    private static Message keyRefusal(String backupKey) {
        return backupKey.isEmpty() ? Message.of("store.backup.noKey", "it holds no key (" + KEY_ENTRY + ") and its data file needs one", KEY_ENTRY)
                : Message.of("store.backup.keyRefused", "its key " + KEY_ENTRY + " does not open its data file", KEY_ENTRY);
    }

    /**
     * Extracts the data file of {@code backup} to {@code target} and checks it: the zip's own CRC, then,
     * when the backup has a manifest, the file's size and SHA-256, the key's, its schema version and every
     * table's rows and checksum (read with the key). The target is owner-only.
     *
     * @return the backup's key (the password its data file opens with), empty when it has none
     * @throws StoreException naming what does not match; {@link UnverifiedBackupException} for a backup
     *                        without a manifest unless {@code allowUnverified}
     */
    static String verifiedCopy(Path backup, Path target, boolean allowUnverified) throws IOException {
        String name = backup.toString();
        BackupManifest manifest;
        Extracted extracted;
        String key;
        try (ZipFile zip = new ZipFile(backup.toFile())) {
            ZipEntry data = dataEntry(zip, name);
            ZipEntry m = zip.getEntry(BackupManifest.ENTRY);
            manifest = m == null ? null : BackupManifest.parse(read(zip, m, name), name);
            if (manifest == null && !allowUnverified) {
                throw new UnverifiedBackupException(Message.of("store.backup.unverified", name + " has no manifest (it was made by a Scalloy"
                        + " from before backups carried one): what it holds cannot be checked against what was backed up, and a damaged data"
                        + " file can open as an older state without any error; nothing was changed. To restore it all the same, add"
                        + " --allow-unverified (Scalloy still checks that the zip is whole and holds one database that opens)", name));
            }
            if (manifest != null && !manifest.dataFile().equals(data.getName())) {
                throw BackupManifest.damaged(name, Message.of("store.backup.why.otherDataFile", "its manifest describes the data file "
                        + manifest.dataFile() + " but it holds " + data.getName(), manifest.dataFile(), data.getName()));
            }
            key = key(zip, manifest, name);
            Files.deleteIfExists(target);
            DurableFiles.createOwnerOnly(target);
            extracted = extract(zip, data, target, name, true);
        } catch (ZipException e) {
            throw new StoreException(Message.of("db.restore.refusal.notZip", name + " is not a Scalloy backup, or is damaged: it cannot be"
                    + " read as a zip file (" + e.getMessage() + "); nothing was changed", name, Reasons.of(e)), e);
        }
        if (manifest != null) {
            check(manifest, target, extracted, key, name);
        }
        return key;
    }

    /**
     * The backup's key: its {@value #KEY_ENTRY} entry, checked against the manifest when there is one (a key
     * the manifest names must be there and match it; one it does not name must not be there).
     */
    private static String key(ZipFile zip, BackupManifest manifest, String name) throws IOException {
        ZipEntry entry = zip.getEntry(KEY_ENTRY);
        Optional<BackupManifest.Entry> expected = manifest == null ? Optional.empty() : manifest.key();
        if (entry == null) {
            if (expected.isPresent()) {
                throw BackupManifest.damaged(name, Message.of("store.backup.why.keyMissing", "its key " + KEY_ENTRY + ", which its manifest"
                        + " names, is missing (without it its data file cannot be opened)", KEY_ENTRY));
            }
            return "";
        }
        byte[] bytes;
        try (InputStream in = zip.getInputStream(entry)) {
            bytes = in.readAllBytes();
        } catch (ZipException | java.io.EOFException e) {
            throw BackupManifest.damaged(name, Message.of("store.backup.why.keyUnreadable", "its key " + KEY_ENTRY + " cannot be read from the"
                    + " zip (" + e.getMessage() + ")", KEY_ENTRY, Reasons.of(e)));
        }
        if (manifest != null) {
            if (expected.isEmpty()) {
                throw BackupManifest.damaged(name, Message.of("store.backup.why.keyUnnamed", "it holds a key " + KEY_ENTRY + " that its manifest"
                        + " does not name", KEY_ENTRY));
            }
            if (bytes.length != expected.get().bytes() || !HEX.formatHex(sha256().digest(bytes)).equals(expected.get().sha256())) {
                throw BackupManifest.damaged(name, Message.of("store.backup.why.keyAltered", "its key " + KEY_ENTRY + " does not match its"
                        + " manifest (it was altered)", KEY_ENTRY));
            }
        }
        String key = new String(bytes, StandardCharsets.UTF_8).strip();
        if (key.isEmpty()) {
            throw BackupManifest.damaged(name, Message.of("store.backup.why.keyEmpty", "its key " + KEY_ENTRY + " is empty", KEY_ENTRY));
        }
        return key;
    }

    private static void check(BackupManifest manifest, Path data, Extracted extracted, String key, String backup) {
        BackupManifest.Entry found = new BackupManifest.Entry(manifest.dataFile(), extracted.bytes(), extracted.sha256());
        if (!found.equals(manifest.data())) {
            throw BackupManifest.damaged(backup, Message.of("store.backup.why.dataAltered", "its data file " + manifest.dataFile() + " does not"
                    + " match its manifest (" + extracted.bytes() + " bytes with SHA-256 " + extracted.sha256().substring(0, 16) + "…, the"
                    + " manifest says " + manifest.data().bytes() + " bytes with SHA-256 " + manifest.data().sha256().substring(0, 16) + "…)",
                    manifest.dataFile(), extracted.bytes(), extracted.sha256().substring(0, 16), manifest.data().bytes(),
                    manifest.data().sha256().substring(0, 16)));
        }
        String schemaVersion;
        List<DatabaseCopy.TableCopy> tables;
        try (Connection c = Opener.newConnection(Opener.fileLogin(baseOf(data), Database.FileAccess.READ_ONLY, key))) {
            schemaVersion = Migrations.schemaVersion(c);
            tables = DatabaseCopy.checksums(c);
        } catch (SQLException e) {
            if (EmbeddedAccess.isWrongPassword(e)) {
                throw BackupManifest.damaged(backup, keyRefusal(key));
            }
            throw BackupManifest.damaged(backup, Message.of("store.backup.why.dataUnopenable", "its data file cannot be opened ("
                    + e.getMessage().lines().findFirst().orElse("") + ")", Reasons.of(e)));
        }
        if (!schemaVersion.equals(manifest.schemaVersion())) {
            throw BackupManifest.damaged(backup, Message.of("store.backup.why.otherSchema", "its data file is at schema " + schemaVersion
                    + ", its manifest says " + manifest.schemaVersion(), schemaVersion, manifest.schemaVersion()));
        }
        Map<String, DatabaseCopy.TableCopy> expected = new TreeMap<>();
        manifest.tables().forEach(t -> expected.put(t.table(), t));
        Map<String, DatabaseCopy.TableCopy> actual = new TreeMap<>();
        tables.forEach(t -> actual.put(t.table(), t));
        List<Message> differences = new ArrayList<>();
        for (String table : expected.keySet()) {
            DatabaseCopy.TableCopy e = expected.get(table);
            DatabaseCopy.TableCopy a = actual.get(table);
            if (a == null) {
                differences.add(Message.of("store.backup.why.tableMissing", "table " + table + " is missing", table));
            } else if (a.rows() != e.rows()) {
                differences.add(Message.of("store.backup.why.tableRows", "table " + table + " has " + a.rows() + " rows, the manifest says "
                        + e.rows(), table, a.rows(), e.rows()));
            } else if (!a.sha256().equals(e.sha256())) {
                differences.add(Message.of("store.backup.why.tableChecksum", "table " + table + " has other rows than the manifest's checksum",
                        table));
            }
        }
        actual.keySet().stream().filter(t -> !expected.containsKey(t)).forEach(t -> differences.add(Message.of("store.backup.why.tableExtra",
                "table " + t + " is not in the manifest", t)));
        if (!differences.isEmpty()) {
            throw BackupManifest.damaged(backup, Message.of("store.backup.why.tables", "its data file does not match its manifest: "
                    + String.join(", ", Message.english(differences)), differences));
        }
    }

    /** The one data file of a backup zip. */
    private static ZipEntry dataEntry(ZipFile zip, String name) {
        List<ZipEntry> data = new ArrayList<>();
        for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements();) {
            ZipEntry entry = e.nextElement();
            if (!entry.isDirectory() && entry.getName().endsWith(DATA_FILE_ENDING)) {
                data.add(entry);
            }
        }
        if (data.size() != 1) {
            throw new StoreException(Message.of("db.restore.refusal.dataFiles", name + " is not a Scalloy backup: it holds " + data.size()
                    + " database files, not one; nothing was changed", name, data.size()), null);
        }
        return data.get(0);
    }

    private static String read(ZipFile zip, ZipEntry entry, String name) throws IOException {
        try (InputStream in = zip.getInputStream(entry)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (ZipException | java.io.EOFException e) {
            throw BackupManifest.damaged(name, Message.of("store.backup.why.manifestUnreadableInZip", "its manifest cannot be read from the zip"
                    + " (" + e.getMessage() + ")", Reasons.of(e)));
        }
    }

    /** A data file taken out of a zip: its size and SHA-256. */
    private record Extracted(long bytes, String sha256) {
    }

    /** Copies a zip entry to {@code target}, checking the zip's CRC-32 of it; forces it to the disk when it is to be kept. */
    private static Extracted extract(ZipFile zip, ZipEntry entry, Path target, String name, boolean sync) throws IOException {
        MessageDigest sha = sha256();
        CRC32 crc = new CRC32();
        long bytes;
        try (InputStream raw = zip.getInputStream(entry);
             InputStream in = new DigestInputStream(new CheckedInputStream(raw, crc), sha);
             OutputStream out = Files.newOutputStream(target, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                     StandardOpenOption.WRITE)) {
            bytes = in.transferTo(out);
        } catch (ZipException | java.io.EOFException e) {
            throw BackupManifest.damaged(name, Message.of("store.backup.why.dataUnreadableInZip", "its data file " + entry.getName() + " cannot"
                    + " be read from the zip (" + e.getMessage() + ")", entry.getName(), Reasons.of(e)));
        }
        if (entry.getCrc() != -1 && crc.getValue() != entry.getCrc()) {
            throw BackupManifest.damaged(name, Message.of("store.backup.why.dataCrc", "its data file " + entry.getName() + " does not match the"
                    + " zip's CRC-32 of it", entry.getName()));
        }
        if (entry.getSize() != -1 && bytes != entry.getSize()) {
            throw BackupManifest.damaged(name, Message.of("store.backup.why.dataSize", "its data file " + entry.getName() + " has " + bytes
                    + " bytes, the zip says " + entry.getSize(), entry.getName(), bytes, entry.getSize()));
        }
        if (sync) {
            DurableFiles.sync(target);
        }
        return new Extracted(bytes, HEX.formatHex(sha.digest()));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
