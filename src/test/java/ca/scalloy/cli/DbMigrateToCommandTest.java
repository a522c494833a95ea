package ca.scalloy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code scalloy db migrate-to} between embedded files, and the input it refuses; no server needed. */
class DbMigrateToCommandTest {

    @TempDir
    Path dir;

    private String db() {
        return dir.resolve("scalloy").toString();
    }

    @Test
    void migrateToAnotherEmbeddedFileGivesAWorkingCopy() throws Exception {
        assertEquals(0, CliRun.of("recipes", "import", "recipes/alsc2-oxide-route.json", "--db", db()).exit());
        Path copy = dir.resolve("copy/scalloy");
        CliRun run = CliRun.of("db", "migrate-to", "--db", db(), "--db-url", "jdbc:h2:file:" + copy, "--json");
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.json().get("verified").asBoolean());
        assertEquals(0, run.json().get("skipped").size());
        assertEquals(1, CliRun.of("recipes", "list", "--db", copy.toString(), "--json").json().size());
    }

    @Test
    void aSourceThatDoesNotExistIsRefusedRatherThanCreated() {
        CliRun run = CliRun.of("db", "migrate-to", "--db", dir.resolve("nothing").toString(), "--db-url", "jdbc:h2:file:" + dir.resolve("t"));
        assertEquals(2, run.exit());
        assertEquals("scalloy: no embedded database at " + dir.resolve("nothing") + " (no file nothing.mv.db); name the one to copy with"
                + " --db PATH, or a server with --from-url URL", run.err().strip());
    }

    @Test
    void aTargetThatIsNotEmptyIsRefusedInOneLine() {
        assertEquals(0, CliRun.of("recipes", "list", "--db", db()).exit());
        Path used = dir.resolve("used/scalloy");
        assertEquals(0, CliRun.of("recipes", "list", "--db", used.toString()).exit());
        CliRun run = CliRun.of("db", "migrate-to", "--db", db(), "--db-url", "jdbc:h2:file:" + used);
        assertEquals(2, run.exit());
        assertTrue(run.err().startsWith("scalloy: the target H2 jdbc:h2:file:" + used + " is not empty: material_prices has 22 rows,"
                + " materials has 22 rows, seed_runs has 1 row,"), run.err());
        assertEquals(1, run.err().strip().lines().count(), run.err());
    }

    @Test
    void badTargetsAndSourcesAreRefusedWithTheValueAndWhatIsAllowed() {
        assertEquals(0, CliRun.of("recipes", "list", "--db", db()).exit());
        CliRun missing = CliRun.of("db", "migrate-to", "--db", db());
        assertEquals(2, missing.exit());
        assertTrue(missing.err().startsWith("scalloy: Missing required option: '--db-url=URL'"), missing.err());

        CliRun notJdbc = CliRun.of("db", "migrate-to", "--db", db(), "--db-url", "postgres://plant-db/scalloy?password=secret");
        assertEquals(2, notJdbc.exit());
        assertEquals("scalloy: the database URL must start with jdbc:postgresql:// (a PostgreSQL server) or jdbc:h2: (an embedded"
                + " database), was postgres://plant-db/scalloy?password=***", notJdbc.err().strip());

        CliRun both = CliRun.of("db", "migrate-to", "--db", db(), "--from-url", "jdbc:postgresql://plant-db/scalloy", "--db-url",
                "jdbc:h2:file:" + dir.resolve("t"));
        assertEquals(2, both.exit());
        assertTrue(both.err().startsWith("scalloy: give the source either as --db"), both.err());

        CliRun unreachable = CliRun.of("db", "migrate-to", "--db", db(), "--db-url", "jdbc:postgresql://127.0.0.1:1/scalloy");
        assertEquals(2, unreachable.exit());
        assertTrue(unreachable.err().startsWith("scalloy: cannot reach the database server for PostgreSQL scalloy on 127.0.0.1:1"),
                unreachable.err());
        assertEquals(1, unreachable.err().strip().lines().count(), unreachable.err());
    }
}
