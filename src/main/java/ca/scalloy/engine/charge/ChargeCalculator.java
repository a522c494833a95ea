package ca.scalloy.engine.charge;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import ca.scalloy.engine.Message;
import ca.scalloy.engine.lp.LinearProgram;
import ca.scalloy.engine.lp.LinearProgramSolver;
import ca.scalloy.engine.lp.LpSolution;
import ca.scalloy.engine.props.PropertyCalculator;

/**
 * Turns a {@link Recipe} into the least-cost (least-CO2, or closest-to-aim) charge that meets every
 * limit, or a diagnosis of which limits cannot hold and by how much.
 *
 * <p>The problem is linear in the material masses: with a fixed product mass every wt% limit is a
 * linear constraint, and with a free product mass {@code m_E ≥ min·M} is still linear. AIM and
 * MIN_CO2 are solved lexicographically: first the primary objective, then cost with the primary
 * held at its optimum. An infeasible target is re-solved as an elastic program (each limit may be
 * violated at a price) whose violations name the failing limits; each failing element limit is then
 * also pushed to its extreme on its own, to tell "unreachable with these materials" from "clashes
 * with the other limits".
 *
 * <p>Thread-safe if the solver is.
 */
public final class ChargeCalculator {

    /** Relative slack when a stage's optimum is held in the next stage. */
    private static final double HOLD_TOLERANCE = 1e-10;
    /** A limit violated by less than this (wt% or share of the batch mass in %) is rounding, not a diagnosis. */
    private static final double VIOLATION_TOLERANCE_PCT = 1e-6;
    /** The diagnosis's bisection stops when the closest reachable wt% is known to this. */
    private static final double BISECTION_TOLERANCE_PCT = 1e-9;
    /** How much closer (wt%, plus 0.1 % of the gap) a limit must let an element go to count as conflicting. */
    private static final double CONFLICT_STEP_PCT = 1e-6;

    /** Why a property-targeted charge has no sensitivity report. */
    public static final String SENSITIVITY_WITH_PROPERTIES = "sensitivity: not available for a recipe with propertyTargets"
            + " (the prices of limits come from one linear program; a property-targeted charge is found by a sequence of them)";
    /** Why a property-targeted recipe has no cost front. */
    public static final String PARETO_WITH_PROPERTIES = "pareto: not available for a recipe with propertyTargets"
            + " (each point would be a property-targeted search of its own)";

    private final LinearProgramSolver solver;
    private final int maxQuantileRaises;

    /** The property models, made once (their data are parsed on first use) and shared: they are immutable. */
    static final class Models {
        static final PropertyCalculator PROPERTIES = new PropertyCalculator();
    }

    public ChargeCalculator(LinearProgramSolver solver) {
        this(solver, ChanceConstraints.MAX_RAISES);
    }

    /** With another limit on the chance constraints' quantile raises per solve (for the tests of that limit). */
    ChargeCalculator(LinearProgramSolver solver, int maxQuantileRaises) {
        this.solver = Objects.requireNonNull(solver, "solver");
        this.maxQuantileRaises = maxQuantileRaises;
    }

    /**
     * Solves a recipe: on the nominal analyses, or, when the recipe states a confidence above 50 % and
     * some material an uncertainty, with each composition limit met at that confidence (chance
     * constraints, {@link ChanceConstraints}).
     *
     * @throws IllegalStateException when the LP library fails on a well-formed problem
     */
    public ChargeResult solve(Recipe recipe) {
        return solved(new ChargeModel(recipe), recipe.confidencePct(), null, true).result();
    }

    /**
     * Solves a recipe and analyses the charge: its probability of passing, the price of certainty (when a
     * confidence is asked) and, when asked, its sensitivity. A recipe whose materials state no uncertainty is
     * charged and judged with the request's {@link DefaultSpreads} (the plant's history, the reference data).
     *
     * @throws IllegalStateException when the LP library fails on a well-formed problem
     */
    public ChargeAnalysis analyse(Recipe recipe, ChargeAnalysis.Request request) {
        if (request.sensitivity() && !recipe.propertyTargets().isEmpty()) {
            throw new IllegalArgumentException(SENSITIVITY_WITH_PROPERTIES);
        }
        DefaultSpreads.Applied applied = request.defaults().apply(recipe);
        Recipe judged = applied.recipe();
        ChargeModel model = new ChargeModel(judged);
        Solved s = solved(model, judged.confidencePct(), null, true);
        ChargeSensitivity sensitivity = request.sensitivity() ? SensitivityAnalysis.of(s) : null;
        ChargeCertainty certainty = null;
        if (judged.statesUncertainty()) {
            boolean robust = s.chance() != null;
            Double nominalCost;
            if (robust) {
                Solved nominal = solved(model, null, null, false);
                nominalCost = nominal.result().solved() ? nominal.result().costTotal() : null;
            } else {
                nominalCost = s.result().solved() ? s.result().costTotal() : null;
            }
            Double price = nominalCost != null && s.result().solved() ? s.result().costTotal() - nominalCost : null;
            PassProbability pass = s.result().solved()
                    ? MonteCarlo.passProbability(judged, s.result(), request.draws(), request.seed()) : null;
            certainty = new ChargeCertainty(judged.confidencePct(), robust, nominalCost, price, pass,
                    robust ? s.chance().rounds() : 0, !robust || s.chance().converged(), applied.source(),
                    !judged.propertyTargets().isEmpty());
        }
        return new ChargeAnalysis(s.result(), certainty, sensitivity, judged);
    }

