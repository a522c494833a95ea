package ca.scalloy.engine.charge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import ca.scalloy.engine.Composition;
import ca.scalloy.engine.Message;
import ca.scalloy.engine.lp.LinearProgram;
import ca.scalloy.engine.lp.LinearProgramSolver;
import ca.scalloy.engine.lp.LpSolution;
import ca.scalloy.solver.OjalgoSolver;

/**
 * A two-stage objective (AIM, MIN_CO2) whose cost stage finds no charge while it holds the first stage's optimum.
 * Two causes: rounding (the hold's tolerance lost), when the first stage's charge is the honest answer with a
 * warning that it may not be the cheapest; and, with chance constraints, a quantile raised in the cost stage that
 * the first stage's optimum, found under the lower quantile, cannot meet, when the stages must start again under
 * the raised quantile. The second is reached by a recipe of its own (two Sc sources, the cheaper one skewed); the
 * first needs the solver to lose a 1e-10 tolerance, so a solver that refuses chosen programs stands in for it
 * (and, once more, for the second, to fix which program the raise leaves with no charge).
 */
class CostStageWithNoChargeTest {

    /** The real solver, refusing (INFEASIBLE) the programs {@code refuse} picks. */
    private static final class Refusing implements LinearProgramSolver {
        private final LinearProgramSolver real = new OjalgoSolver();
        private final java.util.function.Predicate<LinearProgram> refuse;
        int refused;

        Refusing(java.util.function.Predicate<LinearProgram> refuse) {
            this.refuse = refuse;
        }

        @Override
        public LpSolution solve(LinearProgram program) {
            if (refuse.test(program)) {
                refused++;
                return new LpSolution(LpSolution.LpStatus.INFEASIBLE, new double[0]);
            }
            return real.solve(program);
        }
    }

    /** The index of the row that holds the first stage's optimum, or -1. */
    private static int holdRow(LinearProgram program) {
        List<LinearProgram.Constraint> rows = program.constraints();
        for (int r = 0; r < rows.size(); r++) {
            if (rows.get(r).name().equals("hold stage 0") && Double.isFinite(rows.get(r).upper())) {
                return r;
            }
        }
        return -1;
    }

    /**
     * 1000 kg of Al with Mg aimed at 1.0 % (0.9-1.1) from pure Mg (4.00 per kg), and Fe at most 0.25 % at 95 %
     * confidence; the Al from pure aluminium (2.50) or a cheap Fe-bearing scrap (1.00, Fe 1.0 % ± 0.3, its Fe recovered
     * 80 % ± 24 points: a skewed Fe row, as in {@link SkewedChanceConstraintsTest}). Every charge with Mg at 1.0 % is
     * closest to the aim, whatever its scrap; the cheapest of them takes as much scrap as the Fe maximum allows.
     */
    private static Recipe mgAimedWithSkewedScrap() {
        Material al = Material.metallic("AL", "aluminium", MaterialKind.METAL, Composition.pure("Al"), 2.50, 8);
        Material mg = Material.metallic("MG", "magnesium", MaterialKind.METAL, Composition.pure("Mg"), 4.00, 20);
        Material scrap = new Material("SCRAP", "Fe-rich scrap", MaterialKind.SCRAP, new Composition(Map.of("Fe", 1.0), "Al"), null,
                null, null, Map.of("Fe", 80.0), 1.00, 0.5, null, null, null, null, null,
                new MaterialUncertainty(Map.of("Fe", 0.3), Map.of("Fe", 24.0)));
        return Recipe.builder().name("Mg aimed, skewed scrap").grade("Al Mg1").batchMassKg(1000.0).objective(Objective.AIM)
                .targets(List.of(new ElementTarget("Mg", 0.9, 1.0, 1.1), new ElementTarget("Fe", null, null, 0.25)))
                .materials(List.of(al, mg, scrap)).confidencePct(95.0).build();
    }

    private static List<String> codes(ChargeResult r) {
        return r.warnings().stream().map(Message::code).toList();
    }

