package ca.scalloy.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;

import ca.scalloy.engine.Role;

/**
 * The embedded H2 database: opened (created and migrated on first use) by path or JDBC URL, with the
 * repositories over it. One connection per {@code Database}; operations are serialized on it, and
 * writes that belong together run in one transaction ({@link #inTransaction}).
 *
 * <p>A file database is opened with H2's {@code AUTO_SERVER=TRUE}: the first process serves the file
 * and every other process (a second workbench, a command) connects through it, so both work. Opening,
 * creating and upgrading a file are done one Scalloy at a time ({@link OpenLock}) so that a kill at any
 * moment leaves a database that opens ({@link EmbeddedFile}); a write that a lock timeout, a deadlock or
 * the sharing process's exit stopped before it committed is run again.
 */
public final class Database implements AutoCloseable {

    /**
     * The H2 file URL options every process must use alike (H2 refuses a mix of AUTO_SERVER). A writer
     * waits up to 10 s for a row another process holds (H2's default is 2 s), then its transaction is
     * rolled back and run again ({@link #inTransaction}).
     */
    static final String FILE_OPTIONS = ";AUTO_SERVER=TRUE;WRITE_DELAY=0;REUSE_SPACE=FALSE;LOCK_TIMEOUT=10000";
    /** The options of a file opened by this process alone (to create, upgrade, roll back, or check a restore). */
    private static final String EXCLUSIVE_OPTIONS = ";WRITE_DELAY=0;REUSE_SPACE=FALSE";
    /** The options of a copy read without writing to it (a backup's data file, to describe or check it). */
    private static final String READ_ONLY_OPTIONS = ";ACCESS_MODE_DATA=r";
    /** How long an open waits for another Scalloy that is opening, upgrading or restoring the same file. */
    static final Duration OPEN_PATIENCE = Duration.ofMinutes(2);
    /** How long an embedded database keeps trying while the program sharing it hands it over (closes, dies, starts). */
    private static final Duration HANDOVER_PATIENCE = Duration.ofSeconds(60);
    /** How long an open waits for a program that holds the file without sharing it (it may be closing). */
    private static final Duration IN_USE_PATIENCE = Duration.ofSeconds(5);
    /** How long a sharing process waits, on close, for another process's write in flight through it. */
    private static final Duration WRITES_IN_FLIGHT_PATIENCE = Duration.ofSeconds(10);
    static final int H2_DATABASE_IN_USE = 90020;
    private static final int H2_ERROR_OPENING = 8000;
    private static final int H2_CONNECTION_BROKEN = 90067;
    private static final int H2_DATABASE_CLOSED = 90098;
    private static final int H2_CLOSED_AT_SHUTDOWN = 90121;
    private static final int H2_LOCK_TIMEOUT = 50200;
    private static final int H2_FILE_VERSION_ERROR = 90048;
    private static final int H2_FILE_CORRUPTED = 90030;
    /** Paths of file databases open in this process, with how many times each; a restore must not replace one. */
    private static final Map<Path, Integer> OPEN_FILES = new ConcurrentHashMap<>();

    /** How a file database is opened: shared with other processes, by this process alone, or only read. */
    enum FileAccess {
        SHARED, EXCLUSIVE, READ_ONLY
    }
    /**
     * Flyway logs through java.util.logging whatever else is on the class path; its lines ("Migrating
     * schema …", a failed migration's "please restore backups", a stack trace when a connection breaks)
     * would otherwise reach the command line's error stream, and Scalloy reports what happened itself.
     * Held here because java.util.logging keeps loggers only weakly, and a collected logger forgets its level.
     */
    private static final Logger FLYWAY_LOG = Logger.getLogger("org.flywaydb");
    private static final String FLYWAY_LOG_CREATOR = "org.flywaydb.core.internal.logging.javautil.JavaUtilLogCreator";

    static {
        // Before any H2 class loads: its automatic mixed-mode port listens on this machine only (issue 11).
        EmbeddedAccess.restrictPort();
    }

    private final DatabaseLogin login;
    private final Path file;
    private Connection connection;
    private final Clock clock;
    private final ReentrantLock lock = new ReentrantLock();
    private final MaterialRepository materials;
    private final SpecificationRepository specifications;
    private final RecipeRepository recipes;
    private final AuditLog audit;
    private final LotRepository lots;
    private final HeatRepository heats;
    private final SettingsRepository settings;
    private final CertificateRepository certificates;
    private final UserRepository users;
    private volatile String actor = defaultActor();
    private boolean brokenSinceLastUse;
    /** Set by {@link #close}: a closed database refuses work rather than reconnecting behind its owner's back. */
    private volatile boolean closed;
    /** How many times a transaction on the embedded file runs before its failure is reported. */
    private static final int MAX_ATTEMPTS = 10;
    /** Set while the commit is on its way: a connection lost then leaves the outcome unknown. */
    private boolean committing;
    private volatile Set<Role> roles = EnumSet.allOf(Role.class);
    private volatile Map<Role, String> groupRoles = Map.of();
    private volatile String databaseUser = "";
    private volatile int lostConnections;
    /** Whether this database counts in {@link #OPEN_FILES} (a file opened shared by {@link #open}). */
    private boolean registered;
    /** The actor the connection's session names to the database's triggers (null: not said yet). */
    private String sessionActor;
    /** Whether this transaction gave the database a reason or quiet mode (the embedded database's must be cleared). */
    private boolean auditContextSet;

