package ca.scalloy.engine.library;

import java.time.Instant;

/**
 * A stored recipe's current version, without its body: what a list shows.
 *
 * @param name     the recipe's name (unique in the library)
 * @param grade    the product grade
 * @param version  the current (newest) version number
 * @param versions how many versions exist
 * @param savedAt  when the current version was saved
 */
public record RecipeSummary(String name, String grade, int version, int versions, Instant savedAt) {
}