    @Test
    void aCostStageWithNoChargeLeavesTheChargeClosestToTheAimsAndSaysItMayNotBeTheCheapest() {
        Recipe recipe = mgAimedWithSkewedScrap().withConfidencePct(null);
        ChargeResult cheapest = new ChargeCalculator(new OjalgoSolver()).solve(recipe);
        Refusing solver = new Refusing(p -> holdRow(p) >= 0);
        ChargeCalculator calculator = new ChargeCalculator(solver);

        ChargeResult shown = calculator.solve(recipe);

        assertTrue(solver.refused > 0);
        assertTrue(shown.solved());
        assertTrue(codes(shown).contains("warning.cheapestNotFound.aim"), codes(shown).toString());
        assertFalse(codes(cheapest).contains("warning.cheapestNotFound.aim"), codes(cheapest).toString());
        // Still a charge closest to the aim (Mg 1.0 % as the cheapest has it) within every limit.
        assertEquals(1.0, shown.productCompositionPct().get("Mg"), 1e-9);
        assertTrue(shown.limits().stream().allMatch(LimitCheck::within), shown.limits().toString());
        // Its cost stage's basis is missing, so no sensitivity is claimed for it.
        ChargeSensitivity sensitivity = calculator.analyse(recipe, new ChargeAnalysis.Request(true, 10_000, 1, DefaultSpreads.NONE))
                .sensitivity();
        assertEquals(ChargeSensitivity.Unavailable.NO_BASIS, sensitivity.unavailable());
    }

    /**
     * The first stage's charge holds no scrap (nothing asks for it when only Mg is aimed at), so the Fe row has no
     * spread there and its quantile stays the normal one, 1.645; the cost stage takes scrap, whose skewed Fe row
     * raises the quantile (Cornish–Fisher). The first program solved after that raise is refused, as a raise that cut
     * off every charge the hold allowed would leave it; the stages then start again under the raised quantile and
     * end at the charge of the run that was never refused: both stages, not shortened.
     */
    @Test
    void aQuantileRaisedInTheCostStageThatLeavesItNoChargeStartsTheStagesAgain() {
        ChargeModel model = new ChargeModel(mgAimedWithSkewedScrap());
        ChargeCalculator.StageRun never = run(model, false);
        assertFalse(never.shortened());
        assertEquals(2, never.stages().size());
        double scrapKg = model.massKg(2, never.x()[2]);
        assertTrue(scrapKg > 1, "the cheapest charge takes scrap: " + scrapKg + " kg");

        ChargeCalculator.StageRun again = run(model, true);

        assertFalse(again.shortened());
        assertEquals(2, again.stages().size());
        for (int j = 0; j < 3; j++) {
            assertEquals(model.massKg(j, never.x()[j]), model.massKg(j, again.x()[j]), 1e-6, "material " + j);
        }
    }

    /**
     * Sc aimed at 2.00 % with at most 2.46 % at 99.9 %, from Sc2O3 (1500 per kg, purity 5 points sd, no skew) or ScF3
     * (700 per kg: cheaper per kg of Sc, 10 points sd on its purity and 20 on its recovery: skewed). The first stage
     * reaches the aim only just inside the Sc maximum's cone (z 3.0902, raised to 3.0915 at its charge); the cost stage
     * moves towards ScF3, whose more skewed row raises the cone's z to 3.1165, and no charge at the aim is left under
     * it. Before the stages started again, that first stage's charge was the answer, outside the cone at its final z
     * by 0.037 kg (found by a sweep of the maximum: it happens from about 2.459 to 2.463 %).
     */
    private static Recipe scAimedWithASkewedCheaperSource() {
        Material al = Material.metallic("AL", "Aluminium", MaterialKind.METAL, Composition.pure("Al"), 2.60, 0);
        Material oxide = Material.compound("SC2O3", "Scandium oxide", "Sc2O3", 100, Map.of("Sc", 85.0), 1500, 0, null)
                .withUncertainty(new MaterialUncertainty(Map.of("Sc", 5.0), Map.of()));
        Material fluoride = Material.compound("SCF3", "Scandium fluoride", "ScF3", 100, Map.of("Sc", 85.0), 700, 0, null)
                .withUncertainty(new MaterialUncertainty(Map.of("Sc", 10.0), Map.of("Sc", 20.0)));
        return Recipe.builder().name("AIM cost stage raises the Sc max quantile").grade("AlSc2").batchMassKg(1000.0)
                .objective(Objective.AIM).targets(List.of(new ElementTarget("Sc", null, 2.00, 2.46)))
                .materials(List.of(al, oxide, fluoride)).confidencePct(99.9).build();
    }

