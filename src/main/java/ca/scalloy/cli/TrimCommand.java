package ca.scalloy.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import ca.scalloy.engine.charge.ChargeCalculator;
import ca.scalloy.engine.charge.ChargeLine;
import ca.scalloy.engine.charge.ChargeResult;
import ca.scalloy.engine.charge.Diagnosis;
import ca.scalloy.engine.charge.Recipe;
import ca.scalloy.engine.charge.TrimCalculator;
import ca.scalloy.io.ChargeResultJson;
import ca.scalloy.solver.OjalgoSolver;

/**
 * {@code scalloy trim --recipe FILE --melt-kg KG --analysis "Sc=0.18,Mg=4.31" [--capacity-kg KG] [--json]}:
 * the correction that brings a sampled melt inside the recipe's limits.
 */
@Command(name = "trim", mixinStandardHelpOptions = true,
        description = "Compute the trim additions (or dilution) that bring a sampled melt inside its limits.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:correction found", "2:invalid input", "3:no correction can meet the limits (diagnosis given)"})
final class TrimCommand extends JsonCapableCommand {

    @Option(names = "--recipe", required = true, paramLabel = "FILE",
            description = "Recipe file: its limits, aims, objective and the materials that may be added.")
    Path recipeFile;

    @Option(names = "--melt-kg", required = true, paramLabel = "KG", description = "Metal in the furnace now, kg.")
    double meltKg;

    @Option(names = "--analysis", required = true, paramLabel = "EL=WT%,...", description = "The sample, wt%%, e.g. \"Sc=0.18,Mg=4.31,Fe=0.11\".")
    String analysis;

    @Option(names = "--capacity-kg", paramLabel = "KG", description = "The furnace's free capacity: the most kg that may be added.")
    Double capacityKg;

    @Override
    public Integer call() {
        PrintWriter out = out();
        PrintWriter err = err();
        Optional<Recipe> recipe = RecipeInput.read(recipeFile, err);
        if (recipe.isEmpty()) {
            return ScalloyCli.INVALID_INPUT;
        }
        ChargeResult r;
        try {
            Map<String, Double> sample = CompositionText.parse(analysis, "--analysis");
            r = new TrimCalculator(new ChargeCalculator(new OjalgoSolver())).trim(recipe.get(), meltKg, sample, capacityKg);
        } catch (IllegalArgumentException e) {
            err.println("scalloy: " + e.getMessage().replace("meltKg", "--melt-kg").replace("capacityKg", "--capacity-kg")
                    .replace("analysis:", "--analysis:"));
            return ScalloyCli.INVALID_INPUT;
        }
        if (json) {
            out.println(ChargeResultJson.trimToJson(r));
        } else {
            print(out, r);
        }
        return r.solved() ? ScalloyCli.OK : ScalloyCli.INFEASIBLE;
    }

    static void print(PrintWriter out, ChargeResult r) {
        Locale loc = Locale.ROOT;
        if (!r.solved()) {
            out.println("No correction brings every element inside its limits:");
            r.diagnosis().stream().map(Diagnosis::message).forEach(m -> out.println("  - " + m));
        } else if (r.charge().isEmpty()) {
            out.println("The melt is inside every limit: nothing to add.");
        } else {
            out.println("Add:");
            for (ChargeLine l : r.charge()) {
                out.printf(loc, "  %-14s %-32s %10.2f kg%n", l.materialId(), l.name(), l.massKg());
            }
            out.printf(loc, "Cost of the additions: %.2f%n", r.costTotal());
            out.printf(loc, "CO2 of the additions: %.2f kg%n", r.co2TotalKg());
        }
        if (r.solved()) {
            out.printf(loc, "Melt after correction: %.2f kg of metal%n", r.productMassKg());
            r.limits().forEach(c -> out.printf(loc, "  %-3s %8.4f %%%n", c.element(), c.valuePct()));
        }
        r.warnings().forEach(w -> out.println("Warning: " + w));
    }
}
