package ca.scalloy.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import ca.scalloy.engine.Role;
import ca.scalloy.engine.heat.Heat;
import ca.scalloy.engine.heat.HeatStatus;
import ca.scalloy.engine.library.AuditEntry;

/**
 * A server database made by schema 4.1, whose roles were the cluster's {@code scalloy_*}, upgraded to this
 * Scalloy (issue 11): its users keep their roles, now this database's own; the cluster-wide roles lose every
 * right here; its audit entries stay as they were. PostgreSQL only.
 */
class RoleUpgradeTest {

    private final List<String> logins = new ArrayList<>();
    private DatabaseLogin owner;

    @BeforeEach
    void aSchemaOfVersion41() {
        assumeTrue(TestDatabases.postgres(), "roles are PostgreSQL's; this runs in the store-on-postgresql execution");
        owner = TestDatabases.freshLogin();
        Flyway.configure(getClass().getClassLoader()).dataSource(owner.url(), owner.user(), owner.password())
                .locations(Database.locations(owner.url())).target("4.1").cleanDisabled(true).load().migrate();
    }

    @AfterEach
    void dropLogins() {
        for (String u : logins) {
            TestDatabases.asServerOwner("DROP ROLE IF EXISTS \"" + u + "\"");
        }
    }

    @Test
    void aSchema41DatabaseKeepsItsUsersAndItsTrailAndTheClusterRolesLoseIt() throws Exception {
        String operator = login();
        String latecomer = login();
        sql(owner, "INSERT INTO seed_runs (seed_name, applied_at) VALUES ('library-1', now())",
                "INSERT INTO audit_log (logged_at, actor, entity, entity_id, change_kind, old_value, new_value, reason, db_user)"
                        + " VALUES ('2026-01-05T10:00:00Z', 'J. Roy', 'heat', 'H-2026-0001', 'move', 'PLANNED', 'CHARGED', 'loaded', 'jroy')");
        // A table a feature between 4.1 and 6 added, with its own grant to the cluster's operator role.
        sql(owner, "CREATE TABLE later_feature (id INTEGER)", "GRANT INSERT ON later_feature TO scalloy_operator");
        TestDatabases.asServerOwner("GRANT scalloy_operator TO \"" + operator + "\"");
        assertTrue(canUpdateHeats("scalloy_operator"), "schema 4.1: the cluster's operator role writes heats here");

        try (Database db = Database.connect(owner, new StepClock())) {
            assertEquals("8", db.schemaVersion());
            AuditEntry legacy = db.audit().all().get(0);
            assertEquals(List.of("J. Roy", "heat", "H-2026-0001", "move", "PLANNED", "CHARGED", "loaded", "jroy"),
                    List.of(legacy.actor(), legacy.entity(), legacy.entityId(), legacy.change(), legacy.oldValue(), legacy.newValue(),
                            legacy.reason(), legacy.dbUser()), "an entry written before version 6 reads as it was written");
            assertFalse(canUpdateHeats("scalloy_operator"), "the cluster-wide role has no right left in this database");
            assertTrue(db.users().list().stream().anyMatch(u -> u.name().equals(operator) && u.roles().equals(Set.of(Role.OPERATOR))),
                    "the operator of 4.1 is an operator of this database: " + db.users().list());
            assertTrue(canUpdateHeats(db.groupRole(Role.OPERATOR)));
            assertEquals(List.of(false, true), List.of(canInsertLater("scalloy_operator"), canInsertLater(db.groupRole(Role.OPERATOR))),
                    "a later table's writers move to this database's role");
            heatWork(db, operator);
        }
        TestDatabases.asServerOwner("GRANT scalloy_operator TO \"" + latecomer + "\"");
        StoreException late = assertThrows(StoreException.class,
                () -> Database.connect(new DatabaseLogin(owner.url(), latecomer, "secret-" + latecomer), new StepClock()));
        assertTrue(late.getMessage().contains("the database user " + latecomer + " holds no Scalloy role in this database"),
                "joining the cluster-wide role after the upgrade gives nothing here: " + late.getMessage());
    }

    /** The operator of 4.1, after the upgrade: moves a heat along its workflow but may not release it. */
    private void heatWork(Database db, String operator) {
        Heat heat = StoreFixtures.plannedHeat(db);
        try (Database op = Database.connect(new DatabaseLogin(owner.url(), operator, "secret-" + operator), new StepClock())) {
            assertEquals(Set.of(Role.OPERATOR), op.roles());
            op.heats().move(heat.number(), HeatStatus.CHARGED, "after the upgrade");
            StoreException release = assertThrows(StoreException.class, () -> op.inTransaction(c -> {
                try (Statement s = c.createStatement()) {
                    return s.executeUpdate("UPDATE heats SET status = 'RELEASED'");
                }
            }));
            assertTrue(release.getMessage().contains("cannot move from CHARGED to RELEASED"), release.getMessage());
        }
        List<AuditEntry> trail = db.audit().of(AuditLog.HEAT, heat.number());
        assertEquals(operator, trail.get(trail.size() - 1).dbUser());
    }

    private String login() {
        String name = "t_up_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        TestDatabases.asServerOwner("CREATE ROLE \"" + name + "\" LOGIN PASSWORD 'secret-" + name + "'");
        logins.add(name);
        return name;
    }

    private boolean canUpdateHeats(String role) throws SQLException {
        try (Connection c = DriverManager.getConnection(owner.url(), owner.user(), owner.password());
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT has_schema_privilege('" + role + "', current_schema(), 'USAGE')"
                     + " AND has_any_column_privilege('" + role + "', 'heats', 'UPDATE')")) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    private boolean canInsertLater(String role) throws SQLException {
        try (Connection c = DriverManager.getConnection(owner.url(), owner.user(), owner.password());
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT has_table_privilege('" + role + "', 'later_feature', 'INSERT')")) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    private static void sql(DatabaseLogin login, String... statements) throws SQLException {
        try (Connection c = DriverManager.getConnection(login.url(), login.user(), login.password()); Statement s = c.createStatement()) {
            for (String st : statements) {
                s.execute(st);
            }
        }
    }
}
