package ca.scalloy.io;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import ca.scalloy.engine.charge.ChargeAnalysis;
import ca.scalloy.engine.charge.ChargeCertainty;
import ca.scalloy.engine.charge.ChargeSensitivity;
import ca.scalloy.engine.charge.DefaultSpreads;
import ca.scalloy.engine.charge.ChargeResult;
import ca.scalloy.engine.charge.ParetoPoint;
import ca.scalloy.engine.charge.PropertyOutcome;
import ca.scalloy.engine.charge.PropertyTarget;
import ca.scalloy.engine.charge.PassProbability;

/**
 * {@code scalloy batch --json} with issue 14's additions: every key of {@link ChargeResultJson} and
 * {@code passProbability} (0-1; null, with {@code passProbabilityNote} saying why, only when there is no charge
 * or nothing is known of any spread), {@code monteCarlo} (with {@code spreads}: stated, plantHistory or
 * referenceDefaults; and {@code propertyTargetsJudged: false} for a recipe with property targets: the draws judge its
 * composition limits only, the targets hold on the nominal analyses) and {@code certainty} whenever spreads are known, {@code sensitivity} when asked, {@code pareto} when asked. Costs are rounded to 2
 * decimals, wt% and per-kg figures to 4, rates to 4.
 */
public final class ChargeAnalysisJson {

    /** How {@code monteCarlo.spreads} names where the spreads came from. */
    private static final Map<DefaultSpreads.Source, String> SPREADS = Map.of(DefaultSpreads.Source.STATED, "stated",
            DefaultSpreads.Source.PLANT_HISTORY, "plantHistory", DefaultSpreads.Source.REFERENCE, "referenceDefaults",
            DefaultSpreads.Source.NONE, "none");

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ChargeAnalysisJson() {
    }

    /**
     * @param pareto the front, or null when not asked
     * @param axis   its axis (when {@code pareto} is given)
     */
    public static String toJson(ChargeAnalysis a, String recipeName, String grade, List<ParetoPoint> pareto, ParetoPoint.Axis axis) {
        ObjectNode o = ChargeResultJson.node(a.result(), recipeName, grade);
        ChargeCertainty c = a.certainty();
        PassProbability pass = c == null ? null : c.passProbability();
        if (pass == null) {
            o.putNull("passProbability");
            o.put("passProbabilityNote", !a.result().solved() ? "no charge: nothing to pass"
                    : "unknown: no material states an uncertainty and no default spread applies to a limited element");
        } else {
            o.put("passProbability", round(pass.passRate(), 4));
        }
        if (c != null) {
            if (pass != null) {
                ObjectNode mc = o.putObject("monteCarlo");
                mc.put("draws", pass.draws());
                mc.put("seed", pass.seed());
                mc.put("passRate", round(pass.passRate(), 4));
                mc.put("standardError", round(pass.standardError(), 4));
                mc.put("spreads", SPREADS.get(c.spreads()));
                if (!a.recipe().propertyTargets().isEmpty()) {
                    // the draws judge the composition limits; the property targets hold on the nominal analyses
                    mc.put("propertyTargetsJudged", false);
                }
                ObjectNode per = mc.putObject("perElement");
                for (Map.Entry<String, Double> e : pass.perElement().entrySet()) {
                    per.put(e.getKey(), round(e.getValue(), 4));
                }
            }
            ObjectNode n = o.putObject("certainty");
            JsonNodes.putNullable(n, "confidencePct", c.confidencePct());
            n.put("robust", c.robust());
            JsonNodes.putNullable(n, "nominalCost", c.nominalCost() == null ? null : round(c.nominalCost(), 2));
            JsonNodes.putNullable(n, "priceOfCertainty", c.priceOfCertainty() == null ? null : round(c.priceOfCertainty(), 2));
            n.put("cutRounds", c.cutRounds());
            n.put("converged", c.converged());
        }
        if (!a.recipe().propertyTargets().isEmpty()) {
            putProperties(o, a.result());
        }
        if (a.sensitivity() != null) {
            o.set("sensitivity", sensitivity(a.sensitivity()));
        }
        if (pareto != null) {
            o.put("paretoAxis", axis.name().toLowerCase(Locale.ROOT));
            ArrayNode points = o.putArray("pareto");
            for (ParetoPoint p : pareto) {
                points.addObject().put("cost", round(p.cost(), 2)).put("co2Kg", round(p.co2Kg(), 2)).put("scKg", round(p.scKg(), 4));
            }
        }
        try {
            return MAPPER.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a result tree could not be written as JSON", e);
        }
    }

