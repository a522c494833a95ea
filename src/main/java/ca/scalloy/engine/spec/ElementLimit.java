package ca.scalloy.engine.spec;

import java.util.Objects;

import ca.scalloy.engine.Elements;
import ca.scalloy.engine.MessageException;

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
            throw new MessageException("specs.refusal.unknownElement", "element: unknown element '" + element + "'", element);
        }
        if (minPct == null && maxPct == null) {
            throw new MessageException("specs.refusal.noBound", element + ": a limit needs minPct, maxPct or both", element);
        }
        check(element, "minPct", minPct, "specs.refusal.minRange");
        check(element, "maxPct", maxPct, "specs.refusal.maxRange");
        if (minPct != null && maxPct != null && minPct > maxPct) {
            throw new MessageException("specs.refusal.minAboveMax", element + ": minPct " + minPct + " is above maxPct " + maxPct, element,
                    minPct, maxPct);
        }
    }

    private static void check(String element, String field, Double v, String code) {
        if (v != null && (!Double.isFinite(v) || v < 0 || v > 100)) {
            throw new MessageException(code, element + ": " + field + " must be a number from 0 to 100, was " + v, element, v);
        }
    }
}
