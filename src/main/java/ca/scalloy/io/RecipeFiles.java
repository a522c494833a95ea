package ca.scalloy.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import ca.scalloy.engine.Composition;
import ca.scalloy.engine.Formula;
import ca.scalloy.engine.charge.ElementTarget;
import ca.scalloy.engine.charge.FluxLink;
import ca.scalloy.engine.charge.Heel;
import ca.scalloy.engine.charge.Material;
import ca.scalloy.engine.charge.MaterialKind;
import ca.scalloy.engine.charge.MaterialUncertainty;
import ca.scalloy.engine.charge.Objective;
import ca.scalloy.engine.charge.PropertyTarget;
import ca.scalloy.engine.charge.Recipe;
import ca.scalloy.engine.kinetics.AgeingSchedule;
import ca.scalloy.engine.thermo.ProcessRoute;

/**
 * Reads and writes recipe files, format 1 ({@code "format": "scalloy-recipe", "formatVersion": 1}):
 * JSON in UTF-8. Field names are a contract shared with other tools; fields this version does not
 * know are ignored on read so that newer minor additions stay readable.
 */
public final class RecipeFiles {

    /** The value of the {@code format} field. */
    public static final String FORMAT = "scalloy-recipe";
    /** The newest format version this code reads and the one it writes. */
    public static final int FORMAT_VERSION = 1;

    static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            // Keeps a number as written (1e999 stays 1E+999 rather than Infinity), so that a refusal can quote it.
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private RecipeFiles() {
    }

    /**
     * Reads a recipe file.
     *
     * @throws RecipeFormatException   naming the file, the JSON path and the bad value
     * @throws UnreadableFileException naming the file when it is over {@link TextFiles#RECIPE_MAX_BYTES} or not UTF-8
     * @throws IOException             when the file cannot be read at all
     */
    public static Recipe read(Path file) throws RecipeFormatException, IOException {
        return parse(TextFiles.read(file, TextFiles.RECIPE_MAX_BYTES, "a recipe file"), file.toString());
    }

