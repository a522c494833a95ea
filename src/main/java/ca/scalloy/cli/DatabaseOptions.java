package ca.scalloy.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

import picocli.CommandLine.Option;

import ca.scalloy.engine.Message;
import ca.scalloy.store.Database;
import ca.scalloy.store.DatabaseLocation;
import ca.scalloy.store.DatabaseLogin;
import ca.scalloy.store.StoreException;

/**
 * Which database a command uses: {@code --db-url URL} (else {@code SCALLOY_DB_URL}) for a shared server,
 * with {@code --db-user} (else {@code SCALLOY_DB_USER}) and the password from {@code SCALLOY_DB_PASSWORD}
 * only (an option would show it to every user of the machine in the process list); else the embedded file
 * at {@code --db PATH} (else {@code SCALLOY_DB}, else {@code ~/.scalloy/scalloy}).
 */
final class DatabaseOptions {

    @Option(names = "--db", paramLabel = "PATH",
            description = "The embedded database file (default: $SCALLOY_DB, else ~/.scalloy/scalloy); created on first use.")
    String db;

    @Option(names = "--db-url", paramLabel = "URL",
            description = "A shared database server instead, e.g. jdbc:postgresql://plant-db:5432/scalloy (default: $SCALLOY_DB_URL)."
                    + " The password comes from $SCALLOY_DB_PASSWORD.")
    String dbUrl;

    @Option(names = "--db-user", paramLabel = "NAME", description = "The database server's user (default: $SCALLOY_DB_USER, else the OS user).")
    String dbUser;

    /** The embedded database's path, from {@code --db}, the environment or the default. */
    Path databasePath() {
        return DatabaseLocation.resolve(db, ScalloyCli.environment(), null, Path.of(System.getProperty("user.home")));
    }

    /**
     * The database server to use, if any.
     *
     * @throws StoreException when both a file and a server are named on the command line
     */
    Optional<DatabaseLogin> serverLogin() {
        if (db != null && dbUrl != null) {
            throw new StoreException(Message.of("db.refusal.twoDatabases", "give either --db (an embedded database file) or --db-url (a"
                    + " database server), not both"));
        }
        if (db != null) {
            return Optional.empty();
        }
        return DatabaseLogin.resolve(dbUrl, dbUser, ScalloyCli.environment(), null, null, null);
    }

    /** Opens the database: a server by URL, else the embedded file. */
    Database open() {
        Optional<DatabaseLogin> login = serverLogin();
        return login.isPresent() ? Database.connect(login.get(), Clock.systemUTC()) : Database.open(databasePath(), Clock.systemUTC());
    }
}
