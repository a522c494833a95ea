package ca.scalloy.engine.charge;

import java.util.List;
import java.util.Objects;

import ca.scalloy.engine.Message;

/**
 * Why a target cannot be met: one limit that no charge of these materials satisfies together with
 * the rest, the nearest value that can be reached, and the limits it conflicts with.
 *
 * @param kind          which sort of limit
 * @param element       the element (null for product-mass limits)
 * @param limit         the limit (wt% for elements, kg for masses)
 * @param reachable     the nearest reachable value, in the same unit: for an element limit, the closest
 *                      value any charge reaches while every other limit holds (when the other limits can
 *                      hold together; else that of the closest charge of the elastic program)
 * @param onItsOwn      true when this limit alone (the batch mass and the materials' stocks kept, every
 *                      other limit dropped) cannot be met by any charge of these materials; false when it
 *                      only conflicts with other limits
 * @param message       the diagnosis in words (English; the workbench words it from the other fields)
 * @param conflictsWith the limits that stand in the way: dropping any one of them lets the value go
 *                      closer to the limit (empty when none does, or for a mass limit); when the other
 *                      limits cannot all hold, those the elastic program gives way on when this one is held;
 *                      for {@link Kind#CONFIDENCE}, what holds the highest confidence reached: each limit without
 *                      which a charge reaches more, and each metal kept for reductions whose cone does
 *                      ({@link Subject#REDUCTION}); when no single one does, a minimal set of limits that
 *                      hold it only together ({@code heldTogether})
 * @param othersHold    true when {@code reachable} is the closest value while every other limit holds;
 *                      false when the other limits cannot all hold together even without this one
 * @param words         the diagnosis as a code with arguments where its kind is not worded from the fields above
 *                      ({@link Kind#PROPERTY}: the target, the closest value reached and where), else null
 * @param heldTogether  for {@link Kind#CONFIDENCE}: true when no limit dropped on its own lets a charge reach more and
 *                      {@code conflictsWith} names limits that hold the level only together (dropping all of them lets
 *                      a charge reach more, putting any one back does not); false otherwise
 */
public record Diagnosis(Kind kind, String element, double limit, double reachable, boolean onItsOwn, String message,
                        List<Conflict> conflictsWith, boolean othersHold, Message words, boolean heldTogether) {

    public Diagnosis {
        Objects.requireNonNull(kind, "kind");
        conflictsWith = List.copyOf(conflictsWith);
    }

    /** A diagnosis worded from its fields (every kind but {@link Kind#PROPERTY}). */
    public Diagnosis(Kind kind, String element, double limit, double reachable, boolean onItsOwn, String message,
                     List<Conflict> conflictsWith, boolean othersHold) {
        this(kind, element, limit, reachable, onItsOwn, message, conflictsWith, othersHold, null, false);
    }

    /**
     * A property target that cannot be met: the limit missed, the closest value the search reached, and the
     * diagnosis as a message (its English is {@link #message()}).
     */
    public static Diagnosis property(double limit, double reachable, Message words) {
        return new Diagnosis(Kind.PROPERTY, null, limit, reachable, false, words.english(), List.of(), true, words, false);
    }

    /** A diagnosis that names no conflicting limit. */
    public Diagnosis(Kind kind, String element, double limit, double reachable, boolean onItsOwn, String message) {
        this(kind, element, limit, reachable, onItsOwn, message, List.of(), false);
    }

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
        WHOLE_PIECES,
        /**
         * A charge meets every limit on the nominal analyses, but none meets them all with the confidence
         * asked ({@code limit}: that confidence, %; {@code reachable}: the highest any charge reaches, %).
         */
        CONFIDENCE,
        /**
         * A property target ({@link PropertyTarget}) that the search could not meet ({@code limit}: the limit missed, in
         * the property's unit; {@code reachable}: the closest value the search reached; {@code element} null).
         */
        PROPERTY
    }

    /** What a conflicting limit bounds. */
    public enum Subject {
        /** An element's wt% in the product ({@code minLimit}/{@code maxLimit} in wt%). */
        ELEMENT,
        /** The batch mass ({@code minLimit} = {@code maxLimit} = the batch mass, kg). */
        BATCH_MASS,
        /** The furnace capacity ({@code maxLimit}, kg). */
        FURNACE_CAPACITY,
        /**
         * The metal a compound's reduction takes, kept at or above 0 in the product ({@code element} the metal,
         * usually Al; {@code minLimit} 0 wt%): with spreads stated, enough of it for the reduction at the confidence asked.
         */
        REDUCTION
    }

    /**
     * A limit (or an element's pair of limits) that a failing limit conflicts with.
     *
     * @param subject  what it bounds
     * @param element  the element, or null for a mass
     * @param minLimit the lower limit (wt% or kg), or null
     * @param maxLimit the upper limit (wt% or kg), or null
     */
    public record Conflict(Subject subject, String element, Double minLimit, Double maxLimit) {

        public Conflict {
            Objects.requireNonNull(subject, "subject");
            if ((subject == Subject.ELEMENT || subject == Subject.REDUCTION) != (element != null)) {
                throw new IllegalArgumentException("element must be given exactly for an ELEMENT or REDUCTION conflict, was " + element);
            }
            if (minLimit == null && maxLimit == null) {
                throw new IllegalArgumentException("a conflict needs a minLimit or a maxLimit");
            }
        }

        /** The conflict in English, as the engine's messages say it ("Sc stays within 1.8-2.2 %"). */
        public String words() {
            return switch (subject) {
                case ELEMENT -> minLimit != null && maxLimit != null
                        ? element + " stays within " + ChargeCalculator.fmt(minLimit) + "-" + ChargeCalculator.fmt(maxLimit) + " %"
                        : minLimit != null ? element + " stays at or above " + ChargeCalculator.fmt(minLimit) + " %"
                        : element + " stays at or below " + ChargeCalculator.fmt(maxLimit) + " %";
                case BATCH_MASS -> "the batch mass stays " + ChargeCalculator.fmt(maxLimit) + " kg";
                case FURNACE_CAPACITY -> "the product stays within the furnace capacity of " + ChargeCalculator.fmt(maxLimit) + " kg";
                case REDUCTION -> "enough " + element + " is left for the compounds' reduction";
            };
        }
    }
}
