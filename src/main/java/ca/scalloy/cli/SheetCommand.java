package ca.scalloy.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import ca.scalloy.engine.Quantities;
import ca.scalloy.engine.charge.ChargeAnalysis;
import ca.scalloy.engine.charge.ChargeCalculator;
import ca.scalloy.engine.charge.ChargeResult;
import ca.scalloy.engine.charge.Recipe;
import ca.scalloy.engine.doc.AdditionPlanner;
import ca.scalloy.engine.doc.BatchSheet;
import ca.scalloy.engine.doc.SheetHeader;
import ca.scalloy.engine.heat.Heat;
import ca.scalloy.engine.heat.HeatLine;
import ca.scalloy.engine.heat.HeatRecord;
import ca.scalloy.io.BatchSheetPdf;
import ca.scalloy.solver.OjalgoSolver;
import ca.scalloy.store.Database;
import ca.scalloy.store.DatabaseLocation;
import ca.scalloy.store.SettingsRepository;
import ca.scalloy.store.StoreException;

/**
 * {@code scalloy sheet FILE|HEAT --out sheet.pdf [--lang en|fr]}: the batch sheet of a recipe file,
 * or of a planned heat in the database (its number, furnace, operator, specification and the lots
 * chosen for its lines, with the lots' assays).
 */
@Command(name = "sheet", mixinStandardHelpOptions = true,
        description = "Print the batch (charge) sheet of a recipe file, or of a planned heat, to a PDF for the furnace floor.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:written", "2:invalid input or the file cannot be written", "3:the recipe's target is infeasible"})
final class SheetCommand extends JsonCapableCommand {

    @Parameters(index = "0", paramLabel = "FILE|HEAT", description = "Recipe file, or the number of a heat in the database.")
    String source;

    @Option(names = "--out", required = true, paramLabel = "PDF", description = "The PDF to write.")
    Path out;

    @Option(names = "--lang", paramLabel = "en|fr", description = "Document language (default en).")
    String lang = "en";

    @Option(names = "--paper", paramLabel = "A4|LETTER", description = "Paper size (default A4).")
    BatchSheetPdf.Paper paper = BatchSheetPdf.Paper.A4;

    @Option(names = "--heat", paramLabel = "NUMBER", description = "With a recipe file: a heat number to print (blank when absent).")
    String heat = "";

    @Option(names = "--company", paramLabel = "NAME", description = "Company name for the header (a heat's sheet: the company.name setting).")
    String company;

    @Option(names = "--superheat-c", paramLabel = "C", description = "Superheat above the liquidus for holding, °C.")
    Double superheatC;

    @Option(names = "--sensitivity", description = "Add an appendix: what each limit costs per 0.01 %% and each material's price range.")
    boolean sensitivity;

    @Mixin
    DatabaseOptions databaseOptions = new DatabaseOptions();

    @picocli.CommandLine.Mixin
    Overwrite overwrite = new Overwrite();

    @Override
    public Integer call() {
        PrintWriter err = err();
        if (!overwrite.allows(out, "--out", err)) {
            return ScalloyCli.INVALID_INPUT;
        }
        if (!lang.equals("en") && !lang.equals("fr")) {
            err.println("scalloy: --lang must be en or fr, was " + lang);
            return ScalloyCli.INVALID_INPUT;
        }
        double superheat = superheatC == null ? AdditionPlanner.defaultSuperheatC() : superheatC;
        if (!Double.isFinite(superheat) || superheat < 0 || superheat > 400) {
            err.println("scalloy: --superheat-c must be from 0 to 400 °C, was " + superheatC);
            return ScalloyCli.INVALID_INPUT;
        }
        Path file = Path.of(source);
        if (Files.exists(file) || source.endsWith(".json")) {
            return fromRecipeFile(file, superheat);
        }
        try (Database database = databaseOptions.open()) {
            return fromHeat(database, superheat);
        } catch (StoreException e) {
            err.println("scalloy: " + e.getMessage());
            return ScalloyCli.INVALID_INPUT;
        }
    }

    private int fromRecipeFile(Path file, double superheat) {
        Optional<Recipe> recipe = RecipeInput.read(file, err());
        if (recipe.isEmpty()) {
            return ScalloyCli.INVALID_INPUT;
        }
        SheetHeader header = SheetHeader.blank(company == null ? "Scalloy" : company, "", "BS-" + recipe.get().grade()).withHeatNumber(heat);
        // No database is opened for a recipe file: the default formatting policy (CAD; Na, Ca, Be in ppm).
        return render(header, recipe.get(), Map.of(), superheat, null, Quantities.of(Locale.forLanguageTag(lang)));
    }

    private int fromHeat(Database database, double superheat) {
        Optional<HeatRecord> found = database.heats().find(source);
        if (found.isEmpty()) {
            err().println("scalloy: " + source + " is neither a recipe file nor a heat in " + database.file());
            return ScalloyCli.INVALID_INPUT;
        }
        Heat h = found.get().heat();
        Map<String, String> lots = new LinkedHashMap<>();
        for (HeatLine line : found.get().lines()) {
            if (line.lotNumber() != null) {
                lots.put(line.materialId(), line.lotNumber());
            }
        }
        SettingsRepository settings = database.settings();
        SheetHeader header = SheetHeader.blank(company != null ? company : settings.get(SettingsRepository.COMPANY_NAME, "Scalloy"),
                        settings.get(SettingsRepository.COMPANY_ADDRESS, ""), "BS-" + h.number())
                .withHeatNumber(h.number()).withSpecification(h.specName() + " (v" + h.specVersion() + ")").withFurnace(h.furnace())
                .withDate(LocalDate.ofInstant(h.createdAt(), ZoneId.systemDefault()).toString()).withOperator(h.operator());
        return render(header, database.heats().recipeOf(h.number()), lots, superheat, CompanyLogo.read(settings, err()),
                settings.plantUnits(Quantities.of(Locale.forLanguageTag(lang))));
    }

    private int render(SheetHeader header, Recipe recipe, Map<String, String> lots, double superheat, byte[] logo, Quantities units) {
        // The charge as batch charges it (the same spreads and confidence), with its probability of passing.
        ChargeAnalysis analysis = new ChargeCalculator(new OjalgoSolver()).analyse(recipe, ChargeAnalysis.Request.standard(sensitivity));
        ChargeResult charge = analysis.result();
        if (!charge.solved()) {
            err().println("scalloy: " + source + ": the target is infeasible, there is nothing to weigh: "
                    + charge.diagnosis().get(0).message());
            return ScalloyCli.INFEASIBLE;
        }
        try {
            BatchSheetPdf.write(BatchSheet.of(header, recipe, charge, superheat, lots).withAnalysis(analysis), units, paper, logo, out);
        } catch (IOException e) {
            err().println("scalloy: " + out + ": cannot be written (" + e.getMessage() + ")");
            return ScalloyCli.INVALID_INPUT;
        }
        out().println(out);
        return ScalloyCli.OK;
    }
}
