package ca.scalloy.io;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import ca.scalloy.engine.heat.BelowDetection;
import ca.scalloy.engine.heat.ElementStatus;
import ca.scalloy.engine.heat.Heat;
import ca.scalloy.engine.heat.HeatCorrection;
import ca.scalloy.engine.heat.HeatLine;
import ca.scalloy.engine.heat.HeatRecord;
import ca.scalloy.engine.heat.HeatSample;
import ca.scalloy.engine.heat.Lot;
import ca.scalloy.engine.heat.RecoveryPoint;
import ca.scalloy.engine.heat.SampleCheck;
import ca.scalloy.engine.heat.SampleImportLog;
import ca.scalloy.engine.heat.StatusMove;
import ca.scalloy.engine.library.AuditEntry;

/**
 * The JSON of heats: the small values the store keeps in columns (a sample's wt%, its element checks,
 * an instrument's column mapping, an import log) and what the heat and audit commands print.
 */
public final class HeatJson {

    private static final int PCT_DECIMALS = 4;

    private HeatJson() {
    }

    /** wt% per element as a JSON object, in order. */
    public static String wtPct(Map<String, Double> wtPct) {
        ObjectNode n = RecipeFiles.MAPPER.createObjectNode();
        wtPct.forEach(n::put);
        return compact(n);
    }

    /**
     * Reads {@link #wtPct(Map)}'s text.
     *
     * @throws IllegalArgumentException when it is not such an object
     */
    public static Map<String, Double> parseWtPct(String json) {
        Map<String, Double> out = new LinkedHashMap<>();
        JsonNode n = read(json);
        n.properties().forEach(e -> out.put(e.getKey(), e.getValue().asDouble()));
        return out;
    }

    /** A sample's element checks as a JSON array of {element, minPct, maxPct, valuePct, reading, status, marginPct}. */
    public static String checks(List<SampleCheck> checks) {
        return compact(checksNode(checks, false));
    }

    /**
     * Reads {@link #checks(List)}'s text; checks stored before schema version 5 carry no reading and read as MEASURED
     * (the store marks the elements such a sample did not report).
     *
     * @throws IllegalArgumentException when it is not such an array
     */
    public static List<SampleCheck> parseChecks(String json) {
        List<SampleCheck> out = new ArrayList<>();
        for (JsonNode e : read(json)) {
            SampleCheck.Reading reading = e.hasNonNull("reading") ? SampleCheck.Reading.valueOf(e.get("reading").asText())
                    : SampleCheck.Reading.MEASURED;
            out.add(new SampleCheck(e.path("element").asText(), nullableDouble(e.get("minPct")), nullableDouble(e.get("maxPct")),
                    nullableDouble(e.get("valuePct")), reading, ElementStatus.valueOf(e.path("status").asText()),
                    nullableDouble(e.get("marginPct"))));
        }
        return out;
    }

    /** Elements below detection as a JSON object: element → the stated limit in wt%, or null for "n.d.". */
    public static String belowDetection(Map<String, BelowDetection> below) {
        ObjectNode n = RecipeFiles.MAPPER.createObjectNode();
        below.forEach((k, v) -> JsonNodes.putNullable(n, k, v.limitWtPct()));
        return compact(n);
    }

    /** Reads {@link #belowDetection(Map)}'s text (null or blank: none). */
    public static Map<String, BelowDetection> parseBelowDetection(String json) {
        Map<String, BelowDetection> out = new LinkedHashMap<>();
        if (json == null || json.isBlank()) {
            return out;
        }
        read(json).properties().forEach(e -> out.put(e.getKey(), new BelowDetection(nullableDouble(e.getValue()))));
        return out;
    }

    /** Lines of text (an import log, its warnings) as a JSON array. */
    public static String lines(List<String> lines) {
        ArrayNode a = RecipeFiles.MAPPER.createArrayNode();
        lines.forEach(a::add);
        return compact(a);
    }

    /** Reads {@link #lines(List)}'s text. */
    public static List<String> parseLines(String json) {
        List<String> out = new ArrayList<>();
        read(json).forEach(l -> out.add(l.asText()));
        return out;
    }

    /** A column mapping: {@code {fields: {header: FIELD}, elements: {header: symbol}, ppm: [header]}}. */
    public static String mapping(ColumnMapping m) {
        ObjectNode n = RecipeFiles.MAPPER.createObjectNode();
        ObjectNode f = n.putObject("fields");
        m.fields().forEach((k, v) -> f.put(k, v.name()));
        ObjectNode e = n.putObject("elements");
        m.elements().forEach(e::put);
        ArrayNode p = n.putArray("ppm");
        m.ppmElements().stream().sorted().forEach(p::add);
        return compact(n);
    }

