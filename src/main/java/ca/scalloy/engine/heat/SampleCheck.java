package ca.scalloy.engine.heat;

import java.util.Objects;

import ca.scalloy.engine.spec.ElementCheck;

/**
 * One limited element of a sample (or the "others" of its specification) against the heat's specification,
 * saying how it was reported.
 *
 * @param element   the element, or "others each (X)" / "others total"
 * @param minPct    the minimum, or null
 * @param maxPct    the maximum, or null
 * @param valuePct  the measured wt%, the detection limit for a {@link Reading#BELOW_LIMIT} reading (for the
 *                  others, the upper bound the unlisted elements' values and detection limits give), or null when
 *                  nothing was reported (never 0 for an element not measured)
 * @param reading   how the element was reported
 * @param status    the element's status
 * @param marginPct distance to the nearer limit, wt% (positive inside), or null when it cannot be judged
 */
public record SampleCheck(String element, Double minPct, Double maxPct, Double valuePct, Reading reading, ElementStatus status,
                          Double marginPct) {

    /** How an element was reported. */
    public enum Reading {
        /** A measured value (or, for "others" and the balance, one computed from the measured values). */
        MEASURED,
        /** "&lt;x": below the stated detection limit x ({@code valuePct}). */
        BELOW_LIMIT,
        /** "n.d.": not detected, no limit stated. */
        NOT_DETECTED,
        /** The sample does not report the element. */
        ABSENT
    }

    public SampleCheck {
        Objects.requireNonNull(element, "element");
        Objects.requireNonNull(reading, "reading");
        Objects.requireNonNull(status, "status");
        if ((reading == Reading.MEASURED || reading == Reading.BELOW_LIMIT) != (valuePct != null)) {
            throw new IllegalArgumentException(element + ": a " + reading + " reading " + (valuePct == null ? "needs" : "has no") + " value");
        }
    }

    /** A measured element as the compliance checker judged it. */
    public static SampleCheck measured(ElementCheck c) {
        return new SampleCheck(c.element(), c.minPct(), c.maxPct(), c.valuePct(), Reading.MEASURED, ElementStatus.valueOf(c.status().name()),
                c.marginPct());
    }

    /** An element the sample does not report, or reports "n.d." with no limit: it cannot be judged. */
    public static SampleCheck unjudged(String element, Double minPct, Double maxPct, Reading reading) {
        return new SampleCheck(element, minPct, maxPct, null, reading, ElementStatus.NOT_REPORTED, null);
    }

    /** Whether this element was judged from a value (measured or a detection limit that settles it). */
    public boolean judged() {
        return status != ElementStatus.NOT_REPORTED;
    }
}
