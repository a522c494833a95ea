package ca.scalloy.engine.charge;

/**
 * Why a target cannot be met: one limit that no charge of these materials satisfies together with
 * the rest, and the nearest value that can be reached.
 *
 * @param kind         which sort of limit
 * @param element      the element (null for product-mass limits)
 * @param limit        the limit (wt% for elements, kg for masses)
 * @param reachable    the nearest reachable value, in the same unit
 * @param onItsOwn     true when this limit alone cannot be met by any charge of these materials
 *                     (then {@code reachable} is the best value any charge reaches); false when it
 *                     only clashes with other limits ({@code reachable} is that of the closest charge)
 * @param message      the diagnosis in words (English)
 */
public record Diagnosis(Kind kind, String element, double limit, double reachable, boolean onItsOwn, String message) {

    /** The sort of limit that fails. */
    public enum Kind {
        /** An element's minimum in the product. */
        ELEMENT_MIN,
        /** An element's maximum in the product. */
        ELEMENT_MAX,
        /** An element would have to go below zero (e.g. the Al a reduction takes out of the metal). */
        ELEMENT_NEGATIVE,
        /** The batch (product) mass. */
        PRODUCT_MASS,
        /** The furnace capacity. */
        PRODUCT_MASS_MAX,
        /** No whole number of pieces fits, though a charge in fractional pieces does. */
        WHOLE_PIECES
    }
}
