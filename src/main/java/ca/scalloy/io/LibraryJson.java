package ca.scalloy.io;

import java.util.List;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import ca.scalloy.engine.library.FieldChange;
import ca.scalloy.engine.library.LibraryMaterial;
import ca.scalloy.engine.library.RecipeSummary;
import ca.scalloy.engine.library.RecipeVersion;
import ca.scalloy.engine.spec.ComplianceReport;
import ca.scalloy.engine.spec.ElementCheck;
import ca.scalloy.engine.spec.MakeItComply;
import ca.scalloy.engine.spec.PropertyCheck;
import ca.scalloy.engine.spec.Specification;

/** The JSON the library commands print: lists, recipe histories, compliance reports. */
public final class LibraryJson {

    private static final int PCT_DECIMALS = 4;

    private LibraryJson() {
    }

    /** Materials: every recipe-file field plus source, confidence, priceSetAt and retired. */
    public static String materials(List<LibraryMaterial> materials) {
        ArrayNode a = RecipeFiles.MAPPER.createArrayNode();
        materials.forEach(m -> a.add(MaterialFiles.entryNode(m)));
        return MaterialFiles.write(a);
    }

    /** Specifications, each in the specification file format. */
    public static String specifications(List<Specification> specs) {
        ArrayNode a = RecipeFiles.MAPPER.createArrayNode();
        specs.forEach(s -> a.add(SpecificationFiles.node(s)));
        return MaterialFiles.write(a);
    }

    /** Stored recipes: {@code [{name, grade, version, versions, savedAt}]}. */
    public static String recipes(List<RecipeSummary> recipes) {
        ArrayNode a = RecipeFiles.MAPPER.createArrayNode();
        for (RecipeSummary r : recipes) {
            a.addObject().put("name", r.name()).put("grade", r.grade()).put("version", r.version())
                    .put("versions", r.versions()).put("savedAt", r.savedAt().toString());
        }
        return MaterialFiles.write(a);
    }

    /**
     * A recipe's history: {@code [{version, savedAt, note, changes: [{field, before, after}]}]}, each
     * version's changes against the one before it (none for version 1).
     */
    public static String history(List<RecipeVersion> versions, List<List<FieldChange>> changes) {
        ArrayNode a = RecipeFiles.MAPPER.createArrayNode();
        for (int i = 0; i < versions.size(); i++) {
            RecipeVersion v = versions.get(i);
            ObjectNode n = a.addObject().put("version", v.version()).put("savedAt", v.savedAt().toString()).put("note", v.note());
            ArrayNode c = n.putArray("changes");
            for (FieldChange f : changes.get(i)) {
                c.addObject().put("field", f.field()).put("before", f.before()).put("after", f.after());
            }
        }
        return MaterialFiles.write(a);
    }

    /**
     * Compliance reports: {@code [{spec, sector, revision, source, confidence, verdict, elements: [{element,
     * minPct, maxPct, valuePct, status, marginPct}], properties: [{property, unit, required, estimate,
     * status, margin, isEstimate}]}]}.
     */
    public static String compliance(List<ComplianceReport> reports) {
        ArrayNode a = RecipeFiles.MAPPER.createArrayNode();
        reports.forEach(r -> a.add(report(r)));
        return MaterialFiles.write(a);
    }

    /** "Make it comply": {@code {spec, costBefore, costAfter, costDifference, before, after, report, notes}}. */
    public static String makeItComply(MakeItComply.Outcome o, Specification spec) {
        ObjectNode n = RecipeFiles.MAPPER.createObjectNode();
        n.put("spec", spec.name());
        n.put("costBefore", ChargeResultJson.round(o.before().costTotal(), 2));
        n.put("costAfter", ChargeResultJson.round(o.after().costTotal(), 2));
        if (o.costDifference() == null) {
            n.putNull("costDifference");
        } else {
            n.put("costDifference", ChargeResultJson.round(o.costDifference(), 2));
        }
        n.set("before", ChargeResultJson.node(o.before(), o.constrained().name(), o.constrained().grade()));
        n.set("after", ChargeResultJson.node(o.after(), o.constrained().name(), o.constrained().grade()));
        if (o.reportAfter() == null) {
            n.putNull("report");
        } else {
            n.set("report", report(o.reportAfter()));
        }
        ArrayNode notes = n.putArray("notes");
        o.notes().forEach(notes::add);
        return MaterialFiles.write(n);
    }

    private static ObjectNode report(ComplianceReport r) {
        Specification s = r.specification();
        ObjectNode n = RecipeFiles.MAPPER.createObjectNode();
        n.put("spec", s.name()).put("sector", s.sector()).put("revision", s.revision()).put("source", s.source())
                .put("confidence", s.confidence()).put("verdict", r.verdict().name());
        ArrayNode elements = n.putArray("elements");
        for (ElementCheck e : r.elements()) {
            ObjectNode o = elements.addObject();
            o.put("element", e.element());
            JsonNodes.putNullable(o, "minPct", e.minPct());
            JsonNodes.putNullable(o, "maxPct", e.maxPct());
            o.put("valuePct", ChargeResultJson.round(e.valuePct(), PCT_DECIMALS));
            o.put("status", e.status().name());
            o.put("marginPct", ChargeResultJson.round(e.marginPct(), PCT_DECIMALS));
        }
        ArrayNode props = n.putArray("properties");
        for (PropertyCheck p : r.properties()) {
            props.addObject().put("property", p.property().name()).put("unit", p.property().unit()).put("required", p.required())
                    .put("estimate", ChargeResultJson.round(p.estimate(), 3)).put("status", p.status().name())
                    .put("margin", ChargeResultJson.round(p.margin(), 3)).put("isEstimate", true);
        }
        return n;
    }

    /** Settings as a JSON object of key to value. */
    public static String settings(java.util.Map<String, String> settings) {
        ObjectNode o = RecipeFiles.MAPPER.createObjectNode();
        settings.forEach(o::put);
        return MaterialFiles.write(o);
    }
}
