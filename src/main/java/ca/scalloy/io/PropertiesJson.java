package ca.scalloy.io;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import ca.scalloy.engine.Composition;
import ca.scalloy.engine.charge.ChargeResult;
import ca.scalloy.engine.kinetics.AgeingStep;
import ca.scalloy.engine.props.AlloyProperties;
import ca.scalloy.engine.props.Band;
import ca.scalloy.engine.props.ModelNote;
import ca.scalloy.engine.props.StrengthContribution;
import ca.scalloy.engine.thermo.DatabaseUse;

/**
 * The JSON shapes of {@code scalloy properties --json} and {@code scalloy solvus --json}. The keys
 * named in issues 3 and 12 are a contract; others may be added, never renamed.
 */
public final class PropertiesJson {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    /** Decimals of each band in the JSON, as its value is rounded (4 for those not listed). */
    private static final Map<String, Integer> DECIMALS = Map.of("liquidusC", 1, "solidusC", 1, "scheilSolidusC", 1, "eutecticC", 1,
            "scSolvusC", 1, "zrSolvusC", 1, "yieldStrengthMPa", 1, "conductivityPctIACS", 2, "grainSizeUm", 1, "growthRestrictionQ", 3);

    private PropertiesJson() {
    }

    /**
     * Every property of an alloy, with the composition and thermal state it is for.
     *
     * @param charge the charge the composition is the product of (adds cost and CO2 per kg), or null
     */
    public static String toJson(Composition c, AlloyProperties p, ChargeResult charge) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("densityGPerCm3", round(p.densityGPerCm3(), 4));
        o.put("liquidusC", round(p.liquidusC(), 1));
        JsonNodes.putNullableText(o, "liquidusPrimaryPhase", p.liquidusPrimaryPhase());
        o.put("liquidusUncertaintyC", round(p.liquidusUncertaintyC(), 1));
        o.put("solidusC", round(p.solidusC(), 1));
        putRounded(o, "scheilSolidusC", p.scheilSolidusC(), 1);
        o.put("eutecticC", round(p.eutecticC(), 1));
        o.put("hypereutectic", p.hypereutectic());
        putRounded(o, "scSolvusC", p.scSolvusC(), 1);
        putRounded(o, "scSolubilityWtPctAtAgeTemp", p.scSolubilityWtPctAtAgeTemp(), 5);
        o.put("scInSolutionWtPct", round(p.scInSolutionWtPct(), 5));
        o.put("scInSolutionAtPct", round(p.scInSolutionAtPct(), 5));
        o.put("al3ScVolumePct", round(p.al3ScVolumePct(), 4));
        putRounded(o, "al3ScRadiusNm", p.al3ScRadiusNm(), 3);
        putRounded(o, "zrSolvusC", p.zrSolvusC(), 1);
        o.put("zrInSolutionWtPct", round(p.zrInSolutionWtPct(), 5));
        o.put("grainSizeUm", round(p.grainSizeUm(), 1));
        ObjectNode ys = o.putObject("yieldStrengthMPa");
        ys.put("value", round(p.yieldStrength().valueMPa(), 1));
        ys.put("low", round(p.yieldStrength().lowMPa(), 1));
        ys.put("high", round(p.yieldStrength().highMPa(), 1));
        ArrayNode parts = ys.putArray("contributions");
        for (StrengthContribution c2 : p.yieldStrength().contributions()) {
            ObjectNode n = parts.addObject();
            n.put("name", c2.name());
            n.put("valueMPa", round(c2.valueMPa(), 1));
            n.put("lowMPa", round(c2.lowMPa(), 1));
            n.put("highMPa", round(c2.highMPa(), 1));
        }
        o.put("resistivityMicroOhmCm", round(p.resistivityMicroOhmCm(), 4));
        o.put("conductivityPctIACS", round(p.conductivityPctIACS(), 2));
        putRounded(o, "growthRestrictionQ", Double.isFinite(p.growthRestrictionQ()) ? p.growthRestrictionQ() : null, 3);
        ArrayNode warnings = o.putArray("warnings");
        p.warnings().forEach(w -> warnings.add(w.english()));
        if (charge != null) {
            o.put("costPerKg", round(charge.costPerKgProduct(), 4));
            o.put("co2KgPerKg", round(charge.co2PerKgProduct(), 4));
        }
        ObjectNode comp = o.putObject("compositionPct");
        for (Map.Entry<String, Double> e : c.allWtPct().entrySet()) {
            comp.put(e.getKey(), round(e.getValue(), 4));
        }
        ObjectNode age = o.putObject("ageing");
        if (p.schedule() != null) {
            AgeingStep last = p.schedule().steps().get(p.schedule().steps().size() - 1);
            age.put("tempC", last.tempC());
            age.put("hours", p.schedule().totalHours());
            age.put("schedule", p.schedule().toString());
        } else {
            age.putNull("tempC");
            age.put("state", "AS_CAST");
        }
        o.put("process", p.process().name());
        ObjectNode bands = o.putObject("bands");
        for (Map.Entry<String, Band> b : p.bands().entrySet()) {
            ArrayNode pair = bands.putArray(b.getKey());
            int decimals = DECIMALS.getOrDefault(b.getKey(), 4);
            pair.add(round(b.getValue().low(), decimals));
            pair.add(round(b.getValue().high(), decimals));
        }
        ObjectNode notes = o.putObject("notes");
        p.notes().forEach(notes::put);
        ThermoJson.putDatabase(o, p.database());
        putModels(o, p.models());
        return write(o);
    }

    /** Writes what each estimate rests on as {@code models: [{property, model, source, validity, tag}]}. */
    static void putModels(ObjectNode o, List<ModelNote> notes) {
        ArrayNode models = o.putArray("models");
        for (ModelNote m : notes) {
            ObjectNode n = models.addObject();
            n.put("property", m.property());
            n.put("model", m.model().english());
            n.put("source", m.source().english());
            n.put("validity", m.validity().english());
            n.put("tag", m.tag());
        }
    }

    /**
     * The solubility of a solute in (Al) against a phase at a temperature, from the CALPHAD core.
     *
     * @param against  the phase ({@code AL3SC}, {@code AL3ZR})
     * @param database the data it came from
     */
    public static String solvusToJson(String element, String against, double tempC, double wtPct, double atPct, DatabaseUse database) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("element", element);
        o.put("tempC", tempC);
        o.put("solubilityWtPct", round(wtPct, 6));
        o.put("solubilityAtPct", round(atPct, 6));
        o.put("against", against);
        o.put("source", String.join("; ", database.files()));
        o.put("withinValidity", true);
        ThermoJson.putDatabase(o, database);
        return write(o);
    }

    private static String write(ObjectNode o) {
        try {
            return MAPPER.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a properties tree could not be written as JSON", e);
        }
    }

    private static void putRounded(ObjectNode o, String field, Double v, int decimals) {
        JsonNodes.putNullable(o, field, v == null ? null : round(v, decimals));
    }

    private static double round(double v, int decimals) {
        return ChargeResultJson.round(v, decimals);
    }
}
