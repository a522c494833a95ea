package ca.scalloy.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import ca.scalloy.engine.charge.ChargeCalculator;
import ca.scalloy.engine.charge.ChargeLine;
import ca.scalloy.engine.charge.ChargeResult;
import ca.scalloy.engine.charge.Diagnosis;
import ca.scalloy.engine.charge.LimitCheck;
import ca.scalloy.engine.charge.Objective;
import ca.scalloy.engine.charge.Recipe;
import ca.scalloy.io.ChargeResultCsv;
import ca.scalloy.io.ChargeResultJson;
import ca.scalloy.io.CsvWriter;
import ca.scalloy.solver.OjalgoSolver;

/** {@code scalloy batch FILE [--mass KG] [--objective …] [--json]}: the charge for a recipe file. */
@Command(name = "batch", mixinStandardHelpOptions = true,
        description = "Compute the least-cost (or least-CO2, or on-aim) charge of a recipe file.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:solved", "2:invalid input (file, field and value named)", "3:target infeasible (diagnosis given)"})
final class BatchCommand extends JsonCapableCommand {

    @Parameters(index = "0", paramLabel = "FILE", description = "Recipe file (format scalloy-recipe, version 1).")
    Path file;

    @Option(names = "--mass", paramLabel = "KG", description = "Product mass in kg, heel included (overrides batchMassKg).")
    Double massKg;

    @Option(names = "--objective", paramLabel = "OBJECTIVE", description = "MIN_COST, MIN_CO2 or AIM (overrides the recipe's).")
    Objective objective;

    @Option(names = "--csv", paramLabel = "FILE", description = "Also write the result as CSV for spreadsheets (UTF-8 with BOM).")
    Path csvFile;

@picocli.CommandLine.Mixin
    Overwrite overwrite = new Overwrite();

    @Option(names = "--csv-separator", paramLabel = "SEP", description = "CSV separator: ',' or ';' (default: the system locale's).")
    Character csvSeparator;

    @Option(names = "--whole-pieces", description = "Charge whole pieces of materials that have a piece mass.")
    boolean wholePieces;

    @Override
    public Integer call() {
        PrintWriter out = out();
        PrintWriter err = err();
        if (!overwrite.allows(csvFile, "--csv", err)) {
            return ScalloyCli.INVALID_INPUT;
        }
        Optional<Recipe> read = RecipeInput.read(file, err);
        if (read.isEmpty()) {
            return ScalloyCli.INVALID_INPUT;
        }
        Recipe recipe = read.get();
        try {
            if (massKg != null) {
                if (!Double.isFinite(massKg) || massKg <= 0) {
                    err.println("scalloy: --mass must be a number of kg > 0, was " + massKg);
                    return ScalloyCli.INVALID_INPUT;
                }
                recipe = recipe.withBatchMassKg(massKg);
            }
            if (objective != null) {
                recipe = recipe.withObjective(objective);
            }
            if (wholePieces) {
                recipe = recipe.withWholePieces(true, recipe.batchMassTolerancePct());
            }
        } catch (IllegalArgumentException e) {
            err.println("scalloy: " + file + ": " + e.getMessage());
            return ScalloyCli.INVALID_INPUT;
        }
        ChargeResult result = new ChargeCalculator(new OjalgoSolver()).solve(recipe);
        if (csvFile != null) {
            try {
                Locale locale = Locale.getDefault();
                ChargeResultCsv.write(result, recipe.name(),
                        new CsvWriter(csvSeparator == null ? CsvWriter.separatorFor(locale) : csvSeparator, locale)).write(csvFile);
            } catch (IOException | IllegalArgumentException e) {
                err.println("scalloy: --csv " + csvFile + ": " + e.getMessage());
                return ScalloyCli.INVALID_INPUT;
            }
        }
        if (json) {
            out.println(ChargeResultJson.toJson(result, recipe.name(), recipe.grade()));
        } else {
            printTable(out, recipe, result);
        }
        return result.solved() ? ScalloyCli.OK : ScalloyCli.INFEASIBLE;
    }

    private static void printTable(PrintWriter out, Recipe recipe, ChargeResult r) {
        ResourceBundle b = ResourceBundle.getBundle("ca.scalloy.cli.messages");
        Locale loc = Locale.getDefault();
        out.println(recipe.name() + (recipe.grade().isEmpty() ? "" : "  [" + recipe.grade() + "]"));
        out.println(b.getString("objective") + ": " + r.objective() + "    " + b.getString("status") + ": " + r.status());
        out.println();
        if (!r.solved()) {
            out.println(b.getString("infeasible"));
            for (Diagnosis d : r.diagnosis()) {
                out.println("  - " + d.message());
            }
            printWarnings(out, b, r);
            return;
        }
        out.printf(loc, "%-14s %-32s %-13s %12s %8s %12s%n", b.getString("col.id"), b.getString("col.material"),
                b.getString("col.kind"), b.getString("col.massKg"), b.getString("col.pieces"), b.getString("col.cost"));
        for (ChargeLine l : r.charge()) {
            out.printf(loc, "%-14s %-32s %-13s %12.4f %8s %12.2f%n", l.materialId(), clip(l.name(), 32), l.kind(), l.massKg(),
                    l.pieces() == null ? "" : String.format(loc, "%.2f", l.pieces()), l.costTotal());
        }
        out.println();
        out.printf(loc, "%s: %.4f kg%n", b.getString("product"), r.productMassKg());
        StringBuilder comp = new StringBuilder();
        for (Map.Entry<String, Double> e : r.productCompositionPct().entrySet()) {
            comp.append(String.format(loc, "%s %.4f  ", e.getKey(), e.getValue()));
        }
        out.println("  wt%: " + comp.toString().strip());
        for (LimitCheck c : r.limits()) {
            out.printf(loc, "  %-3s %9.4f %%   %s %s   %s%n", c.element(), c.valuePct(),
                    c.minPct() == null ? "   -   " : String.format(loc, "%7.4f", c.minPct()),
                    c.maxPct() == null ? "   -   " : String.format(loc, "%7.4f", c.maxPct()),
                    c.within() ? b.getString("within") : b.getString("outside"));
        }
        out.printf(loc, "%s: %.4f kg    %s: %.4f kg%n", b.getString("slag"), r.slagKg(), b.getString("dross"), r.drossKg());
        out.printf(loc, "%s: %.4f kg = %.4f kg%n", b.getString("massBalance"), r.inKg(), r.outKg());
        out.printf(loc, "%s: %.2f  (%.4f / kg)%n", b.getString("cost"), r.costTotal(), r.costPerKgProduct());
        out.printf(loc, "CO2: %.2f kg  (%.4f kg / kg)%n", r.co2TotalKg(), r.co2PerKgProduct());
        if (r.scRecoveryPct() != null) {
            out.printf(loc, "%s: %.2f %%%n", b.getString("scRecovery"), r.scRecoveryPct());
        }
        printWarnings(out, b, r);
    }

    private static void printWarnings(PrintWriter out, ResourceBundle b, ChargeResult r) {
        if (r.warnings().isEmpty()) {
            return;
        }
        out.println();
        out.println(b.getString("warnings"));
        r.warnings().forEach(w -> out.println("  - " + w));
    }

    private static String clip(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n - 1) + "…";
    }
}
