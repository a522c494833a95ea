package ca.scalloy.engine.charge;

import java.util.LinkedHashMap;
import java.util.Map;

import ca.scalloy.engine.Elements;

/**
 * An independent reading of the chemistry the engine documents, for checking its answers: given a
 * recipe and kg per material, where every kg goes (product by element, slag, dross) and what it
 * costs. Written from the model's description, not from the engine's code.
 */
final class MassBalance {

    /** Valence of the reduced element, by formula: the compounds the generators use. */
    private static final Map<String, Integer> VALENCE = Map.of("ScF3", 3, "Sc2O3", 3, "Na3ScF6", 3, "K2ZrF6", 4);

    final Map<String, Double> productElementKg = new LinkedHashMap<>();
    double slagKg;
    double drossKg;
    double chargedKg;
    double cost;
    double co2Kg;

    private MassBalance() {
    }

    static MassBalance of(Recipe r, Map<String, Double> kgById) {
        MassBalance b = new MassBalance();
        Heel heel = r.heel();
        heel.composition().allWtPct().forEach((el, pct) -> b.add(el, heel.massKg() * pct / 100));
        for (Material m : r.materials()) {
            double kg = kgById.getOrDefault(m.id(), 0.0);
            b.chargedKg += kg;
            b.cost += kg * m.pricePerKg();
            b.co2Kg += kg * m.co2KgPerKg();
            switch (m.kind()) {
                case FLUX -> b.slagKg += kg;
                case COMPOUND -> {
                    String el = m.deliveredElement();
                    double reduced = kg * m.formula().massFraction(el) * m.purityPct() / 100 * recovery(r, m, el);
                    int valence = VALENCE.get(m.formula().text());
                    double alTaken = reduced * valence / 3.0 * atomicMass("Al") / atomicMass(el);
                    b.add(el, reduced);
                    b.add("Al", -alTaken);
                    b.slagKg += kg - reduced + alTaken;
                }
                default -> m.composition().allWtPct().forEach((el, pct) -> {
                    double charged = kg * pct / 100;
                    double rec = recovery(r, m, el) * (el.equals(r.balanceElement()) ? 1 - r.meltLossPct() / 100 : 1);
                    b.add(el, charged * rec);
                    b.drossKg += charged * (1 - rec);
                });
            }
        }
        return b;
    }

    private static double recovery(Recipe r, Material m, String el) {
        Double pct = m.recoveryPct().containsKey(el) ? m.recoveryPct().get(el) : r.recoveryPct().get(el);
        return pct == null ? 1 : pct / 100;
    }

    private static double atomicMass(String el) {
        return Elements.standard().atomicMass(el);
    }

    private void add(String el, double kg) {
        productElementKg.merge(el, kg, Double::sum);
    }

    double productKg() {
        return productElementKg.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    double pct(String el) {
        return 100 * productElementKg.getOrDefault(el, 0.0) / productKg();
    }

    /**
     * Whether these masses are a charge the recipe allows: stocks, flux ratios, batch mass (or
     * capacity), no element below zero, and every limit; masses within {@code tolerance} relative,
     * limits within {@code tolerance} wt%.
     */
    static boolean allows(Recipe r, Map<String, Double> kgById, double tolerance) {
        for (Material m : r.materials()) {
            double kg = kgById.getOrDefault(m.id(), 0.0);
            double slack = tolerance * Math.max(1, kg);
            if (kg < -slack || (m.fixedKg() != null && Math.abs(kg - m.fixedKg()) > slack)
                    || (m.minKg() != null && kg < m.minKg() - slack) || (m.maxKg() != null && kg > m.maxKg() + slack)) {
                return false;
            }
            if (m.kind() == MaterialKind.FLUX && Math.abs(kg - fluxDemandKg(r, m, kgById)) > slack) {
                return false;
            }
        }
        MassBalance b = of(r, kgById);
        double product = b.productKg();
        if (r.batchMassKg() != null && Math.abs(product - r.batchMassKg()) > tolerance * r.batchMassKg()
                || r.maxProductMassKg() != null && product > r.maxProductMassKg() * (1 + tolerance) || !(product > 0)) {
            return false;
        }
        if (b.productElementKg.values().stream().anyMatch(kg -> kg < -tolerance * product)) {
            return false;
        }
        for (ElementTarget t : r.targets()) {
            double pct = b.pct(t.element());
            if (t.minPct() != null && pct < t.minPct() - tolerance || t.maxPct() != null && pct > t.maxPct() + tolerance) {
                return false;
            }
        }
        return true;
    }

    /** kg of {@code flux} the compounds charged under it call for. */
    static double fluxDemandKg(Recipe r, Material flux, Map<String, Double> kgById) {
        double kg = 0;
        for (Material c : r.materials()) {
            if (c.flux() != null && c.flux().materialId().equals(flux.id())) {
                kg += c.flux().kgPerKg() * kgById.getOrDefault(c.id(), 0.0);
            }
        }
        return kg;
    }
}
