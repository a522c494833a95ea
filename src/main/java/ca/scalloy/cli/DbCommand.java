package ca.scalloy.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import ca.scalloy.engine.Message;
import ca.scalloy.io.DatabaseCopyJson;
import ca.scalloy.store.Database;
import ca.scalloy.store.DatabaseCopy;
import ca.scalloy.store.DatabaseLocation;
import ca.scalloy.store.DatabaseLogin;
import ca.scalloy.store.StoreException;

/** {@code scalloy db backup FILE}, {@code db restore FILE}, {@code db migrate-to --db-url URL}, and the commands of {@link DbUsersCommands}. */
@Command(name = "db", mixinStandardHelpOptions = true,
        description = "Back up, restore or move the whole database; see which database is used; manage the users of a shared one.",
        subcommands = {DbCommand.Backup.class, DbCommand.Restore.class, DbCommand.MigrateTo.class, DbUsersCommands.Info.class,
            DbUsersCommands.Users.class, DbUsersCommands.UserAdd.class, DbUsersCommands.Grant.class, DbUsersCommands.Revoke.class})
final class DbCommand extends CommandGroup {

    @Command(name = "backup", mixinStandardHelpOptions = true,
            description = "Write the whole database to one file (a zip); works while the workbench has it open.")
    static final class Backup extends StoreCommand {

        @Parameters(index = "0", paramLabel = "FILE", description = "The backup file to write.")
        Path file;

        @picocli.CommandLine.Mixin
        Overwrite overwrite = new Overwrite();

        @Override
        int run(Database database) {
            if (!overwrite.allows(file, "backup file", err())) {
                return ScalloyCli.INVALID_INPUT;
            }
            database.backup(file);
            out().println("backed up " + database.file() + " to " + file.toAbsolutePath());
            return ScalloyCli.OK;
        }
    }

    @Command(name = "restore", mixinStandardHelpOptions = true,
            description = {"Replace the database with a backup; refused while a workbench or command has it open. The backup is checked"
                + " against its manifest (the data file, its key, the schema version, every table's rows and checksum) first; one that"
                + " does not verify changes nothing. The restored database opens with the key already in place (or the backup's, where"
                + " there is none)."},
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:restored", "2:refused (the backup is damaged, does not match its manifest, its key is missing or altered,"
                + " has no manifest without --allow-unverified, or cannot be opened; the database is open); nothing changed"})
    static final class Restore extends StoreCommand {

        @Parameters(index = "0", paramLabel = "FILE", description = "The backup file to restore.")
        Path file;

        @Option(names = "--allow-unverified",
                description = "Restore a backup that has no manifest (made by a Scalloy from before backups carried one): its zip and"
                        + " that it opens are still checked, but not its rows.")
        boolean allowUnverified;

        @Override
        public Integer call() {
            Path target = databasePath();
            try {
                Database.restore(file, target, Clock.systemUTC(), allowUnverified);
            } catch (StoreException e) {
                err().println("scalloy: " + e.getMessage());
                return ScalloyCli.INVALID_INPUT;
            }
            out().println("restored " + target + " from " + file.toAbsolutePath());
            return ScalloyCli.OK;
        }

        @Override
        int run(Database database) {
            throw new IllegalStateException("restore works on the closed database, see call()");
        }
    }

    /**
     * Copies the whole database into an empty one, verified table by table. The source is the embedded
     * file ({@code --db}, else {@code SCALLOY_DB}, else the default) or a server ({@code --from-url});
     * the target is {@code --db-url}, as for every command, but here it is where the data goes. Server
     * URLs in the environment are not read for either side: a copy names both on its command line.
     */
    @Command(name = "migrate-to", mixinStandardHelpOptions = true,
            description = {"Copy the whole database into a new, empty one: the embedded file to a PostgreSQL server, or a server back"
                + " to an embedded file. Every table's row count and SHA-256 is compared on both sides; on any difference nothing is"
                + " written."},
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:copied and verified", "2:refused (target not empty or unreachable, schema differs, no source, a table did"
                + " not copy or verify); nothing written"})
    static final class MigrateTo extends JsonCapableCommand {