    /**
     * Parses a recipe from JSON text.
     *
     * @param sourceName how to name the source in messages (a file name)
     * @throws RecipeFormatException naming the source, the JSON path and the bad value
     */
    public static Recipe parse(String json, String sourceName) throws RecipeFormatException {
        json = withoutByteOrderMark(json);
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new RecipeFormatException(sourceName, "$", JsonDocuments.notJson(e));
        }
        if (root == null || root.isMissingNode()) {
            throw new RecipeFormatException(sourceName, "$", "the file is empty");
        }
        try {
            Reader reader = new Reader(sourceName);
            reader.checkFormat(root);
            for (RecipeSchema.Violation v : RecipeSchema.check(root)) {
                throw new Fault(JsonLines.toPath(v.pointer()), v.message());
            }
            return reader.recipe(root);
        } catch (Fault f) {
            throw new RecipeFormatException(sourceName, f.path, f.getMessage(), JsonLines.lineOf(json, JsonLines.toPointer(f.path)));
        }
    }

    /** The text without a leading UTF-8 byte order mark (spreadsheet and Windows editors write one). */
    static String withoutByteOrderMark(String text) {
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    /**
     * Writes a recipe file atomically: a temporary file beside the target, then a move, so that a
     * failure never leaves a half-written file in place of the user's recipe.
     */
    public static void write(Recipe recipe, Path file) throws IOException {
        AtomicFiles.writeString(file, toJson(recipe));
    }

    /** The recipe as format-1 JSON text. */
    public static String toJson(Recipe recipe) {
        try {
            return MAPPER.writeValueAsString(Writer.recipe(recipe)) + System.lineSeparator();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a recipe tree could not be written as JSON", e);
        }
    }

    // ------------------------------------------------------------------ reading

    /** A fault at a JSON path, turned into a {@link RecipeFormatException} at the top. */
    static final class Fault extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final String path;

        Fault(String path, String message) {
            super(message, null, false, false);
            this.path = path;
        }
    }

    static final class Reader {

        private static final Pattern LEADING_FIELD =
                Pattern.compile("^([a-z][A-Za-z]*(?:\\[\\d+])?(?:\\.[A-Za-z]+)*)(: | )");
        private static final Set<String> SIMPLE_FIELDS = Set.of("id", "kind", "formula", "element", "name", "sector");

        private final String source;

        Reader(String source) {
            this.source = source;
        }

        /** The format and its version come first, so that a newer file is refused as such rather than for its new fields. */
        void checkFormat(JsonNode root) {
            if (!root.isObject()) {
                throw new Fault("$", "a recipe must be a JSON object, was " + describe(root));
            }
            String format = text(root, "$", "format", true);
            if (!FORMAT.equals(format)) {
                throw new Fault("$.format", "must be \"" + FORMAT + "\", was \"" + format + "\"");
            }
            JsonNode v = root.get("formatVersion");
            if (v == null || !v.canConvertToInt() || !v.isIntegralNumber()) {
                throw new Fault("$.formatVersion", "must be a whole number, was " + describe(v));
            }
            if (v.intValue() > FORMAT_VERSION) {
                throw new Fault("$.formatVersion", "this file is format version " + v.intValue()
                        + ", newer than this Scalloy reads (" + FORMAT_VERSION + "); update Scalloy to open it");
            }
            if (v.intValue() < 1) {
                throw new Fault("$.formatVersion", "must be at least 1, was " + v.intValue());
            }
        }

        Recipe recipe(JsonNode root) {
            String balance = orDefault(text(root, "$", "balanceElement", false), "Al");
            Objective objective = enumValue(root, "$", "objective", Objective.class, Objective.MIN_COST);
            Map<String, Double> recovery = pctMap(root, "$", "recoveryPct");
            Heel heel = heel(root.get("heel"), balance);
            List<ElementTarget> targets = list(root, "$", "targets", this::target);
            List<Material> materials = list(root, "$", "materials", this::material);
            List<PropertyTarget> propertyTargets = list(root, "$", "propertyTargets", this::propertyTarget);
            return build("$", () -> Recipe.builder()
                    .name(text(root, "$", "name", false))
                    .grade(text(root, "$", "grade", false))
                    .batchMassKg(number(root, "$", "batchMassKg", false))
                    .maxProductMassKg(number(root, "$", "maxProductMassKg", false))
                    .balanceElement(balance)
                    .objective(objective)
                    .recoveryPct(recovery)
                    .meltLossPct(orDefault(number(root, "$", "meltLossPct", false), 0.0))
                    .heel(heel)
                    .targets(targets)
                    .materials(materials)
                    .wholePieces(bool(root, "$", "wholePieces"))
                    .batchMassTolerancePct(orDefault(number(root, "$", "batchMassTolerancePct", false), Recipe.DEFAULT_BATCH_MASS_TOLERANCE_PCT))
                    .confidencePct(number(root, "$", "confidencePct", false))
                    .propertyTargets(propertyTargets)
                    .build());
        }

        /** {@code {property, minValue, maxValue, process, schedule}}: process as {@code properties --process}, schedule as {@code ageing --schedule}. */
        private PropertyTarget propertyTarget(String path, JsonNode node) {
            requireObject(node, path);
            String property = text(node, path, "property", true);
            if (!PropertyTarget.PROPERTIES.contains(property)) {
                throw new Fault(path + ".property", "unknown property \"" + property + "\"; allowed: " + String.join(", ", PropertyTarget.PROPERTIES));
            }
            Double min = number(node, path, "minValue", false);
            Double max = number(node, path, "maxValue", false);
            String processText = text(node, path, "process", false);
            ProcessRoute process;
            try {
                process = processText == null ? ProcessRoute.CAST : ProcessRoute.parse(processText);
            } catch (IllegalArgumentException e) {
                throw new Fault(path + ".process", "unknown process \"" + processText + "\"; allowed: "
                        + String.join(", ", java.util.Arrays.stream(ProcessRoute.values()).map(Enum::name).toList()));
            }
            String scheduleText = text(node, path, "schedule", false);
            AgeingSchedule schedule;
            try {
                schedule = scheduleText == null ? null : AgeingSchedule.parse(scheduleText);
            } catch (IllegalArgumentException e) {
                throw new Fault(path + ".schedule", "\"" + scheduleText + "\" is not an ageing schedule: "
                        + e.getMessage().replaceFirst("^schedule: ", "") + "");
            }
            return build(path, () -> new PropertyTarget(property, min, max, process, schedule));
        }

        private Heel heel(JsonNode node, String balance) {
            if (node == null || node.isNull()) {
                return null;
            }
            String path = "$.heel";
            requireObject(node, path);
            double massKg = orDefault(number(node, path, "massKg", false), 0.0);
            Composition c = composition(node, path, balance);
            return build(path, () -> new Heel(massKg, c));
        }

        private ElementTarget target(String path, JsonNode node) {
            requireObject(node, path);
            String element = text(node, path, "element", true);
            return build(path, () -> new ElementTarget(element,
                    number(node, path, "minPct", false),
                    number(node, path, "aimPct", false),
                    number(node, path, "maxPct", false)));
        }

        Material material(String path, JsonNode node) {
            requireObject(node, path);
            String id = text(node, path, "id", true);
            MaterialKind kind = enumValue(node, path, "kind", MaterialKind.class, null);
            if (kind == null) {
                throw new Fault(path + ".kind", "is required: one of " + List.of(MaterialKind.values()));
            }
            Composition composition = kind.isMetallic()
                    ? composition(node, path, orDefault(text(node, path, "balanceElement", false), "Al"))
                    : emptyCompositionOrFault(node, path, kind);
            Formula formula = null;
            String formulaText = text(node, path, "formula", kind == MaterialKind.COMPOUND);
            if (formulaText != null) {
                try {
                    formula = Formula.parse(formulaText);
                } catch (IllegalArgumentException e) {
                    throw new Fault(path + ".formula", e.getMessage());
                }
            }
            FluxLink flux = null;
            JsonNode f = node.get("flux");
            if (f != null && !f.isNull()) {
                String fp = path + ".flux";
                requireObject(f, fp);
                String fluxId = text(f, fp, "materialId", true);
                Double ratio = number(f, fp, "kgPerKg", true);
                flux = build(fp, () -> new FluxLink(fluxId, ratio));
            }
            Formula fFormula = formula;
            FluxLink fFlux = flux;
            MaterialUncertainty uncertainty = uncertainty(node.get("uncertainty"), path + ".uncertainty");
            return build(path, () -> new Material(id,
                    text(node, path, "name", false),
                    kind,
                    composition,
                    fFormula,
                    number(node, path, "purityPct", false),
                    text(node, path, "deliveredElement", false),
                    pctMap(node, path, "recoveryPct"),
                    orDefault(number(node, path, "pricePerKg", false), 0.0),
                    orDefault(number(node, path, "co2KgPerKg", false), 0.0),
                    number(node, path, "minKg", false),
                    number(node, path, "maxKg", false),
                    number(node, path, "fixedKg", false),
                    number(node, path, "pieceMassKg", false),
                    fFlux,
                    uncertainty));
        }

        /** {@code {compositionSdPct: {El: sd}, recoverySdPct: {El: sd}}}, or none when absent. */
        private MaterialUncertainty uncertainty(JsonNode node, String path) {
            if (node == null || node.isNull()) {
                return MaterialUncertainty.NONE;
            }
            requireObject(node, path);
            Map<String, Double> composition = pctMap(node, path, "compositionSdPct");
            Map<String, Double> recovery = pctMap(node, path, "recoverySdPct");
            String parent = path.substring(0, path.length() - ".uncertainty".length());
            return build(parent, () -> new MaterialUncertainty(composition, recovery));
        }

        private Composition emptyCompositionOrFault(JsonNode node, String path, MaterialKind kind) {
            JsonNode c = node.get("compositionPct");
            if (c != null && !c.isNull() && c.size() > 0) {
                throw new Fault(path + ".compositionPct", "is only for metallic materials; a " + kind
                        + " gets its content from its formula");
            }
            return null;
        }

        private Composition composition(JsonNode node, String path, String balance) {
            Map<String, Double> pct = pctMap(node, path, "compositionPct");
            return build(path + ".compositionPct", () -> new Composition(pct, balance));
        }

        Map<String, Double> pctMap(JsonNode node, String path, String field) {
            JsonNode m = node.get(field);
            Map<String, Double> out = new LinkedHashMap<>();
            if (m == null || m.isNull()) {
                return out;
            }
            String mp = path + "." + field;
            if (!m.isObject()) {
                throw new Fault(mp, "must be an object of element to wt%, was " + describe(m));
            }
            Iterator<Map.Entry<String, JsonNode>> it = m.properties().iterator();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode v = e.getValue();
                if (!v.isNumber()) {
                    throw new Fault(mp + "." + e.getKey(), "must be a number, was " + describe(v));
                }
                out.put(e.getKey(), finite(mp + "." + e.getKey(), v));
            }
            return out;
        }

        <T> List<T> list(JsonNode node, String path, String field, Item<T> item) {
            JsonNode a = node.get(field);
            List<T> out = new ArrayList<>();
            if (a == null || a.isNull()) {
                return out;
            }
            if (!a.isArray()) {
                throw new Fault(path + "." + field, "must be an array, was " + describe(a));
            }
            for (int i = 0; i < a.size(); i++) {
                out.add(item.read(path + "." + field + "[" + i + "]", a.get(i)));
            }
            return out;
        }

        /** Runs an engine constructor; its refusal becomes a fault at {@code path}, with the message's own field appended. */
        <T> T build(String path, Supplier<T> constructor) {
            try {
                return constructor.get();
            } catch (IllegalArgumentException | NullPointerException e) {
                return refine(path, e.getMessage());
            }
        }

        /**
         * Engine messages start with the field they concern ("pricePerKg must be …",
         * "flux.materialId: …"); that field is moved into the path so the message names it exactly.
         */
        private <T> T refine(String path, String message) {
            String msg = message == null ? "invalid value" : message;
            Matcher m = LEADING_FIELD.matcher(msg);
            if (m.find() && (m.group(1).matches(".*[A-Z.\\[].*") || SIMPLE_FIELDS.contains(m.group(1)))) {
                throw new Fault(path + "." + m.group(1), m.group(2).equals(": ") ? msg.substring(m.end()) : msg.substring(m.end(1) + 1));
            }
            throw new Fault(path, msg);
        }

        @FunctionalInterface
        interface Item<T> {
            T read(String path, JsonNode node);
        }

        static void requireObject(JsonNode node, String path) {
            if (!node.isObject()) {
                throw new Fault(path, "must be an object, was " + describe(node));
            }
        }

        static String text(JsonNode node, String path, String field, boolean required) {
            JsonNode v = node.get(field);
            if (v == null || v.isNull()) {
                if (required) {
                    throw new Fault(path + "." + field, "is required");
                }
                return null;
            }
            if (!v.isTextual()) {
                throw new Fault(path + "." + field, "must be text, was " + describe(v));
            }
            return v.textValue();
        }

        static Double number(JsonNode node, String path, String field, boolean required) {
            JsonNode v = node.get(field);
            if (v == null || v.isNull()) {
                if (required) {
                    throw new Fault(path + "." + field, "is required");
                }
                return null;
            }
            if (!v.isNumber()) {
                throw new Fault(path + "." + field, "must be a number, was " + describe(v));
            }
            return finite(path + "." + field, v);
        }

        /** The number's value; a fault naming the path and the number as written when it overflows to infinity. */
        static double finite(String path, JsonNode v) {
            double d = v.doubleValue();
            if (!Double.isFinite(d)) {
                throw new Fault(path, "must be a finite number, was " + v.asText() + " (it overflows to infinity)");
            }
            return d;
        }

        private static boolean bool(JsonNode node, String path, String field) {
            JsonNode v = node.get(field);
            if (v == null || v.isNull()) {
                return false;
            }
            if (!v.isBoolean()) {
                throw new Fault(path + "." + field, "must be true or false, was " + describe(v));
            }
            return v.booleanValue();
        }

        static <E extends Enum<E>> E enumValue(JsonNode node, String path, String field, Class<E> type, E absent) {
            String s = text(node, path, field, false);
            if (s == null) {
                return absent;
            }
            try {
                return Enum.valueOf(type, s);
            } catch (IllegalArgumentException e) {
                throw new Fault(path + "." + field, "unknown value \"" + s + "\"; allowed: " + List.of(type.getEnumConstants()));
            }
        }
    }

    static <T> T orDefault(T value, T fallback) {
        return value == null ? fallback : value;
    }

    static String describe(JsonNode v) {
        if (v == null || v.isMissingNode()) {
            return "absent";
        }
        String s = v.toString();
        return s.length() > 60 ? s.substring(0, 57) + "..." : s;
    }

    // ------------------------------------------------------------------ writing

    static final class Writer {

        static ObjectNode recipe(Recipe r) {
            ObjectNode o = MAPPER.createObjectNode();
            o.put("format", FORMAT);
            o.put("formatVersion", FORMAT_VERSION);
            o.put("name", r.name());
            o.put("grade", r.grade());
            JsonNodes.putNullable(o, "batchMassKg", r.batchMassKg());
            if (r.maxProductMassKg() != null) {
                o.put("maxProductMassKg", r.maxProductMassKg());
            }
            o.put("balanceElement", r.balanceElement());
            o.put("objective", r.objective().name());
            o.set("recoveryPct", pctMap(r.recoveryPct()));
            o.put("meltLossPct", r.meltLossPct());
            ObjectNode heel = o.putObject("heel");
            heel.put("massKg", r.heel().massKg());
            heel.set("compositionPct", pctMap(r.heel().composition().wtPct()));
            if (r.wholePieces()) {
                o.put("wholePieces", true);
                o.put("batchMassTolerancePct", r.batchMassTolerancePct());
            }
            if (r.confidencePct() != null) {
                o.put("confidencePct", r.confidencePct());
            }
            ArrayNode targets = o.putArray("targets");
            for (ElementTarget t : r.targets()) {
                ObjectNode n = targets.addObject();
                n.put("element", t.element());
                putIfSet(n, "minPct", t.minPct());
                putIfSet(n, "aimPct", t.aimPct());
                putIfSet(n, "maxPct", t.maxPct());
            }
            if (!r.propertyTargets().isEmpty()) {
                ArrayNode props = o.putArray("propertyTargets");
                for (PropertyTarget t : r.propertyTargets()) {
                    ObjectNode n = props.addObject();
                    n.put("property", t.property());
                    putIfSet(n, "minValue", t.minValue());
                    putIfSet(n, "maxValue", t.maxValue());
                    n.put("process", t.process().name());
                    if (t.schedule() != null) {
                        n.put("schedule", t.schedule().toString());
                    }
                }
            }
            ArrayNode materials = o.putArray("materials");
            for (Material m : r.materials()) {
                materials.add(material(m));
            }
            return o;
        }

        static ObjectNode material(Material m) {
            ObjectNode n = MAPPER.createObjectNode();
            n.put("id", m.id());
            n.put("name", m.name());
            n.put("kind", m.kind().name());
            if (m.kind().isMetallic()) {
                if (!"Al".equals(m.composition().balanceElement())) {
                    n.put("balanceElement", m.composition().balanceElement());
                }
                n.set("compositionPct", pctMap(m.composition().wtPct()));
            }
            if (m.formula() != null) {
                n.put("formula", m.formula().text());
                n.put("purityPct", m.purityPct());
                if (!m.deliveredElement().equals(m.formula().reducibleElement())) {
                    n.put("deliveredElement", m.deliveredElement());
                }
            }
            if (!m.recoveryPct().isEmpty()) {
                n.set("recoveryPct", pctMap(m.recoveryPct()));
            }
            n.put("pricePerKg", m.pricePerKg());
            n.put("co2KgPerKg", m.co2KgPerKg());
            JsonNodes.putNullable(n, "minKg", m.minKg());
            JsonNodes.putNullable(n, "maxKg", m.maxKg());
            JsonNodes.putNullable(n, "fixedKg", m.fixedKg());
            JsonNodes.putNullable(n, "pieceMassKg", m.pieceMassKg());
            if (m.flux() != null) {
                ObjectNode f = n.putObject("flux");
                f.put("materialId", m.flux().materialId());
                f.put("kgPerKg", m.flux().kgPerKg());
            }
            if (m.uncertainty().isStated()) {
                ObjectNode u = n.putObject("uncertainty");
                if (!m.uncertainty().compositionSdPct().isEmpty()) {
                    u.set("compositionSdPct", pctMap(m.uncertainty().compositionSdPct()));
                }
                if (!m.uncertainty().recoverySdPct().isEmpty()) {
                    u.set("recoverySdPct", pctMap(m.uncertainty().recoverySdPct()));
                }
            }
            return n;
        }

        static ObjectNode pctMap(Map<String, Double> map) {
            ObjectNode n = MAPPER.createObjectNode();
            map.forEach(n::put);
            return n;
        }

    
        private static void putIfSet(ObjectNode n, String field, Double v) {
            if (v != null) {
                n.put(field, v);
            }
        }
    }
}