    /**
     * The front of least cost against {@code axis} (kg CO2e, or kg of Sc charged) by the ε-constraint
     * method: the least-cost charge and the least-{@code axis} charge (each with the other quantity as
     * its tie-breaker) are the ends, and between them the least cost with the axis held at or below
     * {@code points − 2} evenly spaced values. The recipe's composition limits (and its confidence, if
     * any) hold at every point; its objective does not matter. Empty when no charge exists; one point
     * when both ends are the same charge.
     *
     * @param points how many points, at least 2
     * @throws IllegalArgumentException when {@code points} &lt; 2
     */
    public List<ParetoPoint> pareto(Recipe recipe, ParetoPoint.Axis axis, int points) {
        if (points < 2) {
            throw new IllegalArgumentException("points must be at least 2, was " + points);
        }
        if (!recipe.propertyTargets().isEmpty()) {
            throw new IllegalArgumentException(PARETO_WITH_PROPERTIES);
        }
        ChargeModel model = new ChargeModel(recipe);
        Solved cheapest = solved(model, recipe.confidencePct(), Front.cheapest(axis), false);
        if (!cheapest.result().solved()) {
            return List.of();
        }
        Solved leanest = solved(model, recipe.confidencePct(), Front.leanest(axis), false);
        double hi = Front.value(axis, recipe, cheapest.result());
        double lo = leanest.result().solved() ? Front.value(axis, recipe, leanest.result()) : hi;
        List<ParetoPoint> out = new ArrayList<>();
        out.add(Front.point(recipe, leanest.result().solved() ? leanest.result() : cheapest.result()));
        if (hi - lo <= 1e-9 * Math.max(1, Math.abs(hi))) {
            return List.of(Front.point(recipe, cheapest.result()));
        }
        for (int i = 1; i < points - 1; i++) {
            double bound = lo + (hi - lo) * i / (points - 1);
            Solved s = solved(model, recipe.confidencePct(), Front.bounded(axis, bound), false);
            if (s.result().solved()) {
                out.add(Front.point(recipe, s.result()));
            }
        }
        out.add(Front.point(recipe, cheapest.result()));
        return out;
    }

    /** A solved (or diagnosed) charge and what produced it: the program, each stage's LP, the cones. */
    record Solved(ChargeResult result, ChargeModel model, ChargeProgram program, double[] x, List<Stage> stages,
                  ChanceConstraints chance) {
    }

    /**
     * One lexicographic stage: the LP last solved for it, the solver's answer to it (with its final basis when
     * the solver keeps one, for the sensitivity), and the row of the next stage's program that holds this
     * stage's optimum (-1 for the last stage).
     */
    record Stage(LinearProgram program, LpSolution solution, int holdRow) {
    }

    /** The objectives a solve runs through, and any extra row, for the Pareto front's points. */
    interface Objectives {
        List<double[]> of(ChargeProgram p);
    }

    /**
     * @param objectives null: the recipe's own objective
     * @param diagnose   whether to diagnose an infeasible target (the analyses' side solves need not)
     */
    private Solved solved(ChargeModel model, Double confidencePct, Objectives objectives, boolean diagnose) {
        if (objectives == null && !model.recipe.propertyTargets().isEmpty()) {
            return solvedForProperties(model, confidencePct, diagnose, PropertyFormulation.Start.CHEAPEST);
        }
        ChargeProgram p = ChargeProgram.build(model, false, false);
        List<double[]> stages = objectives != null ? objectives.of(p) : switch (model.recipe.objective()) {
            case MIN_COST -> List.of(p.cost);
            case MIN_CO2 -> List.of(p.co2, p.cost);
            case AIM -> List.of(p.addAimDeviations(), p.cost);
        };
        ChanceConstraints chance = ChanceConstraints.of(model, p, confidencePct, maxQuantileRaises);
        StageRun run = solveStages(p, stages, chance);
        if (run == null) {
            List<Diagnosis> why = List.of();
            if (diagnose) {
                why = chance == null ? diagnose(model) : diagnoseConfidence(model, chance);
            }
            return new Solved(infeasible(model, why), model, p, null, List.of(), chance);
        }
        double[] x = run.x();
        ChargeResult result = report(model, x, ChargeStatus.OPTIMAL, List.of());
        if (chance != null && !chance.converged()) {
            List<Message> w = new ArrayList<>(result.warnings());
            w.add(notConverged(chance));
            result = withWarnings(result, w);
        }
        if (run.shortened()) {
            List<Message> w = new ArrayList<>(result.warnings());
            w.add(cheapestNotFound(objectives == null ? model.recipe.objective() : null));
            result = withWarnings(result, w);
        }
        return new Solved(result, model, p, x, run.stages(), chance);
    }

    /**
     * The warning for a staged solve whose cost stage found no charge holding the first stage's optimum: the charge
     * is the first stage's (closest to the aims, or of least CO2, or the front's point), not the cheapest of them.
     */
    private static Message cheapestNotFound(Objective objective) {
        if (objective == Objective.AIM) {
            return Message.of("warning.cheapestNotFound.aim", "the cheapest of the charges closest to the aims could not be found"
                    + " (no charge held the aims' optimum to its tolerance): this charge is as close to the aims as any, but may"
                    + " not be the cheapest of them");
        }
        if (objective == Objective.MIN_CO2) {
            return Message.of("warning.cheapestNotFound.co2", "the cheapest of the charges of least CO2 could not be found (no"
                    + " charge held the least CO2 to its tolerance): this charge has the least CO2, but may not be the cheapest"
                    + " of them");
        }
        return Message.of("warning.cheapestNotFound.front", "the cheapest charge at this point of the front could not be found:"
                + " the point's charge may cost more than it needs to");
    }

