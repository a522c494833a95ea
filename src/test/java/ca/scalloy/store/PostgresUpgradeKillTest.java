package ca.scalloy.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * On PostgreSQL, Flyway runs each migration in one transaction with its row in the schema history, and
 * the seed is one transaction with its {@code seed_runs} row: a client killed in the middle of either
 * (SIGKILL, as a power cut to the workstation) leaves the server to roll that transaction back. The
 * schema is then exactly at the version before, with none of the interrupted migration's tables and no
 * failed history row, and the next open carries on. A child JVM ({@link OpeningProcess}) connects and
 * is killed where it stops at a named moment inside a migration or the seed.
 */
class PostgresUpgradeKillTest {

    private DatabaseLogin login;

    @BeforeEach
    void server() {
        assumeTrue(TestDatabases.postgres(), "a server's transactions; this runs in the store-on-postgresql execution");
        login = TestDatabases.freshLogin();
    }

    /* V2's sixth statement: settings, heat_numbering, lots, heats and heat_lines were made in its transaction. */
    @Test
    void aKillInsideAMigrationOfAFirstOpenLeavesTheVersionBeforeWithNoneOfItsTables() throws Exception {
        killAt("migrate:statement:2:6");
        assertEquals("1", version());
        assertEquals(0, failedMigrations());
        assertTrue(!tableExists("heats") && !tableExists("settings"), "V2's tables rolled back with it");
        assertOpensSeeded();
    }

    /* The seed's materials are inserted, its specifications and seed_runs row not yet. */
    @Test
    void aKillInsideTheSeedLeavesNoSeedRowAndTheNextOpenSeedsOnce() throws Exception {
        killAt("seed:materials");
        assertEquals(latestVersion(), version());
        assertEquals(0, count("materials"), "the seed's materials rolled back with it");
        assertEquals(0, count("seed_runs"));
        assertOpensSeeded();
    }

    /* A schema at version 3 with rows in it (made by Flyway up to 3, rows by SQL), upgraded and killed inside V4. */
    @Test
    void aKillInsideAnUpgradeLeavesTheOldVersionWithItsRowsAndTheNextOpenFinishesIt() throws Exception {
        Flyway.configure().dataSource(login.url(), login.user(), login.password()).locations(Database.locations(login.url()))
                .target("3").load().migrate();
        sql("INSERT INTO lots (lot_number, material_id, assay_wt_pct, purity_pct, certificate, received_at) VALUES"
                        + " ('OX-2026-001', 'SC2O3-999', '{}', 99.5, 'CoA 1', TIMESTAMP WITH TIME ZONE '2026-01-02 00:00:00+00')",
                "INSERT INTO settings (setting_key, setting_value) VALUES ('company.name', 'Scandium Québec inc.')",
                "INSERT INTO audit_log (logged_at, actor, entity, entity_id, change_kind, old_value, new_value, reason) VALUES"
                        + " (TIMESTAMP WITH TIME ZONE '2026-01-05 09:09:00+00', 'm.tremblay', 'lot', 'OX-2026-001', 'create', NULL,"
                        + " 'material SC2O3-999', 'received')");
        killAt("migrate:statement:4:5");
        assertEquals("3", version());
        assertEquals(0, failedMigrations());
        assertTrue(!columnExists("materials", "row_version"), "V4's first statement rolled back with it");
        try (Database db = Database.connect(login, new StepClock())) {
            assertEquals(latestVersion(), db.schemaVersion());
            assertEquals(99.5, db.lots().find("OX-2026-001").orElseThrow().purityPct());
            assertEquals("Scandium Québec inc.", db.settings().get(SettingsRepository.COMPANY_NAME, ""));
            assertEquals(List.of("m.tremblay"), db.audit().all().stream().map(e -> e.actor()).toList());
        }
    }

    /* Two workstations open a new schema at the same moment: Flyway's lock takes the migrations in turn, and the seed is applied once. */
    @Test
    void twoWorkstationsOpeningANewSchemaAtOnceBothOpenItSeededOnce() throws Exception {
        CyclicBarrier together = new CyclicBarrier(2);
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        List<Thread> workstations = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Thread t = new Thread(() -> {
                try {
                    together.await();
                    Database.connect(login, new StepClock()).close();
                } catch (Throwable e) {
                    failures.add(e);
                }
            });
            t.start();
            workstations.add(t);
        }
        for (Thread t : workstations) {
            t.join(120_000);
        }
        assertEquals(List.of(), failures);
        assertOpensSeeded();
    }

    private void assertOpensSeeded() {
        try (Database db = Database.connect(login, new StepClock())) {
            assertEquals(latestVersion(), db.schemaVersion());
            assertEquals(22, db.materials().list(true).size(), "the seed's materials, once");
            assertEquals(17, db.specifications().list().size(), "the seed's specifications, once");
        }
        assertEquals(1, count("seed_runs"));
    }

    private void killAt(String moment) throws IOException, InterruptedException {
        ProcessBuilder child = OpeningProcess.child(login.url(), moment, "hooked", login.user());
        child.environment().put(DatabaseLogin.PASSWORD_VARIABLE, login.password());
        OpeningProcess.killAt(child, moment);
    }

    /** The last version of this Scalloy's PostgreSQL migrations (what a finished open leaves). */
    private String latestVersion() {
        MigrationInfo[] all = Flyway.configure().dataSource(login.url(), login.user(), login.password())
                .locations(Database.locations(login.url())).load().info().all();
        return all[all.length - 1].getVersion().toString();
    }

    private String version() throws SQLException {
        return query("SELECT version FROM flyway_schema_history WHERE success AND version IS NOT NULL ORDER BY installed_rank DESC LIMIT 1");
    }

    private long failedMigrations() throws SQLException {
        return Long.parseLong(query("SELECT COUNT(*) FROM flyway_schema_history WHERE NOT success"));
    }

    private long count(String table) {
        try {
            return Long.parseLong(query("SELECT COUNT(*) FROM " + table));
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    private boolean tableExists(String table) throws SQLException {
        return Boolean.parseBoolean(query("SELECT EXISTS (SELECT 1 FROM information_schema.tables WHERE table_schema = current_schema()"
                + " AND table_name = '" + table + "')"));
    }

    private boolean columnExists(String table, String column) throws SQLException {
        return Boolean.parseBoolean(query("SELECT EXISTS (SELECT 1 FROM information_schema.columns WHERE table_schema = current_schema()"
                + " AND table_name = '" + table + "' AND column_name = '" + column + "')"));
    }

    /** The first column of the first row, as text ("true"/"false" for booleans). */
    private String query(String sql) throws SQLException {
        try (Connection c = Database.newConnection(login); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1).equals("t") ? "true" : rs.getString(1).equals("f") ? "false" : rs.getString(1);
        }
    }

    private void sql(String... statements) throws SQLException {
        try (Connection c = Database.newConnection(login); Statement st = c.createStatement()) {
            for (String s : statements) {
                st.execute(s);
            }
        }
    }
}
