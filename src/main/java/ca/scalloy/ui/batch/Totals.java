package ca.scalloy.ui.batch;

/**
 * The totals of a solved charge.
 *
 * @param scRecoveryPct Sc into the product over Sc charged, or null when no Sc is charged
 */
public record Totals(double productKg, double slagKg, double drossKg, double heelKg, double inKg, double outKg,
                     double cost, double costPerKg, double co2Kg, double co2KgPerKg, Double scRecoveryPct) {
}
