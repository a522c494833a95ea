package ca.scalloy.engine.charge;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import ca.scalloy.engine.Progress;
import ca.scalloy.engine.kinetics.AgeingSchedule;
import ca.scalloy.engine.thermo.ProcessRoute;

/**
 * What strength costs (issue 14, point 2: "a chart of cost against the strength asked for"): the least cost of a
 * recipe's charge at several levels of the minimum yield strength asked, after one process route and ageing schedule.
 *
 * <p>The swept target is the recipe's first yield-strength target with a minimum (its route and schedule are the
 * curve's); a recipe with none is swept after the route and schedule of the request. Every other limit of the recipe
 * holds at every level (compositions, its other property targets, its confidence); the objective is least cost
 * whatever the recipe's, so that each point is the cheapest charge for that strength. The levels run evenly from the
 * yield of the cheapest charge without the swept target to one step past the highest yield the property-targeted
 * search reaches, so that the last level shows where no charge exists; the recipe's own minimum, when it has one, is
 * one of the levels, exactly.
 */
public final class StrengthCostCurve {

    /** The property swept. */
    public static final String PROPERTY = "yieldStrengthMPa";
    /** The fewest and most levels a curve may have. */
    public static final int MIN_LEVELS = 3;
    public static final int MAX_LEVELS = 40;
    /** A minimum this far above anything reachable makes the search report the highest yield it can reach. */
    private static final double UNREACHABLE_MPA = 5000;
    /** When the strength cannot be raised at all, the levels still span this share of the cheapest charge's yield. */
    private static final double LEAST_SPAN_SHARE = 0.05;

    private StrengthCostCurve() {
    }

    /**
     * What to sweep.
     *
     * @param recipe   the recipe (its objective is replaced by least cost)
     * @param process  the route to sweep after when the recipe has no yield target with a minimum
     * @param schedule the ageing schedule after that route, or null for the state after the route
     * @param levels   how many levels, {@link #MIN_LEVELS} to {@link #MAX_LEVELS}
     */
    public record Request(Recipe recipe, ProcessRoute process, AgeingSchedule schedule, int levels) {
        public Request {
            Objects.requireNonNull(recipe, "recipe");
            Objects.requireNonNull(process, "process");
            if (levels < MIN_LEVELS || levels > MAX_LEVELS) {
                throw new IllegalArgumentException("levels must be from " + MIN_LEVELS + " to " + MAX_LEVELS + ", was " + levels);
            }
        }
    }

    /**
     * One level.
     *
     * @param minYieldMPa the minimum yield strength asked, MPa
     * @param feasible    whether a charge meets it with every other limit
     * @param cost        the least cost of the batch at that level, or NaN when infeasible
     * @param co2Kg       the kg CO2e of that charge, or NaN when infeasible
     * @param yieldMPa    the yield the charge reaches (verified with the full models); when infeasible, the highest the
     *                    search reached
     */
    public record Point(double minYieldMPa, boolean feasible, double cost, double co2Kg, double yieldMPa) {
    }

    /**
     * The curve.
     *
     * @param process       the route the yield is estimated after
     * @param schedule      the ageing schedule, or null
     * @param targetMPa     the recipe's own minimum yield (one of the levels), or null when the recipe states none
     * @param current       the recipe's own charge (its objective kept) on the curve's axes: its yield and cost; null when
     *                      the recipe has no charge
     * @param points        the levels in rising order; empty when not even the composition limits can be met
     */
    public record Curve(ProcessRoute process, AgeingSchedule schedule, Double targetMPa, Point current, List<Point> points) {
        public Curve {
            points = List.copyOf(points);
        }
    }

