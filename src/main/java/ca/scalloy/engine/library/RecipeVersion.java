package ca.scalloy.engine.library;

import java.time.Instant;
import java.util.Objects;

import ca.scalloy.engine.charge.Recipe;

/**
 * One saved version of a recipe. Versions are numbered from 1 per recipe name and never change.
 *
 * @param version the version number, &gt;= 1
 * @param savedAt when it was saved
 * @param note    what the user said about it (or "restored from version N"), never null
 * @param recipe  the recipe as saved
 */
public record RecipeVersion(int version, Instant savedAt, String note, Recipe recipe) {

    public RecipeVersion {
        if (version < 1) {
            throw new IllegalArgumentException("version must be >= 1, was " + version);
        }
        Objects.requireNonNull(savedAt, "savedAt");
        Objects.requireNonNull(recipe, "recipe");
        note = note == null ? "" : note;
    }
}