    /** Reads {@link #mapping(ColumnMapping)}'s text. */
    public static ColumnMapping parseMapping(String json) {
        JsonNode n = read(json);
        Map<String, ColumnMapping.Field> fields = new LinkedHashMap<>();
        n.path("fields").properties().forEach(e -> fields.put(e.getKey(), ColumnMapping.Field.valueOf(e.getValue().asText())));
        Map<String, String> elements = new LinkedHashMap<>();
        n.path("elements").properties().forEach(e -> elements.put(e.getKey(), e.getValue().asText()));
        Set<String> ppm = new LinkedHashSet<>();
        n.path("ppm").forEach(p -> ppm.add(p.asText()));
        return new ColumnMapping(fields, elements, ppm);
    }

    /** kg per material id as a JSON object, in order. */
    public static String kgByMaterial(Map<String, Double> kg) {
        return wtPct(kg);
    }

    /** Reads {@link #kgByMaterial(Map)}'s text. */
    public static Map<String, Double> parseKgByMaterial(String json) {
        return parseWtPct(json);
    }

    /**
     * A heat list: {@code [{number, status, recipe, recipeVersion, spec, specVersion, furnace, operator,
     * plannedKg, createdAt, recoveryElement, recoveryPct}]}.
     */
    public static String heats(List<Heat> heats) {
        ArrayNode a = RecipeFiles.MAPPER.createArrayNode();
        heats.forEach(h -> a.add(heatNode(h)));
        return MaterialFiles.write(a);
    }

    /**
     * One heat whole: the list's fields plus {@code lines: [{line, materialId, plannedKg, weighedKg, lot}],
     * samples: [{sampleNumber, takenAt, method, instrument, imported, wtPct, verdict, elements: [...],
     * enteredBy, enteredAt}], corrections: [{sampleNumber, meltKg, additionsKg, reason, by, at}],
     * moves: [{from, to, by, at, reason}], imports: [{file, instrument, log, warnings, by, at}]}.
     */
    public static String heat(HeatRecord r) {
        return MaterialFiles.write(recordNode(r));
    }

    /**
     * Heats whole for exchange: {@code {format: "scalloy-heats", formatVersion: 1, heats: [...]}}, each
     * heat in the {@link #heat} shape.
     */
    public static String export(List<HeatRecord> records) {
        ObjectNode n = RecipeFiles.MAPPER.createObjectNode();
        n.put("format", "scalloy-heats");
        n.put("formatVersion", 1);
        ArrayNode a = n.putArray("heats");
        records.forEach(r -> a.add(recordNode(r)));
        return MaterialFiles.write(n);
    }

    private static ObjectNode recordNode(HeatRecord r) {
        ObjectNode n = heatNode(r.heat());
        ArrayNode lines = n.putArray("lines");
        for (HeatLine l : r.lines()) {
            ObjectNode o = lines.addObject().put("line", l.lineNo()).put("materialId", l.materialId())
                    .put("plannedKg", ChargeResultJson.round(l.plannedKg(), 3));
            JsonNodes.putNullable(o, "weighedKg", l.weighedKg());
            o.put("lot", l.lotNumber());
        }
        ArrayNode samples = n.putArray("samples");
        r.samples().forEach(s -> samples.add(sampleNode(s)));
        ArrayNode corrections = n.putArray("corrections");
        for (HeatCorrection c : r.corrections()) {
            ObjectNode o = corrections.addObject().put("sampleNumber", c.sampleNumber())
                    .put("meltKg", ChargeResultJson.round(c.meltKg(), 3));
            ObjectNode add = o.putObject("additionsKg");
            c.additionsKg().forEach((k, v) -> add.put(k, ChargeResultJson.round(v, 3)));
            o.put("reason", c.reason()).put("by", c.by()).put("at", c.at().toString());
        }
        ArrayNode moves = n.putArray("moves");
        for (StatusMove m : r.moves()) {
            moves.addObject().put("from", m.from() == null ? null : m.from().name()).put("to", m.to().name()).put("by", m.by())
                    .put("at", m.at().toString()).put("reason", m.reason());
        }
        ArrayNode imports = n.putArray("imports");
        for (SampleImportLog i : r.imports()) {
            ObjectNode o = imports.addObject().put("file", i.fileName()).put("instrument", i.instrument());
            ArrayNode log = o.putArray("log");
            i.log().forEach(log::add);
            ArrayNode warnings = o.putArray("warnings");
            i.warnings().forEach(warnings::add);
            o.put("by", i.by()).put("at", i.at().toString());
        }
        return n;
    }

    /** Samples just entered, each with its verdict: an array of the {@link #heat} samples' shape. */
    public static String samples(List<HeatSample> samples, List<String> warnings) {
        ObjectNode n = RecipeFiles.MAPPER.createObjectNode();
        ArrayNode a = n.putArray("samples");
        samples.forEach(s -> a.add(sampleNode(s)));
        ArrayNode w = n.putArray("warnings");
        warnings.forEach(w::add);
        return MaterialFiles.write(n);
    }

