package ca.scalloy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ca.scalloy.store.DatabaseLogin;
import ca.scalloy.store.TestDatabases;

/**
 * {@code scalloy db migrate-to} end to end against the PostgreSQL test server: an embedded database to an
 * empty schema and back to a new embedded file. Skipped when the server cannot be reached (failed under CI).
 */
class DbMigrateToPostgresTest {

    private static final String OXIDE = "recipes/alsc2-oxide-route.json";

    @TempDir
    Path dir;

    private String db() {
        return dir.resolve("scalloy").toString();
    }

    /** The server's password where the commands read it: never in a URL on the command line (refused), always the environment. */
    private static java.util.Map<String, String> passwords(DatabaseLogin login) {
        return java.util.Map.of("SCALLOY_DB_PASSWORD", login.password(), "SCALLOY_FROM_DB_PASSWORD", login.password());
    }

    @Test
    void migrateToCopiesTheEmbeddedDatabaseToAServerAndBackWithTheSameChecksums() throws Exception {
        assertEquals(0, CliRun.of("recipes", "import", OXIDE, "--db", db()).exit());
        assertEquals(0, CliRun.of("lots", "add", "OX-1", "--material", "SC2O3-999", "--purity-pct", "99.0", "--db", db()).exit());
        DatabaseLogin server = TestDatabases.freshLogin();
        String url = server.url();
        java.util.Map<String, String> env = passwords(server);

        CliRun there = CliRun.withEnvironment(env, "db", "migrate-to", "--db", db(), "--db-url", url, "--db-user", server.user(), "--json");
        assertEquals(0, there.exit(), there.err());
        JsonNode report = there.json();
        assertEquals("H2 " + Path.of(db()).toAbsolutePath(), report.get("source").asText());
        assertEquals(server.describe(), report.get("target").asText());
        assertTrue(report.get("verified").asBoolean());
        assertEquals("audit_log_anchor (empty, only in the source)", report.get("skipped").get(0).asText());
        assertFalse(there.out().contains("password=" + server.password()), "the password is never printed");
        JsonNode recipes = null;
        for (JsonNode t : report.get("tables")) {
            assertTrue(t.get("sha256").asText().matches("[0-9a-f]{64}"), t.toString());
            if (t.get("table").asText().equals("recipes")) {
                recipes = t;
            }
        }
        assertEquals(1, recipes.get("rows").asLong());
        JsonNode onServer = CliRun.withEnvironment(env, "recipes", "list", "--db-url", url, "--db-user", server.user(), "--json").json();
        assertEquals(1, onServer.size(), "the copy is a working database for every command");

        Path back = dir.resolve("back/scalloy");
        CliRun home = CliRun.withEnvironment(java.util.Map.of("SCALLOY_FROM_DB_PASSWORD", server.password()), "db", "migrate-to", "--from-url", url, "--from-user", server.user(), "--db-url", "jdbc:h2:file:" + back, "--json");
        assertEquals(0, home.exit(), home.err());
        assertEquals(report.get("tables"), home.json().get("tables"), "every table with the same rows and checksum, there and back");
        assertEquals(1, CliRun.of("recipes", "list", "--db", back.toString(), "--json").json().size());

        CliRun again = CliRun.withEnvironment(env, "db", "migrate-to", "--db", db(), "--db-url", url, "--db-user", server.user());
        assertEquals(2, again.exit());
        assertTrue(again.err().startsWith("scalloy: the target " + server.describe() + " is not empty: "), again.err());
        assertEquals(1, again.err().strip().lines().count(), "one line, no stack trace");
    }

    @Test
    void theHumanReportListsEveryTableWithItsRowsAndChecksum() {
        assertEquals(0, CliRun.of("recipes", "import", OXIDE, "--db", db()).exit());
        DatabaseLogin server = TestDatabases.freshLogin();
        CliRun run = CliRun.withEnvironment(passwords(server), "db", "migrate-to", "--db", db(), "--db-url", server.url(),
                "--db-user", server.user());
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().startsWith("copied H2 " + Path.of(db()).toAbsolutePath() + " to " + server.describe() + "\n"), run.out());
        assertTrue(run.out().lines().anyMatch(l -> l.matches("recipes +1  [0-9a-f]{16}")), run.out());
        assertTrue(run.out().strip().endsWith("verified: every table has the same row count and SHA-256 on both sides"), run.out());
    }
}
