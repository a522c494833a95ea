package ca.scalloy.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import ca.scalloy.engine.charge.Recipe;
import ca.scalloy.engine.library.FieldChange;
import ca.scalloy.engine.library.RecipeDiff;
import ca.scalloy.engine.library.RecipeSummary;
import ca.scalloy.engine.library.RecipeVersion;
import ca.scalloy.io.LibraryJson;
import ca.scalloy.store.Database;

/** {@code scalloy recipes list|history NAME|import FILE}. */
@Command(name = "recipes", mixinStandardHelpOptions = true, description = "The stored, versioned recipes.",
        subcommands = {RecipesCommand.ListRecipes.class, RecipesCommand.History.class, RecipesCommand.Import.class})
final class RecipesCommand extends CommandGroup {

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List stored recipes (current versions).")
    static final class ListRecipes extends StoreCommand {

        @Option(names = "--search", paramLabel = "TEXT", description = "Only recipes whose name or grade contains TEXT.")
        String search;

        @Override
        int run(Database database) {
            List<RecipeSummary> list = search == null ? database.recipes().list() : database.recipes().search(search);
            PrintWriter out = out();
            if (json) {
                out.print(LibraryJson.recipes(list));
                return ScalloyCli.OK;
            }
            out.printf(Locale.ROOT, "%-48s %-14s %8s  %s%n", "name", "grade", "version", "saved");
            for (RecipeSummary r : list) {
                out.printf(Locale.ROOT, "%-48s %-14s %8d  %s%n", r.name(), r.grade(), r.version(), r.savedAt());
            }
            return ScalloyCli.OK;
        }
    }

    @Command(name = "history", mixinStandardHelpOptions = true,
            description = "Every version of a stored recipe, with what changed from the version before.")
    static final class History extends StoreCommand {

        @Parameters(index = "0", paramLabel = "NAME", description = "The recipe's name.")
        String name;

        @Override
        int run(Database database) {
            List<RecipeVersion> versions = database.recipes().history(name);
            if (versions.isEmpty()) {
                err().println("scalloy: no stored recipe named \"" + name + "\"");
                return ScalloyCli.INVALID_INPUT;
            }
            List<List<FieldChange>> changes = new ArrayList<>();
            for (int i = 0; i < versions.size(); i++) {
                changes.add(i == 0 ? List.of() : RecipeDiff.between(versions.get(i - 1).recipe(), versions.get(i).recipe()));
            }
            PrintWriter out = out();
            if (json) {
                out.print(LibraryJson.history(versions, changes));
                return ScalloyCli.OK;
            }
            for (int i = 0; i < versions.size(); i++) {
                RecipeVersion v = versions.get(i);
                out.println("version " + v.version() + "  " + v.savedAt() + (v.note().isEmpty() ? "" : "  " + v.note()));
                for (FieldChange c : changes.get(i)) {
                    out.println("    " + c.field() + ": " + (c.before() == null ? "(none)" : c.before()) + " -> "
                            + (c.after() == null ? "(none)" : c.after()));
                }
            }
            return ScalloyCli.OK;
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Store a recipe file as the newest version of its name.")
    static final class Import extends StoreCommand {

        @Parameters(index = "0", paramLabel = "FILE", description = "Recipe file (format scalloy-recipe, version 1).")
        Path file;

        @Option(names = "--note", paramLabel = "TEXT", description = "What changed, kept with the version.")
        String note = "";

        @Override
        int run(Database database) {
            Optional<Recipe> recipe = RecipeInput.read(file, err());
            if (recipe.isEmpty()) {
                return ScalloyCli.INVALID_INPUT;
            }
            RecipeVersion v = database.recipes().save(recipe.get(), note);
            out().println("stored \"" + recipe.get().name() + "\" as version " + v.version());
            return ScalloyCli.OK;
        }
    }
}