    /** Audit entries: {@code [{id, at, actor, entity, entityId, change, oldValue, newValue, reason}]}. */
    public static String audit(List<AuditEntry> entries) {
        ArrayNode a = RecipeFiles.MAPPER.createArrayNode();
        for (AuditEntry e : entries) {
            a.addObject().put("id", e.id()).put("at", e.at().toString()).put("actor", e.actor()).put("entity", e.entity())
                    .put("entityId", e.entityId()).put("change", e.change()).put("oldValue", e.oldValue())
                    .put("newValue", e.newValue()).put("reason", e.reason()).put("dbUser", e.dbUser());
        }
        return MaterialFiles.write(a);
    }

    /** A material's recovery history: {@code [{heat, materialId, route, furnace, element, recoveryPct, at}]}. */
    public static String recoveries(List<RecoveryPoint> points) {
        ArrayNode a = RecipeFiles.MAPPER.createArrayNode();
        for (RecoveryPoint p : points) {
            a.addObject().put("heat", p.heatNumber()).put("materialId", p.materialId()).put("route", p.route()).put("furnace", p.furnace())
                    .put("element", p.element())
                    .put("recoveryPct", ChargeResultJson.round(p.recoveryPct(), 3)).put("at", p.at().toString());
        }
        return MaterialFiles.write(a);
    }

    /** Lots: {@code [{lot, materialId, assayWtPct, purityPct, certificate, receivedAt}]}. */
    public static String lots(List<Lot> lots) {
        ArrayNode a = RecipeFiles.MAPPER.createArrayNode();
        for (Lot l : lots) {
            ObjectNode o = a.addObject().put("lot", l.lotNumber()).put("materialId", l.materialId());
            ObjectNode assay = o.putObject("assayWtPct");
            l.assayWtPct().forEach(assay::put);
            JsonNodes.putNullable(o, "purityPct", l.purityPct());
            o.put("certificate", l.certificate()).put("receivedAt", l.receivedAt().toString());
        }
        return MaterialFiles.write(a);
    }

    private static ObjectNode heatNode(Heat h) {
        ObjectNode n = RecipeFiles.MAPPER.createObjectNode();
        n.put("number", h.number()).put("status", h.status().name()).put("recipe", h.recipeName())
                .put("recipeVersion", h.recipeVersion()).put("spec", h.specName()).put("specVersion", h.specVersion())
                .put("furnace", h.furnace()).put("operator", h.operator()).put("plannedKg", ChargeResultJson.round(h.plannedKg(), 3))
                .put("createdAt", h.createdAt().toString()).put("updatedAt", h.updatedAt().toString())
                .put("recoveryElement", h.recoveryElement());
        JsonNodes.putNullable(n, "recoveryPct", h.recoveryPct() == null ? null : ChargeResultJson.round(h.recoveryPct(), 2));
        n.put("revision", h.revision()).put("updatedBy", h.updatedBy());
        return n;
    }

    private static ObjectNode sampleNode(HeatSample s) {
        ObjectNode o = RecipeFiles.MAPPER.createObjectNode();
        o.put("sampleNumber", s.analysis().sampleNumber()).put("takenAt", s.analysis().takenAt()).put("method", s.analysis().method())
                .put("instrument", s.instrument()).put("imported", s.imported());
        ObjectNode wt = o.putObject("wtPct");
        s.analysis().wtPct().forEach(wt::put);
        ObjectNode below = o.putObject("belowDetectionWtPct");
        s.analysis().belowDetection().forEach((k, v) -> JsonNodes.putNullable(below, k, v.limitWtPct()));
        o.put("verdict", s.verdict().name());
        o.put("legacyVerdict", s.legacyVerdict());
        o.set("elements", checksNode(s.checks(), true));
        o.put("enteredBy", s.enteredBy()).put("enteredAt", s.enteredAt().toString());
        return o;
    }

    private static ArrayNode checksNode(List<SampleCheck> checks, boolean rounded) {
        ArrayNode a = RecipeFiles.MAPPER.createArrayNode();
        for (SampleCheck e : checks) {
            ObjectNode o = a.addObject();
            o.put("element", e.element());
            JsonNodes.putNullable(o, "minPct", e.minPct());
            JsonNodes.putNullable(o, "maxPct", e.maxPct());
            JsonNodes.putNullable(o, "valuePct", e.valuePct() == null ? null : rounded ? ChargeResultJson.round(e.valuePct(), PCT_DECIMALS)
                    : e.valuePct());
            o.put("reading", e.reading().name());
            if (rounded) {
                o.put("belowDetectionLimit", e.reading() == SampleCheck.Reading.BELOW_LIMIT
                        || e.reading() == SampleCheck.Reading.NOT_DETECTED);
            }
            o.put("status", e.status().name());
            JsonNodes.putNullable(o, "marginPct", e.marginPct() == null ? null
                    : rounded ? ChargeResultJson.round(e.marginPct(), PCT_DECIMALS) : e.marginPct());
        }
        return a;
    }

    private static Double nullableDouble(JsonNode n) {
        return n == null || n.isNull() ? null : n.asDouble();
    }

    private static JsonNode read(String json) {
        try {
            return RecipeFiles.MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static String compact(JsonNode n) {
        return n.toString();
    }
}
