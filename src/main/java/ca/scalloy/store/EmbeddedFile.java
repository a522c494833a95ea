package ca.scalloy.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.Properties;
import java.util.UUID;

import ca.scalloy.engine.Message;

/**
 * The steps that leave an embedded database file usable whatever moment a process is killed at (or
 * the power cut), each run under the database's {@link OpenLock}:
 * <ul>
 *   <li><b>First open.</b> A new database is built, migrated and seeded beside the place it goes
 *       ({@code .<name>.new-…}), then linked into place in one step: there is no half-made database.
 *   <li><b>Upgrade.</b> With the file open by this process alone, a backup of it (with its manifest)
 *       is written to {@code <name>.upgrading.zip}; the migrations run; the copy is then renamed to
 *       {@code <name>.before-upgrade.zip}, which stays until the next upgrade replaces it. A failed
 *       upgrade is rolled back at once from the copy.
 *   <li><b>Interrupted upgrade.</b> A {@code <name>.upgrading.zip} found by the next open (in any
 *       process: the lock is free, so its upgrader is gone) means the upgrade did not finish: the copy
 *       is checked against its manifest and moved into place, and the upgrade runs again.
 * </ul>
 * Temporary files of interrupted steps ({@code .<name>.…}) are removed by the next open. Nothing a user
 * wrote is ever deleted: a copy is only removed once it is in place as the database, or replaced by a
 * newer pre-upgrade copy.
 */
final class EmbeddedFile {

    /** The ending, after the database's name, of the copy taken before an upgrade, while it runs. */
    static final String UPGRADING = ".upgrading.zip";
    /** The ending of the copy kept after an upgrade succeeded (the database before it). */
    static final String BEFORE_UPGRADE = ".before-upgrade.zip";
    private static final long IN_USE_PATIENCE_MILLIS = 3_000;
    private static final long TRANSIENT_PATIENCE_MILLIS = 20_000;
    private static final long RETRY_MILLIS = 100;

    private EmbeddedFile() {
    }

    /** The copy of the database taken before an upgrade, while the upgrade runs (or after it was interrupted). */
    static Path upgradingCopy(Path base) {
        return base.resolveSibling(base.getFileName() + UPGRADING);
    }

    /** The copy of the database as it was before its last upgrade. */
    static Path copyBeforeUpgrade(Path base) {
        return base.resolveSibling(base.getFileName() + BEFORE_UPGRADE);
    }

    /** How the names of this database's temporary files and folders begin: {@code .<name>.}. */
    static String temporaryPrefix(Path base) {
        return "." + base.getFileName() + ".";
    }

    /**
     * Leaves the database at {@code base} ready to be opened shared: an interrupted upgrade rolled back,
     * leftovers of interrupted steps removed, and the database built if there is none.
     *
     * @throws StoreException when an interrupted upgrade cannot be rolled back (its copy is damaged, or
     *                        another program has the file open), or a new database cannot be built
     */
    static void prepare(Path base, Clock clock) {
        recoverInterruptedUpgrade(base);
        removeTemporaries(base);
        if (!Files.exists(DatabaseLocation.dataFile(base))) {
            create(base, clock);
        }
    }

    /**
     * Builds a new database beside {@code base} (migrated and seeded, with the password of {@code base}'s
     * key file, made first if there is none) and links it into place. If a database appeared there
     * meanwhile (made by a program that does not take Scalloy's lock), that one is kept and the new one
     * dropped.
     */
    @SuppressWarnings("try") // the database is opened to build it (migrated and seeded), then closed
    static void create(Path base, Clock clock) {
        Path building = base.resolveSibling(temporaryPrefix(base) + "new-" + UUID.randomUUID());
        Path built = DatabaseLocation.dataFile(building);
        Path keyFile = EmbeddedAccess.keyFile(base);
        String key = EmbeddedAccess.readKey(keyFile).orElseGet(() -> EmbeddedAccess.createKey(keyFile));
        try {
            try (Database db = Opener.openAlone(building, key, clock)) {
                FaultPoints.reach("create:seeded");
            }
            FaultPoints.reach("create:built");
            DurableFiles.sync(built);
            try {
                Files.createLink(DatabaseLocation.dataFile(base), built);
            } catch (FileAlreadyExistsException e) {
                return; // another program made it meanwhile: its database stays
            } catch (IOException | UnsupportedOperationException noHardLinks) {
                if (!Files.exists(DatabaseLocation.dataFile(base))) {
                    Files.move(built, DatabaseLocation.dataFile(base));
                }
            }
            DurableFiles.syncDirectory(base.getParent());
            FaultPoints.reach("create:linked");
        } catch (IOException e) {
            throw new StoreException(Message.of("store.create.failed", "cannot create the database " + base + ": " + e.getMessage(),
                    String.valueOf(base), Reasons.of(e)), e);
        } finally {
            removeH2Files(building);
        }
    }

