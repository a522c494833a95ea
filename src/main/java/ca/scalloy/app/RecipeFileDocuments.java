package ca.scalloy.app;

import java.io.IOException;
import java.nio.file.Path;

import ca.scalloy.engine.charge.Recipe;
import ca.scalloy.io.RecipeFiles;
import ca.scalloy.io.RecipeFormatException;
import ca.scalloy.ui.batch.RecipeDocuments;

/** The Batch screen's files in recipe format 1. */
final class RecipeFileDocuments implements RecipeDocuments {

    @Override
    public Recipe read(Path file) throws RecipeFormatException, IOException {
        return RecipeFiles.read(file);
    }

    @Override
    public void write(Recipe recipe, Path file) throws IOException {
        RecipeFiles.write(recipe, file);
    }
}