    /**
     * Sweeps the levels; checks {@code progress} between solves and reports how far it got.
     *
     * @throws java.util.concurrent.CancellationException when {@code progress} is cancelled
     */
    public static Curve sweep(ChargeCalculator calculator, Request request, Progress progress) {
        Recipe recipe = request.recipe();
        List<PropertyTarget> targets = recipe.propertyTargets();
        int swept = -1;
        for (int i = 0; i < targets.size() && swept < 0; i++) {
            if (targets.get(i).property().equals(PROPERTY) && targets.get(i).minValue() != null) {
                swept = i;
            }
        }
        PropertyTarget own = swept < 0 ? null : targets.get(swept);
        ProcessRoute process = own == null ? request.process() : own.process();
        AgeingSchedule schedule = own == null ? request.schedule() : own.schedule();
        Double ownMin = own == null ? null : own.minValue();
        Double ownMax = own == null ? null : own.maxValue();
        int total = request.levels() + 3;
        int done = 0;

        Recipe cheapestRecipe = at(recipe, swept, null, process, schedule);
        ChargeResult cheapest = calculator.solve(cheapestRecipe);
        progress.done(++done / (double) total);
        if (!cheapest.solved()) {
            return new Curve(process, schedule, ownMin, null, List.of());
        }
        double low = yieldOf(cheapest, recipe, process, schedule);
        progress.checkCancelled();
        ChargeResult reach = calculator.solve(at(recipe, swept, new PropertyTarget(PROPERTY, UNREACHABLE_MPA, null, process,
                schedule), process, schedule));
        progress.done(++done / (double) total);
        double high = reach.solved() ? yieldOf(reach, recipe, process, schedule) : highestReached(reach, UNREACHABLE_MPA, low);

        int n = request.levels();
        double step = Math.max(high - low, LEAST_SPAN_SHARE * Math.abs(low)) / (n - 2);
        double[] levels = new double[n];
        for (int i = 0; i < n; i++) {
            levels[i] = low + i * step;
        }
        if (ownMin != null) {
            int nearest = 0;
            for (int i = 1; i < n; i++) {
                if (Math.abs(levels[i] - ownMin) < Math.abs(levels[nearest] - ownMin)) {
                    nearest = i;
                }
            }
            levels[nearest] = ownMin;
            java.util.Arrays.sort(levels);
        }

        List<Point> points = new ArrayList<>();
        Point atOwn = null;
        for (double level : levels) {
            progress.checkCancelled();
            ChargeResult r = calculator.solve(at(recipe, swept, new PropertyTarget(PROPERTY, level, ownMax, process, schedule),
                    process, schedule));
            Point p = r.solved() ? new Point(level, true, r.costTotal(), r.co2TotalKg(), yieldOf(r, recipe, process, schedule))
                    : new Point(level, false, Double.NaN, Double.NaN, highestReached(r, level, Double.NaN));
            points.add(p);
            if (ownMin != null && level == ownMin) {
                atOwn = p;
            }
            progress.done(++done / (double) total);
        }

        Point current;
        if (recipe.objective() == Objective.MIN_COST && (own == null || atOwn != null)) {
            // The recipe itself is the cheapest charge (no yield target) or the level at its own minimum: no solve again.
            current = own == null ? new Point(low, true, cheapest.costTotal(), cheapest.co2TotalKg(), low) : atOwn;
        } else {
            progress.checkCancelled();
            ChargeResult r = calculator.solve(recipe);
            double y = r.solved() ? yieldOf(r, recipe, process, schedule) : Double.NaN;
            current = r.solved() ? new Point(ownMin == null ? y : ownMin, true, r.costTotal(), r.co2TotalKg(), y) : null;
        }
        progress.done(1);
        return new Curve(process, schedule, ownMin, current, points);
    }

    /**
     * The recipe at least cost with the swept target replaced by {@code level} (removed when null); with no swept
     * target, {@code level} is added last.
     */
    private static Recipe at(Recipe recipe, int swept, PropertyTarget level, ProcessRoute process, AgeingSchedule schedule) {
        List<PropertyTarget> targets = new ArrayList<>(recipe.propertyTargets());
        if (swept >= 0) {
            if (level == null) {
                targets.remove(swept);
            } else {
                targets.set(swept, level);
            }
        } else if (level != null) {
            targets.add(level);
        }
        return recipe.withObjective(Objective.MIN_COST).withPropertyTargets(targets);
    }

    /** The yield of a charge's product after the route and schedule, by the full models. */
    private static double yieldOf(ChargeResult r, Recipe recipe, ProcessRoute process, AgeingSchedule schedule) {
        PropertyTarget probe = new PropertyTarget(PROPERTY, 0.0, null, process, schedule);
        return probe.valueIn(ChargeCalculator.Models.PROPERTIES.compute(r.productComposition(recipe.balanceElement()),
                probe.conditions()));
    }

    /**
     * The highest yield a search that failed reached: its diagnosis of the swept target (the one whose limit is
     * {@code minMPa}); {@code otherwise} when there is none (another limit failed first).
     */
    private static double highestReached(ChargeResult r, double minMPa, double otherwise) {
        for (Diagnosis d : r.diagnosis()) {
            if (d.kind() == Diagnosis.Kind.PROPERTY && d.limit() == minMPa && Double.isFinite(d.reachable())) {
                return d.reachable();
            }
        }
        return otherwise;
    }
}
