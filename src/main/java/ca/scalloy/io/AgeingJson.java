package ca.scalloy.io;

import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import ca.scalloy.engine.Composition;
import ca.scalloy.engine.kinetics.AgeingDesign;
import ca.scalloy.engine.kinetics.AgeingPoint;
import ca.scalloy.engine.kinetics.AgeingResult;
import ca.scalloy.engine.kinetics.StartingState;

/**
 * The JSON shape of {@code scalloy ageing --json}. The keys named in issue 12 ({@code points: [{hours,
 * tempC, radiusNm, numberDensityPerM3, volumePct, scInSolutionWtPct, yieldStrengthMPa}], peak: {tempC,
 * hours, yieldStrengthMPa}}) are a contract; others may be added, never renamed.
 */
public final class AgeingJson {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private AgeingJson() {
    }

    /**
     * The result of one schedule.
     *
     * @param suggestion a suggested schedule to add, or null
     */
    public static String toJson(Composition alloy, AgeingResult result, AgeingDesign.Suggestion suggestion) {
        ObjectNode o = MAPPER.createObjectNode();
        ObjectNode comp = o.putObject("compositionPct");
        for (Map.Entry<String, Double> e : alloy.allWtPct().entrySet()) {
            comp.put(e.getKey(), round(e.getValue(), 4));
        }
        StartingState s = result.start();
        o.put("process", s.route().name());
        o.put("schedule", result.schedule().toString());
        ObjectNode start = o.putObject("start");
        start.put("scInSolutionWtPct", round(s.scInSolutionWtPct(), 5));
        start.put("zrInSolutionWtPct", round(s.zrInSolutionWtPct(), 5));
        start.put("grainSizeUm", round(s.grainSizeM() * 1e6, 2));
        start.put("basis", s.basis().english());
        ArrayNode points = o.putArray("points");
        for (AgeingPoint p : result.points()) {
            point(points.addObject(), p);
        }
        AgeingPoint peak = result.peak();
        ObjectNode pk = o.putObject("peak");
        pk.put("tempC", peak.tempC());
        pk.put("hours", round(peak.hours(), 4));
        pk.put("yieldStrengthMPa", round(peak.yieldStrengthMPa(), 1));
        pk.put("step", peak.step());
        pk.put("hoursInStep", round(peak.hoursInStep(), 4));
        pk.put("radiusNm", round(peak.radiusNm(), 3));
        pk.put("mechanism", peak.strength().mechanism());
        if (suggestion != null) {
            ObjectNode sg = o.putObject("suggestion");
            sg.put("schedule", suggestion.schedule().toString());
            sg.put("yieldStrengthMPa", round(suggestion.end().yieldStrengthMPa(), 1));
            sg.put("radiusNm", round(suggestion.end().radiusNm(), 3));
            sg.put("reason", suggestion.reason());
        }
        ArrayNode warnings = o.putArray("warnings");
        result.warnings().forEach(w -> warnings.add(w.english()));
        PropertiesJson.putModels(o, result.models());
        try {
            return MAPPER.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an ageing tree could not be written as JSON", e);
        }
    }

    private static void point(ObjectNode n, AgeingPoint p) {
        n.put("hours", round(p.hours(), 4));
        n.put("tempC", p.tempC());
        n.put("radiusNm", round(p.radiusNm(), 3));
        n.put("numberDensityPerM3", significant(p.numberDensityPerM3()));
        n.put("volumePct", round(p.volumePct(), 4));
        n.put("scInSolutionWtPct", round(p.scInSolutionWtPct(), 5));
        n.put("yieldStrengthMPa", round(p.yieldStrengthMPa(), 1));
        n.put("step", p.step());
        n.put("hoursInStep", round(p.hoursInStep(), 4));
        n.put("zrInSolutionWtPct", round(p.zrInSolutionWtPct(), 5));
        n.put("scInPrecipitatesWtPct", round(p.scInPrecipitatesWtPct(), 5));
        n.put("zrInPrecipitatesWtPct", round(p.zrInPrecipitatesWtPct(), 5));
        n.put("zrSiteFraction", round(p.zrSiteFraction(), 4));
        n.put("precipitationMPa", round(p.strength().precipitationMPa(), 1));
        n.put("mechanism", p.strength().mechanism());
        ArrayNode band = n.putArray("yieldStrengthBandMPa");
        band.add(round(p.strength().yieldStrength().lowMPa(), 1));
        band.add(round(p.strength().yieldStrength().highMPa(), 1));
    }

    /** Four significant figures (number densities span 30 decades). */
    private static double significant(double v) {
        if (v == 0 || !Double.isFinite(v)) {
            return v;
        }
        return Double.parseDouble(String.format(java.util.Locale.ROOT, "%.4g", v));
    }

    private static double round(double v, int decimals) {
        return ChargeResultJson.round(v, decimals);
    }
}
