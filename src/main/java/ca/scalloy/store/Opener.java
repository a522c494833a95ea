package ca.scalloy.store;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

import ca.scalloy.engine.Message;
import ca.scalloy.store.Database.FileAccess;
import ca.scalloy.store.Migrations.SchemaState;

/**
 * How a {@link Database} is opened: the embedded file shared under its {@link OpenLock} (prepared, keyed and
 * upgraded first), a file by this process alone, or a JDBC URL or server login; the H2 logins Scalloy uses
 * for its files, and the connections it makes.
 */
final class Opener {

    /**
     * The H2 file URL options every process must use alike (H2 refuses a mix of AUTO_SERVER). A writer
     * waits up to 10 s for a row another process holds (H2's default is 2 s), then its transaction is
     * rolled back and run again ({@link Database#inTransaction}).
     */
    static final String FILE_OPTIONS = ";AUTO_SERVER=TRUE;WRITE_DELAY=0;REUSE_SPACE=FALSE;LOCK_TIMEOUT=10000";
    /** The options of a file opened by this process alone (to create, upgrade, roll back, or check a restore). */
    private static final String EXCLUSIVE_OPTIONS = ";WRITE_DELAY=0;REUSE_SPACE=FALSE";
    /** The options of a copy read without writing to it (a backup's data file, to describe or check it). */
    private static final String READ_ONLY_OPTIONS = ";ACCESS_MODE_DATA=r";
    /** How long an open waits for another Scalloy that is opening, upgrading or restoring the same file. */
    static final Duration OPEN_PATIENCE = Duration.ofMinutes(2);
    /** How long an embedded database keeps trying while the program sharing it hands it over (closes, dies, starts). */
    static final Duration HANDOVER_PATIENCE = Duration.ofSeconds(60);
    /** How long an open waits for a program that holds the file without sharing it (it may be closing). */
    private static final Duration IN_USE_PATIENCE = Duration.ofSeconds(5);
    /** Paths of file databases open in this process, with how many times each; a restore must not replace one. */
    private static final Map<Path, Integer> OPEN_FILES = new ConcurrentHashMap<>();

    static {
        // Before any H2 class loads: its automatic mixed-mode port listens on this machine only (issue 11).
        EmbeddedAccess.restrictPort();
    }

    private Opener() {
    }

    /** See {@link Database#open(Path, Clock)}. */
    @SuppressWarnings("try") // the open lock is held for the block, never used in it
    static Database open(Path path, Clock clock) {
        Objects.requireNonNull(clock, "clock");
        Path base = DatabaseLocation.normalize(path);
        // Readable by its OS user only, port on this machine only, and a password from the owner-only key file.
        EmbeddedAccess.checkPortRestricted();
        try {
            EmbeddedAccess.createFolder(base.getParent());
        } catch (IOException e) {
            throw new StoreException(Message.of("store.open.cannotCreateFolder", "cannot create the folder " + base.getParent() + " for the database: "
                    + e.getMessage(), String.valueOf(base.getParent()), Reasons.of(e)), e);
        }
        Database db;
        try (OpenLock ignored = OpenLock.acquire(base, OPEN_PATIENCE)) {
            EmbeddedAccess.prepare(base);
            EmbeddedFile.prepare(base, clock);
            if (EmbeddedAccess.readKey(EmbeddedAccess.keyFile(base)).isEmpty()) {
                // Made before keys: it takes one now, before any upgrade copies it (or refused, if it has a password).
                DatabaseLogin shared = fileLogin(base, FileAccess.SHARED);
                EmbeddedAccess.adopt(base, shared.url(), shared.user());
            }
            db = openShared(base, clock);
            EmbeddedAccess.restrict(base); // the lock file H2 has just written holds the port's key
        }
        OPEN_FILES.merge(base, 1, Integer::sum);
        db.registerOpen();
        return db;
    }

    /** Counts off a file database {@link #open} counted, as it closes. */
    static void closed(Path base) {
        OPEN_FILES.computeIfPresent(base, (p, n) -> n > 1 ? n - 1 : null);
    }