    /** The warning for chance constraints that stopped short, naming what ran out. */
    private Message notConverged(ChanceConstraints chance) {
        if (chance.shortfall() == ChanceConstraints.Shortfall.STALLED) {
            return Message.of("warning.chanceStalled", "the chance constraints at " + fmt(chance.confidencePct)
                    + " % stopped where the linear program could not tighten its cuts any further; the charge may fall short of"
                    + " that confidence by a little", chance.confidencePct);
        }
        if (chance.shortfall() == ChanceConstraints.Shortfall.RAISES) {
            return Message.of("warning.chanceQuantilesNotSettled", "the chance constraints at " + fmt(chance.confidencePct)
                    + " % did not settle within " + maxQuantileRaises + " raises of their skew-corrected quantiles; the charge may"
                    + " fall short of that confidence by a little", chance.confidencePct, maxQuantileRaises);
        }
        return Message.of("warning.chanceNotConverged", "the chance constraints at " + fmt(chance.confidencePct) + " % did not converge"
                + " within " + ChanceConstraints.MAX_ROUNDS + " rounds of cuts; the charge may fall short of that confidence by a little",
                chance.confidencePct, ChanceConstraints.MAX_ROUNDS);
    }

    /**
     * The charge of a staged solve and each stage's LP.
     *
     * @param shortened a later stage found no charge while holding the earlier optimum (with no raise of the
     *                  quantiles): {@code x} is the last stage's that did, optimal for its objective only
     */
    record StageRun(double[] x, List<Stage> stages, boolean shortened) {
    }

    /** Solves a property-targeted recipe from a chosen start (package-private: the tests compare the starts). */
    ChargeResult solveFrom(Recipe recipe, PropertyFormulation.Start start) {
        return solvedForProperties(new ChargeModel(recipe), recipe.confidencePct(), true, start).result();
    }

    /** The property search of a recipe as it runs, for the tests that count its model estimates. */
    PropertyFormulation.Found searchFor(Recipe recipe, PropertyFormulation.Start start) {
        return formulation(new ChargeModel(recipe), recipe.confidencePct(), new ArrayList<>()).search(start);
    }

    /** The property search on this calculator's stages; each program's chance constraints are added to {@code chances}. */
    private PropertyFormulation formulation(ChargeModel model, Double confidencePct, List<ChanceConstraints> chances) {
        return new PropertyFormulation(model, Models.PROPERTIES, (program, objectives) -> {
            ChanceConstraints chance = ChanceConstraints.of(model, program, confidencePct, maxQuantileRaises);
            chances.add(chance);
            StageRun run = solveStages(program, objectives, chance);
            return run == null ? null : new PropertyFormulation.Run(run.x(), run.shortened());
        });
    }

    /**
     * The charge meeting the composition limits and the property targets ({@link PropertyFormulation}), verified with
     * the full models on its product; the composition limits' own diagnosis when they cannot hold, the targets'
     * when they cannot.
     */
    private Solved solvedForProperties(ChargeModel model, Double confidencePct, boolean diagnose, PropertyFormulation.Start start) {
        List<ChanceConstraints> chances = new ArrayList<>();
        PropertyFormulation.Found found = formulation(model, confidencePct, chances).search(start);
        if (found == null) {
            Objective o = model.recipe.objective();
            return solved(model, confidencePct, p -> o == Objective.MIN_CO2 ? List.of(p.co2, p.cost) : List.of(p.cost), diagnose);
        }
        ChanceConstraints chance = chances.isEmpty() ? null : chances.get(chances.size() - 1);
        if (!found.met()) {
            return new Solved(infeasible(model, found.diagnosis()), model, null, null, List.of(), chance);
        }
        ChargeResult result = report(model, found.x(), ChargeStatus.OPTIMAL, List.of());
        List<PropertyOutcome> verified = PropertyFormulation.outcomes(Models.PROPERTIES, model.recipe.propertyTargets(),
                result.productComposition(model.recipe.balanceElement()));
        List<Message> w = new ArrayList<>(result.warnings());
        if (verified.stream().anyMatch(v -> !v.met())) {
            w.add(Message.of("warning.propertyTargetMissed",
                    "a property target is missed on the reported product by more than the tolerance: see properties"));
        }
        if (chance != null && !chance.converged()) {
            // as for a charge on composition limits alone (solved): the charge says it, not only the analysis's certainty
            w.add(notConverged(chance));
        }
        if (found.shortened()) {
            // the program that gave this charge lost its cost stage (as solved() says for a charge on limits alone)
            w.add(cheapestNotFound(model.recipe.objective()));
        }
        if (w.size() > result.warnings().size()) {
            result = withWarnings(result, w);
        }
        return new Solved(result.withProperties(verified), model, null, found.x(), List.of(), chance);
    }

