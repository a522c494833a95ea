package ca.scalloy.engine.lp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Random;

import ca.scalloy.solver.OjalgoSolver;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * The sensitivity of random feasible LPs, checked against its definitions rather than its own
 * arithmetic: the duals satisfy the optimality conditions, and a cost moved anywhere inside its range
 * leaves the solution optimal (a re-solve finds nothing cheaper).
 */
class LpSensitivityProperties {

    private final OjalgoSolver solver = new OjalgoSolver();
    private final BoundedSimplex simplex = new BoundedSimplex();
    private final OjalgoSolver reference = OjalgoSolver.ojalgoOnly();

    /**
     * n variables in [0, 10], m covering rows Σ a·x ≥ b with a in [0, 3] and b below what x = 5 gives (so
     * the program is feasible and bounded), positive costs.
     */
    @Provide
    Arbitrary<LinearProgram> programs() {
        return Arbitraries.integers().between(2, 5).flatMap(n -> Arbitraries.integers().between(1, 4).flatMap(m ->
                Arbitraries.doubles().between(0, 3).ofScale(2).list().ofSize(n * m).flatMap(a ->
                        Arbitraries.doubles().between(0.1, 0.9).ofScale(2).list().ofSize(m).flatMap(f ->
                                Arbitraries.doubles().between(0.5, 20).ofScale(2).list().ofSize(n).map(c -> build(n, m, a, f, c))))));
    }

    private static LinearProgram build(int n, int m, List<Double> a, List<Double> fill, List<Double> cost) {
        LinearProgram.Builder b = new LinearProgram.Builder();
        for (int j = 0; j < n; j++) {
            b.addVariable("x" + j, 0, 10, false);
        }
        for (int i = 0; i < m; i++) {
            double[] row = new double[n];
            double atFive = 0;
            for (int j = 0; j < n; j++) {
                row[j] = a.get(i * n + j);
                atFive += 5 * row[j];
            }
            b.addConstraint("r" + i, row, fill.get(i) * atFive, Double.POSITIVE_INFINITY);
        }
        double[] c = new double[n];
        for (int j = 0; j < n; j++) {
            c[j] = cost.get(j);
        }
        return b.objective(c).build();
    }

    @Property(tries = 300)
    void dualsMeetTheOptimalityConditions(@ForAll("programs") LinearProgram lp) {
        LpSolution sol = solver.solve(lp);
        Assume.that(sol.isOptimal());
        meetsTheOptimalityConditions(lp, sol.values(), LpSensitivity.of(lp, sol.values()).orElseThrow());
    }

    /** The same on the solver's own final basis (no recovery), for the simplex that hands it over. */
    @Property(tries = 300)
    void dualsOnTheSolversBasisMeetTheOptimalityConditions(@ForAll("programs") LinearProgram lp) {
        LpSolution sol = simplex.solve(lp);
        Assume.that(sol.isOptimal());
        meetsTheOptimalityConditions(lp, sol.values(), LpSensitivity.of(lp, sol).orElseThrow());
    }

    private static void meetsTheOptimalityConditions(LinearProgram lp, double[] x, LpSensitivity s) {
        for (int j = 0; j < x.length; j++) {
            double d = lp.objective(j);
            for (int r = 0; r < lp.constraints().size(); r++) {
                d -= s.dual(r) * lp.constraints().get(r).coefficient(j);
            }
            assertEquals(s.reducedCost()[j], d, 1e-7, "reduced cost of x" + j);
            if (x[j] > 1e-7 && x[j] < 10 - 1e-7) {
                assertEquals(0, d, 1e-7, "a variable between its bounds has no reduced cost");
            } else if (x[j] <= 1e-7) {
                assertTrue(d >= -1e-7, "at 0 the reduced cost is not negative");
            } else {
                assertTrue(d <= 1e-7, "at its cap the reduced cost is not positive");
            }
        }
        for (int r = 0; r < lp.constraints().size(); r++) {
            assertTrue(s.dual(r) >= -1e-9, "a covering row's dual is not negative");
            if (!s.active(r)) {
                assertEquals(0, s.dual(r), 0, "a row with slack has no dual");
            }
        }
    }

    @Property(tries = 300)
    void aCostInsideItsRangeKeepsTheSolutionOptimal(@ForAll("programs") LinearProgram lp, @ForAll("positions") double position) {
        LpSolution sol = solver.solve(lp);
        Assume.that(sol.isOptimal());
        staysOptimalInsideTheRanges(lp, sol.values(), LpSensitivity.of(lp, sol.values()).orElseThrow(), position);
    }

