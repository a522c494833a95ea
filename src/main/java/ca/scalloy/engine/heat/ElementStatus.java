package ca.scalloy.engine.heat;

/** One limited element of a sample against the heat's specification. */
public enum ElementStatus {
    /** Measured (or below a detection limit at or under the maximum) and inside with room to spare. */
    PASS,
    /** Measured and inside, but within the marginal share of the limit's range. */
    MARGINAL,
    /** Measured outside the limit, or below a detection limit that is itself at or under the minimum. */
    FAIL,
    /** Not reported, reported "n.d." with no limit, or below a detection limit that cannot settle the limit. */
    NOT_REPORTED
}