    /**
     * Solves with each objective in turn, holding every earlier one at its optimum; null if the first
     * stage is infeasible. With chance constraints, each stage is re-solved with the tangent cuts of the
     * cones its answer violates until it violates none (or {@link ChanceConstraints#MAX_ROUNDS}).
     *
     * <p>A later stage may raise the cones' quantiles (its charge's distribution is more skewed than the earlier
     * stage's): the earlier optimum it holds was found under the lower quantiles and may no longer be reachable.
     * When that leaves the later stage with no charge, the holds are released and the stages start again under
     * the raised quantiles (they only rise, at most {@code maxQuantileRaises} times per solve, so this ends);
     * the earlier stage's charge, which the raised quantiles may reject, is never returned as the answer. A later
     * stage that finds no charge with no raise (the hold's tolerance lost to rounding) leaves the earlier stage's
     * charge, which meets every limit and cone, marked {@link StageRun#shortened}.
     */
    StageRun solveStages(ChargeProgram p, List<double[]> objectives, ChanceConstraints chance) {
        double[] x = null;
        List<Stage> stages = new ArrayList<>();
        for (int s = 0; s < objectives.size(); s++) {
            double[] obj = objectives.get(s);
            int raisesBefore = chance == null ? 0 : chance.raises();
            LinearProgram lp = null;
            LpSolution sol = null;
            double[] stageX = null;
            for (int round = 0; ; round++) {
                lp = p.builder.objective(obj).build();
                sol = solver.solve(lp);
                if (!sol.isOptimal()) {
                    stageX = null;
                    break;
                }
                stageX = sol.values();
                if (chance == null || chance.cut(p.builder, stageX) == 0) {
                    break;
                }
                if (chance.outOfRounds(round)) {
                    chance.notConverged();
                    break;
                }
            }
            if (stageX == null) {
                if (s == 0) {
                    return null;
                }
                if (chance != null && chance.raises() > raisesBefore) {
                    for (Stage held : stages) {
                        p.builder.release(held.holdRow());
                    }
                    stages.clear();
                    x = null;
                    s = -1;
                    continue;
                }
                return new StageRun(x, stages, true);
            }
            x = stageX;
            int hold = -1;
            if (s < objectives.size() - 1) {
                double opt = dot(obj, x);
                hold = p.builder.constraintCount();
                p.builder.addConstraint("hold stage " + s, obj, Double.NEGATIVE_INFINITY,
                        opt + HOLD_TOLERANCE * Math.max(1, Math.abs(opt)));
            }
            stages.add(new Stage(lp, sol, hold));
        }
        return new StageRun(x, stages, false);
    }

    /**
     * The target holds on the nominal analyses but not at the confidence asked: the highest confidence
     * any charge reaches (bisection on the level, each a chance-constrained solve, to 0.01 %), and what holds it
     * there ({@link #heldBy}).
     */
    private List<Diagnosis> diagnoseConfidence(ChargeModel model, ChanceConstraints asked) {
        Solved nominal = solved(model, null, null, false);
        if (!nominal.result().solved()) {
            return diagnose(model);
        }
        double good = 50;
        double bad = asked.confidencePct;
        while (bad - good > 0.01) {
            double mid = (good + bad) / 2;
            if (reached(model, mid, null)) {
                good = mid;
            } else {
                bad = mid;
            }
        }
        double reachable = Math.floor(good * 100) / 100;
        ChargeProgram program = ChargeProgram.build(model, false, false);
        List<Diagnosis.Conflict> heldBy = heldBy(model, program, bad);
        boolean together = false;
        if (heldBy.isEmpty()) {
            heldBy = heldTogether(model, program.limitRows, bad);
            together = !heldBy.isEmpty();
        }
        String names = String.join(together ? " and " : ", ", heldBy.stream().map(ChargeCalculator::label).toList());
        String message = "No charge meets every limit with " + fmt(asked.confidencePct)
                + " % confidence given the materials' stated deviations: the highest confidence any charge reaches is "
                + fmt(reachable) + " %" + (heldBy.isEmpty() ? ""
                : ", held there by " + names + (together ? " together (no one of them on its own)" : ""));
        return List.of(new Diagnosis(Diagnosis.Kind.CONFIDENCE, null, asked.confidencePct, reachable, false, message, heldBy, false,
                null, together));
    }

    /**
     * What holds the highest confidence reached below {@code unreached} (a level no charge reaches): each limit
     * without which some charge reaches that level (its minimum or maximum dropped from the recipe), and each metal a
     * reduction takes whose cone, dropped, lets a charge reach it (its floor at 0 kg kept: the metal is still needed,
     * only not with that confidence). One chance-constrained solve each, within the same budget of rounds. {@code p} is
     * the model's program (its limit and floor rows).
     */
    private List<Diagnosis.Conflict> heldBy(ChargeModel model, ChargeProgram p, double unreached) {
        List<Diagnosis.Conflict> out = new ArrayList<>();
        for (ChargeProgram.LimitRow row : p.limitRows) {
            if (reached(without(model, List.of(row)), unreached, null)) {
                out.add(conflict(row));
            }
        }
        for (ChargeProgram.LimitRow floor : p.floorRows) {
            if (reached(model, unreached, floor)) {
                out.add(new Diagnosis.Conflict(Diagnosis.Subject.REDUCTION, floor.element(), 0.0, null));
            }
        }
        return out;
    }

    /**
     * When no limit dropped on its own lets a charge reach {@code unreached}: a set of limits that hold the level only
     * together (two that bind alike, such as the minima of two elements one master alloy brings in a fixed ratio with
     * the same relative spread), found by a deletion filter: every limit dropped at once must let a charge reach the
     * level (else nothing is named); then each limit in turn is put back for good when the level is still reached
     * without the others. What stays dropped is a minimal set: dropping all of it lets a charge reach the level,
     * putting any one of it back does not. One of possibly several such sets (the first limits are put back first);
     * the metals' cones for reductions are kept. One chance-constrained solve per limit, and one more.
     */
    private List<Diagnosis.Conflict> heldTogether(ChargeModel model, List<ChargeProgram.LimitRow> rows, double unreached) {
        List<ChargeProgram.LimitRow> dropped = new ArrayList<>(rows);
        if (rows.size() < 2 || !reached(without(model, dropped), unreached, null)) {
            return List.of();
        }
        for (ChargeProgram.LimitRow row : rows) {
            List<ChargeProgram.LimitRow> trial = new ArrayList<>(dropped);
            trial.remove(row);
            if (reached(without(model, trial), unreached, null)) {
                dropped = trial;
            }
        }
        return dropped.stream().map(ChargeCalculator::conflict).toList();
    }