    /**
     * Upgrades the file to this Scalloy's schema, recoverably: open by this process alone, copied with
     * its manifest to {@link #upgradingCopy}, migrated, closed, the copy kept as {@link #copyBeforeUpgrade}.
     * A migration that fails is rolled back from the copy before the error is reported.
     *
     * @param from the schema version it is at (for messages)
     * @param to   the version it goes to (for messages)
     * @throws StoreException when another program has it open, the copy cannot be written, or the
     *                        migration failed (then the file is as it was)
     */
    static void upgrade(Path base, String from, String to) {
        Path copy = upgradingCopy(base);
        Connection alone = exclusive(base, Message.of("store.step.upgrade", "upgrade it from schema " + from + " to " + to, from, to));
        try {
            try {
                Backups.write(alone, copy, EmbeddedAccess.readKey(EmbeddedAccess.keyFile(base)).orElse(""));
            } catch (StoreException e) {
                throw new StoreException(Message.of("store.upgrade.noCopy", "cannot upgrade the database " + base + " from schema " + from
                        + " to " + to + ": the copy to take before the upgrade could not be made (" + e.getMessage() + "); the database was not"
                        + " changed", String.valueOf(base), from, to, Reasons.of(e)), e);
            }
            FaultPoints.reach("upgrade:copied");
            try {
                Migrations.migrate(Opener.fileLogin(base, Database.FileAccess.EXCLUSIVE), base.toString());
                try (Statement st = alone.createStatement()) {
                    st.execute("CHECKPOINT SYNC");
                }
                FaultPoints.reach("upgrade:migrated");
            } catch (SQLException | RuntimeException e) {
                closeQuietly(alone);
                alone = null;
                String failed = "upgrading the database " + base + " from schema " + from + " to " + to + " failed (" + e.getMessage() + ")";
                try {
                    rollBack(base, copy);
                } catch (StoreException rollBackFailed) {
                    throw new StoreException(Message.of("store.upgrade.failedNotPutBack", failed + ", and putting it back from the copy taken"
                            + " before failed too (" + rollBackFailed.getMessage() + "); the copy " + copy + " is kept, and the next open tries"
                            + " again", String.valueOf(base), from, to, Reasons.of(e), Reasons.of(rollBackFailed), String.valueOf(copy)),
                            rollBackFailed);
                }
                throw new StoreException(Message.of("store.upgrade.failedPutBack", failed + "; it was put back as it was, at schema " + from
                        + ", from the copy taken before the upgrade", String.valueOf(base), from, to, Reasons.of(e)), e);
            }
            alone.close();
            alone = null;
            FaultPoints.reach("upgrade:closed");
            DurableFiles.move(copy, copyBeforeUpgrade(base));
            FaultPoints.reach("upgrade:done");
        } catch (SQLException e) {
            throw new StoreException(Message.of("store.upgrade.cannotClose", "cannot close the database " + base + " after its upgrade ("
                    + e.getMessage() + "); the next open puts it back from the copy taken before and upgrades it again", String.valueOf(base),
                    Reasons.of(e)), e);
        } catch (IOException e) {
            throw new StoreException(Message.of("store.upgrade.cannotKeepCopy", "cannot keep the copy taken before the upgrade of " + base
                    + " as " + copyBeforeUpgrade(base) + " (" + e.getMessage() + "); the next open puts it back from that copy and upgrades it"
                    + " again", String.valueOf(base), String.valueOf(copyBeforeUpgrade(base)), Reasons.of(e)), e);
        } finally {
            closeQuietly(alone);
        }
    }

    /** Rolls back an upgrade that a dead process left half done (see the class comment). */
    static void recoverInterruptedUpgrade(Path base) {
        Path copy = upgradingCopy(base);
        if (!Files.exists(copy)) {
            return;
        }
        FaultPoints.reach("recover:found");
        try {
            rollBack(base, copy);
        } catch (StoreException e) {
            throw new StoreException(Message.of("store.upgrade.interrupted", "an upgrade of the database " + base + " was interrupted, and it"
                    + " cannot be put back as it was from the copy taken before the upgrade (" + copy + "): " + e.getMessage(),
                    String.valueOf(base), String.valueOf(copy), Reasons.of(e)), e);
        }
    }

    /**
     * Puts the database back from the copy {@code copy}: the copy's data file (and key) is checked against
     * its manifest, extracted beside the database, moved into place, and the copy removed. The key file in
     * place is the copy's (an upgrade does not change it); should it be missing, the copy's is put back first.
     */
    private static void rollBack(Path base, Path copy) {
        Path extracting = base.resolveSibling(temporaryPrefix(base) + "rollback");
        Path part = DatabaseLocation.dataFile(extracting);
        try {
            String key = Backups.verifiedCopy(copy, part, false);
            FaultPoints.reach("rollback:extracted");
            if (Files.exists(DatabaseLocation.dataFile(base))) {
                refuseIfInUse(base, Message.of("store.step.putBack", "put it back as it was before the interrupted upgrade"));
            }
            if (!key.isEmpty() && EmbeddedAccess.readKey(EmbeddedAccess.keyFile(base)).isEmpty()) {
                EmbeddedAccess.writeKey(EmbeddedAccess.keyFile(base), key, true);
            }
            DurableFiles.move(part, DatabaseLocation.dataFile(base));
            FaultPoints.reach("rollback:moved");
            Files.delete(copy);
            DurableFiles.syncDirectory(base.getParent());
        } catch (IOException e) {
            throw new StoreException(Message.of("store.upgrade.cannotPutBack", "cannot put back " + base + " from " + copy + ": "
                    + e.getMessage(), String.valueOf(base), String.valueOf(copy), Reasons.of(e)), e);
        } finally {
            removeH2Files(extracting);
        }
    }

