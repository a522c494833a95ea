package ca.scalloy.io;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import ca.scalloy.engine.charge.ChargeLine;
import ca.scalloy.engine.charge.ChargeResult;
import ca.scalloy.engine.charge.Diagnosis;
import ca.scalloy.engine.charge.LimitCheck;

/**
 * The JSON shapes of a charge result printed by {@code scalloy batch --json} and of a correction
 * printed by {@code scalloy trim --json}. The keys of the documented shapes are a contract; further
 * keys may be added, never renamed.
 *
 * <p>Masses and wt% are rounded to 4 decimals, cost and CO2 totals to 2.
 */
public final class ChargeResultJson {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ChargeResultJson() {
    }

    /**
     * {@code {status, objective, charge: [{materialId, massKg, pieces}], product: {massKg, compositionPct},
     * slagKg, drossKg, massBalance: {inKg, outKg}, cost: {total, perKgProduct}, co2: {totalKg, perKgProduct},
     * diagnosis}}, with recipe name and grade for context.
     */
    public static String toJson(ChargeResult r, String recipeName, String grade) {
        return write(node(r, recipeName, grade));
    }

    /** The result as a JSON tree (for documents that embed it, such as the make-it-comply report). */
    static ObjectNode node(ChargeResult r, String recipeName, String grade) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("status", r.status().name());
        o.put("objective", r.objective().name());
        ArrayNode charge = o.putArray("charge");
        for (ChargeLine l : r.charge()) {
            ObjectNode n = charge.addObject();
            n.put("materialId", l.materialId());
            n.put("massKg", round(l.massKg(), 4));
            if (l.pieces() == null) {
                n.putNull("pieces");
            } else {
                n.put("pieces", round(l.pieces(), 2));
            }
            n.put("name", l.name());
            n.put("kind", l.kind().name());
            n.put("cost", round(l.costTotal(), 2));
            n.put("co2Kg", round(l.co2Kg(), 2));
        }
        putProduct(o, r);
        o.put("slagKg", round(r.slagKg(), 4));
        o.put("drossKg", round(r.drossKg(), 4));
        ObjectNode balance = o.putObject("massBalance");
        balance.put("inKg", round(r.inKg(), 4));
        balance.put("outKg", round(r.outKg(), 4));
        balance.put("heelKg", round(r.heelKg(), 4));
        ObjectNode cost = o.putObject("cost");
        cost.put("total", round(r.costTotal(), 2));
        cost.put("perKgProduct", round(r.costPerKgProduct(), 4));
        ObjectNode co2 = o.putObject("co2");
        co2.put("totalKg", round(r.co2TotalKg(), 2));
        co2.put("perKgProduct", round(r.co2PerKgProduct(), 4));
        putDiagnosis(o, r);
        if (r.scRecoveryPct() == null) {
            o.putNull("scRecoveryPct");
        } else {
            o.put("scRecoveryPct", round(r.scRecoveryPct(), 2));
        }
        putLimitsAndWarnings(o, r);
        o.put("recipe", recipeName);
        o.put("grade", grade);
        return o;
    }

    /**
     * {@code {status, additions: [{materialId, massKg}], product: {massKg, compositionPct}, cost: {total},
     * diagnosis}}, plus the melt mass, the limits and warnings.
     */
    public static String trimToJson(ChargeResult r) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("status", r.status().name());
        ArrayNode additions = o.putArray("additions");
        for (ChargeLine l : r.charge()) {
            ObjectNode n = additions.addObject();
            n.put("materialId", l.materialId());
            n.put("massKg", round(l.massKg(), 4));
            n.put("name", l.name());
            n.put("cost", round(l.costTotal(), 2));
        }
        putProduct(o, r);
        o.putObject("cost").put("total", round(r.costTotal(), 2));
        o.putObject("co2").put("totalKg", round(r.co2TotalKg(), 2));
        putDiagnosis(o, r);
        o.put("meltKg", round(r.heelKg(), 4));
        putLimitsAndWarnings(o, r);
        return write(o);
    }

    private static void putProduct(ObjectNode o, ChargeResult r) {
        if (!r.solved()) {
            o.putNull("product");
            return;
        }
        ObjectNode product = o.putObject("product");
        product.put("massKg", round(r.productMassKg(), 4));
        ObjectNode comp = product.putObject("compositionPct");
        for (Map.Entry<String, Double> e : r.productCompositionPct().entrySet()) {
            comp.put(e.getKey(), round(e.getValue(), 4));
        }
    }

    private static void putDiagnosis(ObjectNode o, ChargeResult r) {
        ArrayNode diagnosis = o.putArray("diagnosis");
        for (Diagnosis d : r.diagnosis()) {
            ObjectNode n = diagnosis.addObject();
            n.put("kind", d.kind().name());
            if (d.element() == null) {
                n.putNull("element");
            } else {
                n.put("element", d.element());
            }
            n.put("limit", round(d.limit(), 4));
            if (Double.isFinite(d.reachable())) {
                n.put("reachable", round(d.reachable(), 4));
            } else {
                n.putNull("reachable");
            }
            n.put("onItsOwn", d.onItsOwn());
            n.put("message", d.message());
            if (d.kind() == Diagnosis.Kind.ELEMENT_MIN || d.kind() == Diagnosis.Kind.ELEMENT_MAX) {
                n.put("othersHold", d.othersHold());
            }
            if (d.kind() == Diagnosis.Kind.CONFIDENCE) {
                n.put("heldTogether", d.heldTogether());
            }
            ArrayNode conflicts = n.putArray("conflictsWith");
            for (Diagnosis.Conflict c : d.conflictsWith()) {
                ObjectNode k = conflicts.addObject();
                k.put("limit", c.subject().name());
                if (c.subject() == Diagnosis.Subject.ELEMENT || c.subject() == Diagnosis.Subject.REDUCTION) {
                    k.put("element", c.element());
                    JsonNodes.putNullable(k, "minPct", c.minLimit());
                    JsonNodes.putNullable(k, "maxPct", c.maxLimit());
                } else {
                    JsonNodes.putNullable(k, "minKg", c.minLimit());
                    JsonNodes.putNullable(k, "maxKg", c.maxLimit());
                }
            }
        }
    }

    private static void putLimitsAndWarnings(ObjectNode o, ChargeResult r) {
        ArrayNode limits = o.putArray("limits");
        for (LimitCheck c : r.limits()) {
            ObjectNode n = limits.addObject();
            n.put("element", c.element());
            JsonNodes.putNullable(n, "minPct", c.minPct());
            JsonNodes.putNullable(n, "aimPct", c.aimPct());
            JsonNodes.putNullable(n, "maxPct", c.maxPct());
            n.put("valuePct", round(c.valuePct(), 4));
            n.put("within", c.within());
        }
        ArrayNode warnings = o.putArray("warnings");
        r.warnings().forEach(w -> warnings.add(w.english()));
    }

    private static String write(ObjectNode o) {
        try {
            return MAPPER.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a result tree could not be written as JSON", e);
        }
    }

    /** Rounds half-up to {@code decimals} places (what a user compares digit by digit). */
    static double round(double v, int decimals) {
        if (!Double.isFinite(v)) {
            return v;
        }
        double r = BigDecimal.valueOf(v).setScale(decimals, RoundingMode.HALF_UP).doubleValue();
        return r == 0 ? 0.0 : r;
    }
}
