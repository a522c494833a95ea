package ca.scalloy.engine.charge;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ca.scalloy.engine.Composition;

/**
 * Builds test recipes with plain defaults (1000 kg, balance Al, MIN_COST, no heel, no melt loss,
 * part pieces allowed), so that each test states only what it is about.
 */
final class RecipeBuilder {

    private Double batchMassKg = 1000.0;
    private Double maxProductMassKg;
    private Objective objective = Objective.MIN_COST;
    private final Map<String, Double> recoveryPct = new LinkedHashMap<>();
    private double meltLossPct;
    private Heel heel;
    private final List<ElementTarget> targets = new ArrayList<>();
    private final List<Material> materials = new ArrayList<>();
    private boolean wholePieces;
    private double batchMassTolerancePct = Recipe.DEFAULT_BATCH_MASS_TOLERANCE_PCT;

    static RecipeBuilder recipe() {
        return new RecipeBuilder();
    }

    /** A metallic material on an Al balance, with no stock limits. */
    static Material metal(String id, MaterialKind kind, Map<String, Double> pct, double pricePerKg, double co2KgPerKg) {
        return Material.metallic(id, id, kind, new Composition(pct, "Al"), pricePerKg, co2KgPerKg);
    }

    /** {@code m} sold in pieces of {@code pieceMassKg}. */
    static Material inPieces(Material m, double pieceMassKg) {
        return new Material(m.id(), m.name(), m.kind(), m.composition(), m.formula(), m.purityPct(), m.deliveredElement(),
                m.recoveryPct(), m.pricePerKg(), m.co2KgPerKg(), m.minKg(), m.maxKg(), m.fixedKg(), pieceMassKg, m.flux());
    }

    RecipeBuilder batchMassKg(Double kg) {
        batchMassKg = kg;
        return this;
    }

    /** A free product mass (no batch mass). */
    RecipeBuilder freeMass() {
        return batchMassKg(null);
    }

    RecipeBuilder maxProductMassKg(Double kg) {
        maxProductMassKg = kg;
        return this;
    }

    RecipeBuilder objective(Objective o) {
        objective = o;
        return this;
    }

    RecipeBuilder recovery(String element, double pct) {
        recoveryPct.put(element, pct);
        return this;
    }

    RecipeBuilder meltLossPct(double pct) {
        meltLossPct = pct;
        return this;
    }

    RecipeBuilder heel(double massKg, Map<String, Double> pct) {
        heel = new Heel(massKg, new Composition(pct, "Al"));
        return this;
    }

    RecipeBuilder targets(ElementTarget... t) {
        targets.addAll(List.of(t));
        return this;
    }

    RecipeBuilder materials(Material... m) {
        materials.addAll(List.of(m));
        return this;
    }

    RecipeBuilder wholePieces(double tolerancePct) {
        wholePieces = true;
        batchMassTolerancePct = tolerancePct;
        return this;
    }

    Recipe build() {
        return Recipe.builder().name("test").grade("test").batchMassKg(batchMassKg).maxProductMassKg(maxProductMassKg)
                .objective(objective).recoveryPct(recoveryPct).meltLossPct(meltLossPct).heel(heel).targets(targets)
                .materials(materials).wholePieces(wholePieces).batchMassTolerancePct(batchMassTolerancePct).build();
    }
}
