package ca.scalloy.cli;

import java.util.Locale;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import ca.scalloy.store.Database;

/** {@code scalloy heats cast NUMBER --kg KG [--pieces N] [--reason R]}: what was cast from a heat. */
@Command(name = "cast", mixinStandardHelpOptions = true, description = "Record the mass (and pieces) cast from a CAST heat.",
        exitCodeListHeading = "%nExit codes:%n", exitCodeList = {"0:recorded", "2:invalid input or a heat not yet cast"})
final class CastCommand extends HeatsCommand.HeatCommand {

    @Parameters(index = "0", paramLabel = "NUMBER", description = "The heat number.")
    String number;

    @Option(names = "--kg", required = true, paramLabel = "KG", description = "Mass cast, kg.")
    double castKg;

    @Option(names = "--pieces", paramLabel = "N", description = "Number of pieces cast.")
    Integer pieces;

    @Option(names = "--reason", paramLabel = "TEXT", description = "Why (kept in the audit trail).")
    String reason = "";

    @Override
    int work(Database database) {
        database.certificates().recordCast(number, castKg, pieces, reason);
        out().printf(Locale.ROOT, "heat %s: %.2f kg cast%s%n", number, castKg, pieces == null ? "" : " in " + pieces + " pieces");
        return ScalloyCli.OK;
    }
}
