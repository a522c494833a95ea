package ca.scalloy.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;

import ca.scalloy.engine.Message;
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
 *
 * <p>A thin facade: opening is {@link Opener}'s, the schema's versions {@link Migrations}', the connection
 * and its transactions {@link Transactions}', roles and the audit's actor {@link AccessControl}'s, what an
 * error means {@link SqlErrors}', backup and restore {@link Backups}'.
 */
public final class Database implements AutoCloseable {

    /** The H2 file URL options every process must use alike (see {@link Opener#FILE_OPTIONS}). */
    static final String FILE_OPTIONS = Opener.FILE_OPTIONS;

    /** How a file database is opened: shared with other processes, by this process alone, or only read. */
    enum FileAccess {
        SHARED, EXCLUSIVE, READ_ONLY
    }

    static {
        // Before any H2 class loads: its automatic mixed-mode port listens on this machine only (issue 11).
        EmbeddedAccess.restrictPort();
    }

    private final DatabaseLogin login;
    private final Path file;
    private final Clock clock;
    private final AccessControl access = new AccessControl();
    private final Transactions transactions;
    private final MaterialRepository materials;
    private final SpecificationRepository specifications;
    private final RecipeRepository recipes;
    private final AuditLog audit;
    private final LotRepository lots;
    private final HeatRepository heats;
    private final SettingsRepository settings;
    private final CertificateRepository certificates;
    private final UserRepository users;
    /** Whether this database counts among the files open here (a file opened shared by {@link #open}). */
    private boolean registered;

