package ca.scalloy.ui.recipes;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ca.scalloy.engine.library.FieldChange;
import ca.scalloy.ui.common.Messages;

/**
 * A recipe field as a metallurgist says it: {@code targets[Fe].maxPct} is "Fe max", {@code materials[AL-P1020].pricePerKg}
 * "price of P1020" ("prix de P1020"), {@code heel.compositionPct.Sc} "Sc in the heel". The words come from the bundles
 * under {@code recipes.field.} and the path's shape ({@code recipes.field.materials.pricePerKg} takes the material as
 * {0}, a per-element field the element as its last argument); a path with no words (a field added to recipes later)
 * is shown as {@link FieldChange} keeps it.
 */
final class RecipeFieldWords {

    /** {@code targets[Fe].rest} or {@code materials[AL-P1020].rest}. */
    private static final Pattern LISTED = Pattern.compile("(targets|materials)\\[([^\\]]+)\\]\\.(.+)");
    /** The fields that are maps by element: {@code field.Element}. */
    private static final Pattern BY_ELEMENT = Pattern.compile(
            "(recoveryPct|heel\\.compositionPct|compositionPct|uncertainty\\.compositionSdPct|uncertainty\\.recoverySdPct)\\.([A-Z][a-z]?)");

    private RecipeFieldWords() {
    }

    /**
     * The words for the field {@code path}.
     *
     * @param materialName the name of a material by its id (the id itself when the recipe no longer has it)
     */
    static String of(String path, Messages messages, Function<String, String> materialName) {
        List<Object> args = new ArrayList<>();
        String key = "recipes.field.";
        String rest = path;
        Matcher listed = LISTED.matcher(path);
        if (listed.matches()) {
            key += listed.group(1) + ".";
            args.add(listed.group(1).equals("materials") ? materialName.apply(listed.group(2)) : listed.group(2));
            rest = listed.group(3);
        }
        Matcher byElement = BY_ELEMENT.matcher(rest);
        if (byElement.matches()) {
            rest = byElement.group(1);
            args.add(byElement.group(2));
        }
        key += rest;
        return messages.has(key) ? messages.get(key, args.toArray()) : path;
    }
}