    /** Whether a file database at this path is open in this process. */
    static boolean isOpenHere(Path base) {
        return OPEN_FILES.containsKey(base);
    }

    /**
     * The login of the embedded database at {@code base}, with the password from its key file (none for a
     * database made before keys): the one place that says how Scalloy logs in to its H2 files.
     */
    static DatabaseLogin fileLogin(Path base, FileAccess access) {
        return fileLogin(base, access, EmbeddedAccess.readKey(EmbeddedAccess.keyFile(base)).orElse(""));
    }

    /**
     * The login of the H2 file at {@code base} with a password given: a copy whose key is not (yet) beside it,
     * such as a backup's data file or a database being built beside its place.
     */
    static DatabaseLogin fileLogin(Path base, FileAccess access, String password) {
        String options = switch (access) {
            case SHARED -> FILE_OPTIONS;
            case EXCLUSIVE -> EXCLUSIVE_OPTIONS;
            case READ_ONLY -> READ_ONLY_OPTIONS;
        };
        return new DatabaseLogin("jdbc:h2:file:" + base + options, null, password);
    }

    /** See {@link Database#fileLogin(Path)}. */
    static DatabaseLogin fileLogin(Path path) {
        Path base = DatabaseLocation.normalize(path);
        return fileLogin(base, FileAccess.SHARED, EmbeddedAccess.readKey(EmbeddedAccess.keyFile(base))
                .orElseThrow(() -> new StoreException(Message.of("store.open.noKeyFile", "the database " + base
                        + " has no key file; open it once with this Scalloy", String.valueOf(base)))));
    }

    /**
     * Connects to the file shared (under its {@link OpenLock}), upgrading it first when its schema is
     * older. While the program sharing it hands it over (closes, dies, starts serving), the connection is
     * tried again for up to {@link #HANDOVER_PATIENCE}.
     */
    private static Database openShared(Path base, Clock clock) {
        DatabaseLogin login = fileLogin(base, FileAccess.SHARED);
        String name = base.toString();
        long deadline = System.nanoTime() + HANDOVER_PATIENCE.toNanos();
        long firstHeldUnshared = 0;
        boolean upgraded = false;
        boolean keyAdopted = false;
        for (int attempt = 1; ; attempt++) {
            Database db = null;
            SchemaState schema;
            try {
                db = new Database(login, base, newConnection(login), clock);
                schema = Migrations.schemaState(Migrations.flyway(login), name, login.user());
                if (!schema.pending()) {
                    db.loadRoles();
                    Seed.applyIfNew(db);
                    return db;
                }
                db.closeQuietly();
            } catch (SQLException | RuntimeException e) {
                if (db != null) {
                    db.closeQuietly();
                }
                if (!keyAdopted && e instanceof SQLException refused && EmbeddedAccess.isWrongPassword(refused)) {
                    // A key file made before the database took its password (an open cut short): give it the key's.
                    login = fileLogin(base, FileAccess.SHARED, EmbeddedAccess.adopt(base, login.url(), login.user()));
                    keyAdopted = true;
                    continue;
                }
                SQLException cause = SqlErrors.transientCause(e);
                long now = System.nanoTime();
                // "In use" while H2's lock file names a server is a sharing program handing the file over (it is
                // closing): waited for like any handover. Without one it is a program that did not share it: told
                // after a few seconds.
                boolean heldUnshared = cause != null && cause.getErrorCode() == SqlErrors.H2_DATABASE_IN_USE
                        && !EmbeddedFile.servedByAnother(base);
                if (heldUnshared && firstHeldUnshared == 0) {
                    firstHeldUnshared = now;
                }
                if (cause == null || now > deadline || heldUnshared && now - firstHeldUnshared > IN_USE_PATIENCE.toNanos()) {
                    if (cause != null && cause.getErrorCode() == SqlErrors.H2_DATABASE_IN_USE && !heldUnshared) {
                        throw SqlErrors.handoverFailure(name, cause);
                    }
                    throw e instanceof SQLException sql ? SqlErrors.openFailure(name, sql) : (RuntimeException) e;
                }
                Transactions.pauseBeforeRetry(attempt);
                continue;
            }
            if (upgraded) {
                throw new StoreException(Message.of("store.upgrade.notDone", "the database " + name + " is still at schema " + schema.current()
                        + " after its upgrade to " + schema.latest() + "; it was left as the upgrade made it", name, schema.current(),
                        schema.latest()));
            }
            // Outside the retries: the upgrade waits for its own turn, and its refusals are final.
            EmbeddedFile.upgrade(base, schema.current(), schema.latest());
            upgraded = true;
        }
    }

