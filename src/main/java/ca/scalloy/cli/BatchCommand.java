package ca.scalloy.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import ca.scalloy.engine.charge.ChargeAnalysis;
import ca.scalloy.engine.charge.ChargeCalculator;
import ca.scalloy.engine.charge.ChargeLine;
import ca.scalloy.engine.charge.ChargeResult;
import ca.scalloy.engine.charge.Diagnosis;
import ca.scalloy.engine.charge.LimitCheck;
import ca.scalloy.engine.charge.Objective;
import ca.scalloy.engine.charge.ParetoPoint;
import ca.scalloy.engine.charge.PropertyOutcome;
import ca.scalloy.engine.charge.Recipe;
import ca.scalloy.io.ChargeAnalysisJson;
import ca.scalloy.io.ChargeResultCsv;
import ca.scalloy.io.CsvWriter;
import ca.scalloy.solver.OjalgoSolver;

/**
 * {@code scalloy batch FILE [--mass KG] [--objective …] [--confidence PCT] [--sensitivity] [--pareto co2|sc --points N]
 * [--json]}: the charge for a recipe file, with its probability of passing, sensitivity and cost front.
 */
@Command(name = "batch", mixinStandardHelpOptions = true,
        description = "Compute the least-cost (or least-CO2, or on-aim) charge of a recipe file.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:solved", "2:invalid input (file, field and value named)", "3:target infeasible (diagnosis given)"})
final class BatchCommand extends JsonCapableCommand {

    /** Points of a front unless --points says otherwise. */
    private static final int DEFAULT_POINTS = 10;
    private static final int MAX_POINTS = 100;

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

    @Option(names = "--confidence", paramLabel = "PCT",
            description = "Charge so that each limit is met with this probability, %% (above 50, below 100), given the materials' "
                    + "stated spreads (else the reference defaults); overrides the recipe's confidencePct.")
    Double confidencePct;

    @Option(names = "--sensitivity", description = "Add what each limit costs per 0.01 %% and each material's price range.")
    boolean sensitivity;

    @Option(names = "--pareto", paramLabel = "co2|sc",
            description = "Add the front of least cost against kg CO2 (co2) or against kg of Sc charged (sc).")
    String pareto;

    @Option(names = "--points", paramLabel = "N", description = "Points of the --pareto front, 2 to 100 (default 10).")
    Integer points;

    @Option(names = "--draws", paramLabel = "N", description = "Monte Carlo draws, 10000 (the default) to 10000000.")
    Integer draws;

    @Option(names = "--seed", paramLabel = "S", description = "Monte Carlo seed (default 14).")
    Long seed;

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
        ParetoPoint.Axis axis = null;
        if (pareto != null) {
            String p = pareto.strip().toLowerCase(Locale.ROOT);
            if (!p.equals("co2") && !p.equals("sc")) {
                err.println("scalloy: --pareto must be co2 or sc, was " + pareto);
                return ScalloyCli.INVALID_INPUT;
            }
            axis = p.equals("co2") ? ParetoPoint.Axis.CO2 : ParetoPoint.Axis.SC;
        }
        if (points != null && (pareto == null || points < 2 || points > MAX_POINTS)) {
            err.println(pareto == null ? "scalloy: --points needs --pareto co2|sc"
                    : "scalloy: --points must be from 2 to " + MAX_POINTS + ", was " + points);
            return ScalloyCli.INVALID_INPUT;
        }
        ChargeAnalysis.Request request;
        try {
            if (confidencePct != null) {
                recipe = recipe.withConfidencePct(confidencePct);
            }
            request = new ChargeAnalysis.Request(sensitivity, draws == null ? ChargeAnalysis.Request.DEFAULT_DRAWS : draws,
                    seed == null ? ChargeAnalysis.Request.DEFAULT_SEED : seed);
        } catch (IllegalArgumentException e) {
            err.println("scalloy: " + (e.getMessage().startsWith("confidencePct") ? "--confidence" : "--draws")
                    + e.getMessage().substring(e.getMessage().indexOf(' ')));
            return ScalloyCli.INVALID_INPUT;
        }
        if (!recipe.propertyTargets().isEmpty() && (sensitivity || axis != null)) {
            err.println("scalloy: " + file + ": " + (sensitivity ? ChargeCalculator.SENSITIVITY_WITH_PROPERTIES
                    : ChargeCalculator.PARETO_WITH_PROPERTIES));
            return ScalloyCli.INVALID_INPUT;
        }
        ChargeCalculator calculator = new ChargeCalculator(new OjalgoSolver());
        ChargeAnalysis analysis = calculator.analyse(recipe, request);
        ChargeResult result = analysis.result();
        if (confidencePct != null && analysis.certainty() == null) {
            err.println("scalloy: " + new java.text.MessageFormat(ResourceBundle.getBundle("ca.scalloy.cli.messages")
                    .getString("warning.noUncertainty")).format(new Object[] {file.toString()}));
        }
        // The front holds the same spreads (and so the same confidence) as the charge it is drawn around.
        List<ParetoPoint> front = axis == null ? null : calculator.pareto(analysis.recipe(), axis, points == null ? DEFAULT_POINTS : points);
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
            out.println(ChargeAnalysisJson.toJson(analysis, recipe.name(), recipe.grade(), front, axis));
        } else {
            printTable(out, recipe, result);
            AnalysisText.print(out, analysis, front, axis);
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
        if (!r.properties().isEmpty()) {
            out.println(b.getString("propertyTargets"));
            for (PropertyOutcome p : r.properties()) {
                out.printf(loc, "  %-44s %10.4f   %s [%.4f, %.4f]   %s%n", p.target().label(), p.value(), b.getString("propertyBand"),
                        p.low(), p.high(), p.met() ? b.getString("propertyMet") : b.getString("propertyNotMet"));
            }
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
