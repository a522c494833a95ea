package ca.scalloy.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import ca.scalloy.engine.heat.Heat;
import ca.scalloy.engine.heat.HeatRecord;
import ca.scalloy.engine.library.RecipeSummary;
import ca.scalloy.io.AtomicFiles;
import ca.scalloy.io.CsvWriter;
import ca.scalloy.io.HeatJson;
import ca.scalloy.io.HeatsCsv;
import ca.scalloy.io.MaterialFiles;
import ca.scalloy.io.RecipeFiles;
import ca.scalloy.io.SpecificationFiles;
import ca.scalloy.store.Database;

/**
 * {@code scalloy export recipes|materials|specs --out F}: the library as files. Recipes go one file
 * each (their latest version) into the folder F; materials and specifications into the one file F.
 */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Export the stored recipes (one file each into a folder), materials or specifications (one file).",
        exitCodeListHeading = "%nExit codes:%n", exitCodeList = {"0:written", "2:invalid input or the output cannot be written"})
final class ExportCommand extends StoreCommand {

    /** What can be exported. */
    enum What { recipes, materials, specs, heats, samples }

    @Parameters(index = "0", paramLabel = "recipes|materials|specs|heats|samples", description = "What to export.")
    What what;

    @Option(names = "--out", required = true, paramLabel = "F",
            description = "Folder (recipes) or file: materials, specs and heats as JSON (heats as CSV when F ends in .csv), samples as CSV.")
    Path out;

@picocli.CommandLine.Mixin
    Overwrite overwrite = new Overwrite();

    @Option(names = "--csv-separator", paramLabel = "SEP", description = "CSV separator: ',' or ';' (default: the system locale's).")
    Character csvSeparator;

    @Override
    int run(Database database) {
        if (what != What.recipes && !overwrite.allows(out, "--out", err())) {
            return ScalloyCli.INVALID_INPUT;
        }
        try {
            switch (what) {
                case recipes -> {
                    List<RecipeSummary> recipes = database.recipes().list();
                    if (!overwrite.allows(recipes.stream().map(s -> out.resolve(fileName(s.name()) + ".json")).toList(), "--out", err())) {
                        return ScalloyCli.INVALID_INPUT;
                    }
                    Files.createDirectories(out);
                    int n = 0;
                    for (RecipeSummary s : recipes) {
                        var v = database.recipes().latest(s.name()).orElseThrow();
                        RecipeFiles.write(v.recipe(), out.resolve(fileName(s.name()) + ".json"));
                        n++;
                    }
                    out().println(n + " recipes written to " + out);
                }
                case materials -> write(MaterialFiles.toJson(database.materials().list(true)));
                case specs -> write(SpecificationFiles.toJson(database.specifications().list()));
                case heats -> {
                    List<HeatRecord> all = allHeats(database);
                    if (out.toString().endsWith(".csv")) {
                        HeatsCsv.heats(all, csv()).write(out);
                        out().println(out);
                    } else {
                        write(HeatJson.export(all));
                    }
                }
                case samples -> {
                    HeatsCsv.samples(allHeats(database), csv()).write(out);
                    out().println(out);
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            err().println("scalloy: " + out + ": cannot be written (" + e.getMessage() + ")");
            return ScalloyCli.INVALID_INPUT;
        }
        return ScalloyCli.OK;
    }

    private void write(String json) throws IOException {
        AtomicFiles.writeString(out, json);
        out().println(out);
    }

    private static List<HeatRecord> allHeats(Database database) {
        List<HeatRecord> out = new ArrayList<>();
        for (Heat h : database.heats().list(null, null, Integer.MAX_VALUE)) {
            database.heats().find(h.number()).ifPresent(out::add);
        }
        Collections.reverse(out);
        return out;
    }

    private CsvWriter csv() {
        Locale locale = Locale.getDefault();
        return new CsvWriter(csvSeparator == null ? CsvWriter.separatorFor(locale) : csvSeparator, locale);
    }

    /** A file name from a recipe name: letters, digits, '-' and '_' kept, the rest turned into '-'. */
    static String fileName(String recipeName) {
        String s = recipeName.strip().replaceAll("[^A-Za-z0-9_-]+", "-").replaceAll("^-+|-+$", "");
        return s.isEmpty() ? "recipe" : s;
    }
}
