package ca.scalloy.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import ca.scalloy.engine.spec.ElementLimit;
import ca.scalloy.engine.spec.PropertyRequirement;
import ca.scalloy.engine.spec.Specification;
import ca.scalloy.io.RecipeFiles.Fault;
import ca.scalloy.io.RecipeFiles.Reader;

/**
 * Specification files: {@code {"format": "scalloy-specifications", "formatVersion": 1, "specifications": [...]}},
 * each entry {@code {name, sector, revision, limits: [{element, minPct, maxPct}], othersEachMaxPct,
 * othersTotalMaxPct, properties: [{property, value}], source, confidence}}. An entry may say
 * {@code "limitsAs": "NAME"} instead of giving limits, others and properties: it then copies those of
 * the earlier entry NAME (and its source and confidence unless it gives its own). The import and
 * export format of specifications, and the format of their seed data.
 */
public final class SpecificationFiles {

    /** The value of the {@code format} field. */
    public static final String FORMAT = "scalloy-specifications";
    /** The newest format version this code reads and the one it writes. */
    public static final int FORMAT_VERSION = 1;

    private SpecificationFiles() {
    }

    /**
     * Parses a specifications document.
     *
     * @param sourceName how to name the source in messages
     * @throws FormatException naming the source, the JSON path and the bad value (min above max, an
     *                         unknown element, a duplicate name …)
     */
    public static List<Specification> parse(String json, String sourceName) throws FormatException {
        try {
            JsonNode root = JsonDocuments.document(json, FORMAT, FORMAT_VERSION);
            Reader reader = new Reader(sourceName);
            Map<String, Specification> byName = new LinkedHashMap<>();
            reader.list(root, "$", "specifications", (path, node) -> {
                Specification s = specification(reader, path, node, byName);
                if (byName.putIfAbsent(s.name(), s) != null) {
                    throw new Fault(path + ".name", "duplicate name \"" + s.name() + "\"");
                }
                return s;
            });
            return List.copyOf(byName.values());
        } catch (Fault f) {
            throw new FormatException(sourceName, f.path, f.getMessage());
        }
    }

    /**
     * Reads a specifications file.
     *
     * @throws FormatException naming the file, the JSON path and the bad value
     * @throws IOException     when the file cannot be read
     */
    public static List<Specification> read(Path file) throws FormatException, IOException {
        return parse(TextFiles.read(file, TextFiles.DOCUMENT_MAX_BYTES, "a specification file"), file.toString());
    }

    /** The specifications as a document (every entry written out in full). */
    public static String toJson(List<Specification> specs) {
        ObjectNode root = JsonDocuments.envelope(FORMAT, FORMAT_VERSION);
        ArrayNode a = root.putArray("specifications");
        specs.forEach(s -> a.add(node(s)));
        return MaterialFiles.write(root);
    }

    /** One specification as a JSON object, as the store keeps it. */
    public static String specificationToJson(Specification s) {
        return MaterialFiles.write(node(s));
    }

    /**
     * Parses one specification written by {@link #specificationToJson}.
     *
     * @throws FormatException naming the source, the JSON path and the bad value
     */
    public static Specification parseSpecification(String json, String sourceName) throws FormatException {
        try {
            return specification(new Reader(sourceName), "$", JsonDocuments.tree(json), Map.of());
        } catch (Fault f) {
            throw new FormatException(sourceName, f.path, f.getMessage());
        }
    }

    static ObjectNode node(Specification s) {
        ObjectNode n = RecipeFiles.MAPPER.createObjectNode();
        n.put("name", s.name());
        n.put("sector", s.sector());
        n.put("revision", s.revision());
        ArrayNode limits = n.putArray("limits");
        for (ElementLimit l : s.limits()) {
            ObjectNode o = limits.addObject();
            o.put("element", l.element());
            if (l.minPct() != null) {
                o.put("minPct", l.minPct());
            }
            if (l.maxPct() != null) {
                o.put("maxPct", l.maxPct());
            }
        }
        JsonNodes.putNullable(n, "othersEachMaxPct", s.othersEachMaxPct());
        JsonNodes.putNullable(n, "othersTotalMaxPct", s.othersTotalMaxPct());
        ArrayNode props = n.putArray("properties");
        for (PropertyRequirement p : s.properties()) {
            props.addObject().put("property", p.property().name()).put("value", p.value());
        }
        n.put("source", s.source());
        n.put("confidence", s.confidence());
        return n;
    }

    private static Specification specification(Reader reader, String path, JsonNode node, Map<String, Specification> earlier) {
        Reader.requireObject(node, path);
        String name = Reader.text(node, path, "name", true);
        String sector = Reader.text(node, path, "sector", true);
        String as = Reader.text(node, path, "limitsAs", false);
        String source = Reader.text(node, path, "source", false);
        String confidence = Reader.text(node, path, "confidence", false);
        if (as != null) {
            Specification base = earlier.get(as);
            if (base == null) {
                throw new Fault(path + ".limitsAs", "no earlier specification named \"" + as + "\"");
            }
            return reader.build(path, () -> new Specification(name, sector, Reader.text(node, path, "revision", false),
                    base.limits(), base.othersEachMaxPct(), base.othersTotalMaxPct(), base.properties(),
                    source == null ? base.source() : source, confidence == null ? base.confidence() : confidence));
        }
        List<ElementLimit> limits = reader.list(node, path, "limits", (p, n) -> {
            Reader.requireObject(n, p);
            String element = Reader.text(n, p, "element", true);
            return reader.build(p, () -> new ElementLimit(element, Reader.number(n, p, "minPct", false),
                    Reader.number(n, p, "maxPct", false)));
        });
        List<PropertyRequirement> props = reader.list(node, path, "properties", (p, n) -> {
            Reader.requireObject(n, p);
            PropertyRequirement.Property property = Reader.enumValue(n, p, "property", PropertyRequirement.Property.class, null);
            if (property == null) {
                throw new Fault(p + ".property", "is required: one of " + List.of(PropertyRequirement.Property.values()));
            }
            Double value = Reader.number(n, p, "value", true);
            return reader.build(p, () -> new PropertyRequirement(property, value));
        });
        return reader.build(path, () -> new Specification(name, sector, Reader.text(node, path, "revision", false), limits,
                Reader.number(node, path, "othersEachMaxPct", false), Reader.number(node, path, "othersTotalMaxPct", false),
                props, source, confidence));
    }
}