    /** The same with the ranges on the solver's own final basis, each moved cost re-solved by ojalgo alone. */
    @Property(tries = 300)
    void aCostInsideItsRangeOnTheSolversBasisKeepsTheSolutionOptimal(@ForAll("programs") LinearProgram lp,
                                                                   @ForAll("positions") double position) {
        LpSolution sol = simplex.solve(lp);
        Assume.that(sol.isOptimal());
        staysOptimalInsideTheRanges(lp, sol.values(), LpSensitivity.of(lp, sol).orElseThrow(), position);
    }

    private void staysOptimalInsideTheRanges(LinearProgram lp, double[] x, LpSensitivity s, double position) {
        for (int j = 0; j < x.length; j++) {
            double low = Math.max(s.costLow()[j], lp.objective(j) - 50);
            double high = Math.min(s.costHigh()[j], lp.objective(j) + 50);
            double moved = low + position * (high - low);
            LinearProgram.Builder b = lp.toBuilder();
            double[] c = new double[x.length];
            for (int i = 0; i < c.length; i++) {
                c[i] = i == j ? moved : lp.objective(i);
            }
            LinearProgram changed = b.objective(c).build();
            LpSolution again = reference.solve(changed);
            assertEquals(changed.objectiveValue(x), changed.objectiveValue(again.values()), 1e-6 * Math.max(1,
                    Math.abs(changed.objectiveValue(x))), "x" + j + " at cost " + moved + " in [" + low + ", " + high + "]");
        }
    }

    /**
     * The ranges are the widest over which the solution stays optimal (the contract: the charged masses stay the
     * same), not only the final basis's: a cost moved just past a finite end leaves the solution not optimal, as the
     * analysis's own optimality test on the moved program finds (a different piece of code: the pivots to a dual
     * feasible basis, not the ranging). Programs of a charge's sizes around a known point, most of them degenerate
     * (variables and rows at a bound at the vertex, where a range goes on through degenerate pivots), on the
     * simplex's own basis.
     */
    @Property(tries = 600)
    void aCostJustPastAnEndOfItsRangeLeavesTheSolutionNotOptimal(@ForAll long seed, @ForAll("rangedKinds") BoundedSimplexProperties.Kind kind,
                                                                 @ForAll @IntRange(min = 2, max = 12) int n,
                                                                 @ForAll @IntRange(min = 1, max = 16) int m) {
        LinearProgram lp = BoundedSimplexProperties.program(new Random(seed), kind, n, m);
        LpSolution sol = simplex.solve(lp);
        Assume.that(sol.isOptimal());
        Optional<LpSensitivity> found = LpSensitivity.of(lp, sol);
        Assume.that(found.isPresent());
        LpSensitivity s = found.get();
        double[] x = sol.values();
        for (int j = 0; j < n; j++) {
            for (int side = -1; side <= 1; side += 2) {
                double end = side < 0 ? s.costLow(j) : s.costHigh(j);
                if (!Double.isFinite(end)) {
                    continue;
                }
                // A twentieth of the range past its end (and at least 1e-4 of the cost's size): enough for the entering
                // column's reduced cost to pass the optimality test's tolerance, which grows with the largest cost
                // (an end at −1.8e8 for a cost of 68, a tableau entry of 4e-7, is seen as optimal 1e-4 past it).
                double past = Math.max(0.05 * Math.abs(end - lp.objective(j)),
                        1e-4 * Math.max(1, Math.max(Math.abs(end), Math.abs(lp.objective(j)))));
                double beyond = end + side * past;
                double[] c = new double[n];
                for (int i = 0; i < n; i++) {
                    c[i] = i == j ? beyond : lp.objective(i);
                }
                LinearProgram moved = lp.toBuilder().objective(c).build();
                assertTrue(LpSensitivity.of(moved, x).isEmpty(), "x" + j + ": cost " + beyond + " is past the end " + end
                        + " of [" + s.costLow(j) + ", " + s.costHigh(j) + "] around " + lp.objective(j) + ", yet the solution is still optimal");
            }
        }
    }

    @Provide
    Arbitrary<BoundedSimplexProperties.Kind> rangedKinds() {
        return Arbitraries.of(BoundedSimplexProperties.Kind.DEGENERATE, BoundedSimplexProperties.Kind.CHARGE_LIKE,
                BoundedSimplexProperties.Kind.DEGENERATE, BoundedSimplexProperties.Kind.FEASIBLE);
    }

    @Provide
    Arbitrary<Double> positions() {
        return Arbitraries.doubles().between(0, 1).ofScale(3);
    }
}