    /** The recipe's model with the given limits dropped (a minimum or maximum each; a target left with neither goes). */
    private static ChargeModel without(ChargeModel model, List<ChargeProgram.LimitRow> dropped) {
        Recipe r = model.recipe;
        List<ElementTarget> kept = new ArrayList<>();
        for (ElementTarget t : r.targets()) {
            Double min = t.minPct();
            Double max = t.maxPct();
            boolean touched = false;
            for (ChargeProgram.LimitRow row : dropped) {
                if (row.element().equals(t.element())) {
                    touched = true;
                    if (row.max()) {
                        max = null;
                    } else {
                        min = null;
                    }
                }
            }
            if (!touched) {
                kept.add(t);
            } else if (min != null || max != null) {
                kept.add(new ElementTarget(t.element(), min, null, max));
            }
        }
        return new ChargeModel(r.withTargets(kept));
    }

    private static Diagnosis.Conflict conflict(ChargeProgram.LimitRow row) {
        return new Diagnosis.Conflict(Diagnosis.Subject.ELEMENT, row.element(), row.max() ? null : row.limitPct(),
                row.max() ? row.limitPct() : null);
    }

    /**
     * Whether some charge is shown to meet every limit at {@code confidencePct}: the least-cost program with its cones
     * (but the one of row {@code noCone}, if given), cut within {@link ChanceConstraints#REACH_ROUNDS} rounds. A level
     * whose cuts have not settled by then counts as not reached, so the highest confidence the diagnosis names is one
     * a charge was found at.
     */
    private boolean reached(ChargeModel model, double confidencePct, ChargeProgram.LimitRow noCone) {
        ChargeProgram p = ChargeProgram.build(model, false, false);
        ChanceConstraints chance = ChanceConstraints.of(model, p, confidencePct, maxQuantileRaises, ChanceConstraints.REACH_ROUNDS,
                noCone);
        StageRun run = solveStages(p, List.of(p.cost), chance);
        return run != null && (chance == null || chance.converged());
    }

    private static ChargeResult withWarnings(ChargeResult r, List<Message> warnings) {
        return new ChargeResult(r.status(), r.objective(), r.charge(), r.productMassKg(), r.productCompositionPct(), r.slagKg(),
                r.drossKg(), r.heelKg(), r.inKg(), r.outKg(), r.costTotal(), r.co2TotalKg(), r.scRecoveryPct(), r.limits(),
                r.diagnosis(), warnings, r.properties());
    }
    private static double dot(double[] a, double[] x) {
        double v = 0;
        for (int i = 0; i < Math.min(a.length, x.length); i++) {
            v += a[i] * x[i];
        }
        return v;
    }

    // ---------------------------------------------------------------- diagnosis

    private List<Diagnosis> diagnose(ChargeModel model) {
        ChargeProgram relaxed = ChargeProgram.build(model, false, true);
        LpSolution rel = solver.solve(relaxed.builder.objective(relaxed.cost).build());
        if (rel.isOptimal() && model.recipe.wholePieces()) {
            Recipe r = model.recipe;
            String mass = r.batchMassKg() == null ? "the product mass"
                    : fmt(r.batchMassKg()) + " kg ± " + fmt(r.batchMassTolerancePct()) + " %";
            return List.of(new Diagnosis(Diagnosis.Kind.WHOLE_PIECES, null, r.batchMassTolerancePct(), Double.NaN, false,
                    "No charge in whole pieces meets every limit at " + mass
                            + "; a charge in part pieces does: widen batchMassTolerancePct or allow part pieces"));
        }
        ChargeProgram elastic = ChargeProgram.build(model, true, true);
        LpSolution sol = solver.solve(elastic.builder.objective(elastic.slackObjective()).build());
        if (!sol.isOptimal()) {
            throw new IllegalStateException("the elastic LP of recipe '" + model.recipe.name() + "' did not solve: " + sol.status());
        }
        double[] x = sol.values();
        double productKg = model.heelMassKg + dot(model.productYield, x);
        List<Diagnosis> out = new ArrayList<>();
        for (ChargeProgram.Slack s : elastic.slacks) {
            double violation = x[s.variable()] * 100 / model.refMassKg;
            if (violation <= VIOLATION_TOLERANCE_PCT) {
                continue;
            }
            out.add(describe(model, s, x, productKg));
        }
        if (out.isEmpty()) {
            throw new IllegalStateException("recipe '" + model.recipe.name() + "' is infeasible but no limit is violated in the elastic LP");
        }
        return out;
    }

    private Diagnosis describe(ChargeModel model, ChargeProgram.Slack s, double[] x, double productKg) {
        Recipe r = model.recipe;
        switch (s.kind()) {
            case PRODUCT_MASS, PRODUCT_MASS_MAX -> {
                String what = s.kind() == Diagnosis.Kind.PRODUCT_MASS ? "Batch mass " : "Furnace capacity ";
                return new Diagnosis(s.kind(), null, s.limit(), productKg, false, what + fmt(s.limit())
                        + " kg: the closest reachable product mass with these materials, heel and fixed charges is "
                        + fmt(productKg) + " kg");
            }
            case ELEMENT_NEGATIVE -> {
                int e = model.elementIndex(s.element());
                double kg = model.heelKg[e] + dot(model.elementRow(e), x);
                return new Diagnosis(s.kind(), s.element(), 0, kg, false, s.element()
                        + " in the product would fall below zero (" + fmt(kg) + " kg): the compounds' reduction takes more "
                        + s.element() + " than the metal charged holds; add metal or lower the compounds' fixed masses");
            }
            default -> {
                return describeElementLimit(model, s, x, productKg);
            }
        }
    }

