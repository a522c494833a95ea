package ca.scalloy.io;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import ca.scalloy.io.RecipeFiles.Fault;

/** Reading the envelope shared by Scalloy's JSON documents: {@code format} and {@code formatVersion}. */
final class JsonDocuments {

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
            JsonLocation loc = e.getLocation();
            String where = loc == null ? "" : " at line " + loc.getLineNr() + ", column " + loc.getColumnNr();
            throw new Fault("$", "not valid JSON" + where + ": " + e.getOriginalMessage());
        }
        if (root == null || root.isMissingNode()) {
            throw new Fault("$", "the file is empty");
        }
        return root;
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
