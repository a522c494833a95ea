package ca.scalloy.cli;

import java.nio.file.Path;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import ca.scalloy.store.Database;
import ca.scalloy.store.StoreException;

/**
 * A command over the database: {@code --db-url URL} or {@code SCALLOY_DB_URL} for a shared server, else
 * {@code --db PATH} (else {@code SCALLOY_DB}, else {@code ~/.scalloy/scalloy}),
 * opened for the command and closed after it. A database that cannot be used is reported in one
 * line and exits 2.
 */
abstract class StoreCommand extends JsonCapableCommand {

    @Mixin
    DatabaseOptions databaseOptions = new DatabaseOptions();

    @Option(names = "--user", paramLabel = "NAME",
            description = "Who the audit trail names for changes (default: $SCALLOY_USER, else the OS user).")
    String user;

    /** The command's work on the open database; returns the exit status. */
    abstract int run(Database database);

    /** Where the embedded database is, from {@code --db}, the environment or the default. */
    Path databasePath() {
        return databaseOptions.databasePath();
    }

    /** Opens the database the options and environment name: a server by URL, else the embedded file. */
    Database openDatabase() {
        return databaseOptions.open();
    }

    @Override
    public Integer call() {
        try (Database opened = openDatabase()) {
            opened.setActor(user != null ? user : ScalloyCli.environment().get("SCALLOY_USER"));
            return run(opened);
        } catch (StoreException e) {
            err().println("scalloy: " + e.getMessage());
            return ScalloyCli.INVALID_INPUT;
        }
    }
}