    /**
     * An element limit the elastic program names: the closest value any charge reaches while every
     * other limit holds, the limits that stand in the way (each one whose dropping lets the value go
     * closer) and whether the limit fails even with every other limit dropped.
     */
    private Diagnosis describeElementLimit(ChargeModel model, ChargeProgram.Slack s, double[] x, double productKg) {
        Recipe r = model.recipe;
        int e = model.elementIndex(s.element());
        boolean isMax = s.kind() == Diagnosis.Kind.ELEMENT_MAX;
        String label = s.element() + (isMax ? " max " : " min ") + fmt(s.limit()) + " %";
        List<ElementTarget> others = withoutSide(r.targets(), s.element(), isMax);
        LimitSet all = new LimitSet(others, true, true);
        boolean onItsOwn = !feasible(model, new LimitSet(List.of(side(s.element(), isMax, s.limit())), true, false));
        Double closest = closestPct(model, e, isMax, s.limit(), all);
        if (closest == null) {
            // The other limits cannot all hold even without this one: say what the closest charge reaches.
            double closestPct = productKg > 0 ? 100 * (model.heelKg[e] + dot(model.elementRow(e), x)) / productKg : 0;
            List<Diagnosis.Conflict> partners = clashingLimits(model, s);
            String with = partners.isEmpty() ? "the other limits"
                    : String.join(", ", partners.stream().map(ChargeCalculator::label).toList());
            return new Diagnosis(s.kind(), s.element(), s.limit(), closestPct, onItsOwn, label
                    + ": cannot be met together with " + with + "; the closest charge reaches " + fmt(closestPct) + " %", partners, false);
        }
        List<Diagnosis.Conflict> conflicts = conflictsOf(model, e, isMax, closest, s.limit(), all);
        String extreme = isMax ? "lowest" : "highest";
        String message;
        if (!conflicts.isEmpty()) {
            message = label + " cannot be met while " + String.join(" and ", conflicts.stream().map(Diagnosis.Conflict::words).toList())
                    + ": the " + extreme + " " + s.element() + " then is " + fmt(closest) + " %";
        } else if (onItsOwn) {
            message = label + ": the " + extreme + " reachable with these materials is " + fmt(closest) + " %";
        } else {
            message = label + ": cannot be met together with the other limits; the closest charge reaches " + fmt(closest) + " %";
        }
        return new Diagnosis(s.kind(), s.element(), s.limit(), closest, onItsOwn, message, conflicts, true);
    }

    /** Which limits a diagnosis program states: element limits, and whether the batch mass and the capacity hold. */
    private record LimitSet(List<ElementTarget> targets, boolean batchMass, boolean capacity) {
        LimitSet with(ElementTarget extra) {
            List<ElementTarget> t = new ArrayList<>(targets);
            t.add(extra);
            return new LimitSet(t, batchMass, capacity);
        }
    }

    private boolean feasible(ChargeModel model, LimitSet limits) {
        return solveHard(model, limits) != null;
    }

    /** A charge that meets {@code limits} (integers relaxed), or null when none does. */
    private double[] solveHard(ChargeModel model, LimitSet limits) {
        ChargeProgram p = ChargeProgram.build(model, false, true, limits.targets(), limits.batchMass(), limits.capacity());
        LpSolution sol = solver.solve(p.builder.objective(new double[p.builder.variableCount()]).build());
        return sol.isOptimal() ? sol.values() : null;
    }

    /**
     * The lowest (for a max) or highest (for a min) wt% of element e that a charge meeting {@code limits}
     * reaches: one LP when the product mass is fixed, else by bisection between the failing limit and a
     * charge that meets the rest (the wt% of a free product mass is not linear in the charge; the
     * bisection's value is within the LP's feasibility tolerance, about 1e-7 wt%); null when
     * {@code limits} cannot all hold.
     */
    private Double closestPct(ChargeModel model, int e, boolean isMax, double limit, LimitSet limits) {
        Recipe r = model.recipe;
        if (limits.batchMass() && r.batchMassKg() != null && !r.wholePieces()) {
            // The product mass is fixed: the wt% is linear in the charge and one LP gives the extreme.
            ChargeProgram p = ChargeProgram.build(model, false, true, limits.targets(), true, limits.capacity());
            double[] objective = new double[p.builder.variableCount()];
            double[] row = model.elementRow(e);
            for (int j = 0; j < row.length; j++) {
                objective[j] = isMax ? row[j] : -row[j];
            }
            LpSolution sol = solver.solve(p.builder.objective(objective).build());
            return sol.isOptimal() ? pctOf(model, e, sol.values()) : null;
        }
        double[] x = solveHard(model, limits);
        if (x == null) {
            return null;
        }
        double good = pctOf(model, e, x);
        double bad = limit;
        if (isMax ? good <= bad : good >= bad) {
            return good;
        }
        String element = model.elements.get(e);
        for (int i = 0; i < 80 && Math.abs(good - bad) > BISECTION_TOLERANCE_PCT; i++) {
            double mid = (good + bad) / 2;
            if (feasible(model, limits.with(side(element, isMax, mid)))) {
                good = mid;
            } else {
                bad = mid;
            }
        }
        return good;
    }