    @Test
    void aCostStageWhoseRaisedQuantileCutsOffTheAimStartsAgainAndItsChargeMeetsTheCone() {
        ChargeModel model = new ChargeModel(scAimedWithASkewedCheaperSource());
        ChargeProgram p = ChargeProgram.build(model, false, false);
        ChanceConstraints chance = ChanceConstraints.of(model, p, 99.9, ChanceConstraints.MAX_RAISES);

        ChargeCalculator.StageRun run = new ChargeCalculator(new OjalgoSolver()).solveStages(p,
                List.of(p.addAimDeviations(), p.cost), chance);

        assertFalse(run.shortened());
        assertEquals(2, run.stages().size());
        assertTrue(chance.raises() >= 3, "raises: " + chance.raises());
        double productKg = model.productKg(run.x());
        for (ChanceConstraints.Chance c : chance.chances) {
            double shortPct = -chance.margin(c, run.x()) * 100 / productKg;
            assertTrue(shortPct <= ChanceConstraints.TOLERANCE_PCT, c.limit() + " missed by " + shortPct + " wt%");
        }
        ChargeResult result = new ChargeCalculator(new OjalgoSolver()).solve(scAimedWithASkewedCheaperSource());
        assertTrue(result.solved());
        assertTrue(result.warnings().isEmpty(), result.warnings().toString());
        // as near the aim as the raised quantile lets it come (1.999 %): the stages started again under it
        assertEquals(2.00, result.productCompositionPct().get("Sc"), 0.01);
    }

    /** The staged AIM solve of {@code model} at 95 %, refusing (or not) the first program solved after a raise. */
    private static ChargeCalculator.StageRun run(ChargeModel model, boolean refuseAfterRaise) {
        ChargeProgram p = ChargeProgram.build(model, false, false);
        List<double[]> stages = List.of(p.addAimDeviations(), p.cost);
        ChanceConstraints chance = ChanceConstraints.of(model, p, 95.0, ChanceConstraints.MAX_RAISES);
        int[] raisesAtFirstHold = {-1};
        int[] refusals = {0};
        Refusing solver = new Refusing(program -> {
            if (holdRow(program) < 0) {
                return false;
            }
            if (raisesAtFirstHold[0] < 0) {
                raisesAtFirstHold[0] = chance.raises();
            }
            return refuseAfterRaise && chance.raises() > raisesAtFirstHold[0] && refusals[0]++ == 0;
        });
        ChargeCalculator.StageRun run = new ChargeCalculator(solver).solveStages(p, stages, chance);
        // the premise: no raise before the cost stage (no scrap, no spread), one in it
        assertEquals(0, raisesAtFirstHold[0]);
        assertTrue(chance.raises() >= 1, "raises: " + chance.raises());
        assertEquals(refuseAfterRaise ? 1 : 0, solver.refused);
        return run;
    }

    /**
     * A property-targeted charge under MIN_CO2 (the Al-Mg-Sc melt of {@link PropertyTargetsTest} with 420 MPa asked): its
     * search solves each program in two stages, least CO2 then least cost. With every cost stage refused, each program
     * keeps its least-CO2 charge and the charge found says it may not be the cheapest of them, as a charge on limits
     * alone does; the same recipe solved normally says nothing of it.
     */
    @Test
    void aPropertyTargetedChargeWhoseCostStageFoundNoChargeSaysItMayNotBeTheCheapest() {
        Recipe recipe = PropertyTargetsTest.alMgSc(PropertyTargetsTest.yieldAtLeast(420)).withObjective(Objective.MIN_CO2);
        ChargeResult normal = new ChargeCalculator(new OjalgoSolver()).solve(recipe);
        Refusing solver = new Refusing(p -> holdRow(p) >= 0);

        ChargeResult shown = new ChargeCalculator(solver).solve(recipe);

        assertTrue(normal.solved() && shown.solved());
        assertTrue(solver.refused > 0);
        assertTrue(codes(shown).contains("warning.cheapestNotFound.co2"), codes(shown).toString());
        assertFalse(codes(normal).contains("warning.cheapestNotFound.co2"), codes(normal).toString());
        assertTrue(shown.properties().stream().allMatch(PropertyOutcome::met), shown.properties().toString());
    }
}
