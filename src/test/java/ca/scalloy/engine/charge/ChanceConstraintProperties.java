package ca.scalloy.engine.charge;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import ca.scalloy.engine.charge.RandomCharges.Problem;
import ca.scalloy.engine.charge.RandomCharges.Spec;
import ca.scalloy.solver.OjalgoSolver;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;

/**
 * Robust charges over random problems ({@link RandomCharges}) with random deviations on their materials:
 * they keep every deterministic limit and bound, and a Monte Carlo of their first sample meets the
 * confidence asked, element by element, to within its sampling error.
 */
class ChanceConstraintProperties {

    private final ChargeCalculator calculator = new ChargeCalculator(new OjalgoSolver());

    @Provide
    Arbitrary<Spec> problems() {
        return RandomCharges.specs(2, 4, true);
    }

    /** A spread per material: each metallic element's content and recovery sd, a compound's content and recovery sd. */
    @Provide
    Arbitrary<List<Double>> spreads() {
        return Arbitraries.doubles().between(0, 0.4).ofScale(3).list().ofSize(6);
    }

    /** Large spreads: each between 0.25 and 0.4 (content sd a quarter to a third of its wt%). */
    @Provide
    Arbitrary<List<Double>> largeSpreads() {
        return Arbitraries.doubles().between(0.25, 0.4).ofScale(3).list().ofSize(6);
    }

    /** The recipe with each material given deviations scaled by its own share of the spreads (recovery sd 10 points per unit). */
    static Recipe uncertain(Recipe r, List<Double> spreads, double confidencePct) {
        return uncertain(r, spreads, confidencePct, 10);
    }

    /**
     * The recipe with each material given deviations scaled by its own share s of the spreads: each
     * metallic element's content sd s × its wt% (at most a third of it), each recovery sd
     * {@code recoveryPointsPerSpread} × s points; a compound's content sd s points and recovery sd
     * {@code recoveryPointsPerSpread} × s points.
     */
    static Recipe uncertain(Recipe r, List<Double> spreads, double confidencePct, double recoveryPointsPerSpread) {
        List<Material> out = new ArrayList<>();
        int i = 0;
        for (Material m : r.materials()) {
            double s = spreads.get(i++ % spreads.size());
            MaterialUncertainty u = MaterialUncertainty.NONE;
            if (m.kind().isMetallic()) {
                Map<String, Double> comp = new java.util.LinkedHashMap<>();
                Map<String, Double> rec = new java.util.LinkedHashMap<>();
                m.composition().wtPct().forEach((el, pct) -> {
                    comp.put(el, Math.min(pct / 3, s * pct));
                    rec.put(el, recoveryPointsPerSpread * s);
                });
                u = new MaterialUncertainty(comp, rec);
            } else if (m.kind() == MaterialKind.COMPOUND) {
                u = new MaterialUncertainty(Map.of(m.deliveredElement(), s), Map.of(m.deliveredElement(), recoveryPointsPerSpread * s));
            }
            out.add(m.withUncertainty(u));
        }
        return r.withMaterials(out).withConfidencePct(confidencePct);
    }

    @Property(tries = 150)
    void aRobustChargeNeverBreaksItsDeterministicLimitsOrBounds(@ForAll("problems") Spec spec, @ForAll("spreads") List<Double> spreads,
                                                                  @ForAll @DoubleRange(min = 60, max = 99.5) double confidencePct) {
        Problem p = RandomCharges.build(spec, Objective.MIN_COST);
        Recipe r = uncertain(p.recipe(), spreads, confidencePct);
        ChargeResult robust = calculator.solve(r);
        Assume.that(robust.solved());
        for (LimitCheck c : robust.limits()) {
            assertTrue(c.within(), c.element() + " " + c.valuePct() + " outside " + c.minPct() + "-" + c.maxPct());
        }
        for (Material m : r.materials()) {
            double kg = robust.massKg(m.id());
            assertTrue(m.maxKg() == null || kg <= m.maxKg() * (1 + 1e-6) + 1e-6, m.id() + " over its stock");
            assertTrue(m.minKg() == null || kg >= m.minKg() * (1 - 1e-6) - 1e-6, m.id() + " under its floor");
            assertTrue(m.fixedKg() == null || Math.abs(kg - m.fixedKg()) <= 1e-6 * Math.max(1, m.fixedKg()), m.id() + " not its fixed kg");
        }
        assertTrue(MassBalance.allows(r, chargedKg(robust), 1e-6), "the robust charge is a feasible nominal charge");
        ChargeResult nominal = calculator.solve(r.withConfidencePct(null));
        assertTrue(nominal.solved() && nominal.costTotal() <= robust.costTotal() * (1 + 1e-9) + 1e-6,
                "certainty never makes a charge cheaper");
    }

