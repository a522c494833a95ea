package ca.scalloy.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.Locale;
import java.util.UUID;

import org.junit.jupiter.api.Assumptions;

/**
 * The database a store test runs against: the embedded H2 (default) or a real PostgreSQL server when
 * the system property {@code scalloy.test.db} is {@code postgresql} (the second surefire execution,
 * issue 7). On PostgreSQL every {@link #fresh} database is a new schema in the test database, so tests
 * stay independent. The server is found through {@code SCALLOY_TEST_PG_URL}, {@code _USER} and
 * {@code _PASSWORD} (default: the local server {@code scripts/postgres-test-server.sh} prepares). When
 * it cannot be reached the tests are skipped with a message, except under {@code CI=true}, where that
 * is a failure.
 */
public final class TestDatabases {

    private static final String DEFAULT_URL = "jdbc:postgresql://localhost:5432/scalloy_test";
    private static volatile String unreachable;
    /** The schemas this JVM made, dropped when it ends so that repeated local runs leave no litter. */
    private static final java.util.Set<String> SCHEMAS = java.util.concurrent.ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(TestDatabases::dropSchemas, "drop test schemas"));
    }

    private TestDatabases() {
    }

    /** The password of the embedded database at {@code base}, from its owner-only key file (for tests that use JDBC beside it). */
    public static String h2Password(java.nio.file.Path base) {
        return EmbeddedAccess.readKey(EmbeddedAccess.keyFile(base)).orElseThrow();
    }

    /** Whether this run is against PostgreSQL. */
    public static boolean postgres() {
        return "postgresql".equalsIgnoreCase(System.getProperty("scalloy.test.db", "h2"));
    }

    /** A new, empty, migrated and seeded database of the kind under test. */
    public static Database fresh(Clock clock) {
        if (!postgres()) {
            return Database.inMemory(clock);
        }
        return Database.connect(freshLogin(), clock);
    }

    /**
     * A new database that several workstations open at once: each {@link Shared#open} is another
     * {@link Database} with its own connection (H2: a named in-memory database kept while the JVM runs;
     * PostgreSQL: a fresh schema).
     */
    public static Shared shared() {
        return new Shared(postgres() ? freshLogin()
                : DatabaseLogin.of("jdbc:h2:mem:shared-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", null));
    }

    /** One database for several workstations. */
    public record Shared(DatabaseLogin login) {

        /** Another workstation: its own {@code Database} and connection. */
        public Database open(Clock clock) {
            return Database.connect(login, clock);
        }
    }

    /** The login of a new, empty schema on the test server (PostgreSQL runs only; skips or fails as the class says). */
    public static DatabaseLogin freshLogin() {
        DatabaseLogin admin = serverLogin();
        String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
        try (Connection c = DriverManager.getConnection(admin.url(), admin.user(), admin.password());
             Statement st = c.createStatement()) {
            st.execute("CREATE SCHEMA " + schema);
            SCHEMAS.add(schema);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create a test schema on " + admin + ": " + e.getMessage(), e);
        }
        return new DatabaseLogin(withSchema(admin.url(), schema), admin.user(), admin.password());
    }

    /** The URL of {@code base} with its current schema set to {@code schema}. */
    public static String withSchema(String base, String schema) {
        return base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema.toLowerCase(Locale.ROOT);
    }

    /**
     * The test server's login (the test database, its owner). Skips the calling test when the server
     * cannot be reached outside CI; fails it under CI.
     */
    public static DatabaseLogin serverLogin() {
        DatabaseLogin login = new DatabaseLogin(env("SCALLOY_TEST_PG_URL", DEFAULT_URL), env("SCALLOY_TEST_PG_USER", "scalloy_test"),
                env("SCALLOY_TEST_PG_PASSWORD", "scalloy_test"));
        if (unreachable == null) {
            try (Connection c = DriverManager.getConnection(login.url(), login.user(), login.password())) {
                unreachable = c.isValid(5) ? "" : "PostgreSQL test server at " + login.safeUrl() + " did not answer";
            } catch (SQLException e) {
                unreachable = "PostgreSQL test server not reachable at " + login.safeUrl() + " as " + login.user() + " (" + e.getMessage()
                        + "); start it with scripts/postgres-test-server.sh";
            }
        }
        if (!unreachable.isEmpty()) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException(unreachable + " — under CI=true this is a failure");
            }
            Assumptions.abort(unreachable);
        }
        return login;
    }

    /** Runs SQL as the test server's owner (to create users, terminate sessions …). */
    public static void asServerOwner(String... statements) {
        DatabaseLogin admin = serverLogin();
        try (Connection c = DriverManager.getConnection(admin.url(), admin.user(), admin.password());
             Statement st = c.createStatement()) {
            for (String s : statements) {
                st.execute(s);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("test server refused: " + e.getMessage(), e);
        }
    }

    private static void dropSchemas() {
        if (SCHEMAS.isEmpty() || unreachable == null || !unreachable.isEmpty()) {
            return;
        }
        DatabaseLogin admin = new DatabaseLogin(env("SCALLOY_TEST_PG_URL", DEFAULT_URL), env("SCALLOY_TEST_PG_USER", "scalloy_test"),
                env("SCALLOY_TEST_PG_PASSWORD", "scalloy_test"));
        try (Connection c = DriverManager.getConnection(admin.url(), admin.user(), admin.password()); Statement st = c.createStatement()) {
            st.execute("SET lock_timeout = '2s'"); // a schema still in use by a leaked connection is left, not waited for
            for (String s : SCHEMAS) {
                try {
                    dropSchemaAndRoles(st, s);
                } catch (SQLException inUse) {
                    // left for postgres-test-server.sh, which recreates the test database
                }
            }
        } catch (SQLException e) {
            // a server gone at the end of the run keeps its schemas; postgres-test-server.sh starts afresh
        }
    }

    /**
     * Drops a schema and the group roles its Scalloy database made for itself (decision 0010: each has its own,
     * and they would outlive it on the server).
     */
    public static void dropSchemaAndRoles(Statement st, String schema) throws SQLException {
        java.util.List<String> roles = schemaRoles(st, schema);
        st.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        for (String r : roles) {
            st.execute("DROP ROLE IF EXISTS \"" + r.replace("\"", "\"\"") + "\"");
        }
    }

    /** The group roles the schema's database made for itself (none before its version 6 migration ran). */
    private static java.util.List<String> schemaRoles(Statement st, String schema) throws SQLException {
        java.util.List<String> out = new java.util.ArrayList<>();
        try (java.sql.ResultSet rs = st.executeQuery("SELECT to_regclass('" + schema + ".db_roles') IS NOT NULL")) {
            rs.next();
            if (!rs.getBoolean(1)) {
                return out;
            }
        }
        try (java.sql.ResultSet rs = st.executeQuery("SELECT role_name FROM " + schema + ".db_roles")) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
