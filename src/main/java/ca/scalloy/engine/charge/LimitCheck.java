package ca.scalloy.engine.charge;

/**
 * A target element's value in the product against its limits.
 *
 * @param element  the element
 * @param minPct   minimum wt%, or null
 * @param aimPct   aim wt%, or null
 * @param maxPct   maximum wt%, or null
 * @param valuePct the product's wt%
 * @param within   whether the value is inside its limits (with {@link ChargeResult#LIMIT_TOLERANCE_PCT})
 */
public record LimitCheck(String element, Double minPct, Double aimPct, Double maxPct, double valuePct, boolean within) {
}
