package ca.scalloy.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import ca.scalloy.engine.spec.ElementLimit;
import ca.scalloy.engine.spec.Specification;
import ca.scalloy.io.LibraryJson;
import ca.scalloy.store.Database;

/** {@code scalloy specs list [--sector S] [--json]}. */
@Command(name = "specs", mixinStandardHelpOptions = true, description = "The specifications.",
        subcommands = SpecsCommand.ListSpecs.class)
final class SpecsCommand extends CommandGroup {

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List specifications with their limits, source and confidence.")
    static final class ListSpecs extends StoreCommand {

        @Option(names = "--sector", paramLabel = "SECTOR", description = "Only this sector (EV, AERO, SPACE, WIND, DEFENCE, MASTER_ALLOY or your own).")
        String sector;

        @Override
        int run(Database database) {
            List<Specification> specs = sector == null ? database.specifications().list()
                    : database.specifications().list(sector.toUpperCase(Locale.ROOT));
            PrintWriter out = out();
            if (json) {
                out.print(LibraryJson.specifications(specs));
                return ScalloyCli.OK;
            }
            for (Specification s : specs) {
                out.println(s.sector() + "  " + s.name() + (s.revision().isEmpty() ? "" : "  rev " + s.revision())
                        + "  [" + s.confidence() + "] " + s.source());
                StringBuilder limits = new StringBuilder("    ");
                for (ElementLimit l : s.limits()) {
                    limits.append(l.element()).append(' ').append(l.minPct() == null ? "" : l.minPct())
                            .append(l.minPct() != null && l.maxPct() != null ? "-" : l.maxPct() != null ? "≤" : "+")
                            .append(l.maxPct() == null ? "" : l.maxPct()).append("  ");
                }
                if (s.othersEachMaxPct() != null || s.othersTotalMaxPct() != null) {
                    limits.append("others ").append(s.othersEachMaxPct()).append(" / ").append(s.othersTotalMaxPct());
                }
                out.println(limits.toString().stripTrailing());
                s.properties().forEach(p -> out.println("    " + p.property() + " " + p.value() + " " + p.property().unit() + " (estimate)"));
            }
            return ScalloyCli.OK;
        }
    }
}