    /**
     * {@code {objective, unavailable, movesWithPrice, limits: [{element, bound, limitPct, binding, costPerPctRelaxed,
     * co2KgPerPctRelaxed}], materials: [{materialId, inCharge, pricePerKg, priceLow, priceHigh, co2KgPerKg, co2Low, co2High}]}}.
     */
    static ObjectNode sensitivity(ChargeSensitivity s) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("objective", s.objective().name());
        if (s.unavailable() == null) {
            n.putNull("unavailable");
        } else {
            n.put("unavailable", s.unavailable().name());
        }
        n.put("movesWithPrice", s.movesWithPrice());
        ArrayNode limits = n.putArray("limits");
        for (ChargeSensitivity.LimitSensitivity l : s.limits()) {
            ObjectNode x = limits.addObject();
            x.put("element", l.element());
            x.put("bound", l.bound().name());
            x.put("limitPct", l.limitPct());
            x.put("binding", l.binding());
            x.put("costPerPctRelaxed", round(l.costPerPctRelaxed(), 2));
            JsonNodes.putNullable(x, "co2KgPerPctRelaxed", l.co2KgPerPctRelaxed() == null ? null : round(l.co2KgPerPctRelaxed(), 2));
        }
        ArrayNode materials = n.putArray("materials");
        for (ChargeSensitivity.PriceRange p : s.materials()) {
            ObjectNode x = materials.addObject();
            x.put("materialId", p.materialId());
            x.put("inCharge", p.inCharge());
            x.put("pricePerKg", p.pricePerKg());
            JsonNodes.putNullable(x, "priceLow", p.priceLow() == null ? null : round(p.priceLow(), 4));
            JsonNodes.putNullable(x, "priceHigh", p.priceHigh() == null ? null : round(p.priceHigh(), 4));
            x.put("co2KgPerKg", p.co2KgPerKg());
            JsonNodes.putNullable(x, "co2Low", p.co2Low() == null ? null : round(p.co2Low(), 4));
            JsonNodes.putNullable(x, "co2High", p.co2High() == null ? null : round(p.co2High(), 4));
        }
        return n;
    }

    /**
     * {@code properties: {key: value}} (the first target on a key, when several name it under different conditions) and
     * {@code propertyTargets: [{property, minValue, maxValue, process, schedule, value, low, high, met}]}; both empty when
     * no charge was found.
     */
    static void putProperties(ObjectNode o, ChargeResult r) {
        ObjectNode values = o.putObject("properties");
        ArrayNode detail = o.putArray("propertyTargets");
        for (PropertyOutcome p : r.properties()) {
            PropertyTarget t = p.target();
            if (!values.has(t.property())) {
                putFinite(values, t.property(), p.value());
            }
            ObjectNode n = detail.addObject();
            n.put("property", t.property());
            JsonNodes.putNullable(n, "minValue", t.minValue());
            JsonNodes.putNullable(n, "maxValue", t.maxValue());
            n.put("process", t.process().name());
            if (t.schedule() == null) {
                n.putNull("schedule");
            } else {
                n.put("schedule", t.schedule().toString());
            }
            putFinite(n, "value", p.value());
            putFinite(n, "low", p.low());
            putFinite(n, "high", p.high());
            n.put("met", p.met());
        }
    }

    private static void putFinite(ObjectNode n, String field, double v) {
        if (Double.isFinite(v)) {
            n.put(field, round(v, 4));
        } else {
            n.putNull(field);
        }
    }

    private static double round(double v, int decimals) {
        return ChargeResultJson.round(v, decimals);
    }
}
