package ca.scalloy.ui.batch;

import java.io.IOException;
import java.nio.file.Path;

import ca.scalloy.engine.charge.Recipe;

/** Reads and writes recipe files; the application hands in the JSON format of {@code ca.scalloy.io}. */
public interface RecipeDocuments {

    /**
     * Reads a recipe.
     *
     * @throws Exception whose message names the file and what is wrong with it
     */
    Recipe read(Path file) throws Exception;

    /** Writes a recipe, replacing the file. */
    void write(Recipe recipe, Path file) throws IOException;
}
