package ca.scalloy.io;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import ca.scalloy.io.RecipeFiles.Fault;

/** Reading the envelope shared by Scalloy's JSON documents: {@code format} and {@code formatVersion}. */
final class JsonDocuments {

    /** Jackson's way of naming a place inside its own message: "[Source: REDACTED (...); line: 14, column: 16]". */
    private static final Pattern JACKSON_PLACE = Pattern.compile("\\[Source: [^\\]]*?line: (\\d+), column: (\\d+)\\]");
    /** How Jackson begins every message about input that ends too soon. */
    private static final String ENDS_TOO_SOON = "Unexpected end-of-input";
    /** A file that ends right inside an array or object, as Jackson says it once its place is named as ours. */
    private static final Pattern CUT_SHORT = Pattern.compile(
            ENDS_TOO_SOON + ": expected close marker for (Array|Object) \\(start marker at (line \\d+, column \\d+)\\)");

    private JsonDocuments() {
    }

    /** A new document with its {@code format} and {@code formatVersion}. */
    static ObjectNode envelope(String format, int version) {
        ObjectNode root = RecipeFiles.MAPPER.createObjectNode();
        root.put("format", format);
        root.put("formatVersion", version);
        return root;
    }

    /** The JSON tree of {@code json}; a fault at {@code $} when it is not JSON or empty. */
    static JsonNode tree(String json) {
        JsonNode root;
        try {
            root = RecipeFiles.MAPPER.readTree(RecipeFiles.withoutByteOrderMark(json));
        } catch (JsonProcessingException e) {
            throw new Fault("$", notJson(e));
        }
        if (root == null || root.isMissingNode()) {
            throw new Fault("$", "the file is empty");
        }
        return root;
    }

    /**
     * Why the text is not JSON, where it fails, in words a user can act on: a file that ends too soon is said to be cut
     * short (naming where the array or object it ends in opened, when Jackson says); Jackson's own description of its
     * input ("Source: REDACTED ...") never reaches the message.
     */
    static String notJson(JsonProcessingException e) {
        JsonLocation loc = e.getLocation();
        String where = loc == null ? "" : " at line " + loc.getLineNr() + ", column " + loc.getColumnNr();
        String why = JACKSON_PLACE.matcher(String.valueOf(e.getOriginalMessage())).replaceAll("line $1, column $2");
        if (why.startsWith(ENDS_TOO_SOON)) {
            Matcher open = CUT_SHORT.matcher(why);
            why = "the file ends too soon, as if cut short" + (open.matches() ? ": the " + (open.group(1).equals("Array")
                    ? "array" : "object") + " opened at " + open.group(2) + " is not closed" : "");
        }
        return "not valid JSON" + where + ": " + why;
    }

    /** The document's root after checking its format name and that its version is one this code reads. */
    static JsonNode document(String json, String format, int newestVersion) {
        JsonNode root = tree(json);
        if (!root.isObject()) {
            throw new Fault("$", "must be a JSON object, was " + RecipeFiles.describe(root));
        }
        String f = RecipeFiles.Reader.text(root, "$", "format", true);
        if (!format.equals(f)) {
            throw new Fault("$.format", "must be \"" + format + "\", was \"" + f + "\"");
        }
        JsonNode v = root.get("formatVersion");
        if (v == null || !v.isIntegralNumber()) {
            throw new Fault("$.formatVersion", "must be a whole number, was " + RecipeFiles.describe(v));
        }
        if (v.intValue() > newestVersion || v.intValue() < 1) {
            throw new Fault("$.formatVersion", "this file is format version " + v.intValue()
                    + "; this Scalloy reads versions 1 to " + newestVersion);
        }
        return root;
    }
}
