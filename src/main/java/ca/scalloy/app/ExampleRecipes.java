package ca.scalloy.app;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import ca.scalloy.engine.charge.Recipe;
import ca.scalloy.io.RecipeFiles;
import ca.scalloy.io.RecipeFormatException;

/**
 * The example recipes of {@code recipes/}, shipped in the jar (the build copies them to {@link #FOLDER}), so
 * that the installed workbench, which has no {@code recipes/} folder, offers them too.
 */
final class ExampleRecipes {

    /** Where the build puts {@code recipes/*.json} on the class path. */
    static final String FOLDER = "/ca/scalloy/app/examples/";

    /** Every example, in the order the welcome lists them (as README's table): the master alloys, then the alloys. */
    static final List<String> NAMES = List.of("alsc2-oxide-route", "alsc2-fluoride-route", "alsc2-from-sc-metal",
            "alsc2zr1-k2zrf6", "alsc2-oxide-route-robust", "almgsc-5028-type", "alsc2-into-5083-melt", "scalmalloy-type",
            "almgsc-5028-sensitivity", "almgsc-powder-yield-target");

    private ExampleRecipes() {
    }

    /**
     * The example {@code name} (a file name of {@code recipes/} without {@code .json}).
     *
     * @throws IOException when the jar does not hold it
     * @throws RecipeFormatException when it is not a valid recipe
     */
    static Recipe read(String name) throws IOException, RecipeFormatException {
        String path = FOLDER + name + ".json";
        try (InputStream in = ExampleRecipes.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IOException("no " + path + " in the application");
            }
            return RecipeFiles.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), name + ".json");
        }
    }
}