    /**
     * The limits that keep element e from going closer to its failing limit than {@code closest}: each
     * other element's limits, the batch mass and the furnace capacity in turn is dropped, and it
     * conflicts if the value then goes measurably closer.
     */
    private List<Diagnosis.Conflict> conflictsOf(ChargeModel model, int e, boolean isMax, double closest, double limit,
                                                 LimitSet all) {
        String element = model.elements.get(e);
        double step = CONFLICT_STEP_PCT + 1e-3 * Math.abs(closest - limit);
        ElementTarget closer = side(element, isMax, isMax ? closest - step : closest + step);
        List<Diagnosis.Conflict> out = new ArrayList<>();
        Recipe r = model.recipe;
        for (ElementTarget t : r.targets()) {
            if (t.element().equals(element) || (t.maxPct() == null && (t.minPct() == null || t.minPct() <= 0))) {
                continue;
            }
            List<ElementTarget> without = all.targets().stream().filter(o -> !o.element().equals(t.element())).toList();
            if (feasible(model, new LimitSet(without, all.batchMass(), all.capacity()).with(closer))) {
                Double min = t.minPct() != null && t.minPct() > 0 ? t.minPct() : null;
                out.add(new Diagnosis.Conflict(Diagnosis.Subject.ELEMENT, t.element(), min, t.maxPct()));
            }
        }
        if (r.batchMassKg() != null && feasible(model, new LimitSet(all.targets(), false, all.capacity()).with(closer))) {
            out.add(new Diagnosis.Conflict(Diagnosis.Subject.BATCH_MASS, null, r.batchMassKg(), r.batchMassKg()));
        }
        if (r.maxProductMassKg() != null && feasible(model, new LimitSet(all.targets(), all.batchMass(), false).with(closer))) {
            out.add(new Diagnosis.Conflict(Diagnosis.Subject.FURNACE_CAPACITY, null, null, r.maxProductMassKg()));
        }
        return out;
    }

    /** The targets without the {@code max} (or min) side of {@code element}'s limits and without its aim. */
    private static List<ElementTarget> withoutSide(List<ElementTarget> targets, String element, boolean max) {
        List<ElementTarget> out = new ArrayList<>();
        for (ElementTarget t : targets) {
            if (!t.element().equals(element)) {
                out.add(t);
            } else if (max ? t.minPct() != null : t.maxPct() != null) {
                out.add(new ElementTarget(element, max ? t.minPct() : null, null, max ? null : t.maxPct()));
            }
        }
        return out;
    }

    /** A one-sided limit on {@code element} at {@code pct} (clamped to 0-100 %). */
    private static ElementTarget side(String element, boolean max, double pct) {
        double v = Math.min(100, Math.max(0, pct));
        return max ? ElementTarget.max(element, v) : new ElementTarget(element, v, null, null);
    }

    private static double pctOf(ChargeModel model, int e, double[] x) {
        double productKg = model.heelMassKg + dot(model.productYield, x);
        return productKg > 0 ? 100 * (model.heelKg[e] + dot(model.elementRow(e), x)) / productKg : 0;
    }

    /**
     * The limits that give way when {@code held} is enforced: the elastic program re-solved with
     * that limit made hard; whatever is then violated is what it clashes with.
     */
    private List<Diagnosis.Conflict> clashingLimits(ChargeModel model, ChargeProgram.Slack held) {
        ChargeProgram elastic = ChargeProgram.build(model, true, true);
        double[] pin = new double[held.variable() + 1];
        pin[held.variable()] = 1;
        elastic.builder.addConstraint("hold " + held.kind(), pin, 0, 0);
        LpSolution sol = solver.solve(elastic.builder.objective(elastic.slackObjective()).build());
        List<Diagnosis.Conflict> out = new ArrayList<>();
        if (!sol.isOptimal()) {
            return out;
        }
        for (ChargeProgram.Slack s : elastic.slacks) {
            if (s.variable() != held.variable() && sol.value(s.variable()) * 100 / model.refMassKg > VIOLATION_TOLERANCE_PCT) {
                out.add(conflict(s));
            }
        }
        return out;
    }

    private static Diagnosis.Conflict conflict(ChargeProgram.Slack s) {
        return switch (s.kind()) {
            case ELEMENT_MIN, ELEMENT_NEGATIVE -> new Diagnosis.Conflict(Diagnosis.Subject.ELEMENT, s.element(), s.limit(), null);
            case ELEMENT_MAX -> new Diagnosis.Conflict(Diagnosis.Subject.ELEMENT, s.element(), null, s.limit());
            case PRODUCT_MASS -> new Diagnosis.Conflict(Diagnosis.Subject.BATCH_MASS, null, s.limit(), s.limit());
            case PRODUCT_MASS_MAX -> new Diagnosis.Conflict(Diagnosis.Subject.FURNACE_CAPACITY, null, null, s.limit());
            case WHOLE_PIECES, CONFIDENCE, PROPERTY -> throw new IllegalStateException(s.kind() + " has no slack in the elastic program");
        };
    }

    /** A conflicting limit as a label ("Sc min 0.3 %", "the furnace capacity 2200 kg"). */
    static String label(Diagnosis.Conflict c) {
        return switch (c.subject()) {
            case ELEMENT -> c.minLimit() != null && c.maxLimit() != null
                    ? c.element() + " " + fmt(c.minLimit()) + "-" + fmt(c.maxLimit()) + " %"
                    : c.minLimit() != null ? c.element() + " min " + fmt(c.minLimit()) + " %"
                    : c.element() + " max " + fmt(c.maxLimit()) + " %";
            case BATCH_MASS -> "the batch mass " + fmt(c.maxLimit()) + " kg";
            case FURNACE_CAPACITY -> "the furnace capacity " + fmt(c.maxLimit()) + " kg";
            case REDUCTION -> c.element() + " enough for the compounds' reduction";
        };
    }

