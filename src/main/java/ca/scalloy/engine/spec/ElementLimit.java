package ca.scalloy.engine.spec;

import java.util.Objects;

import ca.scalloy.engine.Elements;

/**
 * A specification's limit on one element, wt%. Either bound may be absent (null).
 *
 * @param element a known element
 * @param minPct  minimum wt%, or null
 * @param maxPct  maximum wt%, or null
 */
public record ElementLimit(String element, Double minPct, Double maxPct) {

    public ElementLimit {
        Objects.requireNonNull(element, "element");
        if (!Elements.standard().contains(element)) {
            throw new IllegalArgumentException("element: unknown element '" + element + "'");
        }
        if (minPct == null && maxPct == null) {
            throw new IllegalArgumentException(element + ": a limit needs minPct, maxPct or both");
        }
        check(element, "minPct", minPct);
        check(element, "maxPct", maxPct);
        if (minPct != null && maxPct != null && minPct > maxPct) {
            throw new IllegalArgumentException(element + ": minPct " + minPct + " is above maxPct " + maxPct);
        }
    }

    private static void check(String element, String field, Double v) {
        if (v != null && (!Double.isFinite(v) || v < 0 || v > 100)) {
            throw new IllegalArgumentException(element + ": " + field + " must be a number from 0 to 100, was " + v);
        }
    }
}