    private Database(DatabaseLogin login, Path file, Connection connection, Clock clock) {
        this.login = login;
        this.file = file;
        this.connection = connection;
        this.clock = clock;
        this.materials = new MaterialRepository(this);
        this.specifications = new SpecificationRepository(this);
        this.recipes = new RecipeRepository(this);
        this.audit = new AuditLog(this);
        this.lots = new LotRepository(this);
        this.heats = new HeatRepository(this);
        this.settings = new SettingsRepository(this);
        this.certificates = new CertificateRepository(this);
        this.users = new UserRepository(this);
    }

    private static String defaultActor() {
        String user = System.getProperty("user.name");
        return user == null || user.isBlank() ? "unknown" : user;
    }

    /**
     * Opens the file database at {@code path} (see {@link DatabaseLocation}), creating its directory,
     * migrating it to this version's schema and seeding it on first creation.
     *
     * @throws StoreException when it is used by a program that did not share it, was made by a newer
     *                        Scalloy, or is not a Scalloy database
     */
    @SuppressWarnings("try") // the open lock is held for the block, never used in it
    public static Database open(Path path, Clock clock) {
        Objects.requireNonNull(clock, "clock");
        Path base = DatabaseLocation.normalize(path);
        // Readable by its OS user only, port on this machine only, and a password from the owner-only key file.
        EmbeddedAccess.checkPortRestricted();
        try {
            EmbeddedAccess.createFolder(base.getParent());
        } catch (IOException e) {
            throw new StoreException("cannot create the folder " + base.getParent() + " for the database: " + e.getMessage(), e);
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
        db.registered = true;
        return db;
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

    /**
     * The login this OS user opens the (existing) file database at {@code path} with: its URL with the sharing
     * options, and the password from its owner-only key file. For tools that need JDBC beside Scalloy (benchmarks).
     *
     * @throws StoreException when the database has no key file (open it once with this Scalloy)
     */
    public static DatabaseLogin fileLogin(Path path) {
        Path base = DatabaseLocation.normalize(path);
        return fileLogin(base, FileAccess.SHARED, EmbeddedAccess.readKey(EmbeddedAccess.keyFile(base))
                .orElseThrow(() -> new StoreException("the database " + base + " has no key file; open it once with this Scalloy")));
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
                schema = schemaState(flyway(login), name, login.user());
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
                SQLException cause = transientCause(e);
                long now = System.nanoTime();
                // "In use" while H2's lock file names a server is a sharing program handing the file over (it is
                // closing): waited for like any handover. Without one it is a program that did not share it: told
                // after a few seconds.
                boolean heldUnshared = cause != null && cause.getErrorCode() == H2_DATABASE_IN_USE && !EmbeddedFile.servedByAnother(base);
                if (heldUnshared && firstHeldUnshared == 0) {
                    firstHeldUnshared = now;
                }
                if (cause == null || now > deadline || heldUnshared && now - firstHeldUnshared > IN_USE_PATIENCE.toNanos()) {
                    if (cause != null && cause.getErrorCode() == H2_DATABASE_IN_USE && !heldUnshared) {
                        throw handoverFailure(name, cause);
                    }
                    throw e instanceof SQLException sql ? openFailure(name, sql) : (RuntimeException) e;
                }
                pauseBeforeRetry(attempt);
                continue;
            }
            if (upgraded) {
                throw new StoreException("the database " + name + " is still at schema " + schema.current() + " after its upgrade to "
                        + schema.latest() + "; it was left as the upgrade made it");
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

    /** Opens a private in-memory database (for tests and previews), migrated and seeded. */
    public static Database inMemory(Clock clock) {
        return connect(DatabaseLogin.of("jdbc:h2:mem:scalloy-" + UUID.randomUUID(), null), null, clock);
    }

    /**
     * Opens the database at a JDBC URL, migrated and seeded.
     *
     * @throws StoreException as {@link #open}
     */
    public static Database openUrl(String url, Clock clock) {
        return connect(DatabaseLogin.of(url, null), null, clock);
    }

    /**
     * Connects to a database server (PostgreSQL) or an H2 URL with a user and password, migrating its
     * schema to this Scalloy's and seeding it on first use.
     *
     * @throws StoreException when the server cannot be reached, refuses the login, or holds a newer schema
     */
    public static Database connect(DatabaseLogin login, Clock clock) {
        return connect(login, null, clock, true);
    }

    /**
     * Connects as {@link #connect(DatabaseLogin, Clock)} but does not seed: the target of a
     * {@link DatabaseCopy}, which gets the source's rows (its seed run among them) instead.
     */
    static Database connectForCopy(DatabaseLogin login, Clock clock) {
        return connect(login, null, clock, false);
    }

    private static Database connect(DatabaseLogin login, Path file, Clock clock) {
        return connect(login, file, clock, true);
    }

    private static Database connect(DatabaseLogin login, Path file, Clock clock, boolean seed) {
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
                throw openFailure(name, e);
            }
            // A key file made before the database took its password (an open cut short): give it the key's.
            login = new DatabaseLogin(login.url(), login.user(), EmbeddedAccess.adopt(h2File, login.url(), login.user()));
            try {
                c = newConnection(login);
            } catch (SQLException again) {
                throw openFailure(name, again);
            }
        }
        if (h2File != null || file != null) {
            EmbeddedAccess.restrict(h2File != null ? h2File : file); // the lock file H2 has just written holds the port's key
        }
        Database db = new Database(login, file, c, clock);
        try {
            migrate(login, name);
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

    static StoreException openFailure(String name, SQLException e) {
        if (e.getErrorCode() == H2_CONNECTION_BROKEN || e.getErrorCode() == H2_CLOSED_AT_SHUTDOWN || e.getErrorCode() == H2_DATABASE_CLOSED
                || e.getErrorCode() == H2_ERROR_OPENING && String.valueOf(e.getMessage()).contains("Lock file")) {
            return handoverFailure(name, e);
        }
        if (e.getSQLState() != null && e.getSQLState().startsWith("28")) {
            return new StoreException("the database server refused the login for " + name + ": " + firstLine(e), e);
        }
        if (e.getSQLState() != null && e.getSQLState().startsWith("08")) {
            String driver = firstLine(e);
            int sentence = driver.indexOf(". ");
            return new StoreException("cannot reach the database server for " + name + ": "
                    + (sentence > 0 ? driver.substring(0, sentence) : driver) + "; check that the server is running and the URL's host and port", e);
        }
        return switch (e.getErrorCode()) {
            case H2_DATABASE_IN_USE -> new StoreException("the database " + name + " is in use by a program that opened it"
                    + " without sharing (not in H2's automatic mixed mode); close that program and try again", e);
            case H2_FILE_VERSION_ERROR, H2_FILE_CORRUPTED -> new StoreException("the database " + name
                    + " cannot be read by this Scalloy (made by another H2 version, or damaged): " + firstLine(e), e);
            default -> new StoreException("cannot open the database " + name + ": " + firstLine(e), e);
        };
    }

    /** The program sharing the file (H2's automatic mixed mode) was closing or stopped, for longer than an open waits. */
    private static StoreException handoverFailure(String name, SQLException e) {
        return new StoreException("the database file " + name + " was being handed over between the programs sharing it (one"
                + " closing or stopped) for longer than Scalloy waits (" + HANDOVER_PATIENCE.toSeconds() + " s): " + firstLine(e)
                + "; try again", e);
    }

    private static String firstLine(SQLException e) {
        String m = String.valueOf(e.getMessage());
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    /**
     * Brings the database at {@code login} to this Scalloy's schema, unless it is already there (then
     * Flyway writes nothing). On PostgreSQL each migration runs in one transaction with its history row
     * (decision 0011), so a kill leaves the schema at a version it had.
     *
     * @throws StoreException for a newer schema, a failed migration recorded by an earlier Scalloy, or a migration that fails
     */
    static void migrate(DatabaseLogin login, String name) {
        Flyway flyway = flyway(login);
        if (!schemaState(flyway, name, login.user()).pending()) {
            return;
        }
        try {
            flyway.migrate();
        } catch (FlywayException e) {
            throw new StoreException("cannot bring the database " + name + " to this Scalloy's schema" + privilegeHint(login.user(), e) + ": "
                    + e.getMessage(), e);
        }
    }

    /** What to do when Flyway was refused for want of a privilege on PostgreSQL (empty for any other failure). */
    private static String privilegeHint(String user, FlywayException e) {
        StringBuilder chain = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            chain.append(t.getMessage()).append('\n');
        }
        String all = chain.toString();
        return all.contains("permission denied for schema")
                ? " (the database user " + user + " holds no Scalloy role in this database: ask its administrator for one,"
                        + " e.g. scalloy db grant " + user + " operator)"
                : all.contains("permission denied") || all.contains("must be owner")
                ? " (only the schema's owner may upgrade it: open it once as that user with this Scalloy)" : "";
    }

    private static Flyway flyway(DatabaseLogin login) {
        FLYWAY_LOG.setLevel(Level.OFF); // Scalloy reports what went wrong itself, after putting things right
        var config = Flyway.configure(Database.class.getClassLoader())
                .dataSource(login.url(), login.user(), login.password())
                .locations(locations(login.url()))
                .cleanDisabled(true)
                .loggers(FLYWAY_LOG_CREATOR);
        if (FaultPoints.active()) {
            config = config.callbacks(new FaultPointCallback());
        }
        return config.load();
    }

    /**
     * Where the database's schema stands against this Scalloy's migrations.
     *
     * @param current the version it is at ("0" for none)
     * @param latest  the version this Scalloy brings it to
     * @param pending whether migrations are to run
     */
    record SchemaState(String current, String latest, boolean pending) {
    }

    /**
     * Reads where the schema stands, without writing.
     *
     * @throws StoreException for a schema from a newer Scalloy, or a failed migration recorded in its history
     */
    static SchemaState schemaState(Flyway flyway, String name, String user) {
        try {
            MigrationInfoService info = flyway.info();
            MigrationInfo[] newer = Arrays.stream(info.applied())
                    .filter(i -> i.getState() == MigrationState.FUTURE_SUCCESS || i.getState() == MigrationState.FUTURE_FAILED)
                    .toArray(MigrationInfo[]::new);
            if (newer.length > 0) {
                throw new StoreException("the database " + name + " was made by a newer Scalloy (schema version "
                        + newer[newer.length - 1].getVersion() + "; this Scalloy knows up to " + latestSchemaVersion(flyway)
                        + "); update Scalloy to open it");
            }
            for (MigrationInfo i : info.applied()) {
                if (i.getState() == MigrationState.FAILED) {
                    throw new StoreException("the database " + name + " records a failed upgrade to schema " + i.getVersion() + " ("
                            + i.getDescription() + "), left by an earlier Scalloy that could not undo it; restore a backup made before"
                            + " that upgrade with scalloy db restore");
                }
            }
            MigrationInfo current = info.current();
            return new SchemaState(current == null || current.getVersion() == null ? "0" : current.getVersion().toString(),
                    latestSchemaVersion(flyway), info.pending().length > 0);
        } catch (FlywayException e) {
            throw new StoreException("cannot read the schema version of the database " + name + privilegeHint(user, e) + ": " + e.getMessage(),
                    e);
        }
    }

    /** Reports each migration and each of its statements as a {@link FaultPoints} moment (only while a kill test set a hook). */
    private static final class FaultPointCallback implements Callback {

        private int statement;

        @Override
        public boolean supports(Event event, Context context) {
            return event == Event.BEFORE_EACH_MIGRATE || event == Event.AFTER_EACH_MIGRATE || event == Event.BEFORE_EACH_MIGRATE_STATEMENT;
        }

        @Override
        public boolean canHandleInTransaction(Event event, Context context) {
            return true;
        }

        @Override
        public void handle(Event event, Context context) {
            String version = context.getMigrationInfo() == null ? "?" : String.valueOf(context.getMigrationInfo().getVersion());
            if (event == Event.BEFORE_EACH_MIGRATE) {
                statement = 0;
                FaultPoints.reach("migrate:before:" + version);
            } else if (event == Event.AFTER_EACH_MIGRATE) {
                FaultPoints.reach("migrate:after:" + version);
            } else {
                FaultPoints.reach("migrate:statement:" + version + ":" + ++statement);
            }
        }

        @Override
        public String getCallbackName() {
            return "scalloy-fault-points";
        }
    }

    /**
     * The migrations for this database: the shared SQL, and the per-database pieces (the audit log's
     * append-only trigger) in {@code db/<vendor>} (decision 0006).
     */
    static String[] locations(String url) {
        if (url.startsWith("jdbc:h2:")) {
            return new String[] {"classpath:db/migration", "classpath:db/h2"};
        }
        if (url.startsWith("jdbc:postgresql:")) {
            return new String[] {"classpath:db/migration", "classpath:db/postgresql"};
        }
        throw new StoreException("only H2 and PostgreSQL databases are supported by this Scalloy, not " + DatabaseLogin.redact(url));
    }

    private static String latestSchemaVersion(Flyway flyway) {
        MigrationInfo[] all = flyway.info().all();
        String v = "0";
        for (MigrationInfo i : all) {
            if (i.getState() != MigrationState.FUTURE_SUCCESS && i.getState() != MigrationState.FUTURE_FAILED && i.getVersion() != null) {
                v = i.getVersion().toString();
            }
        }
        return v;
    }

    /** Whether a file database at this path is open in this process. */
    static boolean isOpenHere(Path base) {
        return OPEN_FILES.containsKey(base);
    }

    /**
     * Whether an error of an embedded file is the program that shares it handing it over (it is closing
     * or died, or H2 is taking over its lock file), a lock timeout or a deadlock: worth trying again.
     */
    static boolean isTransientFileError(SQLException e) {
        int code = e.getErrorCode();
        return code == H2_DATABASE_IN_USE || code == H2_CONNECTION_BROKEN || code == H2_DATABASE_CLOSED || code == H2_CLOSED_AT_SHUTDOWN
                || code == H2_LOCK_TIMEOUT || "40001".equals(e.getSQLState())
                || code == H2_ERROR_OPENING && String.valueOf(e.getMessage()).contains("Lock file")
                || e.getSQLState() != null && e.getSQLState().startsWith("08");
    }

    /** The transient H2 error (see {@link #isTransientFileError}) behind {@code e}, if any. */
    private static SQLException transientCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && isTransientFileError(sql)) {
                return sql;
            }
        }
        return null;
    }

