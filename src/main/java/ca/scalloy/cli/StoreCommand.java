package ca.scalloy.cli;

import java.nio.file.Path;
import java.time.Clock;

import picocli.CommandLine.Option;

import ca.scalloy.store.Database;
import ca.scalloy.store.DatabaseLocation;
import ca.scalloy.store.StoreException;

/**
 * A command over the database: {@code --db PATH} (else {@code SCALLOY_DB}, else {@code ~/.scalloy/scalloy}),
 * opened for the command and closed after it. A database that cannot be used is reported in one
 * line and exits 2.
 */
abstract class StoreCommand extends JsonCapableCommand {

    @Option(names = "--db", paramLabel = "PATH",
            description = "The database (default: $SCALLOY_DB, else ~/.scalloy/scalloy); created on first use.")
    String db;

    @Option(names = "--user", paramLabel = "NAME",
            description = "Who the audit trail names for changes (default: $SCALLOY_USER, else the OS user).")
    String user;

    /** The command's work on the open database; returns the exit status. */
    abstract int run(Database database);

    /** Where the database is, from {@code --db}, the environment or the default. */
    Path databasePath() {
        return DatabaseLocation.resolve(db, System.getenv(), null, Path.of(System.getProperty("user.home")));
    }

    @Override
    public Integer call() {
        try (Database database = Database.open(databasePath(), Clock.systemUTC())) {
            database.setActor(user != null ? user : System.getenv("SCALLOY_USER"));
            return run(database);
        } catch (StoreException e) {
            err().println("scalloy: " + e.getMessage());
            return ScalloyCli.INVALID_INPUT;
        }
    }
}
