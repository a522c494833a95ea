package ca.scalloy.engine.spec;

/**
 * One element against its limit.
 *
 * @param element   the element, or "others each" / "others total"
 * @param minPct    the minimum, or null
 * @param maxPct    the maximum, or null
 * @param valuePct  the measured or computed wt%
 * @param status    PASS, MARGINAL or FAIL
 * @param marginPct distance to the nearer limit in wt%: positive inside, negative outside
 */
public record ElementCheck(String element, Double minPct, Double maxPct, double valuePct, ComplianceStatus status,
                           double marginPct) {
}
