package ca.scalloy.io;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import ca.scalloy.engine.charge.Material;
import ca.scalloy.engine.library.LibraryMaterial;
import ca.scalloy.io.RecipeFiles.Fault;
import ca.scalloy.io.RecipeFiles.Reader;

/**
 * Material library files: {@code {"format": "scalloy-materials", "formatVersion": 1, "materials": [...]}}.
 * Each entry has the fields of a material in a recipe file (format 1) plus {@code source},
 * {@code confidence}, optional {@code priceSetAt} (an ISO date or instant) and {@code retired}.
 * The import and export format of the library, and the format of its seed data.
 */
public final class MaterialFiles {

    /** The value of the {@code format} field. */
    public static final String FORMAT = "scalloy-materials";
    /** The newest format version this code reads and the one it writes. */
    public static final int FORMAT_VERSION = 1;

    private MaterialFiles() {
    }

    /**
     * Parses a material library document.
     *
     * @param sourceName how to name the source in messages
     * @throws FormatException naming the source, the JSON path and the bad value (a duplicate id too)
     */
    public static List<LibraryMaterial> parse(String json, String sourceName) throws FormatException {
        try {
            JsonNode root = JsonDocuments.document(json, FORMAT, FORMAT_VERSION);
            Reader reader = new Reader(sourceName);
            Set<String> ids = new HashSet<>();
            return reader.list(root, "$", "materials", (path, node) -> {
                LibraryMaterial m = entry(reader, path, node);
                if (!ids.add(m.id())) {
                    throw new Fault(path + ".id", "duplicate id \"" + m.id() + "\"");
                }
                return m;
            });
        } catch (Fault f) {
            throw new FormatException(sourceName, f.path, f.getMessage());
        }
    }

    /**
     * Reads a material library file.
     *
     * @throws FormatException naming the file, the JSON path and the bad value
     * @throws IOException     when the file cannot be read
     */
    public static List<LibraryMaterial> read(Path file) throws FormatException, IOException {
        return parse(TextFiles.read(file, TextFiles.DOCUMENT_MAX_BYTES, "a material file"), file.toString());
    }

    /** The materials as a library document. */
    public static String toJson(List<LibraryMaterial> materials) {
        ObjectNode root = JsonDocuments.envelope(FORMAT, FORMAT_VERSION);
        ArrayNode a = root.putArray("materials");
        for (LibraryMaterial m : materials) {
            a.add(entryNode(m));
        }
        return write(root);
    }

    /** One material (the recipe-file fields only) as JSON, as the store keeps it. */
    public static String materialToJson(Material m) {
        return write(RecipeFiles.Writer.material(m));
    }

    /**
     * Parses one material written by {@link #materialToJson}.
     *
     * @throws FormatException naming the source, the JSON path and the bad value
     */
    public static Material parseMaterial(String json, String sourceName) throws FormatException {
        try {
            return new Reader(sourceName).material("$", JsonDocuments.tree(json));
        } catch (Fault f) {
            throw new FormatException(sourceName, f.path, f.getMessage());
        }
    }

    static ObjectNode entryNode(LibraryMaterial m) {
        ObjectNode n = RecipeFiles.Writer.material(m.material());
        n.put("source", m.source());
        n.put("confidence", m.confidence());
        if (m.priceSetAt() != null) {
            n.put("priceSetAt", m.priceSetAt().toString());
        }
        if (m.retired()) {
            n.put("retired", true);
        }
        return n;
    }

    private static LibraryMaterial entry(Reader reader, String path, JsonNode node) {
        Material m = reader.material(path, node);
        String when = Reader.text(node, path, "priceSetAt", false);
        JsonNode retired = node.get("retired");
        if (retired != null && !retired.isNull() && !retired.isBoolean()) {
            throw new Fault(path + ".retired", "must be true or false, was " + RecipeFiles.describe(retired));
        }
        return new LibraryMaterial(m, Reader.text(node, path, "source", false), Reader.text(node, path, "confidence", false),
                when == null ? null : instant(path + ".priceSetAt", when), retired != null && retired.asBoolean());
    }

    private static Instant instant(String path, String text) {
        try {
            return text.length() == 10 ? LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant() : Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new Fault(path, "must be a date (2024-05-31) or an instant (2024-05-31T12:00:00Z), was \"" + text + "\"");
        }
    }

    static String write(JsonNode node) {
        try {
            return RecipeFiles.MAPPER.writeValueAsString(node) + System.lineSeparator();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree could not be written", e);
        }
    }
}