    /**
     * Opens the file at {@code base} by this process alone with {@code password}, migrated and seeded: a
     * database being built, or a restore's copy being checked. Not shared, not counted as open; its files
     * are made owner-only, and no key file is made or read for it (its caller knows the key it goes with).
     */
    static Database openAlone(Path base, String password, Clock clock) {
        return connect(fileLogin(base, FileAccess.EXCLUSIVE, password), base, clock, true);
    }

    /**
     * Connects to the database at {@code login} ({@code file}: the embedded file it is, when opened by path),
     * migrating its schema to this Scalloy's and, with {@code seed}, seeding it on first use.
     */
    static Database connect(DatabaseLogin login, Path file, Clock clock, boolean seed) {
        Objects.requireNonNull(clock, "clock");
        String name = file == null ? login.describe() : file.toString();
        // A file opened by path comes keyed by open() or openAlone(); one named by a JDBC URL is keyed here.
        Path h2File = file != null ? null : EmbeddedAccess.fileOf(login.url()).orElse(null);
        if (h2File != null && login.password().isEmpty()) {
            // Readable by its OS user only, port on this machine only, and a password from the owner-only key file.
            EmbeddedAccess.checkPortRestricted();
            String password = EmbeddedAccess.prepare(h2File);
            login = new DatabaseLogin(login.url(), login.user(), password.isEmpty()
                    ? EmbeddedAccess.adopt(h2File, login.url(), login.user()) : password);
        }
        Connection c;
        try {
            c = newConnection(login);
        } catch (SQLException e) {
            if (h2File == null || !EmbeddedAccess.isWrongPassword(e)) {
                throw SqlErrors.openFailure(name, e);
            }
            // A key file made before the database took its password (an open cut short): give it the key's.
            login = new DatabaseLogin(login.url(), login.user(), EmbeddedAccess.adopt(h2File, login.url(), login.user()));
            try {
                c = newConnection(login);
            } catch (SQLException again) {
                throw SqlErrors.openFailure(name, again);
            }
        }
        if (h2File != null || file != null) {
            EmbeddedAccess.restrict(h2File != null ? h2File : file); // the lock file H2 has just written holds the port's key
        }
        Database db = new Database(login, file, c, clock);
        try {
            Migrations.migrate(login, name);
            db.loadRoles();
            if (seed) {
                Seed.applyIfNew(db);
            }
        } catch (RuntimeException e) {
            db.closeQuietly();
            throw e;
        }
        return db;
    }

    static Connection newConnection(DatabaseLogin login) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", login.user());
        if (!login.password().isEmpty()) {
            p.setProperty("password", login.password()); // else one given in the URL (password=…) is used
        }
        if (login.isPostgres()) {
            p.setProperty("ApplicationName", "Scalloy");
            p.setProperty("connectTimeout", "10");
            // A network that drops without a reset must not hang the workbench: keep-alives find a dead
            // peer, and no single answer may take longer than two minutes (the longest lock waits under
            // the workstations benchmark were well under 20 s); either ends as a lost connection.
            p.setProperty("tcpKeepAlive", "true");
            p.setProperty("socketTimeout", "120");
        }
        return DriverManager.getConnection(login.url(), p);
    }
}
