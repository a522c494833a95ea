package ca.scalloy.engine.charge;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ca.scalloy.engine.Composition;
import ca.scalloy.engine.Message;

/**
 * A solved (or diagnosed) charge.
 *
 * @param status                 OPTIMAL or INFEASIBLE
 * @param objective              the objective used
 * @param charge                 the materials to charge (empty when infeasible)
 * @param productMassKg          product mass in kg (heel included)
 * @param productCompositionPct  product wt% of every element present, balance element first
 * @param slagKg                 kg to the slag: fluxes, compounds' unreduced share and impurities, the
 *                               oxygen/halogen of the reduced share with the Al that took it
 * @param drossKg                kg to the dross: unrecovered metal of metallic charges and melt loss
 * @param heelKg                 kg of heel in the furnace before charging
 * @param inKg                   heel plus everything charged
 * @param outKg                  product plus slag plus dross
 * @param costTotal              cost of the charge (the heel is already paid for)
 * @param co2TotalKg             kg CO2e of the charge
 * @param scRecoveryPct          Sc into the product from the charge / Sc charged × 100, or null when no Sc is charged
 * @param limits                 each target element's value against its limits
 * @param diagnosis              why the target cannot be met (empty when solved)
 * @param warnings               assumptions the user should know of (e.g. a recovery defaulted to 100 %)
 * @param properties             each property target checked with the full models on the product (empty without targets
 *                               or when infeasible)
 */
public record ChargeResult(
        ChargeStatus status,
        Objective objective,
        List<ChargeLine> charge,
        double productMassKg,
        Map<String, Double> productCompositionPct,
        double slagKg,
        double drossKg,
        double heelKg,
        double inKg,
        double outKg,
        double costTotal,
        double co2TotalKg,
        Double scRecoveryPct,
        List<LimitCheck> limits,
        List<Diagnosis> diagnosis,
        List<Message> warnings,
        List<PropertyOutcome> properties) {

    /** How far outside a limit (wt%) a solved value may be from floating-point rounding and still count as within. */
    public static final double LIMIT_TOLERANCE_PCT = 1e-6;

    public ChargeResult {
        charge = List.copyOf(charge);
        productCompositionPct = Collections.unmodifiableMap(new LinkedHashMap<>(productCompositionPct));
        limits = List.copyOf(limits);
        diagnosis = List.copyOf(diagnosis);
        warnings = List.copyOf(warnings);
        properties = List.copyOf(properties == null ? List.of() : properties);
    }

    /** A charge without property targets. */
    public ChargeResult(ChargeStatus status, Objective objective, List<ChargeLine> charge, double productMassKg,
                        Map<String, Double> productCompositionPct, double slagKg, double drossKg, double heelKg, double inKg,
                        double outKg, double costTotal, double co2TotalKg, Double scRecoveryPct, List<LimitCheck> limits,
                        List<Diagnosis> diagnosis, List<Message> warnings) {
        this(status, objective, charge, productMassKg, productCompositionPct, slagKg, drossKg, heelKg, inKg, outKg, costTotal,
                co2TotalKg, scRecoveryPct, limits, diagnosis, warnings, List.of());
    }

    /** The same charge with its property targets checked. */
    public ChargeResult withProperties(List<PropertyOutcome> newProperties) {
        return new ChargeResult(status, objective, charge, productMassKg, productCompositionPct, slagKg, drossKg, heelKg, inKg, outKg,
                costTotal, co2TotalKg, scRecoveryPct, limits, diagnosis, warnings, newProperties);
    }

    /** Whether a charge was found. */
    public boolean solved() {
        return status == ChargeStatus.OPTIMAL;
    }

    /** Cost per kg of product (0 when there is no product). */
    public double costPerKgProduct() {
        return productMassKg > 0 ? costTotal / productMassKg : 0;
    }

    /** kg CO2e per kg of product (0 when there is no product). */
    public double co2PerKgProduct() {
        return productMassKg > 0 ? co2TotalKg / productMassKg : 0;
    }

    /** kg of the named material in the charge (0 when not used). */
    public double massKg(String materialId) {
        return charge.stream().filter(l -> l.materialId().equals(materialId)).mapToDouble(ChargeLine::massKg).sum();
    }

    /**
     * The product as a {@link Composition} with {@code balanceElement} (the recipe's) as its balance.
     *
     * @throws IllegalStateException when there is no product (infeasible)
     */
    public Composition productComposition(String balanceElement) {
        if (!solved()) {
            throw new IllegalStateException("an infeasible charge has no product");
        }
        Map<String, Double> pct = new LinkedHashMap<>(productCompositionPct);
        pct.remove(balanceElement);
        return new Composition(pct, balanceElement);
    }

    /** The product's wt% of {@code element} (0 when absent). */
    public double productPct(String element) {
        return productCompositionPct.getOrDefault(element, 0.0);
    }
}
