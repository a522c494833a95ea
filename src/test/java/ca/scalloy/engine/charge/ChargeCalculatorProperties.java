package ca.scalloy.engine.charge;

import static ca.scalloy.engine.charge.ChargeAssertions.assertInfeasible;
import static ca.scalloy.engine.charge.ChargeAssertions.assertSolved;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ca.scalloy.engine.charge.RandomCharges.Problem;
import ca.scalloy.engine.charge.RandomCharges.Spec;
import ca.scalloy.solver.OjalgoSolver;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;

/**
 * Invariants of the charge calculator over random small problems, each checked against
 * {@link MassBalance}, an independent reading of the chemistry, rather than the engine's own sums.
 */
class ChargeCalculatorProperties {

    /** Relative mass and wt% tolerance of an LP answer (the solver adapter's own check is 1e-6). */
    private static final double LP_TOLERANCE = 1e-6;
    /** Tolerance for charges built exactly (the generating mix, grid points). */
    private static final double EXACT_TOLERANCE = 1e-9;
    /** Grid points per free material in the brute-force search. */
    private static final int GRID_STEPS = 60;

    private final ChargeCalculator calculator = new ChargeCalculator(new OjalgoSolver());

    @Provide
    Arbitrary<Spec> problems() {
        return RandomCharges.specs(2, 5, true);
    }

    /** Two or three free materials (metals, or two metals and a compound whose flux follows it). */
    @Provide
    Arbitrary<Spec> smallProblems() {
        return RandomCharges.specs(2, 3, true).filter(s -> s.metals().size() + (s.compound() == null ? 0 : 1) <= 3);
    }

    @Property(tries = 200)
    void chargeConservesMassKeepsEveryLimitAndBoundAndBeatsItsMix(@ForAll("problems") Spec spec, @ForAll Objective objective) {
        Problem p = RandomCharges.build(spec, objective);
        assertTrue(MassBalance.allows(p.recipe(), p.mixKg(), EXACT_TOLERANCE), "the generator's mix must be a feasible charge");

        ChargeResult r = calculator.solve(p.recipe());

        assertSolved(r);
        Map<String, Double> kg = chargedKg(r);
        assertAgreesWithIndependentBalance(p.recipe(), kg, r);
        assertTrue(MassBalance.allows(p.recipe(), kg, LP_TOLERANCE), () -> "charge breaks a stock, flux or limit: " + kg);
        MassBalance mix = MassBalance.of(p.recipe(), p.mixKg());
        switch (objective) {
            case MIN_COST -> assertNotAbove(mix.cost, r.costTotal(), "cost");
            case MIN_CO2 -> assertNotAbove(mix.co2Kg, r.co2TotalKg(), "CO2");
            case AIM -> assertNotAbove(aimDeviation(p.recipe(), mix), aimDeviation(p.recipe(), MassBalance.of(p.recipe(), kg)),
                    "weighted distance from the aims");
        }
    }

    @Property(tries = 150)
    void leastCostIsNoDearerThanAnyFeasibleChargeOnAGrid(@ForAll("smallProblems") Spec spec) {
        Problem p = RandomCharges.build(spec, Objective.MIN_COST);
        List<Map<String, Double>> feasible = feasibleGridCharges(p);
        Statistics.label("feasible grid charges besides the mix").collect(feasible.size() > 1);

        ChargeResult r = calculator.solve(p.recipe());

        assertSolved(r);
        for (Map<String, Double> charge : feasible) {
            double cost = MassBalance.of(p.recipe(), charge).cost;
            assertNotAbove(cost, r.costTotal(), "cost against the grid charge " + charge);
        }
    }

    @Property(tries = 200)
    void infeasibleRecipeAlwaysSaysWhyAndAFeasibleOneIsAlwaysSolved(@ForAll("problems") Spec spec,
            @ForAll @IntRange(min = 0, max = 7) int elementIndex, @ForAll @DoubleRange(min = 0, max = 5) double wildMinPct,
            @ForAll @DoubleRange(min = 0, max = 5) double wildWidthPct) {
        Problem built = RandomCharges.build(spec, Objective.MIN_COST);
        String el = RandomCharges.POOL.get(elementIndex);
        List<ElementTarget> targets = new ArrayList<>(built.recipe().targets());
        targets.removeIf(t -> t.element().equals(el));
        targets.add(new ElementTarget(el, wildMinPct, null, Math.min(100, wildMinPct + wildWidthPct * wildWidthPct / 5)));
        Recipe recipe = built.recipe().withTargets(targets);

        ChargeResult r = calculator.solve(recipe);

        Statistics.label("solved").collect(r.solved());
        Statistics.label("solved").coverage(c -> {
            c.check(true).percentage(pct -> pct > 5);
            c.check(false).percentage(pct -> pct > 5);
        });
        if (r.solved()) {
            assertSolved(r);
            assertTrue(MassBalance.allows(recipe, chargedKg(r), LP_TOLERANCE));
            return;
        }
        assertFalse(MassBalance.allows(recipe, built.mixKg(), EXACT_TOLERANCE), "the mix meets every limit, yet no charge was found");
        assertInfeasible(r);
        for (Diagnosis d : r.diagnosis()) {
            assertFalse(d.message().isBlank());
            if (d.kind() == Diagnosis.Kind.ELEMENT_MIN || d.kind() == Diagnosis.Kind.ELEMENT_MAX) {
                ElementTarget t = recipe.target(d.element()).orElseThrow();
                boolean isMax = d.kind() == Diagnosis.Kind.ELEMENT_MAX;
                assertEquals(isMax ? t.maxPct() : t.minPct(), d.limit(), 0.0, d.message());
                if (d.onItsOwn()) {
                    assertTrue(isMax ? d.reachable() > d.limit() : d.reachable() < d.limit(), d.message());
                }
            }
        }
    }

