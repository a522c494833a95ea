package ca.scalloy.store;

import java.io.IOException;
import java.nio.file.Path;

import ca.scalloy.engine.charge.Recipe;
import ca.scalloy.io.RecipeFiles;
import ca.scalloy.io.RecipeFormatException;

/** Recipes for store tests, read from the example files. */
final class StoreFixtures {

    private StoreFixtures() {
    }

    static Recipe recipe(String file) {
        try {
            return RecipeFiles.read(Path.of("recipes", file));
        } catch (IOException | RecipeFormatException e) {
            throw new IllegalStateException(e);
        }
    }

    static Recipe oxideRouteRecipe() {
        return recipe("alsc2-oxide-route.json");
    }
}
