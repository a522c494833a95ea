package ca.scalloy.ui.batch;

import ca.scalloy.engine.Quantities;

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

    /**
     * A content of this row's element (wt%, or null) for a cell of a column headed in wt%: the bare number, or with
     * "ppm" when the plant reads the element in ppm (the header's unit would be wrong for it); "" for null.
     */
    public String cellText(Double wtPct, Quantities q) {
        if (wtPct == null) {
            return "";
        }
        return q.inPpm(element) ? q.ppm(wtPct) : q.wtPctNumber(wtPct);
    }

    /** The product's content with its unit, in the plant's unit for the element: "4.45 %" or "12 ppm". */
    public String valueText(Quantities q) {
        return q.content(element, valueWtPct);
    }
}
