package ca.scalloy.engine.charge;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import ca.scalloy.engine.Composition;
import ca.scalloy.engine.Message;

/**
 * Corrects a heat after a sample: the additions (or the aluminium that dilutes) that bring every
 * element inside its limits, all at once, at least cost (or closest to aim).
 *
 * <p>The melt in the furnace is the heel of a free-mass charge: it enters the product as it is, and
 * the recipe's materials may be added to it with no stock floor (the original charge's fixed and
 * minimum masses do not apply to a correction; stock maxima still do). The furnace's free capacity
 * bounds the kg added. When only the capacity stands in the way, the diagnosis says how many kg the
 * correction would take.
 */
public final class TrimCalculator {

    private final ChargeCalculator charges;

    public TrimCalculator(ChargeCalculator charges) {
        this.charges = Objects.requireNonNull(charges, "charges");
    }

    /**
     * The correction of a melt.
     *
     * @param recipe        limits, aims, objective and the materials that may be added
     * @param meltKg        kg of metal in the furnace now, &gt; 0
     * @param analysisPct   the sample's wt% per element (the recipe's balance element is the rest)
     * @param capacityKg    the furnace's free capacity: the most kg the melt may grow by, or null. With no
     *                      melt loss and no compound this is exactly the kg that may be added; losses to
     *                      dross and slag let a little more be charged
     * @return the additions as the charge lines of the result, the corrected melt as its product
     * @throws IllegalArgumentException naming the value for a bad melt mass, capacity or analysis
     */
    public ChargeResult trim(Recipe recipe, double meltKg, Map<String, Double> analysisPct, Double capacityKg) {
        if (!Double.isFinite(meltKg) || meltKg <= 0) {
            throw new IllegalArgumentException("meltKg must be a number > 0, was " + meltKg);
        }
        if (capacityKg != null && (!Double.isFinite(capacityKg) || capacityKg < 0)) {
            throw new IllegalArgumentException("capacityKg must be a number >= 0, was " + capacityKg);
        }
        Composition melt;
        try {
            melt = new Composition(analysisPct, recipe.balanceElement());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("analysis: " + e.getMessage(), e);
        }
        List<Material> additions = new ArrayList<>();
        for (Material m : recipe.materials()) {
            additions.add(m.withBounds(null, m.maxKg(), null));
        }
        // The correction is worked out on the nominal analyses and the composition limits alone: no confidence level,
        // no property targets, part pieces allowed.
        Recipe trim = recipe.toBuilder().name(recipe.name() + " (correction)").batchMassKg(null)
                .maxProductMassKg(capacityKg == null ? null : meltKg + capacityKg).heel(new Heel(meltKg, melt)).materials(additions)
                .wholePieces(false).confidencePct(null).propertyTargets(List.of()).build();
        ChargeResult result = charges.solve(trim);
        List<String> unmeasured = new ArrayList<>();
        for (ElementTarget t : recipe.targets()) {
            if (!t.element().equals(recipe.balanceElement()) && !analysisPct.containsKey(t.element())) {
                unmeasured.add(t.element());
            }
        }
        List<Message> warnings = new ArrayList<>(result.warnings());
        if (!unmeasured.isEmpty()) {
            warnings.add(Message.of("warning.unmeasured", "the analysis gives no value for " + String.join(", ", unmeasured) + "; 0 % assumed",
                    String.join(", ", unmeasured)));
        }
        if (result.solved() || capacityKg == null) {
            return withWarnings(result, result.diagnosis(), warnings);
        }
        ChargeResult unbounded = charges.solve(trim.withMaxProductMassKg(null));
        List<Diagnosis> diagnosis = new ArrayList<>();
        if (unbounded.solved()) {
            double addedKg = unbounded.inKg() - unbounded.heelKg();
            diagnosis.add(new Diagnosis(Diagnosis.Kind.PRODUCT_MASS_MAX, null, capacityKg, addedKg, true,
                    "Bringing every element inside its limits takes " + ChargeCalculator.fmt(addedKg) + " kg of additions ("
                            + describe(unbounded.charge()) + "), above the furnace's free capacity of "
                            + ChargeCalculator.fmt(capacityKg) + " kg"));
        }
        diagnosis.addAll(result.diagnosis());
        return withWarnings(result, diagnosis, warnings);
    }

    /**
     * The metal in the furnace after additions: the melt plus what each addition brings into the metal
     * (a compound's reduced element less the Al its reduction takes, a metal's recovered share; a
     * flux brings nothing), worked out by the same mass balance as {@link #trim}. This is the
     * {@link ChargeResult#productMassKg()} a correction reported, for a correction already recorded.
     *
     * @param recipe      the recipe whose materials were added (recoveries and melt loss as in it)
     * @param meltKg      kg of metal before the additions, &gt; 0
     * @param additionsKg kg added per material id of the recipe
     * @return kg of metal after
     * @throws IllegalArgumentException naming the value for a bad mass or a material the recipe lacks
     */
    public double meltAfterKg(Recipe recipe, double meltKg, Map<String, Double> additionsKg) {
        if (!Double.isFinite(meltKg) || meltKg <= 0) {
            throw new IllegalArgumentException("meltKg must be a number > 0, was " + meltKg);
        }
        for (Map.Entry<String, Double> a : additionsKg.entrySet()) {
            if (recipe.material(a.getKey()).isEmpty()) {
                throw new IllegalArgumentException("additionsKg: material " + a.getKey() + " is not in recipe '" + recipe.name() + "'");
            }
            if (a.getValue() == null || !Double.isFinite(a.getValue()) || a.getValue() < 0) {
                throw new IllegalArgumentException("additionsKg: " + a.getKey() + " must be a number >= 0, was " + a.getValue());
            }
        }
        if (additionsKg.values().stream().allMatch(kg -> kg == 0)) {
            return meltKg;
        }
        List<Material> fixed = new ArrayList<>();
        for (Material m : recipe.materials()) {
            fixed.add(m.withBounds(null, null, additionsKg.getOrDefault(m.id(), 0.0)));
        }
        Recipe melt = recipe.toBuilder().name(recipe.name() + " (melt after correction)").batchMassKg(null).maxProductMassKg(null)
                .objective(Objective.MIN_COST).heel(new Heel(meltKg, new Composition(Map.of(), recipe.balanceElement())))
                .targets(List.of()).materials(fixed).wholePieces(false).confidencePct(null).propertyTargets(List.of()).build();
        ChargeResult r = charges.solve(melt);
        if (!r.solved()) {
            throw new IllegalStateException("the additions " + additionsKg + " to " + meltKg + " kg do not balance: " + r.diagnosis());
        }
        return r.productMassKg();
    }

    private static String describe(List<ChargeLine> lines) {
        List<String> parts = new ArrayList<>();
        for (ChargeLine l : lines) {
            parts.add(l.materialId() + " " + ChargeCalculator.fmt(l.massKg()) + " kg");
        }
        return String.join(", ", parts);
    }

    private static ChargeResult withWarnings(ChargeResult r, List<Diagnosis> diagnosis, List<Message> warnings) {
        return new ChargeResult(r.status(), r.objective(), r.charge(), r.productMassKg(), new LinkedHashMap<>(r.productCompositionPct()),
                r.slagKg(), r.drossKg(), r.heelKg(), r.inKg(), r.outKg(), r.costTotal(), r.co2TotalKg(), r.scRecoveryPct(),
                r.limits(), diagnosis, warnings);
    }
}
