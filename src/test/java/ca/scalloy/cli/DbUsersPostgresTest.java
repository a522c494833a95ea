package ca.scalloy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import ca.scalloy.store.DatabaseLogin;
import ca.scalloy.store.TestDatabases;

/**
 * The database commands against a PostgreSQL server (issue 7): {@code --db-url}, {@code db info},
 * {@code db users}, {@code db grant}/{@code revoke}, {@code heats … --expect-revision}; the password never
 * appears in the output.
 */
class DbUsersPostgresTest {

    @TempDir
    Path dir;

    private String url;
    private String user;
    private String password;
    private String member;

    @BeforeEach
    void server() {
        assumeTrue(TestDatabases.postgres(), "runs in the store-on-postgresql execution");
        DatabaseLogin login = TestDatabases.freshLogin();
        password = login.password();
        url = login.url();
        user = login.user();
    }

    @AfterEach
    void dropMember() {
        if (member != null) {
            TestDatabases.asServerOwner("DROP ROLE IF EXISTS \"" + member + "\"");
        }
    }

    private CliRun run(String... args) {
        String[] all = new String[args.length + 4];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--db-url";
        all[args.length + 1] = url;
        all[args.length + 2] = "--db-user";
        all[args.length + 3] = user;
        return CliRun.withEnvironment(java.util.Map.of("SCALLOY_DB_PASSWORD", password), all);
    }

    @Test
    void dbInfoNamesTheServerTheUserAndTheirRolesAndNeverThePassword() throws Exception {
        CliRun info = run("db", "info", "--json");
        assertEquals(0, info.exit(), info.err());
        JsonNode n = info.json();
        assertEquals("postgresql", n.path("kind").asText());
        assertEquals(user, n.path("user").asText());
        assertTrue(n.path("database").asText().startsWith("PostgreSQL scalloy_test on localhost:5432 as " + user), n.toString());
        assertEquals("admin", n.path("roles").get(n.path("roles").size() - 1).asText(), "the installer is an admin: " + n);
        assertFalse(info.out().contains("password=" + password), "the password is never printed: " + info.out());
    }

    @Test
    void anAdminGivesAndTakesRolesAndTheUsersListShowsThem() throws Exception {
        member = "t_cli_" + UUID.randomUUID().toString().substring(0, 8);
        TestDatabases.asServerOwner("CREATE ROLE \"" + member + "\" LOGIN PASSWORD 'not-used-here'");
        assertEquals(0, run("db", "grant", member, "operator").exit());
        assertEquals(0, run("db", "grant", member, "QUALITY").exit());
        CliRun users = run("db", "users", "--json");
        assertEquals(0, users.exit(), users.err());
        JsonNode mine = null;
        for (JsonNode u : users.json()) {
            if (u.path("user").asText().equals(member)) {
                mine = u;
            }
        }
        assertTrue(mine != null, users.out());
        assertEquals("[\"operator\",\"quality\"]", mine.path("roles").toString());
        assertEquals(0, run("db", "revoke", member, "quality").exit());

        CliRun bad = run("db", "grant", member, "furnace-boss");
        assertEquals(2, bad.exit());
        assertEquals("scalloy: role must be one of metallurgist, operator, quality, admin; was \"furnace-boss\"", bad.err().strip());
    }

    @Test
    void bothAFileAndAServerOnTheCommandLineIsRefused() {
        CliRun both = CliRun.of("db", "info", "--db", dir.resolve("x").toString(), "--db-url", url);
        assertEquals(2, both.exit());
        assertEquals("scalloy: give either --db (an embedded database file) or --db-url (a database server), not both", both.err().strip());
    }

    @Test
    void aWeighingFromAnOlderRevisionIsRefusedWithWhoChangedTheHeat() throws Exception {
        assertEquals(0, run("recipes", "import", "recipes/alsc2-from-sc-metal.json").exit());
        CliRun created = run("heats", "create", "--recipe", "AlSc2 master alloy from scandium metal", "--spec", "AlSc2",
                "--json");
        assertEquals(0, created.exit(), created.err() + created.out());
        String number = created.json().path("number").asText();
        CliRun shown = run("heats", "show", number, "--json");
        int revision = shown.json().path("revision").asInt();
        assertEquals(1, revision, shown.out());
        assertEquals(0, run("heats", "move", number, "CHARGED", "--expect-revision", "1", "--user", "A. Gagnon").exit());
        CliRun stale = run("heats", "move", number, "REJECTED", "--expect-revision", "1", "--user", "B. Roy");
        assertEquals(2, stale.exit());
        assertTrue(stale.err().startsWith("scalloy: heat " + number + " was changed by A. Gagnon at "), stale.err());

        // Both operators saw revision 2; A weighs line 1 first, B's weighing of the same line is refused.
        String line1Kg = created.json().path("lines").get(0).path("plannedKg").asText();
        String line2Kg = created.json().path("lines").get(1).path("plannedKg").asText();
        assertEquals(0, run("heats", "weigh", number, "1", line1Kg, "--expect-revision", "2", "--user", "A. Gagnon").exit());
        CliRun late = run("heats", "weigh", number, "1", line1Kg, "--expect-revision", "2", "--user", "B. Roy");
        assertEquals(2, late.exit());
        assertTrue(late.err().startsWith("scalloy: line 1 of heat " + number + " was changed by A. Gagnon at "), late.err());
        assertEquals(0, run("heats", "weigh", number, "2", line2Kg, "--expect-revision", "2", "--user", "B. Roy").exit(),
                "another line is not refused");
    }
}
