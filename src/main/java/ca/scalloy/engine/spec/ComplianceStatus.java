package ca.scalloy.engine.spec;

/** Outcome of one check, and of a specification as a whole (the worst of its checks). */
public enum ComplianceStatus {
    /** Inside the limit with room to spare. */
    PASS,
    /** Inside, but within the marginal share of the range of the limit. */
    MARGINAL,
    /** Outside the limit. */
    FAIL;

    ComplianceStatus worst(ComplianceStatus other) {
        return other.ordinal() > ordinal() ? other : this;
    }
}