    /** Waits a little before trying again, longer each attempt and a bit at random, so that processes do not retry in step. */
    private static void pauseBeforeRetry(int attempt) {
        long millis = Math.min(1000, 20L << Math.min(attempt, 6)) + ThreadLocalRandom.current().nextLong(50);
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while waiting for the database", e);
        }
    }

    /** Who the audit trail names for changes made through this database: the OS user unless {@link #setActor} named someone. */
    public String actor() {
        return actor;
    }

    /**
     * Names who makes the changes from now on (the name set in the app), or the OS user again for null or blank.
     *
     * @throws IllegalArgumentException for a name longer than 100 characters
     */
    public void setActor(String name) {
        if (name != null && name.strip().length() > 100) {
            throw new IllegalArgumentException("actor name must be at most 100 characters, was " + name.strip().length());
        }
        actor = name == null || name.isBlank() ? defaultActor() : name.strip();
    }

    /**
     * Reads who this connection is and which roles it holds: on PostgreSQL its memberships of this database's
     * group roles ({@code db_roles}; a superuser, the schema's owner, or a server where the roles could not be
     * made, holds all); on H2, the one user holds all.
     */
    private void loadRoles() {
        inTransaction(c -> {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT CURRENT_USER")) {
                rs.next();
                databaseUser = rs.getString(1);
            }
            if (!isPostgres()) {
                return null;
            }
            boolean superuser;
            boolean owner;
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT rolsuper FROM pg_roles WHERE rolname = CURRENT_USER")) {
                superuser = rs.next() && rs.getBoolean(1);
            }
            // The owner of the tables (who installed the schema) administers it, whatever roles exist.
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT pg_has_role(CURRENT_USER, c.relowner, 'MEMBER') FROM pg_class c"
                         + " WHERE c.oid = to_regclass('audit_log')")) {
                owner = rs.next() && rs.getBoolean(1);
            }
            EnumMap<Role, String> names = new EnumMap<>(Role.class);
            EnumSet<Role> held = EnumSet.noneOf(Role.class);
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT r.role_key, r.role_name, pg_has_role(CURRENT_USER, g.oid, 'MEMBER') FROM db_roles r"
                         + " JOIN pg_roles g ON g.rolname = r.role_name")) {
                while (rs.next()) {
                    Role r = Role.of(rs.getString(1));
                    names.put(r, rs.getString(2));
                    if (rs.getBoolean(3)) {
                        held.add(r);
                    }
                }
            }
            groupRoles = Collections.unmodifiableMap(names);
            roles = superuser || owner || names.isEmpty() || held.contains(Role.ADMIN) ? EnumSet.allOf(Role.class) : held;
            return null;
        });
    }

    /**
     * The PostgreSQL group role of {@code role} in this database (each Scalloy database has its own four,
     * named after it: decision 0010).
     *
     * @throws StoreException when this database has none (embedded, or a server where they could not be made)
     */
    String groupRole(Role role) {
        String name = groupRoles.get(role);
        if (name == null) {
            throw new StoreException("roles are not in effect on " + describe() + (isPostgres()
                    ? ": its installer could not create them (no CREATEROLE); every user holds every role" : ""));
        }
        return name;
    }

    /** The roles this user holds (every role on the embedded database; an admin holds every role). */
    public Set<Role> roles() {
        return Collections.unmodifiableSet(roles);
    }

    /** Whether this user may do what {@code role} allows. */
    public boolean may(Role role) {
        return roles.contains(role) || roles.contains(Role.ADMIN);
    }

    /** The schema version the database is at (its last applied migration, e.g. "4.1"). */
    public String schemaVersion() {
        return inTransaction(Database::schemaVersion);
    }

    /** The schema version of the database on {@code c} (its last applied migration; "0" for none). */
    static String schemaVersion(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT \"version\" FROM \"flyway_schema_history\""
                + " WHERE \"success\" AND \"version\" IS NOT NULL ORDER BY \"installed_rank\" DESC")) {
            return rs.next() ? rs.getString(1) : "0";
        }
    }

    /** The database user this connection logged in as (H2: SA). */
    public String databaseUser() {
        return databaseUser;
    }

    /**
     * Refuses an action the user's roles do not allow, before anything is written.
     *
     * @param what   the action, as in "save recipes"
     * @param anyOf  the roles that allow it (admin always does)
     * @throws PermissionException naming the user, the action and the roles that allow it
     */
    void require(String what, Role... anyOf) {
        for (Role r : anyOf) {
            if (may(r)) {
                return;
            }
        }
        StringBuilder allowed = new StringBuilder();
        for (Role r : anyOf) {
            allowed.append(allowed.length() == 0 ? "" : " or ").append(r.word());
        }
        String held = roles.isEmpty() ? "no Scalloy role" : "the role" + (roles.size() > 1 ? "s " : " ")
                + String.join(", ", roles.stream().map(Role::word).toList());
        throw new PermissionException(databaseUser + " (" + held + ") may not " + what + ": that needs the " + allowed
                + " role; ask an administrator");
    }

    /** The audit trail. */
    public AuditLog audit() {
        return audit;
    }

    /** The lots of materials, with their certificate assays. */
    public LotRepository lots() {
        return lots;
    }

    /** The heats. */
    public HeatRepository heats() {
        return heats;
    }

    /** Plant settings (company on documents, document language …). */
    public SettingsRepository settings() {
        return settings;
    }

    /** Casts and certificates of analysis. */
    public CertificateRepository certificates() {
        return certificates;
    }

    /** The users of a shared server and their roles. */
    public UserRepository users() {
        return users;
    }

    /** The clock that dates prices and versions. */
    public Clock clock() {
        return clock;
    }

    /** The materials library. */
    public MaterialRepository materials() {
        return materials;
    }

    /** The specifications. */
    public SpecificationRepository specifications() {
        return specifications;
    }

    /** The versioned recipes. */
    public RecipeRepository recipes() {
        return recipes;
    }

    /** The database path of a file database, or null for an in-memory or URL-opened one. */
    public Path file() {
        return file;
    }

    /** The JDBC URL it was opened with, without any password in it. */
    public String url() {
        return login.safeUrl();
    }

    /** The URL, user and password it was opened with (for a copy to another database; never shown whole). */
    public DatabaseLogin login() {
        return login;
    }

    /** Whether this is a PostgreSQL server rather than the embedded H2 database. */
    public boolean isPostgres() {
        return login.isPostgres();
    }

    /** Which database this is, for a person: "PostgreSQL scalloy on plant-db:5432 as jdoe", or the embedded file. */
    public String describe() {
        return file != null ? "H2 " + file : login.describe();
    }

    /** Work on the connection, inside a transaction. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    /**
     * Runs {@code work} in one transaction: every write commits together or none does.
     *
     * @throws StoreException when the database refuses (the transaction is rolled back)
     */
    <T> T inTransaction(Work<T> work) {
        lock.lock();
        if (lock.getHoldCount() > 1) {
            // Called from inside another transaction's work (a repository reusing a read): it is part of that one.
            try {
                return work.run(connection);
            } catch (SQLException e) {
                throw new NestedFailure(e);
            } finally {
                lock.unlock();
            }
        }
        try {
            long start = System.nanoTime();
            for (int attempt = 1; ; attempt++) {
                try {
                    return attempt(work);
                } catch (SQLException e) {
                    if (mayRunAgain(e, attempt, start)) {
                        brokenSinceLastUse |= isConnectionLost(e);
                        pauseBeforeRetry(attempt);
                        continue;
                    }
                    if (isConnectionLost(e)) {
                        throw lostConnection(e);
                    }
                    throw Conflicts.translate(e).orElseGet(() -> new StoreException("database error: " + firstLine(e), e));
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /** One run of a transaction: the work, the commit, and for a file that changed, the sync to the disk. */
    private <T> T attempt(Work<T> work) throws SQLException {
        if (closed) {
            throw new StoreException("the database " + describe() + " has been closed");
        }
        reconnectIfLost();
        connection.setAutoCommit(false);
        committing = false;
        try {
            String actorSaid = sayActor();
            T result = work.run(connection);
            boolean wrote = file != null && hasUncommittedChanges();
            committing = true;
            connection.commit();
            committing = false;
            if (actorSaid != null) {
                sessionActor = actorSaid;
            }
            if (wrote) {
                persistCommitted();
            }
            return result;
        } catch (NestedFailure e) {
            rollbackQuietly();
            throw e.getCause();
        } catch (SQLException | RuntimeException e) {
            rollbackQuietly();
            throw e;
        } finally {
            clearAuditContextQuietly();
            restoreAutoCommitQuietly();
        }
    }

    /**
     * Whether a failed transaction on the embedded file may simply run again: nothing of it committed
     * (it failed before its commit was sent), and the failure was the sharing program handing the file
     * over, a lock timeout or a deadlock. A server's lost connection is told to the user instead (its
     * workbench keeps the edits), as is anything after {@link #MAX_ATTEMPTS} tries or a minute.
     */
    private boolean mayRunAgain(SQLException e, int attempt, long startNanos) {
        return file != null && !committing && !closed && isTransientFileError(e) && attempt < MAX_ATTEMPTS
                && System.nanoTime() - startNanos < Duration.ofMinutes(1).toNanos();
    }

    /** A database error inside a joined (nested) transaction, carried out to the outermost one, which reports it. */
    private static final class NestedFailure extends RuntimeException {

        private static final long serialVersionUID = 1L;

        NestedFailure(SQLException cause) {
            super(cause);
        }

        @Override
        public synchronized SQLException getCause() {
            return (SQLException) super.getCause();
        }
    }

    /**
     * Tells the database, once per session and again when it changes, whom this Scalloy acts for: its triggers
     * write that name into the audit entries beside the database user (decision 0010).
     *
     * @return the name said, to be remembered once the transaction commits (a rolled-back setting is undone), or null
     */
    private String sayActor() throws SQLException {
        String a = actor;
        if (a.equals(sessionActor)) {
            return null;
        }
        AuditLog.setActor(connection, isPostgres(), a);
        return a;
    }

    /** Marks that this transaction gave the database a reason or quiet mode for its audit entries. */
    void auditContextSet() {
        auditContextSet = true;
    }

    private void clearAuditContextQuietly() {
        if (!auditContextSet) {
            return;
        }
        auditContextSet = false;
        if (isPostgres()) {
            return; // set for the transaction only
        }
        try {
            AuditLog.clearTransactionContext(connection);
        } catch (SQLException e) {
            // the connection is gone; a new one starts without them
        }
    }

    private void rollbackQuietly() {
        try {
            connection.rollback();
        } catch (SQLException e) {
            // a lost connection cannot roll back; the server discards the open transaction itself
        }
    }

    private void restoreAutoCommitQuietly() {
        try {
            connection.setAutoCommit(true);
        } catch (SQLException e) {
            // the connection is gone; the next use reconnects
        }
    }

    /**
     * Whether an error means the connection to the server is gone (the server restarted or the network
     * dropped): SQLSTATE class 08 (connection exception) or 57P (the server shut the session down), or a
     * connection that no longer answers.
     */
    private boolean isConnectionLost(SQLException e) {
        String state = e.getSQLState();
        if (state != null && (state.startsWith("08") || state.startsWith("57P"))) {
            return true;
        }
        try {
            return connection.isClosed() || !connection.isValid(2);
        } catch (SQLException notAnswering) {
            return true;
        }
    }

    private ConnectionLostException lostConnection(SQLException e) {
        lostConnections++;
        String reconnected;
        try {
            reconnect();
            reconnected = "the connection has been made again";
        } catch (SQLException again) {
            reconnected = "the server cannot be reached yet (" + firstLine(again) + "); Scalloy tries again at the next action";
        }
        if (file != null) {
            String sharing = "lost the connection to the program sharing the database file " + file + " (it closed or stopped: "
                    + firstLine(e) + ")";
            if (committing) {
                committing = false;
                return new ConnectionLostException(sharing + " while saving; that action may or may not have been saved; " + reconnected
                        + ". Reload to see whether it was saved before you try again.", e);
            }
            return new ConnectionLostException(sharing + "; that action was not saved, and nothing of it was written; " + reconnected
                    + ". Try again.", e);
        }
        if (committing) {
            // The server may have committed before the answer was lost: only a look at the data can tell.
            committing = false;
            return new ConnectionLostException("lost the connection to " + describe() + " (" + firstLine(e) + ") while saving;"
                    + " the server may or may not have saved that action; " + reconnected + ". Your edits are kept: reload to see"
                    + " whether it was saved before you try again.", e);
        }
        return new ConnectionLostException("lost the connection to " + describe() + " (" + firstLine(e)
                + "); that action was not saved, and nothing of it was written; " + reconnected + ". Your edits are kept: try again.", e);
    }

    /** Opens a new connection when the last one was lost (a failed reconnect is retried here, at the next action). */
    private void reconnectIfLost() throws SQLException {
        if (connection.isClosed() || brokenSinceLastUse) {
            reconnect();
        }
    }

    private void reconnect() throws SQLException {
        brokenSinceLastUse = true;
        try {
            connection.close();
        } catch (SQLException ignored) {
            // already gone
        }
        connection = newConnection(login);
        sessionActor = null;
        brokenSinceLastUse = false;
    }

    /** How many times this database found its connection lost (for tests and the status bar). */
    public int lostConnections() {
        return lostConnections;
    }

    /** Whether the current transaction changed anything (H2's TRANSACTION_ID() is NULL when it did not). */
    private boolean hasUncommittedChanges() throws SQLException {
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery("SELECT TRANSACTION_ID()")) {
            return rs.next() && rs.getObject(1) != null;
        }
    }

    /**
     * Makes a committed change durable before the caller hears of it. H2's MVStore, even with
     * WRITE_DELAY=0, only tries to write a commit to the file when its store lock is free; under load a
     * commit could stay in memory, and a process killed then lost it (the kill test caught 2-4 of ~100
     * reported commits on a busy machine). CHECKPOINT SYNC writes and syncs it to disk, which also
     * covers a power cut.
     */
    private void persist() throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute("CHECKPOINT SYNC");
        }
    }

    /**
     * {@link #persist} after a commit the database confirmed: if the connection is lost now (the program
     * sharing the file closed), the change is saved all the same (H2 writes what was committed when it
     * closes), so the action is not reported as failed; the next one reconnects.
     */
    private void persistCommitted() throws SQLException {
        try {
            persist();
        } catch (SQLException e) {
            if (!isConnectionLost(e)) {
                throw e;
            }
            brokenSinceLastUse = true;
        }
    }

    /**
     * Writes the whole database to one file (a zip with H2's data file), atomically: a temporary file
     * beside the target, then a move.
     *
     * @throws StoreException when this is not a file database or the file cannot be written
     */
    public void backup(Path target) {
        if (file == null) {
            throw new StoreException("only an embedded (file) database can be backed up here, not " + describe()
                    + "; a PostgreSQL server is backed up with its own tools (pg_dump), or copied with scalloy db migrate-to");
        }
        Backups.backup(this, target.toAbsolutePath());
    }

    /**
     * Replaces the database at {@code database} with the one in {@code backup}, atomically. The backup is
     * checked against its manifest (the data file's size and SHA-256, the schema version, every table's
     * rows and checksum), then opened and migrated, before it takes the place of the old one; a backup that
     * does not verify changes nothing.
     *
     * @throws StoreException when the database is open (here or in another program), or the backup is
     *                        not a Scalloy backup, is damaged, or has no manifest
     */
    public static void restore(Path backup, Path database, Clock clock) {
        restore(backup, database, clock, false);
    }

    /**
     * Replaces the database with a backup as {@link #restore(Path, Path, Clock)}; with {@code allowUnverified},
     * a backup without a manifest (made before backups carried one) is restored after the checks it allows
     * (a whole zip holding one database that opens).
     *
     * @throws StoreException as {@link #restore(Path, Path, Clock)}; {@link UnverifiedBackupException}
     *                        for a backup without a manifest unless {@code allowUnverified}
     */
    public static void restore(Path backup, Path database, Clock clock, boolean allowUnverified) {
        Backups.restore(backup.toAbsolutePath(), DatabaseLocation.normalize(database), clock, allowUnverified);
    }

    @Override
    public void close() {
        lock.lock();
        try {
            if (registered && !closed) {
                waitForWritesInFlightThroughThisProcess();
            }
            closed = true;
            connection.close();
        } catch (SQLException e) {
            throw new StoreException("database error on close: " + firstLine(e), e);
        } finally {
            if (registered) {
                registered = false;
                OPEN_FILES.computeIfPresent(file, (p, n) -> n > 1 ? n - 1 : null);
            }
            lock.unlock();
        }
    }

    /**
     * When this process serves the file to others (H2's automatic mixed mode: it opened it first), waits
     * for their writes in flight to finish before it lets go: a process that exits takes the server with
     * it, and a commit on its way would be lost in the middle, its outcome unknown to the writer. Bounded
     * by {@link #WRITES_IN_FLIGHT_PATIENCE}; idle connections are not waited for (they reconnect).
     */
    private void waitForWritesInFlightThroughThisProcess() {
        long deadline = System.nanoTime() + WRITES_IN_FLIGHT_PATIENCE.toNanos();
        try (Statement st = connection.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT CLIENT_ADDR FROM INFORMATION_SCHEMA.SESSIONS WHERE SESSION_ID = SESSION_ID()")) {
                if (!rs.next() || rs.getString(1) != null) {
                    return; // this process is itself a client of another's server
                }
            }
            while (System.nanoTime() < deadline) {
                try (ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS WHERE SESSION_ID <> SESSION_ID()"
                        + " AND CLIENT_ADDR IS NOT NULL AND (CONTAINS_UNCOMMITTED OR EXECUTING_STATEMENT IS NOT NULL)")) {
                    if (!rs.next() || rs.getLong(1) == 0) {
                        return;
                    }
                }
                Thread.sleep(20);
            }
        } catch (SQLException e) {
            // the connection is already gone: nothing to wait for
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void closeQuietly() {
        try {
            close();
        } catch (StoreException e) {
            // the open already failed with the error that matters
        }
    }

    /** Changes the embedded database's password (a restored backup takes the key of the database it replaces). */
    void setPassword(String password) {
        if (isPostgres()) {
            throw new IllegalStateException("only an embedded database's password is Scalloy's to set");
        }
        inTransaction(c -> {
            try (java.sql.PreparedStatement ps = c.prepareStatement("ALTER USER " + login.user().toUpperCase(java.util.Locale.ROOT)
                    + " SET PASSWORD ?")) {
                ps.setString(1, password);
                return ps.execute();
            }
        });
    }

    Connection connectionForBackup() {
        return connection;
    }

    /** The password this file database opens with (its key file's), which its backups carry. */
    String passwordForBackup() {
        return login.password();
    }

    ReentrantLock lock() {
        return lock;
    }
}
