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

    /** The recipe with each material given deviations scaled by its own share of the spreads. */
    static Recipe uncertain(Recipe r, List<Double> spreads, double confidencePct) {
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
                    rec.put(el, 10 * s);
                });
                u = new MaterialUncertainty(comp, rec);
            } else if (m.kind() == MaterialKind.COMPOUND) {
                u = new MaterialUncertainty(Map.of(m.deliveredElement(), s), Map.of(m.deliveredElement(), 10 * s));
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
     * Monte Carlo (with the exact product of content and recovery, where the constraints take its first
     * order) checks each side on its own, by judging the same robust charge against the minima alone and
     * the maxima alone, to within its sampling error (3 standard errors of 10,000 draws) plus a
     * first-order margin; and each element against 2α − 1 with the same allowance.
     */
    @Property(tries = 40)
    void aRobustChargeMeetsEachLimitAtTheConfidenceAsked(@ForAll("problems") Spec spec, @ForAll("spreads") List<Double> spreads) {
        meetsEachLimitAtTheConfidenceAsked(spec, spreads);
    }

    /**
     * The run that found the first-order spread short: a Zr minimum whose spread came from another
     * material's Zn content and recovery (their product, δc·δr, which the first order dropped, added 5 % to
     * σ), met in 93.5 % of the draws at 95 % ({@link ChanceConstraintsTest#theRowsSpreadCountsTheProductOfContentAndRecoveryDeviations}).
     * With the exact variance the re-solved charge meets it in 94.3 % of 100,000 draws (σ now within 0.4 % of
     * the drawn sd): the 0.7 point still short is the skew of the row, the joint third moment of the content's
     * first-order effect, the recovery's and their product, which a normal quantile cannot carry; it passes
     * here inside the sampling allowance, not the 0.005 first-order margin.
     */
    @Property(tries = 40, seed = "-3801805493045409123")
    void aRobustChargeMeetsEachLimitWhereItsSpreadIsSecondOrder(@ForAll("problems") Spec spec, @ForAll("spreads") List<Double> spreads) {
        meetsEachLimitAtTheConfidenceAsked(spec, spreads);
    }

    private void meetsEachLimitAtTheConfidenceAsked(Spec spec, List<Double> spreads) {
        Problem p = RandomCharges.build(spec, Objective.MIN_COST);
        Recipe r = uncertain(p.recipe(), spreads, 95.0);
        ChargeAnalysis a = calculator.analyse(r, ChargeAnalysis.Request.standard(false));
        Assume.that(a.result().solved());
        int draws = a.certainty().passProbability().draws();
        double allowance = 3 * PassProbability.standardError(0.95, draws) + 0.005;
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
            PassProbability oneSide = MonteCarlo.passProbability(r.withTargets(side), a.result(), draws, 20261203L);
            String which = minima ? " minimum" : " maximum";
            oneSide.perElement().forEach((el, rate) -> assertTrue(rate >= 0.95 - allowance, el + which + " met in " + rate));
        }
        a.certainty().passProbability().perElement()
                .forEach((el, rate) -> assertTrue(rate >= 2 * 0.95 - 1 - 2 * allowance, el + " passes " + rate));
    }

    private static Map<String, Double> chargedKg(ChargeResult r) {
        Map<String, Double> kg = new java.util.LinkedHashMap<>();
        r.charge().forEach(l -> kg.put(l.materialId(), l.massKg()));
        return kg;
    }
}
