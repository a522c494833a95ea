package ca.scalloy.cli;

import java.util.Map;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import ca.scalloy.io.LibraryJson;
import ca.scalloy.store.Database;
import ca.scalloy.store.StoreException;

/** {@code scalloy settings list|set KEY VALUE}: plant settings (company on documents, document language …). */
@Command(name = "settings", mixinStandardHelpOptions = true, description = "Plant settings kept in the database.",
        subcommands = {SettingsCommand.ListSettings.class, SettingsCommand.Set.class})
final class SettingsCommand extends CommandGroup {

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the settings.")
    static final class ListSettings extends StoreCommand {
        @Override
        int run(Database database) {
            Map<String, String> all = database.settings().all();
            if (json) {
                out().print(LibraryJson.settings(all));
            } else {
                all.forEach((k, v) -> out().println(k + " = " + v));
            }
            return ScalloyCli.OK;
        }
    }

    @Command(name = "set", mixinStandardHelpOptions = true,
            description = "Set a setting, e.g. company.name, company.address, documents.language (en|fr).")
    static final class Set extends StoreCommand {
        @Parameters(index = "0", paramLabel = "KEY")
        String key;

        @Parameters(index = "1", paramLabel = "VALUE")
        String value;

        @Option(names = "--reason", paramLabel = "TEXT", description = "Why (kept in the audit trail).")
        String reason = "";

        @Override
        int run(Database database) {
            try {
                database.settings().set(key, value, reason);
            } catch (StoreException e) {
                err().println("scalloy: " + e.getMessage());
                return ScalloyCli.INVALID_INPUT;
            }
            out().println(key + " = " + value);
            return ScalloyCli.OK;
        }
    }
}