    Database(DatabaseLogin login, Path file, Connection connection, Clock clock) {
        this.login = login;
        this.file = file;
        this.clock = clock;
        this.transactions = new Transactions(login, file, connection, describe(), access::actor);
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

    /**
     * Opens the file database at {@code path} (see {@link DatabaseLocation}), creating its directory,
     * migrating it to this version's schema and seeding it on first creation.
     *
     * @throws StoreException when it is used by a program that did not share it, was made by a newer
     *                        Scalloy, or is not a Scalloy database
     */
    public static Database open(Path path, Clock clock) {
        return Opener.open(path, clock);
    }

    /** The login of the embedded database at {@code base} (see {@link Opener#fileLogin(Path, FileAccess)}). */
    static DatabaseLogin fileLogin(Path base, FileAccess access) {
        return Opener.fileLogin(base, access);
    }

    /**
     * The login this OS user opens the (existing) file database at {@code path} with: its URL with the sharing
     * options, and the password from its owner-only key file. For tools that need JDBC beside Scalloy (benchmarks).
     *
     * @throws StoreException when the database has no key file (open it once with this Scalloy)
     */
    public static DatabaseLogin fileLogin(Path path) {
        return Opener.fileLogin(path);
    }

    /** Opens a private in-memory database (for tests and previews), migrated and seeded. */
    public static Database inMemory(Clock clock) {
        return Opener.connect(DatabaseLogin.of("jdbc:h2:mem:scalloy-" + UUID.randomUUID(), null), null, clock, true);
    }

    /**
     * Opens the database at a JDBC URL, migrated and seeded.
     *
     * @throws StoreException as {@link #open}
     */
    public static Database openUrl(String url, Clock clock) {
        return Opener.connect(DatabaseLogin.of(url, null), null, clock, true);
    }

    /**
     * Connects to a database server (PostgreSQL) or an H2 URL with a user and password, migrating its
     * schema to this Scalloy's and seeding it on first use.
     *
     * @throws StoreException when the server cannot be reached, refuses the login, or holds a newer schema
     */
    public static Database connect(DatabaseLogin login, Clock clock) {
        return Opener.connect(login, null, clock, true);
    }

    /**
     * Connects as {@link #connect(DatabaseLogin, Clock)} but does not seed: the target of a
     * {@link DatabaseCopy}, which gets the source's rows (its seed run among them) instead.
     */
    static Database connectForCopy(DatabaseLogin login, Clock clock) {
        return Opener.connect(login, null, clock, false);
    }

    static Connection newConnection(DatabaseLogin login) throws SQLException {
        return Opener.newConnection(login);
    }

    /** The migrations for a database at {@code url} (see {@link Migrations#locations}). */
    static String[] locations(String url) {
        return Migrations.locations(url);
    }

    /** Counts this database among the files open here, so that a restore does not replace it (by {@link Opener#open}). */
    void registerOpen() {
        registered = true;
    }

    /** Reads who this connection is and which roles it holds (by the open, once migrated). */
    void loadRoles() {
        access.load(this);
    }

    /** Who the audit trail names for changes made through this database: the OS user unless {@link #setActor} named someone. */
    public String actor() {
        return access.actor();
    }

    /**
     * Names who makes the changes from now on (the name set in the app), or the OS user again for null or blank.
     *
     * @throws IllegalArgumentException for a name longer than 100 characters
     */
    public void setActor(String name) {
        access.setActor(name);
    }

    /**
     * The PostgreSQL group role of {@code role} in this database (each Scalloy database has its own four,
     * named after it: decision 0010).
     *
     * @throws StoreException when this database has none (embedded, or a server where they could not be made)
     */
    String groupRole(Role role) {
        return access.groupRole(role, this);
    }

    /** The roles this user holds (every role on the embedded database; an admin holds every role). */
    public Set<Role> roles() {
        return access.roles();
    }

    /** Whether this user may do what {@code role} allows. */
    public boolean may(Role role) {
        return access.may(role);
    }

    /** The schema version the database is at (its last applied migration, e.g. "4.1"). */
    public String schemaVersion() {
        return inTransaction(Migrations::schemaVersion);
    }

    /** The schema version of the database on {@code c} (its last applied migration; "0" for none). */
    static String schemaVersion(Connection c) throws SQLException {
        return Migrations.schemaVersion(c);
    }

    /** The database user this connection logged in as (H2: SA). */
    public String databaseUser() {
        return access.databaseUser();
    }

    /**
     * Refuses an action the user's roles do not allow, before anything is written.
     *
     * @param what   the action, as in "save recipes"
     * @param anyOf  the roles that allow it (admin always does)
     * @throws PermissionException naming the user, the action and the roles that allow it
     */
    void require(String what, Role... anyOf) {
        access.require(what, anyOf);
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
     * Runs {@code work} in one transaction: every write commits together or none does (see {@link Transactions}).
     *
     * @throws StoreException when the database refuses (the transaction is rolled back)
     */
    <T> T inTransaction(Work<T> work) {
        return transactions.inTransaction(work);
    }

    /** Marks that this transaction gave the database a reason or quiet mode for its audit entries. */
    void auditContextSet() {
        transactions.auditContextSet();
    }

    /** How many times this database found its connection lost (for tests and the status bar). */
    public int lostConnections() {
        return transactions.lostConnections();
    }

    /**
     * Writes the whole database to one file (a zip with H2's data file), atomically: a temporary file
     * beside the target, then a move.
     *
     * @throws StoreException when this is not a file database or the file cannot be written
     */
    public void backup(Path target) {
        if (file == null) {
            throw new StoreException(Message.of("store.backup.embeddedOnly", "only an embedded (file) database can be backed up here, not "
                    + describe() + "; a PostgreSQL server is backed up with its own tools (pg_dump), or copied with scalloy db migrate-to",
                    describe()));
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
        ReentrantLock lock = transactions.lock();
        lock.lock();
        try {
            transactions.close(registered);
        } catch (SQLException e) {
            throw new StoreException(Message.of("store.database.errorOnClose", "database error on close: " + SqlErrors.firstLine(e),
                    SqlErrors.firstLine(e)), e);
        } finally {
            if (registered) {
                registered = false;
                Opener.closed(file);
            }
            lock.unlock();
        }
    }

    void closeQuietly() {
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
        return transactions.connection();
    }

    /** The password this file database opens with (its key file's), which its backups carry. */
    String passwordForBackup() {
        return login.password();
    }

    ReentrantLock lock() {
        return transactions.lock();
    }
}
