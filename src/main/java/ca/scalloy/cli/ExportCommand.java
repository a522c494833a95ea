package ca.scalloy.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import ca.scalloy.engine.library.RecipeSummary;
import ca.scalloy.io.AtomicFiles;
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
    enum What { recipes, materials, specs }

    @Parameters(index = "0", paramLabel = "recipes|materials|specs", description = "What to export.")
    What what;

    @Option(names = "--out", required = true, paramLabel = "F", description = "Folder (recipes) or file (materials, specs).")
    Path out;

    @Override
    int run(Database database) {
        try {
            switch (what) {
                case recipes -> {
                    Files.createDirectories(out);
                    int n = 0;
                    for (RecipeSummary s : database.recipes().list()) {
                        var v = database.recipes().latest(s.name()).orElseThrow();
                        RecipeFiles.write(v.recipe(), out.resolve(fileName(s.name()) + ".json"));
                        n++;
                    }
                    out().println(n + " recipes written to " + out);
                }
                case materials -> write(MaterialFiles.toJson(database.materials().list(true)));
                case specs -> write(SpecificationFiles.toJson(database.specifications().list()));
            }
        } catch (IOException e) {
            err().println("scalloy: " + out + ": cannot be written (" + e.getMessage() + ")");
            return ScalloyCli.INVALID_INPUT;
        }
        return ScalloyCli.OK;
    }

    private void write(String json) throws IOException {
        AtomicFiles.writeString(out, json);
        out().println(out);
    }

    /** A file name from a recipe name: letters, digits, '-' and '_' kept, the rest turned into '-'. */
    static String fileName(String recipeName) {
        String s = recipeName.strip().replaceAll("[^A-Za-z0-9_-]+", "-").replaceAll("^-+|-+$", "");
        return s.isEmpty() ? "recipe" : s;
    }
}
