package ca.scalloy.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import ca.scalloy.engine.charge.ChargeCalculator;
import ca.scalloy.engine.charge.ChargeResult;
import ca.scalloy.engine.charge.Recipe;
import ca.scalloy.engine.doc.AdditionPlanner;
import ca.scalloy.engine.doc.BatchSheet;
import ca.scalloy.engine.doc.SheetHeader;
import ca.scalloy.io.BatchSheetPdf;
import ca.scalloy.solver.OjalgoSolver;

/** {@code scalloy sheet FILE --out sheet.pdf [--lang en|fr]}: the batch sheet of a recipe as PDF. */
@Command(name = "sheet", mixinStandardHelpOptions = true,
        description = "Print the batch (charge) sheet of a recipe to a PDF for the furnace floor.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:written", "2:invalid input or the file cannot be written", "3:the recipe's target is infeasible"})
final class SheetCommand extends JsonCapableCommand {

    @Parameters(index = "0", paramLabel = "FILE", description = "Recipe file.")
    Path file;

    @Option(names = "--out", required = true, paramLabel = "PDF", description = "The PDF to write.")
    Path out;

    @Option(names = "--lang", paramLabel = "en|fr", description = "Document language (default en).")
    String lang = "en";

    @Option(names = "--paper", paramLabel = "A4|LETTER", description = "Paper size (default A4).")
    BatchSheetPdf.Paper paper = BatchSheetPdf.Paper.A4;

    @Option(names = "--heat", paramLabel = "NUMBER", description = "Heat number to print (blank when absent).")
    String heat = "";

    @Option(names = "--company", paramLabel = "NAME", description = "Company name for the header.")
    String company = "Scalloy";

    @Option(names = "--superheat-c", paramLabel = "C", description = "Superheat above the liquidus for holding, °C.")
    Double superheatC;

    @Override
    public Integer call() {
        PrintWriter err = err();
        if (!lang.equals("en") && !lang.equals("fr")) {
            err.println("scalloy: --lang must be en or fr, was " + lang);
            return ScalloyCli.INVALID_INPUT;
        }
        double superheat = superheatC == null ? AdditionPlanner.defaultSuperheatC() : superheatC;
        if (!Double.isFinite(superheat) || superheat < 0 || superheat > 400) {
            err.println("scalloy: --superheat-c must be from 0 to 400 °C, was " + superheatC);
            return ScalloyCli.INVALID_INPUT;
        }
        Optional<Recipe> recipe = RecipeInput.read(file, err);
        if (recipe.isEmpty()) {
            return ScalloyCli.INVALID_INPUT;
        }
        ChargeResult charge = new ChargeCalculator(new OjalgoSolver()).solve(recipe.get());
        if (!charge.solved()) {
            err.println("scalloy: " + file + ": the target is infeasible, there is nothing to weigh: " + charge.diagnosis().get(0).message());
            return ScalloyCli.INFEASIBLE;
        }
        SheetHeader header = new SheetHeader(company, "", "BS-" + recipe.get().grade(), "1", heat, "", "", "", "", "", "", "");
        try {
            BatchSheetPdf.write(BatchSheet.of(header, recipe.get(), charge, superheat), Locale.forLanguageTag(lang), paper, out);
        } catch (IOException e) {
            err.println("scalloy: " + out + ": cannot be written (" + e.getMessage() + ")");
            return ScalloyCli.INVALID_INPUT;
        }
        out().println(out);
        return ScalloyCli.OK;
    }
}
