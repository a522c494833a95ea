package ca.scalloy.engine.charge;

import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import ca.scalloy.engine.Elements;
import ca.scalloy.engine.MessageException;

/**
 * Everything the charge solver needs: the product wanted (targets, mass), the materials it may
 * use, and how the melt behaves (recoveries, melt loss, heel).
 *
 * @param name                  recipe name
 * @param grade                 product grade, e.g. {@code "AlSc2"}
 * @param batchMassKg           product mass in kg including the heel, or null for a free product mass (which
 *                              then needs a heel or a non-flux material with a fixed or minimum mass)
 * @param maxProductMassKg      furnace capacity in kg (bounds a free product mass), or null
 * @param balanceElement        the product's balance element (Al by default)
 * @param objective             what to optimise
 * @param recoveryPct           recipe-wide recovery per element, 0..100 % (absent: 100 %)
 * @param meltLossPct           share of the balance element of metallic charges lost to dross, 0..100 %
 * @param heel                  metal already in the furnace
 * @param targets               limits per element, at most one per element
 * @param materials             materials that may be charged, unique ids
 * @param wholePieces           solve for whole pieces of materials that have a piece mass
 * @param batchMassTolerancePct with whole pieces, how far the product mass may stray from batchMassKg
 * @param confidencePct         the probability, %, with which each composition limit must be met given the
 *                              materials' {@link MaterialUncertainty} (a chance-constrained charge), above 50 and
 *                              below 100 (50 % is the nominal charge itself); null for a charge on the nominal analyses
 * @param propertyTargets       limits on the product's estimated properties (issue 14, point 2); empty when none. They
 *                              need objective MIN_COST or MIN_CO2 (an AIM is a composition, not a property)
 */
