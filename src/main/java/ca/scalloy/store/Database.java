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
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;

import ca.scalloy.engine.Role;

/**
 * The embedded H2 database: opened (created and migrated on first use) by path or JDBC URL, with the
 * repositories over it. One connection per {@code Database}; operations are serialized on it, and
 * writes that belong together run in one transaction ({@link #inTransaction}).
 *
 * <p>A file database is opened with H2's {@code AUTO_SERVER=TRUE}: the first process serves the file
 * and every other process (a second workbench, a command) connects through it, so both work.
 */
public final class Database implements AutoCloseable {

    /** The H2 file URL options every process must use alike (H2 refuses a mix). */
    static final String FILE_OPTIONS = ";AUTO_SERVER=TRUE;WRITE_DELAY=0;REUSE_SPACE=FALSE";
    private static final int H2_DATABASE_IN_USE = 90020;
    private static final int H2_FILE_VERSION_ERROR = 90048;
    private static final int H2_FILE_CORRUPTED = 90030;
    /** Paths of file databases open in this process; a restore must not replace one. */
    private static final Set<Path> OPEN_FILES = ConcurrentHashMap.newKeySet();
    /**
     * Flyway logs through java.util.logging whatever else is on the class path; its INFO lines
     * ("Migrating schema …") would otherwise reach the command line's error stream. Held here because
     * java.util.logging keeps loggers only weakly, and a collected logger forgets its level.
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
    /** Set while the commit is on its way: a connection lost then leaves the outcome unknown. */
    private boolean committing;
    private volatile Set<Role> roles = EnumSet.allOf(Role.class);
    private volatile Map<Role, String> groupRoles = Map.of();
    private volatile String databaseUser = "";
    private volatile int lostConnections;
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
    public static Database open(Path path, Clock clock) {
        Path base = DatabaseLocation.normalize(path);
        try {
            Files.createDirectories(base.getParent());
        } catch (IOException e) {
            throw new StoreException("cannot create the folder " + base.getParent() + " for the database: " + e.getMessage(), e);
        }
        Database db = connect(DatabaseLogin.of("jdbc:h2:file:" + base + FILE_OPTIONS, null), base, clock);
        OPEN_FILES.add(base);
        return db;
    }

    /**
     * The login this OS user opens the (existing) file database at {@code path} with: its URL with the sharing
     * options, and the password from its owner-only key file. For tools that need JDBC beside Scalloy (benchmarks).
     *
     * @throws StoreException when the database has no key file (open it once with this Scalloy)
     */
    public static DatabaseLogin fileLogin(Path path) {
        Path base = DatabaseLocation.normalize(path);
        return new DatabaseLogin("jdbc:h2:file:" + base + FILE_OPTIONS, null, EmbeddedAccess.readKey(EmbeddedAccess.keyFile(base))
                .orElseThrow(() -> new StoreException("the database " + base + " has no key file; open it once with this Scalloy")));
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
        Path h2File = file != null ? file : EmbeddedAccess.fileOf(login.url()).orElse(null);
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
        if (h2File != null) {
            EmbeddedAccess.restrict(h2File); // the lock file H2 has just written holds the port's key
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

    private static Connection newConnection(DatabaseLogin login) throws SQLException {
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

    private static String firstLine(SQLException e) {
        String m = String.valueOf(e.getMessage());
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    private static void migrate(DatabaseLogin login, String name) {
        FLYWAY_LOG.setLevel(Level.WARNING);
        Flyway flyway = Flyway.configure(Database.class.getClassLoader())
                .dataSource(login.url(), login.user(), login.password())
                .locations(locations(login.url()))
                .cleanDisabled(true)
                .loggers(FLYWAY_LOG_CREATOR)
                .load();
        try {
            MigrationInfo[] newer = Arrays.stream(flyway.info().applied())
                    .filter(i -> i.getState() == MigrationState.FUTURE_SUCCESS || i.getState() == MigrationState.FUTURE_FAILED)
                    .toArray(MigrationInfo[]::new);
            if (newer.length > 0) {
                throw new StoreException("the database " + name + " was made by a newer Scalloy (schema version "
                        + newer[newer.length - 1].getVersion() + "; this Scalloy knows up to " + latestSchemaVersion(flyway)
                        + "); update Scalloy to open it");
            }
            flyway.migrate();
        } catch (FlywayException e) {
            StringBuilder chain = new StringBuilder();
            for (Throwable t = e; t != null; t = t.getCause()) {
                chain.append(t.getMessage()).append('\n');
            }
            String all = chain.toString();
            String hint = all.contains("permission denied for schema")
                    ? " (the database user " + login.user() + " holds no Scalloy role in this database: ask its administrator for one,"
                            + " e.g. scalloy db grant " + login.user() + " operator)"
                    : all.contains("permission denied") || all.contains("must be owner")
                    ? " (only the schema's owner may upgrade it: open it once as that user with this Scalloy)" : "";
            throw new StoreException("cannot bring the database " + name + " to this Scalloy's schema" + hint + ": " + e.getMessage(), e);
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
        return OPEN_FILES.contains(base);
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
        return inTransaction(c -> {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT \"version\" FROM \"flyway_schema_history\""
                    + " WHERE \"success\" AND \"version\" IS NOT NULL ORDER BY \"installed_rank\" DESC")) {
                return rs.next() ? rs.getString(1) : "0";
            }
        });
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
            if (closed) {
                throw new StoreException("the database " + describe() + " has been closed");
            }
            reconnectIfLost();
            connection.setAutoCommit(false);
            committing = false;
            String actorSaid = null;
            try {
                actorSaid = sayActor();
                T result = work.run(connection);
                boolean wrote = file != null && hasUncommittedChanges();
                committing = true;
                connection.commit();
                committing = false;
                if (actorSaid != null) {
                    sessionActor = actorSaid;
                }
                if (wrote) {
                    persist();
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
        } catch (SQLException e) {
            if (isConnectionLost(e)) {
                throw lostConnection(e);
            }
            throw Conflicts.translate(e).orElseGet(() -> new StoreException("database error: " + firstLine(e), e));
        } finally {
            lock.unlock();
        }
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
     * Replaces the database at {@code database} with the one in {@code backup}, atomically. The restored
     * database is checked (opened and migrated) before it takes the place of the old one.
     *
     * @throws StoreException when the database is open (here or in another program), or the backup is
     *                        not a Scalloy backup or is damaged
     */
    public static void restore(Path backup, Path database, Clock clock) {
        Backups.restore(backup.toAbsolutePath(), DatabaseLocation.normalize(database), clock);
    }

    @Override
    public void close() {
        lock.lock();
        try {
            closed = true;
            connection.close();
        } catch (SQLException e) {
            throw new StoreException("database error on close: " + firstLine(e), e);
        } finally {
            if (file != null) {
                OPEN_FILES.remove(file);
            }
            lock.unlock();
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

    ReentrantLock lock() {
        return lock;
    }
}
