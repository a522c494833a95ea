package ca.scalloy.engine.charge;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import ca.scalloy.engine.Elements;

/**
 * How far a material's assay and recoveries may stray from their stated values, as independent
 * normal deviations: the standard deviation of each element's content in percentage points of the
 * material's mass (its assay; for a compound, the content of the element it delivers) and of each
 * element's recovery in percentage points. A deviation of a metallic material's element is made up
 * by its balance element. Absent entries mean "exactly as stated".
 *
 * @param compositionSdPct standard deviation of the content per element, wt% of the material, each from 0 to 100
 * @param recoverySdPct    standard deviation of the recovery per element, percentage points, each from 0 to 100
 */
public record MaterialUncertainty(Map<String, Double> compositionSdPct, Map<String, Double> recoverySdPct) {

    /** No uncertainty stated. */
    public static final MaterialUncertainty NONE = new MaterialUncertainty(Map.of(), Map.of());

    public MaterialUncertainty {
        compositionSdPct = checked("uncertainty.compositionSdPct", compositionSdPct);
        recoverySdPct = checked("uncertainty.recoverySdPct", recoverySdPct);
    }

    private static Map<String, Double> checked(String field, Map<String, Double> sd) {
        if (sd == null) {
            return Map.of();
        }
        Map<String, Double> copy = new LinkedHashMap<>();
        for (Map.Entry<String, Double> e : sd.entrySet()) {
            if (!Elements.standard().contains(e.getKey())) {
                throw new IllegalArgumentException(field + ": unknown element '" + e.getKey() + "'");
            }
            Double v = e.getValue();
            if (v == null || !Double.isFinite(v) || v < 0 || v > 100) {
                throw new IllegalArgumentException(field + "." + e.getKey() + " must be a number from 0 to 100, was " + v);
            }
            if (v > 0) {
                copy.put(e.getKey(), v);
            }
        }
        return Collections.unmodifiableMap(copy);
    }

    /** Whether any deviation is stated. */
    public boolean isStated() {
        return !compositionSdPct.isEmpty() || !recoverySdPct.isEmpty();
    }

    /** The standard deviation of {@code element}'s content, wt% (0 when not stated). */
    public double compositionSd(String element) {
        return compositionSdPct.getOrDefault(element, 0.0);
    }

    /** The standard deviation of {@code element}'s recovery, percentage points (0 when not stated). */
    public double recoverySd(String element) {
        return recoverySdPct.getOrDefault(element, 0.0);
    }

    /** A copy with the recovery's standard deviation of {@code element} set. */
    public MaterialUncertainty withRecoverySd(String element, double sdPct) {
        Map<String, Double> r = new LinkedHashMap<>(recoverySdPct);
        r.put(element, sdPct);
        return new MaterialUncertainty(compositionSdPct, r);
    }
}
