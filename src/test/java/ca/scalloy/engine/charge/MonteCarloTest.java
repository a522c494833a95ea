package ca.scalloy.engine.charge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import ca.scalloy.engine.Composition;
import ca.scalloy.solver.OjalgoSolver;

class MonteCarloTest {

    private final ChargeCalculator calculator = new ChargeCalculator(new OjalgoSolver());

    @Test
    void theSameSeedGivesTheSameEstimateAndAnotherSeedAnother() {
        Recipe r = ChanceConstraintsTest.oneSource(null);
        ChargeResult charge = calculator.solve(r);
        PassProbability a = MonteCarlo.passProbability(r, charge, 10_000, 7);
        PassProbability b = MonteCarlo.passProbability(r, charge, 10_000, 7);
        PassProbability c = MonteCarlo.passProbability(r, charge, 10_000, 8);
        assertEquals(a, b);
        assertNotEquals(a.passRate(), c.passRate());
        assertEquals(7, a.seed());
    }

    /**
     * A charge placed by hand 1.5 σ above a minimum: AlSc2 as in {@link ChanceConstraintsTest#oneSource},
     * 120 kg of it in 1000 kg (σ of the row 0.000998 × 120 = 0.11976 kg, mean 0.018 × 120 − 2 = 0.16 kg,
     * 1.336 σ). Sc passes with Φ(0.16 / 0.11976) = Φ(1.33601) = 0.90922; Al has no limit.
     */
    @Test
    void passRateOfAChargeIsThatOfTheNormalRow() {
        Recipe r = ChanceConstraintsTest.oneSource(null);
        Recipe fixed = r.withMaterials(List.of(r.materials().get(0), r.materials().get(1).withBounds(null, null, 120.0)));
        ChargeResult charge = calculator.solve(fixed);
        PassProbability p = MonteCarlo.passProbability(r, charge, 200_000, 1);
        double expected = Normal.cdf(0.16 / (0.000998 * 120));
        assertEquals(0.90922, expected, 1e-5);
        assertEquals(expected, p.passRate(), 3 * PassProbability.standardError(expected, 200_000));
    }

    /** Two limited elements drawn independently: the whole analysis passes less often than either element. */
    @Test
    void theWholeAnalysisPassesNoMoreOftenThanItsWorstElement() {
        Material al = new Material("AL", "aluminium", MaterialKind.METAL, new Composition(Map.of("Fe", 0.10), "Al"), null, null, null,
                Map.of(), 2.5, 8, null, null, null, null, null, new MaterialUncertainty(Map.of("Fe", 0.02), Map.of()));
        Material alSc2 = new Material("ALSC2", "AlSc2", MaterialKind.MASTER_ALLOY, new Composition(Map.of("Sc", 2.0), "Al"), null,
                null, null, Map.of("Sc", 90.0), 100.0, 10, null, null, null, null, null,
                new MaterialUncertainty(Map.of(), Map.of("Sc", 5.0)));
        Recipe r = Recipe.builder().name("two").grade("x").batchMassKg(1000.0)
                .targets(List.of(new ElementTarget("Sc", 0.20, null, 0.40), ElementTarget.max("Fe", 0.1))).materials(List.of(al, alSc2))
                .confidencePct(90.0).build();
        ChargeAnalysis a = calculator.analyse(r, ChargeAnalysis.Request.standard(false));
        PassProbability p = a.certainty().passProbability();
        assertTrue(p.passRate() <= p.perElement().get("Sc") && p.passRate() <= p.perElement().get("Fe"));
        assertTrue(p.passRate() < Math.min(p.perElement().get("Sc"), p.perElement().get("Fe")), "independent failures add up");
    }

    /**
     * The nominal charge of {@link ChanceConstraintsTest#reductionUsingAllTheAluminium} holds no aluminium
     * after reducing its ScF3. A draw of the master alloy's Mg assay up by δ wt% moves d = δ·M/100 kg of
     * its aluminium into Mg, so the fluoride asks for d kg more Al than the melt has: the reduction stops
     * d / 0.6001778 kg of Sc short, the product holds no Al and is 0.666 d kg lighter, and its Fe (only
     * in the master alloy, no spread) reads higher. A draw of δ down leaves d kg of Al unused and the
     * product mass as it was, Fe as it was. So Fe at least its nominal 0.1278 % passes in every draw. Taking
     * the missing aluminium as no aluminium at all (what the draws did before) adds d kg the charge never
     * had and failed it in every draw with δ up, about half of them.
     */
    @Test
    void aDrawThatRunsOutOfAluminiumReducesLessOfTheCompoundInsteadOfAddingMass() {
        Recipe r = ChanceConstraintsTest.reductionUsingAllTheAluminium(null);
        ChargeResult charge = calculator.solve(r);
        assertEquals(0.0, charge.productPct("Al"), 1e-9);
        double feNominalPct = charge.productPct("Fe");
        assertEquals(0.1278025002427448, feNominalPct, 1e-9);
        PassProbability fe = MonteCarlo.passProbability(r.withTargets(List.of(new ElementTarget("Fe", feNominalPct, null, null))),
                charge, 10_000, 3);
        assertEquals(1.0, fe.passRate());
        // The Sc the short reductions leave in the slag: Sc at least its nominal fails where δ is up, half the draws.
        PassProbability sc = MonteCarlo.passProbability(r.withTargets(List.of(new ElementTarget("Sc", charge.productPct("Sc"), null, null))),
                charge, 10_000, 3);
        assertEquals(0.5, sc.passRate(), 4 * PassProbability.standardError(0.5, 10_000));
    }

    @Test
    void anInfeasibleChargeHasNoSampleToPass() {
        ChargeResult infeasible = new ChargeResult(ChargeStatus.INFEASIBLE, Objective.MIN_COST, List.of(), 0, Map.of(), 0, 0, 0, 0, 0, 0,
                0, null, List.of(), List.of(), List.of());
        assertThrows(IllegalArgumentException.class,
                () -> MonteCarlo.passProbability(ChanceConstraintsTest.oneSource(null), infeasible, 10_000, 1));
    }
}
