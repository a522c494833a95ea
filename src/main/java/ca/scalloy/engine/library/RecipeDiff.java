package ca.scalloy.engine.library;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import ca.scalloy.engine.charge.ElementTarget;
import ca.scalloy.engine.charge.Material;
import ca.scalloy.engine.charge.Recipe;

/**
 * What changed between two recipes, field by field. Targets are matched by element and materials
 * by id, so reordering a list is no change; numbers are compared exactly.
 */
public final class RecipeDiff {

    private RecipeDiff() {
    }

    /** The fields whose values differ between {@code before} and {@code after}, in recipe order. */
    public static List<FieldChange> between(Recipe before, Recipe after) {
        Map<String, String> a = flatten(before);
        Map<String, String> b = flatten(after);
        Set<String> fields = new LinkedHashSet<>(a.keySet());
        fields.addAll(b.keySet());
        List<FieldChange> changes = new ArrayList<>();
        for (String f : fields) {
            String x = a.get(f);
            String y = b.get(f);
            if (!Objects.equals(x, y)) {
                changes.add(new FieldChange(f, x, y));
            }
        }
        return changes;
    }

    /** Every field of the recipe as path to text; absent optional values are left out. */
    static Map<String, String> flatten(Recipe r) {
        Map<String, String> m = new LinkedHashMap<>();
        put(m, "name", r.name());
        put(m, "grade", r.grade());
        put(m, "batchMassKg", r.batchMassKg());
        put(m, "maxProductMassKg", r.maxProductMassKg());
        put(m, "balanceElement", r.balanceElement());
        put(m, "objective", r.objective());
        putAll(m, "recoveryPct", r.recoveryPct());
        put(m, "meltLossPct", r.meltLossPct());
        put(m, "heel.massKg", r.heel().massKg());
        putAll(m, "heel.compositionPct", r.heel().composition().wtPct());
        put(m, "wholePieces", r.wholePieces());
        put(m, "batchMassTolerancePct", r.batchMassTolerancePct());
        put(m, "confidencePct", r.confidencePct());
        for (ElementTarget t : r.targets()) {
            String p = "targets[" + t.element() + "]";
            put(m, p + ".minPct", t.minPct());
            put(m, p + ".aimPct", t.aimPct());
            put(m, p + ".maxPct", t.maxPct());
        }
        for (Material mat : r.materials()) {
            String p = "materials[" + mat.id() + "]";
            put(m, p + ".name", mat.name());
            put(m, p + ".kind", mat.kind());
            if (mat.composition() != null) {
                put(m, p + ".balanceElement", mat.composition().balanceElement());
                putAll(m, p + ".compositionPct", mat.composition().wtPct());
            }
            put(m, p + ".formula", mat.formula() == null ? null : mat.formula().text());
            put(m, p + ".purityPct", mat.purityPct());
            put(m, p + ".deliveredElement", mat.deliveredElement());
            putAll(m, p + ".recoveryPct", mat.recoveryPct());
            put(m, p + ".pricePerKg", mat.pricePerKg());
            put(m, p + ".co2KgPerKg", mat.co2KgPerKg());
            put(m, p + ".minKg", mat.minKg());
            put(m, p + ".maxKg", mat.maxKg());
            put(m, p + ".fixedKg", mat.fixedKg());
            put(m, p + ".pieceMassKg", mat.pieceMassKg());
            if (mat.flux() != null) {
                put(m, p + ".flux.materialId", mat.flux().materialId());
                put(m, p + ".flux.kgPerKg", mat.flux().kgPerKg());
            }
            putAll(m, p + ".uncertainty.compositionSdPct", mat.uncertainty().compositionSdPct());
            putAll(m, p + ".uncertainty.recoverySdPct", mat.uncertainty().recoverySdPct());
        }
        return m;
    }

    private static void put(Map<String, String> m, String field, Object value) {
        if (value != null) {
            m.put(field, value.toString());
        }
    }

    private static void putAll(Map<String, String> m, String prefix, Map<String, Double> values) {
        values.forEach((k, v) -> m.put(prefix + "." + k, v.toString()));
    }
}