    private static Map<String, Double> chargedKg(ChargeResult r) {
        Map<String, Double> kg = new LinkedHashMap<>();
        for (ChargeLine line : r.charge()) {
            assertTrue(line.massKg() >= 0, () -> line.materialId() + " is charged at " + line.massKg() + " kg");
            kg.put(line.materialId(), line.massKg());
        }
        return kg;
    }

    /** The engine's product, slag, dross and composition are those the chemistry gives for its charge. */
    private static void assertAgreesWithIndependentBalance(Recipe recipe, Map<String, Double> kg, ChargeResult r) {
        MassBalance b = MassBalance.of(recipe, kg);
        double tol = LP_TOLERANCE * Math.max(1, b.productKg());
        assertEquals(b.productKg(), r.productMassKg(), tol, "product kg");
        assertEquals(b.slagKg, r.slagKg(), tol, "slag kg");
        assertEquals(b.drossKg, r.drossKg(), tol, "dross kg");
        assertEquals(b.chargedKg + recipe.heel().massKg(), b.productKg() + b.slagKg + b.drossKg, tol, "the oracle's own balance");
        b.productElementKg.forEach((el, elKg) -> assertEquals(b.pct(el), r.productPct(el), LP_TOLERANCE, el + " wt%"));
        if (recipe.batchMassKg() != null) {
            assertEquals(recipe.batchMassKg(), r.productMassKg(), LP_TOLERANCE * recipe.batchMassKg(), "batch mass");
        }
    }

    private static void assertNotAbove(double reference, double actual, String what) {
        assertTrue(actual <= reference + LP_TOLERANCE * Math.max(1, Math.abs(reference)),
                () -> what + ": the engine's " + actual + " is above " + reference + " of a feasible charge");
    }

    /** Σ weight × |wt% − aim| over the aimed elements: what AIM minimises. */
    private static double aimDeviation(Recipe recipe, MassBalance b) {
        double d = 0;
        for (ElementTarget t : recipe.targets()) {
            if (t.aimPct() != null) {
                d += t.aimWeight() * Math.abs(b.pct(t.element()) - t.aimPct());
            }
        }
        return d;
    }

    /**
     * The mix and every grid charge that the recipe allows: each free material but the first on
     * {@link #GRID_STEPS} steps from its floor to what would fill the batch alone, the first metal
     * making up the batch mass, each flux following its compound.
     */
    private static List<Map<String, Double>> feasibleGridCharges(Problem p) {
        Recipe r = p.recipe();
        List<Material> free = r.materials().stream().filter(m -> m.kind() != MaterialKind.FLUX).toList();
        double heelKg = r.heel().massKg();
        double[] yieldPerKg = new double[free.size()];
        double[][] axes = new double[free.size()][];
        for (int j = 0; j < free.size(); j++) {
            Material m = free.get(j);
            yieldPerKg[j] = MassBalance.of(r, Map.of(m.id(), 1.0)).productKg() - heelKg;
            double lo = m.fixedKg() != null ? m.fixedKg() : m.minKg() == null ? 0 : m.minKg();
            double fill = m.kind() == MaterialKind.COMPOUND ? 4 * p.mixKg().get(m.id()) : (r.batchMassKg() - heelKg) / yieldPerKg[j];
            double hi = m.fixedKg() != null ? m.fixedKg() : m.maxKg() == null ? fill : Math.min(fill, m.maxKg());
            axes[j] = new double[GRID_STEPS + 1];
            for (int s = 0; s <= GRID_STEPS; s++) {
                axes[j][s] = lo + (hi - lo) * s / GRID_STEPS;
            }
        }
        List<Map<String, Double>> feasible = new ArrayList<>();
        feasible.add(p.mixKg());
        int points = (int) Math.pow(GRID_STEPS + 1, free.size() - 1);
        for (int point = 0; point < points; point++) {
            Map<String, Double> kg = new LinkedHashMap<>();
            double rest = r.batchMassKg() - heelKg;
            for (int j = 1, code = point; j < free.size(); j++, code /= GRID_STEPS + 1) {
                double x = axes[j][code % (GRID_STEPS + 1)];
                kg.put(free.get(j).id(), x);
                rest -= yieldPerKg[j] * x;
            }
            kg.put(free.get(0).id(), rest / yieldPerKg[0]);
            r.material(RandomCharges.FLUX_ID).ifPresent(f -> kg.put(f.id(), MassBalance.fluxDemandKg(r, f, kg)));
            if (MassBalance.allows(r, kg, EXACT_TOLERANCE)) {
                feasible.add(kg);
            }
        }
        return feasible;
    }
}
