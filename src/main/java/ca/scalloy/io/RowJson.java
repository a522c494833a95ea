package ca.scalloy.io;

import java.math.BigDecimal;
import java.time.temporal.TemporalAccessor;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A table row as a flat JSON object, column name to value: how the database's own audit trigger keeps the row
 * before and after a change (decision 0010). PostgreSQL writes it with {@code to_jsonb(row)}, the embedded
 * database's Java trigger with {@link #write}; {@link #read} gives both back alike (numbers exact, as
 * {@link BigDecimal}).
 */
public final class RowJson {

    private RowJson() {
    }

    /**
     * The row as JSON: numbers and booleans as such, dates and times in ISO-8601, anything else as text.
     *
     * @param row column name to value (null allowed), in column order
     */
    public static String write(Map<String, ?> row) {
        ObjectNode n = RecipeFiles.MAPPER.createObjectNode();
        row.forEach((column, v) -> {
            if (v == null) {
                n.putNull(column);
            } else if (v instanceof Boolean b) {
                n.put(column, b);
            } else if (v instanceof BigDecimal d) {
                n.put(column, d);
            } else if (v instanceof Double d) {
                n.put(column, d);
            } else if (v instanceof Float f) {
                n.put(column, f);
            } else if (v instanceof Number x) {
                n.put(column, x.longValue());
            } else if (v instanceof TemporalAccessor t) {
                n.put(column, t.toString());
            } else {
                n.put(column, v.toString());
            }
        });
        return n.toString();
    }

    /**
     * The row written by {@link #write} or PostgreSQL's {@code to_jsonb}: text, {@link BigDecimal}, {@link Boolean}
     * or null per column (a nested value as its JSON text).
     *
     * @throws IllegalArgumentException when it is not a JSON object
     */
    public static Map<String, Object> read(String json) {
        JsonNode root = tree(json);
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : root.properties()) {
            JsonNode v = e.getValue();
            out.put(e.getKey(), v.isNull() ? null : v.isNumber() ? v.decimalValue() : v.isBoolean() ? v.booleanValue()
                    : v.isTextual() ? v.textValue() : v.toString());
        }
        return out;
    }

    /** Whether two JSON objects are the same once {@code field} is left out of both. */
    public static boolean equalWithout(String jsonA, String jsonB, String field) {
        ObjectNode a = (ObjectNode) tree(jsonA).deepCopy();
        ObjectNode b = (ObjectNode) tree(jsonB).deepCopy();
        a.remove(field);
        b.remove(field);
        return a.equals(b);
    }

    /** The numbers of the object {@code field} of a JSON object, by key (empty when it has none). */
    public static Map<String, BigDecimal> numbers(String json, String field) {
        Map<String, BigDecimal> out = new LinkedHashMap<>();
        JsonNode n = tree(json).get(field);
        if (n != null && n.isObject()) {
            n.properties().forEach(e -> {
                if (e.getValue().isNumber()) {
                    out.put(e.getKey(), e.getValue().decimalValue());
                }
            });
        }
        return out;
    }

    private static JsonNode tree(String json) {
        try {
            JsonNode n = RecipeFiles.MAPPER.readTree(json);
            if (n == null || !n.isObject()) {
                throw new IllegalArgumentException("a row must be a JSON object, was " + json);
            }
            return n;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("a row must be JSON: " + e.getOriginalMessage(), e);
        }
    }
}
