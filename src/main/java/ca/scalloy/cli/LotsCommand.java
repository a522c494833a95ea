package ca.scalloy.cli;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import ca.scalloy.engine.heat.Lot;
import ca.scalloy.io.HeatJson;
import ca.scalloy.store.Database;
import ca.scalloy.store.StoreException;

/** {@code scalloy lots add|list}: lots of materials with their certificate assays. */
@Command(name = "lots", mixinStandardHelpOptions = true, description = "Lots of materials with their certificate assays.",
        subcommands = {LotsCommand.Add.class, LotsCommand.ListLots.class})
final class LotsCommand extends CommandGroup {

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Record a received lot and its certificate assay.")
    static final class Add extends StoreCommand {

        @Parameters(index = "0", paramLabel = "LOT", description = "The lot number.")
        String lotNumber;

        @Option(names = "--material", required = true, paramLabel = "ID", description = "The material it is a lot of.")
        String materialId;

        @Option(names = "--assay", paramLabel = "EL=WT%,...", description = "The certificate's wt%% (non-balance elements of a metal).")
        String assay;

        @Option(names = "--purity-pct", paramLabel = "PCT", description = "A compound's certified purity, wt%%.")
        Double purityPct;

        @Option(names = "--certificate", paramLabel = "REF", description = "The certificate's reference.")
        String certificate = "";

        @Option(names = "--reason", paramLabel = "R", description = "Kept in the audit trail.")
        String reason = "";

        @Override
        int run(Database database) {
            try {
                Lot lot = new Lot(lotNumber, materialId, assay == null ? java.util.Map.of() : CompositionText.parse(assay, "--assay"), purityPct,
                        certificate, Instant.now());
                database.lots().add(lot, reason);
            } catch (IllegalArgumentException | StoreException e) {
                err().println("scalloy: " + e.getMessage());
                return ScalloyCli.INVALID_INPUT;
            }
            out().println("lot " + lotNumber + " of " + materialId + " recorded");
            return ScalloyCli.OK;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "The lots of one material.")
    static final class ListLots extends StoreCommand {

        @Parameters(index = "0", paramLabel = "MATERIAL", description = "The material id.")
        String materialId;

        @Override
        int run(Database database) {
            List<Lot> lots = database.lots().of(materialId);
            if (json) {
                out().print(HeatJson.lots(lots));
                return ScalloyCli.OK;
            }
            for (Lot l : lots) {
                out().printf(Locale.ROOT, "%-16s %-14s %s%s %s %s%n", l.lotNumber(), l.materialId(), HeatJson.wtPct(l.assayWtPct()),
                        l.purityPct() == null ? "" : " purity " + l.purityPct() + " %", l.certificate(), l.receivedAt());
            }
            return ScalloyCli.OK;
        }
    }
}
