package ca.scalloy.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import ca.scalloy.engine.Role;
import ca.scalloy.engine.charge.ChargeCalculator;
import ca.scalloy.engine.charge.Recipe;
import ca.scalloy.engine.heat.Heat;
import ca.scalloy.engine.heat.HeatStatus;
import ca.scalloy.engine.library.AuditEntry;
import ca.scalloy.engine.spec.ElementLimit;
import ca.scalloy.engine.spec.Specification;
import ca.scalloy.solver.OjalgoSolver;

/**
 * Users and roles on a shared PostgreSQL database (issue 7): Scalloy refuses what a role does not
 * allow before writing, the database's grants refuse it too when Scalloy is bypassed, and the audit
 * trail names the database user. PostgreSQL only: the embedded database has one user with every role.
 */
class RolesTest {

    private static final String RECIPE = StoreFixtures.SC_METAL_RECIPE;
    private static final String SPEC = StoreFixtures.SPEC;

    private final List<String> created = new ArrayList<>();
    private DatabaseLogin adminLogin;
    private Database admin;

    @BeforeEach
    void server() {
        assumeTrue(TestDatabases.postgres(), "roles are PostgreSQL's; this runs in the store-on-postgresql execution");
        adminLogin = TestDatabases.freshLogin();
        admin = Database.connect(adminLogin, new StepClock());
    }

    @AfterEach
    void dropUsers() {
        if (admin != null) {
            admin.close();
        }
        for (String u : created) {
            TestDatabases.asServerOwner("DROP ROLE IF EXISTS \"" + u + "\"");
        }
    }

    private Database as(Role... roles) {
        String name = "t_" + roles[0].word() + "_" + UUID.randomUUID().toString().substring(0, 8);
        admin.users().create(name, "secret-" + name, Set.of(roles));
        created.add(name);
        return Database.connect(new DatabaseLogin(adminLogin.url(), name, "secret-" + name), new StepClock());
    }

    @Test
    void theUserWhoInstalledTheSchemaIsAnAdminAndSeesTheUsersTheyCreate() {
        assertTrue(admin.may(Role.ADMIN), "installer: " + admin.roles());
        try (Database op = as(Role.OPERATOR)) {
            assertEquals(Set.of(Role.OPERATOR), op.roles());
            assertTrue(admin.users().list().stream().anyMatch(u -> u.name().equals(op.databaseUser()) && u.roles().equals(Set.of(Role.OPERATOR))));
            assertEquals("roles operator", admin.audit().of("user", op.databaseUser()).get(0).newValue(), "audited, without the password");
        }
    }

    @Test
    void anOperatorRunsHeatsButCannotSaveRecipesInScalloyNorInTheDatabase() {
        Heat heat = plannedHeat();
        try (Database op = as(Role.OPERATOR)) {
            op.setActor("J. Roy");
            op.heats().move(heat.number(), HeatStatus.CHARGED, "charged", null);
            op.heats().weigh(heat.number(), 1, 100.0, null, "scale 2");

            PermissionException refused = assertThrows(PermissionException.class,
                    () -> op.recipes().save(StoreFixtures.recipe("alsc2-from-sc-metal.json").withBatchMassKg(800.0), "mine"));
            assertEquals(op.databaseUser() + " (the role operator) may not save recipes: that needs the metallurgist role; ask an"
                    + " administrator", refused.getMessage());

            StoreException byTheDatabase = assertThrows(StoreException.class, () -> op.inTransaction(c -> {
                try (Statement s = c.createStatement()) {
                    return s.executeUpdate("UPDATE recipes SET current_version = 99");
                }
            }));
            assertTrue(byTheDatabase instanceof PermissionException && byTheDatabase.getMessage().contains("permission denied"),
                    byTheDatabase.getMessage());
            assertThrows(PermissionException.class, () -> op.heats().move(heat.number(), HeatStatus.RELEASED, "", null),
                    "release is quality's");

            List<AuditEntry> entries = admin.audit().of(AuditLog.HEAT, heat.number());
            AuditEntry weigh = entries.get(entries.size() - 1);
            assertEquals("weigh line 1", weigh.change());
            assertEquals("J. Roy", weigh.actor());
            assertEquals(op.databaseUser(), weigh.dbUser(), "the database user is recorded beside the name");
        }
    }

    @Test
    void qualityIssuesCertificatesAndReleasesButCannotWeighOrChangeTheAuditLog() {
        Heat heat = plannedHeat();
        try (Database quality = as(Role.QUALITY)) {
            assertThrows(PermissionException.class, () -> quality.heats().weigh(heat.number(), 1, 100.0, null, ""));
            assertThrows(PermissionException.class, () -> quality.settings().set("company.name", "X", ""));
            StoreException audit = assertThrows(StoreException.class, () -> quality.inTransaction(c -> {
                try (Statement s = c.createStatement()) {
                    return s.executeUpdate("DELETE FROM audit_log");
                }
            }));
            assertTrue(audit.getMessage().contains("permission denied") || audit.getMessage().contains("append-only"), audit.getMessage());
            quality.heats().move(heat.number(), HeatStatus.REJECTED, "off grade", null);
            assertEquals(HeatStatus.REJECTED, admin.heats().find(heat.number()).orElseThrow().heat().status());
        }
    }

    @Test
    void aMetallurgistSavesRecipesMaterialsAndSpecificationsButCannotPlanHeatsOrManageUsers() {
        try (Database met = as(Role.METALLURGIST)) {
            met.recipes().save(StoreFixtures.recipe("alsc2-from-sc-metal.json"), "first", 0);
            met.materials().setPrice("SC2O3-999", 1700, 50, "quote");
            met.specifications().create(new Specification(SPEC, "CUSTOMER_X", "B", List.of(new ElementLimit("Sc", 1.9, 2.1)), null, null,
                    List.of(), "drawing", "src"));
            Recipe recipe = met.recipes().latest(RECIPE).orElseThrow().recipe();
            assertThrows(PermissionException.class, () -> met.heats().create(RECIPE, 1, SPEC, "F2", "",
                    new ChargeCalculator(new OjalgoSolver()).solve(recipe), Map.of()));
            PermissionException users = assertThrows(PermissionException.class, () -> met.users().create("t_someone", "password1", Set.of(Role.ADMIN)));
            assertTrue(users.getMessage().contains("may not create users"), users.getMessage());
        }
    }

    private Heat plannedHeat() {
        return StoreFixtures.plannedHeat(admin);
    }
}
