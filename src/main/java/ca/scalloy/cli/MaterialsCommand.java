package ca.scalloy.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import ca.scalloy.engine.library.LibraryMaterial;
import ca.scalloy.io.LibraryJson;
import ca.scalloy.store.Database;

/** {@code scalloy materials list [--search TEXT] [--all] [--json]}. */
@Command(name = "materials", mixinStandardHelpOptions = true, description = "The materials library.",
        subcommands = MaterialsCommand.ListMaterials.class)
final class MaterialsCommand extends CommandGroup {

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the library's materials with price, CO2 and source.")
    static final class ListMaterials extends StoreCommand {

        @Option(names = "--search", paramLabel = "TEXT", description = "Only materials whose id or name contains TEXT.")
        String search;

        @Option(names = "--all", description = "Include retired materials.")
        boolean all;

        @Override
        int run(Database database) {
            List<LibraryMaterial> list = search == null ? database.materials().list(all) : database.materials().search(search);
            PrintWriter out = out();
            if (json) {
                out.print(LibraryJson.materials(list));
                return ScalloyCli.OK;
            }
            out.printf(Locale.ROOT, "%-16s %-44s %-12s %12s %8s  %-10s %s%n", "id", "name", "kind", "price/kg", "CO2/kg", "set", "tag");
            for (LibraryMaterial m : list) {
                out.printf(Locale.ROOT, "%-16s %-44s %-12s %12.2f %8.2f  %-10s %s%s%n", m.id(), m.material().name(),
                        m.material().kind(), m.material().pricePerKg(), m.material().co2KgPerKg(),
                        m.priceSetAt().toString().substring(0, 10), m.confidence(), m.retired() ? " (retired)" : "");
            }
            return ScalloyCli.OK;
        }
    }
}
