package ca.scalloy.io;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonToken;

/** Finds where in a JSON text a value lives, to name its line in error messages. */
final class JsonLines {

    private static final JsonFactory FACTORY = new JsonFactory();

    private JsonLines() {
    }

    /**
     * The 1-based line of the value at {@code pointer} ("/materials/1/pricePerKg"), or of its nearest
     * ancestor present in the text; 0 when the text cannot be read.
     */
    static int lineOf(String json, String pointer) {
        JsonPointer target = JsonPointer.compile(pointer.isEmpty() || pointer.startsWith("/") ? pointer : "/" + pointer);
        int best = 1;
        int bestDepth = -1;
        try (JsonParser p = FACTORY.createParser(json)) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                if (t == JsonToken.FIELD_NAME || t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
                    continue;
                }
                JsonPointer here = p.getParsingContext().pathAsPointer();
                String h = here.toString();
                if (h.equals(target.toString())) {
                    return p.currentTokenLocation().getLineNr();
                }
                if (target.toString().startsWith(h + "/") && h.length() > bestDepth) {
                    bestDepth = h.length();
                    best = p.currentTokenLocation().getLineNr();
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            return 0;
        }
        return best;
    }

    /** "/materials/1/pricePerKg" as "$.materials[1].pricePerKg". */
    static String toPath(String pointer) {
        StringBuilder sb = new StringBuilder("$");
        if (pointer.isEmpty() || pointer.equals("/")) {
            return sb.toString();
        }
        for (String part : pointer.substring(1).split("/", -1)) {
            String p = part.replace("~1", "/").replace("~0", "~");
            if (p.matches("\\d+")) {
                sb.append('[').append(p).append(']');
            } else {
                sb.append('.').append(p);
            }
        }
        return sb.toString();
    }

    /** "$.materials[1].pricePerKg" as "/materials/1/pricePerKg". */
    static String toPointer(String path) {
        String p = path.startsWith("$") ? path.substring(1) : path;
        return p.replaceAll("\\[(\\d+)]", ".$1").replace('.', '/');
    }
}