public record Recipe(
        String name,
        String grade,
        Double batchMassKg,
        Double maxProductMassKg,
        String balanceElement,
        Objective objective,
        Map<String, Double> recoveryPct,
        double meltLossPct,
        Heel heel,
        List<ElementTarget> targets,
        List<Material> materials,
        boolean wholePieces,
        double batchMassTolerancePct,
        Double confidencePct,
        List<PropertyTarget> propertyTargets) {

    /** Default tolerance on the batch mass when solving for whole pieces. */
    public static final double DEFAULT_BATCH_MASS_TOLERANCE_PCT = 2.0;

    public Recipe {
        name = name == null ? "" : name;
        grade = grade == null ? "" : grade;
        balanceElement = balanceElement == null ? "Al" : balanceElement;
        if (!Elements.standard().contains(balanceElement)) {
            throw new MessageException("recipe.error.balanceUnknown", "balanceElement: unknown element '" + balanceElement + "'",
                    balanceElement).at("balanceElement");
        }
        objective = objective == null ? Objective.MIN_COST : objective;
        if (batchMassKg != null && (!Double.isFinite(batchMassKg) || batchMassKg <= 0)) {
            throw new MessageException("recipe.error.batchMass", "batchMassKg must be a number > 0 (or absent for a free mass), was "
                    + batchMassKg, batchMassKg).at("batchMassKg");
        }
        if (maxProductMassKg != null && (!Double.isFinite(maxProductMassKg) || maxProductMassKg <= 0)) {
            throw new MessageException("recipe.error.capacity", "maxProductMassKg must be a number > 0, was " + maxProductMassKg,
                    maxProductMassKg).at("maxProductMassKg");
        }
        if (!Double.isFinite(meltLossPct) || meltLossPct < 0 || meltLossPct >= 100) {
            throw new MessageException("recipe.error.meltLoss", "meltLossPct must be a number from 0 to below 100, was " + meltLossPct,
                    meltLossPct).at("meltLossPct");
        }
        if (!Double.isFinite(batchMassTolerancePct) || batchMassTolerancePct < 0 || batchMassTolerancePct > 50) {
            throw new MessageException("recipe.error.batchMassTolerance", "batchMassTolerancePct must be a number from 0 to 50, was "
                    + batchMassTolerancePct, batchMassTolerancePct).at("batchMassTolerancePct");
        }
        if (confidencePct != null && (!Double.isFinite(confidencePct) || confidencePct <= 50 || confidencePct >= 100)) {
            throw new MessageException("recipe.error.confidence", "confidencePct must be a number above 50 and below 100 (or absent), was "
                    + confidencePct, confidencePct).at("confidencePct");
        }
        propertyTargets = List.copyOf(propertyTargets == null ? List.of() : propertyTargets);
        if (!propertyTargets.isEmpty() && objective == Objective.AIM) {
            throw new MessageException("recipe.error.aimWithPropertyTargets", "objective: AIM cannot be combined with propertyTargets (an aim"
                    + " is a composition); use MIN_COST or MIN_CO2").at("objective");
        }
        Map<String, Double> rec = new LinkedHashMap<>();
        if (recoveryPct != null) {
            for (Map.Entry<String, Double> e : recoveryPct.entrySet()) {
                Material.checkRecovery(e.getKey(), e.getValue());
                rec.put(e.getKey(), e.getValue());
            }
        }
        recoveryPct = Collections.unmodifiableMap(rec);
        heel = heel == null ? Heel.none(balanceElement) : heel;
        if (!heel.composition().balanceElement().equals(balanceElement)) {
            throw new MessageException("recipe.error.heelBalance", "heel: its balance element " + heel.composition().balanceElement()
                    + " differs from the recipe's " + balanceElement, heel.composition().balanceElement(), balanceElement).at("heel");
        }
        targets = List.copyOf(targets == null ? List.of() : targets);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < targets.size(); i++) {
            if (!seen.add(targets.get(i).element())) {
                throw new MessageException("recipe.error.targetTwice", "targets[" + i + "].element: " + targets.get(i).element()
                        + " has more than one target", targets.get(i).element()).at("targets[" + i + "].element");
            }
        }
        materials = List.copyOf(materials == null ? List.of() : materials);
        if (materials.isEmpty()) {
            throw new MessageException("recipe.error.noMaterial", "materials: a recipe needs at least one material").at("materials");
        }
        Map<String, Material> byId = new LinkedHashMap<>();
        for (int i = 0; i < materials.size(); i++) {
            Material m = materials.get(i);
            if (byId.put(m.id(), m) != null) {
                throw new MessageException("recipe.error.idTwice", "materials[" + i + "].id: '" + m.id() + "' is used by more than one material",
                        m.id()).at("materials[" + i + "].id");
            }
        }
        for (int i = 0; i < materials.size(); i++) {
            FluxLink link = materials.get(i).flux();
            if (link == null) {
                continue;
            }
            Material f = byId.get(link.materialId());
            if (f == null) {
                throw new MessageException("recipe.error.fluxUnknown", "materials[" + i + "].flux.materialId: '" + link.materialId()
                        + "' is not a material of this recipe", link.materialId()).at("materials[" + i + "].flux");
            }
            if (f.kind() != MaterialKind.FLUX) {
                throw new MessageException("recipe.error.fluxNotFlux", "materials[" + i + "].flux.materialId: '" + link.materialId()
                        + "' is a " + f.kind() + ", not a FLUX", link.materialId(), f.kind()).at("materials[" + i + "].flux");
            }
        }
        if (batchMassKg == null && heel.massKg() == 0 && materials.stream().noneMatch(Recipe::anchorsMass)) {
            throw new MessageException("recipe.error.freeMassNeedsAnchor", "batchMassKg: a free product mass needs a heel or a material"
                    + " with a fixed or minimum mass to set its size").at("batchMassKg");
        }
    }

    /**
     * Whether charging this material forces some metal into the product. Without such a material (or
     * a heel) a free product mass shrinks to nothing under every objective, as no limit is scaled by it.
     */
    private static boolean anchorsMass(Material m) {
        Double floorKg = m.fixedKg() != null ? m.fixedKg() : m.minKg();
        return m.kind() != MaterialKind.FLUX && floorKg != null && floorKg > 0;
    }

    /** The material with this id. */
    public Optional<Material> material(String id) {
        return materials.stream().filter(m -> m.id().equals(id)).findFirst();
    }

    /** The target for {@code element}, if any. */
    public Optional<ElementTarget> target(String element) {
        return targets.stream().filter(t -> t.element().equals(element)).findFirst();
    }

    /**
     * Recovery (0..1) of {@code element} from {@code material} into the metal: the material's own
     * figure, else the recipe's, else 100 %. Melt loss is not included.
     */
    public double recoveryFraction(Material material, String element) {
        Double pct = material.recoveryPct().get(element);
        if (pct == null) {
            pct = recoveryPct.get(element);
        }
        return pct == null ? 1.0 : pct / 100;
    }

    /** Whether a recovery was stated (by the material or the recipe) for this element. */
    public boolean recoveryStated(Material material, String element) {
        return material.recoveryPct().containsKey(element) || recoveryPct.containsKey(element);
    }

    public Recipe withBatchMassKg(Double newBatchMassKg) {
        return toBuilder().batchMassKg(newBatchMassKg).build();
    }

    public Recipe withMaxProductMassKg(Double newMaxProductMassKg) {
        return toBuilder().maxProductMassKg(newMaxProductMassKg).build();
    }

    public Recipe withObjective(Objective newObjective) {
        return toBuilder().objective(Objects.requireNonNull(newObjective)).build();
    }

    public Recipe withTargets(List<ElementTarget> newTargets) {
        return toBuilder().targets(newTargets).build();
    }

    public Recipe withMaterials(List<Material> newMaterials) {
        return toBuilder().materials(newMaterials).build();
    }

    public Recipe withHeel(Heel newHeel) {
        return toBuilder().heel(newHeel).build();
    }

    public Recipe withWholePieces(boolean newWholePieces, double newTolerancePct) {
        return toBuilder().wholePieces(newWholePieces).batchMassTolerancePct(newTolerancePct).build();
    }

    public Recipe withConfidencePct(Double newConfidencePct) {
        return toBuilder().confidencePct(newConfidencePct).build();
    }

    public Recipe withPropertyTargets(List<PropertyTarget> newPropertyTargets) {
        return toBuilder().propertyTargets(newPropertyTargets).build();
    }

    /** Whether any material states an uncertainty. */
    public boolean statesUncertainty() {
        return materials.stream().anyMatch(m -> m.uncertainty().isStated());
    }

    /**
     * A builder with the defaults a recipe file has when a field is absent: no name or grade, a free product mass, no
     * furnace capacity, balance Al, MIN_COST, no recoveries, no melt loss, no heel, part pieces allowed (tolerance
     * {@value #DEFAULT_BATCH_MASS_TOLERANCE_PCT} %), the nominal analyses, no property targets. The recipe's own
     * checks run in {@link Builder#build()}.
     */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this recipe's values, to make a recipe that differs in a few of them. */
    public Builder toBuilder() {
        return new Builder().name(name).grade(grade).batchMassKg(batchMassKg).maxProductMassKg(maxProductMassKg)
                .balanceElement(balanceElement).objective(objective).recoveryPct(recoveryPct).meltLossPct(meltLossPct).heel(heel)
                .targets(targets).materials(materials).wholePieces(wholePieces).batchMassTolerancePct(batchMassTolerancePct)
                .confidencePct(confidencePct).propertyTargets(propertyTargets);
    }

    /** Builds a {@link Recipe} field by field; each setter names the field it sets (see the record's parameters). */
    public static final class Builder {
        private String name;
        private String grade;
        private Double batchMassKg;
        private Double maxProductMassKg;
        private String balanceElement = "Al";
        private Objective objective = Objective.MIN_COST;
        private Map<String, Double> recoveryPct = Map.of();
        private double meltLossPct;
        private Heel heel;
        private List<ElementTarget> targets = List.of();
        private List<Material> materials = List.of();
        private boolean wholePieces;
        private double batchMassTolerancePct = DEFAULT_BATCH_MASS_TOLERANCE_PCT;
        private Double confidencePct;
        private List<PropertyTarget> propertyTargets = List.of();

        private Builder() {
        }

        public Builder name(String value) {
            name = value;
            return this;
        }

        public Builder grade(String value) {
            grade = value;
            return this;
        }

        public Builder batchMassKg(Double value) {
            batchMassKg = value;
            return this;
        }

        public Builder maxProductMassKg(Double value) {
            maxProductMassKg = value;
            return this;
        }

        public Builder balanceElement(String value) {
            balanceElement = value;
            return this;
        }

        public Builder objective(Objective value) {
            objective = value;
            return this;
        }

        public Builder recoveryPct(Map<String, Double> value) {
            recoveryPct = value;
            return this;
        }

        public Builder meltLossPct(double value) {
            meltLossPct = value;
            return this;
        }

        public Builder heel(Heel value) {
            heel = value;
            return this;
        }

        public Builder targets(List<ElementTarget> value) {
            targets = value;
            return this;
        }

        public Builder materials(List<Material> value) {
            materials = value;
            return this;
        }

        public Builder wholePieces(boolean value) {
            wholePieces = value;
            return this;
        }

        public Builder batchMassTolerancePct(double value) {
            batchMassTolerancePct = value;
            return this;
        }

        public Builder confidencePct(Double value) {
            confidencePct = value;
            return this;
        }

        public Builder propertyTargets(List<PropertyTarget> value) {
            propertyTargets = value;
            return this;
        }

        /** The recipe; a value out of its range is refused as the record's constructor refuses it. */
        public Recipe build() {
            return new Recipe(name, grade, batchMassKg, maxProductMassKg, balanceElement, objective, recoveryPct, meltLossPct, heel,
                    targets, materials, wholePieces, batchMassTolerancePct, confidencePct, propertyTargets);
        }
    }
}
