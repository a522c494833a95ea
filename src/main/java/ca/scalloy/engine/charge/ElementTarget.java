package ca.scalloy.engine.charge;

import java.util.Objects;

import ca.scalloy.engine.Elements;
import ca.scalloy.engine.MessageException;

/**
 * Limits on one element in the product, wt%. Any of the three may be absent (null).
 *
 * @param element symbol of a known element
 * @param minPct  minimum wt% in the product, or null
 * @param aimPct  aim wt% (used by {@link Objective#AIM}), or null
 * @param maxPct  maximum wt% in the product, or null
 */
public record ElementTarget(String element, Double minPct, Double aimPct, Double maxPct) {

    public ElementTarget {
        Objects.requireNonNull(element, "element");
        if (!Elements.standard().contains(element)) {
            throw new MessageException("composition.error.unknownElement", "element: unknown element '" + element + "'", element).at("element");
        }
        check("minPct", minPct);
        check("aimPct", aimPct);
        check("maxPct", maxPct);
        if (minPct != null && maxPct != null && minPct > maxPct) {
            throw new MessageException("target.error.minAboveMax", element + ": minPct " + minPct + " is above maxPct " + maxPct, element, minPct,
                    maxPct).at("minPct");
        }
        if (aimPct != null && minPct != null && aimPct < minPct) {
            throw new MessageException("target.error.aimBelowMin", element + ": aimPct " + aimPct + " is below minPct " + minPct, element, aimPct,
                    minPct).at("aimPct");
        }
        if (aimPct != null && maxPct != null && aimPct > maxPct) {
            throw new MessageException("target.error.aimAboveMax", element + ": aimPct " + aimPct + " is above maxPct " + maxPct, element, aimPct,
                    maxPct).at("aimPct");
        }
    }

    private static void check(String field, Double v) {
        if (v != null && (!Double.isFinite(v) || v < 0 || v > 100)) {
            throw new MessageException("value.error.pct", field + " must be a number from 0 to 100, was " + v, v).at(field);
        }
    }

    /** A target with only a maximum. */
    public static ElementTarget max(String element, double maxPct) {
        return new ElementTarget(element, null, null, maxPct);
    }

    /** A target with min, aim and max. */
    public static ElementTarget range(String element, double minPct, double aimPct, double maxPct) {
        return new ElementTarget(element, minPct, aimPct, maxPct);
    }

    /**
     * Weight of this element's distance from its aim in the AIM objective: 1/(max − min) when both
     * limits are given, else 1/aim, so that every element's miss counts relative to its own tolerance.
     */
    public double aimWeight() {
        if (minPct != null && maxPct != null && maxPct > minPct) {
            return 1 / (maxPct - minPct);
        }
        if (aimPct != null && aimPct > 0) {
            return 1 / aimPct;
        }
        return 1;
    }
}