        /** The environment variable with the source server's password. */
        static final String FROM_PASSWORD_VARIABLE = "SCALLOY_FROM_DB_PASSWORD";
        /** The environment variable with the source server's user. */
        static final String FROM_USER_VARIABLE = "SCALLOY_FROM_DB_USER";

        @Option(names = "--db-url", required = true, paramLabel = "URL",
                description = "The target, empty: jdbc:postgresql://host:port/db (password from $SCALLOY_DB_PASSWORD), or"
                        + " jdbc:h2:file:/path/scalloy for an embedded file.")
        String targetUrl;

        @Option(names = "--db-user", paramLabel = "NAME", description = "The target server's user (default: $SCALLOY_DB_USER, else the OS user).")
        String targetUser;

        @Option(names = "--db", paramLabel = "PATH",
                description = "The source: the embedded database file (default: $SCALLOY_DB, else ~/.scalloy/scalloy).")
        String db;

        @Option(names = "--from-url", paramLabel = "URL",
                description = "The source is a database server instead (password from $SCALLOY_FROM_DB_PASSWORD).")
        String fromUrl;

        @Option(names = "--from-user", paramLabel = "NAME",
                description = "The source server's user (default: $SCALLOY_FROM_DB_USER, else the OS user).")
        String fromUser;

        @Override
        public Integer call() {
            Map<String, String> env = ScalloyCli.environment();
            DatabaseCopy.Result result;
            try {
                DatabaseLogin target = DatabaseLogin.resolve(targetUrl, targetUser, env, null, null, null).orElseThrow();
                try (Database source = openSource(env)) {
                    result = DatabaseCopy.copy(source, target);
                }
            } catch (StoreException e) {
                err().println("scalloy: " + e.getMessage());
                return ScalloyCli.INVALID_INPUT;
            }
            if (json) {
                out().print(DatabaseCopyJson.report(result.source(), result.target(), result.tables().stream()
                        .map(t -> new DatabaseCopyJson.Table(t.table(), t.rows(), t.sha256())).toList(), result.skipped(), true));
                return ScalloyCli.OK;
            }
            out().println("copied " + result.source() + " to " + result.target());
            out().printf(Locale.ROOT, "%-28s %9s  %s%n", "table", "rows", "sha256");
            for (DatabaseCopy.TableCopy t : result.tables()) {
                out().printf(Locale.ROOT, "%-28s %9d  %s%n", t.table(), t.rows(), t.sha256().substring(0, 16));
            }
            result.skipped().forEach(s -> out().println("skipped " + s));
            out().println("verified: every table has the same row count and SHA-256 on both sides");
            return ScalloyCli.OK;
        }

        private Database openSource(Map<String, String> env) {
            if (fromUrl != null && db != null) {
                throw new StoreException(Message.of("db.refusal.twoSources", "give the source either as --db (an embedded database file) or as"
                        + " --from-url (a database server), not both"));
            }
            if (fromUrl != null) {
                String user = fromUser != null ? fromUser : env.get(FROM_USER_VARIABLE);
                DatabaseLogin login = new DatabaseLogin(fromUrl, user, env.get(FROM_PASSWORD_VARIABLE));
                DatabaseLogin.refusePasswordIn(fromUrl, "--from-url", FROM_PASSWORD_VARIABLE);
                return Database.connect(login, Clock.systemUTC());
            }
            Path path = DatabaseLocation.resolve(db, env, null, Path.of(System.getProperty("user.home")));
            if (!Files.isRegularFile(DatabaseLocation.dataFile(path))) {
                // Opening it would make a new database with only the seed: surely not what is meant to be copied.
                String file = String.valueOf(DatabaseLocation.dataFile(path).getFileName());
                throw new StoreException(Message.of("db.refusal.noEmbedded", "no embedded database at " + path + " (no file " + file
                        + "); name the one to copy with --db PATH, or a server with --from-url URL", String.valueOf(path), file));
            }
            return Database.open(path, Clock.systemUTC());
        }
    }
}
