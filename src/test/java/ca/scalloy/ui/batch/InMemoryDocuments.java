package ca.scalloy.ui.batch;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import ca.scalloy.engine.charge.Recipe;

/** Recipe "files" held in a map, for view-model tests. */
final class InMemoryDocuments implements RecipeDocuments {

    final Map<Path, Recipe> files = new HashMap<>();

    @Override
    public Recipe read(Path file) throws IOException {
        Recipe r = files.get(file);
        if (r == null) {
            throw new NoSuchFileException(file.toString());
        }
        return r;
    }

    @Override
    public void write(Recipe recipe, Path file) {
        files.put(file, recipe);
    }
}