    // ---------------------------------------------------------------- results

    private ChargeResult infeasible(ChargeModel model, List<Diagnosis> diagnosis) {
        Recipe r = model.recipe;
        return new ChargeResult(ChargeStatus.INFEASIBLE, r.objective(), List.of(), 0, Map.of(), 0, 0, model.heelMassKg,
                model.heelMassKg, 0, 0, 0, null, List.of(), diagnosis, warnings(model));
    }

    private ChargeResult report(ChargeModel model, double[] x, ChargeStatus status, List<Diagnosis> diagnosis) {
        Recipe r = model.recipe;
        List<ChargeLine> lines = new ArrayList<>();
        double inKg = model.heelMassKg;
        double slagKg = 0;
        double drossKg = 0;
        double cost = 0;
        double co2 = 0;
        double scCharged = 0;
        double scDelivered = 0;
        int sc = model.elementIndex("Sc");
        double[] elementKg = model.heelKg.clone();
        for (int j = 0; j < model.materials.size(); j++) {
            Material m = model.materials.get(j);
            double kg = Math.max(0, model.massKg(j, x[j]));
            if (kg < 1e-9) {
                continue;
            }
            inKg += kg;
            double delivered = 0;
            for (int e = 0; e < model.elements.size(); e++) {
                double k = model.yield[j][e] / model.scale[j] * kg;
                elementKg[e] += k;
                delivered += k;
            }
            if (m.kind().isMetallic()) {
                drossKg += unrecoveredMetalKg(r, m, kg);
            } else {
                slagKg += slagKg(r, m, kg);
            }
            if (sc >= 0) {
                scCharged += m.elementContentKgPerKg("Sc") * kg;
                scDelivered += model.yield[j][sc] / model.scale[j] * kg;
            }
            cost += kg * m.pricePerKg();
            co2 += kg * m.co2KgPerKg();
            Double pieces = m.pieceMassKg() == null ? null : model.integer[j] ? (double) Math.round(x[j]) : kg / m.pieceMassKg();
            lines.add(new ChargeLine(m.id(), m.name(), m.kind(), kg, pieces, kg * m.pricePerKg(), kg * m.co2KgPerKg()));
        }
        double productKg = 0;
        for (double k : elementKg) {
            productKg += Math.max(0, k);
        }
        Map<String, Double> composition = new LinkedHashMap<>();
        for (int e = 0; e < model.elements.size(); e++) {
            double pct = productKg > 0 ? 100 * Math.max(0, elementKg[e]) / productKg : 0;
            if (pct > 1e-12 || r.target(model.elements.get(e)).isPresent()) {
                composition.put(model.elements.get(e), pct);
            }
        }
        List<LimitCheck> limits = new ArrayList<>();
        for (ElementTarget t : r.targets()) {
            double v = composition.getOrDefault(t.element(), 0.0);
            boolean within = (t.minPct() == null || v >= t.minPct() - ChargeResult.LIMIT_TOLERANCE_PCT)
                    && (t.maxPct() == null || v <= t.maxPct() + ChargeResult.LIMIT_TOLERANCE_PCT);
            limits.add(new LimitCheck(t.element(), t.minPct(), t.aimPct(), t.maxPct(), v, within));
        }
        Double scRecovery = scCharged > 1e-12 ? 100 * scDelivered / scCharged : null;
        return new ChargeResult(status, r.objective(), lines, productKg, composition, slagKg, drossKg, model.heelMassKg,
                inKg, productKg + slagKg + drossKg, cost, co2, scRecovery, limits, diagnosis, warnings(model));
    }

    /** kg of a metallic charge that goes to the dross: each element's unrecovered share, and the melt loss. */
    private static double unrecoveredMetalKg(Recipe r, Material m, double kg) {
        double lost = 0;
        for (Map.Entry<String, Double> c : m.composition().allWtPct().entrySet()) {
            double charged = kg * c.getValue() / 100;
            double rec = r.recoveryFraction(m, c.getKey());
            if (c.getKey().equals(r.balanceElement())) {
                rec *= 1 - r.meltLossPct() / 100;
            }
            lost += charged * (1 - rec);
        }
        return lost;
    }

    /**
     * kg a compound or flux sends to the slag: everything of it but the element reduced into the
     * metal, plus the aluminium that the reduction takes out of the metal.
     */
    private static double slagKg(Recipe r, Material m, double kg) {
        if (m.kind() == MaterialKind.FLUX) {
            return kg;
        }
        String el = m.deliveredElement();
        double reducedKg = kg * m.elementContentKgPerKg(el) * r.recoveryFraction(m, el);
        return kg - reducedKg + ChargeModel.aluminiumTakenKgPerKgDelivered(m) * reducedKg;
    }

    private static List<Message> warnings(ChargeModel model) {
        List<Message> out = new ArrayList<>();
        Recipe r = model.recipe;
        for (Material m : r.materials()) {
            if (m.kind() == MaterialKind.COMPOUND && !r.recoveryStated(m, m.deliveredElement())) {
                out.add(Message.of("warning.recoveryAssumed", m.id() + ": no recovery stated for " + m.deliveredElement()
                        + "; 100 % assumed (reduction of " + m.formula() + " typically recovers 77-96 %)", m.id(), m.deliveredElement(),
                        String.valueOf(m.formula())));
            }
        }
        return out;
    }

    /** A number for a message: up to 4 decimals, no trailing zeros. */
    static String fmt(double v) {
        if (!Double.isFinite(v)) {
            return String.valueOf(v);
        }
        return BigDecimal.valueOf(v).setScale(4, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }
}
