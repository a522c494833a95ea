package ca.scalloy.engine.charge;

/**
 * A property target checked with the full models on the charge's product.
 *
 * @param target the target
 * @param value  the property's estimate (NaN where the model gives none)
 * @param low    the low end of its calibrated band, or NaN when the model states none
 * @param high   the high end of its band, or NaN
 * @param met    whether the value is within the target, to {@link PropertyFormulation#TOLERANCE_RELATIVE} of the limit
 */
public record PropertyOutcome(PropertyTarget target, double value, double low, double high, boolean met) {
}