    /**
     * The individual chance constraints promise each limit (a minimum, a maximum) at the confidence
     * asked, not each element: where both sides of a range bind, the element passes with at least
     * 2α − 1 (CI once drew a tight Zr range that passed 92.2 % at α = 95 %, each side near 96 %). The
     * Monte Carlo (the exact product of content and recovery, the distribution the cones' skew-corrected
     * quantiles describe) checks each side on its own, by judging the same robust charge against the minima
     * alone and the maxima alone, and each element against 2α − 1.
     *
     * <p>The allowance is the Monte Carlo's sampling error alone, no modelling margin: 40,000 draws
     * estimate a rate of 0.95 with a standard error of √(0.95 × 0.05 / 40,000) = 0.00109, and a limit met
     * in exactly 95 % of all charges falls 4 of those below (0.9456) once in 31,600 checks; a run makes at
     * most 40 × 2 × 6 of them, most of them far from binding, so a false alarm comes about once in 66 runs
     * at the very worst, far less in practice. Before the skew correction a large spread (recovery sd of
     * 30 points) met a maximum in 93.6 % of the draws ({@link SkewedChanceConstraintsTest}): 12 standard
     * errors short.
     */
    @Property(tries = 40)
    void aRobustChargeMeetsEachLimitAtTheConfidenceAsked(@ForAll("problems") Spec spec, @ForAll("spreads") List<Double> spreads) {
        meetsEachLimitAtTheConfidenceAsked(spec, spreads, 10);
    }

    /**
     * The same with spreads of tens of per cent of their values: content sd a quarter to a third of each
     * wt%, recovery sd 19 to 30 points (75 points per unit of spread), where the product of a content and
     * a recovery deviation skews the analysis. Random ranges can rarely be met 95 times in 100 with such
     * spreads (nine in ten were diagnosed, not charged), so each element keeps one side of its range: its
     * maximum (the side a content × recovery product skews towards failure) for every other element, its
     * minimum for the rest. Even so most random problems are still diagnosed at 95 % with such spreads
     * (6 to 15 of the 40 tries were charged, hence checked, in fresh runs), and jqwik's default limit of
     * 5 rejections per check failed an unlucky seed with 5 checks and 35 rejections: up to 20 per check
     * are allowed, so the property is exhausted only when fewer than 2 of the 40 problems can be charged.
     */
    @Property(tries = 40, maxDiscardRatio = 20)
    void aRobustChargeMeetsEachLimitAtTheConfidenceAskedWithLargeSpreads(@ForAll("problems") Spec spec,
                                                                          @ForAll("largeSpreads") List<Double> spreads) {
        meetsEachLimitAtTheConfidenceAsked(spec, spreads, 75);
    }

    /** Each element's maximum (every other element, from the first) or minimum, where it has one; else its other side. */
    static Recipe oneSided(Recipe r) {
        List<ElementTarget> out = new ArrayList<>();
        for (int i = 0; i < r.targets().size(); i++) {
            ElementTarget t = r.targets().get(i);
            boolean max = (i % 2 == 0 && t.maxPct() != null) || t.minPct() == null;
            out.add(max ? new ElementTarget(t.element(), null, null, t.maxPct()) : new ElementTarget(t.element(), t.minPct(), null, null));
        }
        return r.withTargets(out);
    }

    /**
     * The run that found the first-order spread short: a Zr minimum whose spread came from another
     * material's Zn content and recovery (their product, δc·δr, which the first order dropped, added 5 % to
     * σ), met in 93.5 % of the draws at 95 % ({@link ChanceConstraintsTest#theRowsSpreadCountsTheProductOfContentAndRecoveryDeviations}).
     * With the exact variance the re-solved charge met it in 94.3 % of 100,000 draws: the 0.7 point still
     * short was the skew of the row (the joint third moment of the content's first-order effect, the
     * recovery's and their product), which the Cornish–Fisher quantile now carries.
     */
    @Property(tries = 40, seed = "-3801805493045409123")
    void aRobustChargeMeetsEachLimitWhereItsSpreadIsSecondOrder(@ForAll("problems") Spec spec, @ForAll("spreads") List<Double> spreads) {
        meetsEachLimitAtTheConfidenceAsked(spec, spreads, 10);
    }

    private void meetsEachLimitAtTheConfidenceAsked(Spec spec, List<Double> spreads, double recoveryPointsPerSpread) {
        Problem p = RandomCharges.build(spec, Objective.MIN_COST);
        Recipe r = uncertain(recoveryPointsPerSpread > 10 ? oneSided(p.recipe()) : p.recipe(), spreads, 95.0, recoveryPointsPerSpread);
        ChargeResult robust = calculator.solve(r);
        Assume.that(robust.solved());
        int draws = 40_000;
        double allowance = 4 * PassProbability.standardError(0.95, draws);
        for (boolean minima : new boolean[] {true, false}) {
            List<ElementTarget> side = new ArrayList<>();
            for (ElementTarget t : r.targets()) {
                Double limit = minima ? t.minPct() : t.maxPct();
                if (limit != null) {
                    side.add(minima ? new ElementTarget(t.element(), limit, null, null) : new ElementTarget(t.element(), null, null, limit));
                }
            }
            if (side.isEmpty()) {
                continue;
            }
            PassProbability oneSide = MonteCarlo.passProbability(r.withTargets(side), robust, draws, 20261203L);
            String which = minima ? " minimum" : " maximum";
            oneSide.perElement().forEach((el, rate) -> assertTrue(rate >= 0.95 - allowance, el + which + " met in " + rate));
        }
        // Both sides' shortfalls add: 2α − 1 less the two sides' allowances.
        MonteCarlo.passProbability(r, robust, draws, 20261204L).perElement()
                .forEach((el, rate) -> assertTrue(rate >= 2 * 0.95 - 1 - 2 * allowance, el + " passes " + rate));
    }

    private static Map<String, Double> chargedKg(ChargeResult r) {
        Map<String, Double> kg = new java.util.LinkedHashMap<>();
        r.charge().forEach(l -> kg.put(l.materialId(), l.massKg()));
        return kg;
    }
}