    /**
     * After a restore has put another database in place, the copy of an interrupted upgrade is no longer
     * what the database must go back to: it is kept as the pre-upgrade copy instead.
     */
    static void keepCopyOfInterruptedUpgrade(Path base) throws IOException {
        if (Files.exists(upgradingCopy(base))) {
            DurableFiles.move(upgradingCopy(base), copyBeforeUpgrade(base));
        }
    }

    /**
     * Refuses when another program has the file open: this process opens it alone (H2 takes over the
     * lock file of a program that died) and closes it again. A refused password means H2 opened the file,
     * so nobody else had it (a database whose key is lost, which a restore is to replace).
     *
     * @param what what cannot be done, after "the database … is open in another program …, so Scalloy cannot " (a
     *             {@code store.step.*} message)
     */
    static void refuseIfInUse(Path base, Message what) {
        try {
            closeQuietly(exclusive(base, what));
        } catch (StoreException e) {
            if (!(e.getCause() instanceof SQLException sql && EmbeddedAccess.isWrongPassword(sql))) {
                throw e;
            }
        }
    }

    /**
     * A connection to the file that no other process can share while it is open. H2 waits a few seconds
     * to take over the lock file of a program that died; a lock still held is waited for briefly (a
     * program closing it), then refused.
     */
    private static Connection exclusive(Path base, Message what) {
        DatabaseLogin login = Opener.fileLogin(base, Database.FileAccess.EXCLUSIVE);
        long start = System.nanoTime();
        while (true) {
            try {
                return Opener.newConnection(login);
            } catch (SQLException e) {
                long waitedMillis = (System.nanoTime() - start) / 1_000_000;
                boolean inUse = e.getErrorCode() == SqlErrors.H2_DATABASE_IN_USE;
                if (inUse && waitedMillis > IN_USE_PATIENCE_MILLIS) {
                    throw new StoreException(Message.of("store.open.inOtherProgram", "the database " + base + " is open in another program (a"
                            + " Scalloy window or command, perhaps an older Scalloy), so Scalloy cannot " + what.english() + "; close it there and"
                            + " try again (nothing was changed)", String.valueOf(base), what), e);
                }
                if (!inUse && (!SqlErrors.isTransientFileError(e) || waitedMillis > TRANSIENT_PATIENCE_MILLIS)) {
                    throw SqlErrors.openFailure(base.toString(), e);
                }
                pause();
            }
        }
    }

    /**
     * Whether H2's lock file of {@code base} names a server: the file is held by a program that shares it
     * (H2's automatic mixed mode), which may be closing. A program that opened it without sharing writes
     * no server there.
     */
    static boolean servedByAnother(Path base) {
        Path lock = base.resolveSibling(base.getFileName() + ".lock.db");
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(lock)) {
            p.load(in);
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
        return p.getProperty("server") != null;
    }

    private static void pause() {
        try {
            Thread.sleep(RETRY_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw Transactions.interrupted(e);
        }
    }

    /**
     * Removes what interrupted steps of this class and of a restore left beside {@code base} (a database
     * being built, a copy being extracted or written, a restore's folder); a user's own files that
     * happen to begin with a dot and the database's name are left alone.
     */
    static void removeTemporaries(Path base) {
        String prefix = temporaryPrefix(base);
        String copy = "." + upgradingCopy(base).getFileName() + ".";
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(base.getParent(), p -> {
            String n = p.getFileName().toString();
            return n.startsWith(prefix + "new-") || n.startsWith(prefix + "rollback.") || n.startsWith(prefix + "restore-")
                    || n.startsWith(copy);
        })) {
            for (Path p : entries) {
                if (Files.isDirectory(p)) {
                    DurableFiles.deleteTree(p);
                } else {
                    DurableFiles.deleteQuietly(p);
                }
            }
        } catch (IOException e) {
            // leftovers are harmless: they are never opened as the database
        }
    }

    private static void removeH2Files(Path base) {
        for (String ending : new String[] {".mv.db", ".lock.db", ".trace.db"}) {
            DurableFiles.deleteQuietly(base.resolveSibling(base.getFileName() + ending));
        }
    }

    private static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException e) {
                // the step that matters has already failed or succeeded
            }
        }
    }
}
