package ca.scalloy.engine.heat;

/**
 * A sample against the heat's specification: FAIL when any limited element fails; else INCOMPLETE when
 * any is not reported (or cannot be judged from its detection limit); else MARGINAL when any is marginal;
 * else PASS. Only PASS and MARGINAL say the sample meets the specification.
 */
public enum SampleVerdict {
    PASS, MARGINAL, FAIL, INCOMPLETE;

    /** Whether the sample meets its specification: every limited element measured and inside. */
    public boolean meetsSpecification() {
        return this == PASS || this == MARGINAL;
    }
}
