package ca.scalloy.cli;

import java.nio.file.Path;
import java.time.Clock;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import ca.scalloy.store.Database;
import ca.scalloy.store.StoreException;

/** {@code scalloy db backup FILE}, {@code scalloy db restore FILE}, and the commands of {@link DbUsersCommands}. */
@Command(name = "db", mixinStandardHelpOptions = true,
        description = "Back up or restore the whole database; see which database is used; manage the users of a shared one.",
        subcommands = {DbCommand.Backup.class, DbCommand.Restore.class, DbUsersCommands.Info.class, DbUsersCommands.Users.class,
            DbUsersCommands.UserAdd.class, DbUsersCommands.Grant.class, DbUsersCommands.Revoke.class})
final class DbCommand extends CommandGroup {

    @Command(name = "backup", mixinStandardHelpOptions = true,
            description = "Write the whole database to one file (a zip); works while the workbench has it open.")
    static final class Backup extends StoreCommand {

        @Parameters(index = "0", paramLabel = "FILE", description = "The backup file to write.")
        Path file;

        @Override
        int run(Database database) {
            database.backup(file);
            out().println("backed up " + database.file() + " to " + file.toAbsolutePath());
            return ScalloyCli.OK;
        }
    }

    @Command(name = "restore", mixinStandardHelpOptions = true,
            description = "Replace the database with a backup; refused while a workbench or command has it open.")
    static final class Restore extends StoreCommand {

        @Parameters(index = "0", paramLabel = "FILE", description = "The backup file to restore.")
        Path file;

        @Override
        public Integer call() {
            Path target = databasePath();
            try {
                Database.restore(file, target, Clock.systemUTC());
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
}
