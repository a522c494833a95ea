package ca.scalloy.ui.batch;

/**
 * One element of the product against its limits.
 *
 * @param minWtPct  the minimum, or null
 * @param aimWtPct  the aim, or null
 * @param maxWtPct  the maximum, or null
 * @param targeted  whether the recipe has a target for the element (else the limits are all null)
 * @param within    whether the value is inside its limits (true for an element without a target)
 */
public record CompositionRow(String element, Double minWtPct, Double aimWtPct, Double maxWtPct, double valueWtPct,
                             double valueAtPct, boolean targeted, boolean within) {
}
