package ca.scalloy.engine.spec;

/**
 * An estimated property against a specification's requirement. Always an estimate: the models'
 * results, not a test.
 *
 * @param property  which requirement
 * @param required  the bound
 * @param estimate  the model's estimate
 * @param status    PASS, MARGINAL or FAIL
 * @param margin    estimate minus bound for a minimum (bound minus estimate for a maximum)
 */
public record PropertyCheck(PropertyRequirement.Property property, double required, double estimate,
                            ComplianceStatus status, double margin) {
}
