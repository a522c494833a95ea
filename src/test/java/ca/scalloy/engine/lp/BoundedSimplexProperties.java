package ca.scalloy.engine.lp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import ca.scalloy.solver.OjalgoSolver;
import net.jqwik.api.Assume;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.constraints.IntRange;

/**
 * {@link BoundedSimplex} against ojalgo over random LPs of a charge's sizes (2-12 variables, 1-16 rows):
 * the same status, the same optimal objective within {@link #OBJECTIVE_TOLERANCE} (relative), and every
 * bound and row met by the simplex's answer. The programs are built around a point inside the bounds, so
 * that whether one is feasible is known by construction for most kinds; the kinds cover ≤, ≥, = and ranged
 * rows, free and one-sided variables, rows at zero slack (degenerate vertices), duplicated rows,
 * contradictions (infeasible) and descent along an unbounded variable.
 */
class BoundedSimplexProperties {

    /** Optimal objectives agree to this, times max(1, |objective|): two double-precision simplex codes. */
    private static final double OBJECTIVE_TOLERANCE = 1e-6;
    /** A bound or row holds to this, times max(1, |bound|): the simplex's own acceptance check. */
    private static final double FEASIBILITY_TOLERANCE = 1e-7;

    private final OjalgoSolver reference = OjalgoSolver.ojalgoOnly();
    private final BoundedSimplex simplex = new BoundedSimplex();

    enum Kind { FEASIBLE, DEGENERATE, INFEASIBLE, UNBOUNDED_OR_NOT, CHARGE_LIKE }

    @Property(tries = 1500)
    void agreesWithOjalgo(@ForAll long seed, @ForAll Kind kind, @ForAll @IntRange(min = 2, max = 12) int n,
                          @ForAll @IntRange(min = 1, max = 16) int m) {
        check(seed, kind, n, m);
    }

    /** The program ojalgo calls infeasible although x0 meets it (jqwik's shrunk sample of that failure). */
    @Example
    void aFeasibleProgramOjalgoCallsInfeasibleIsSolvedWithEveryRowMet() {
        check(84710, Kind.UNBOUNDED_OR_NOT, 3, 13);
    }

    private void check(long seed, Kind kind, int n, int m) {
        LinearProgram lp = program(new Random(seed), kind, n, m);
        LpSolution ours = simplex.solve(lp);
        LpSolution theirs = reference.solve(lp);
        Assume.that(theirs.status() != LpSolution.LpStatus.FAILED);
        assertNotEquals(LpSolution.LpStatus.FAILED, ours.status(), "the simplex gave up on a program ojalgo solved");
        // Every kind but INFEASIBLE is built around x0, which meets every bound and row exactly, so such a
        // program is feasible by construction; ojalgo's modelling layer has been seen to call one of them
        // infeasible (seed 3101092726567748698: UNBOUNDED_OR_NOT, 3 variables, 13 rows, with free variables).
        // Its status is then no reference: the simplex's answer must still meet every bound and row below.
        boolean referenceWrong = kind != Kind.INFEASIBLE && theirs.status() == LpSolution.LpStatus.INFEASIBLE;
        if (referenceWrong) {
            assertNotEquals(LpSolution.LpStatus.INFEASIBLE, ours.status(), "a program built around a feasible point");
        } else {
            assertEquals(theirs.status(), ours.status(), "status");
        }
        Statistics.collect(kind, ours.status());
        if (kind == Kind.FEASIBLE || kind == Kind.DEGENERATE || kind == Kind.CHARGE_LIKE) {
            assertEquals(LpSolution.LpStatus.OPTIMAL, ours.status(), "a bounded program built around a feasible point");
        }
        if (kind == Kind.INFEASIBLE) {
            assertEquals(LpSolution.LpStatus.INFEASIBLE, ours.status(), "a program with two contradicting rows");
        }
        if (!ours.isOptimal()) {
            return;
        }
        double[] x = ours.values();
        for (int j = 0; j < x.length; j++) {
            LinearProgram.Variable v = lp.variables().get(j);
            assertTrue(x[j] >= v.lower() - tol(v.lower()) && x[j] <= v.upper() + tol(v.upper()),
                    "x" + j + " = " + x[j] + " outside [" + v.lower() + ", " + v.upper() + "]");
        }
        for (LinearProgram.Constraint c : lp.constraints()) {
            double v = c.evaluate(x);
            assertTrue(v >= c.lower() - tol(c.lower()) && v <= c.upper() + tol(c.upper()),
                    c.name() + " = " + v + " outside [" + c.lower() + ", " + c.upper() + "]");
        }
        if (referenceWrong) {
            return;
        }
        double want = lp.objectiveValue(theirs.values());
        assertEquals(want, lp.objectiveValue(x), OBJECTIVE_TOLERANCE * Math.max(1, Math.abs(want)), "optimal objective");
    }

    /**
     * The basis handed over is the one the answer stands on: its inverse (read whole as the sensitivity reads a block)
     * times B is the identity, its duals price B's columns.
     */
    @Property(tries = 300)
    void theBasisHandedOverIsInvertedAndOptimal(@ForAll long seed, @ForAll @IntRange(min = 2, max = 12) int n,
                                                @ForAll @IntRange(min = 1, max = 16) int m) {
        LinearProgram lp = program(new Random(seed), Kind.DEGENERATE, n, m);
        LpSolution ours = simplex.solve(lp);
        Assume.that(ours.isOptimal());
        LpBasis basis = ours.optimalBasis().orElseThrow();
        assertTrue(basis.fits(n, m));
        int[] all = java.util.stream.IntStream.range(0, m).toArray();
        double[][] inverse = basis.block(all, all, m);
        for (int p = 0; p < m; p++) {
            for (int q = 0; q < m; q++) {
                int col = basis.basic[q];
                double s = 0;
                for (int i = 0; i < m; i++) {
                    s += inverse[p][i] * entry(lp, n, i, col);
                }
                assertEquals(p == q ? 1 : 0, s, 1e-8, "(B⁻¹B)[" + p + "][" + q + "]");
            }
        }
        // a block of other positions and rows (reversed, rotated) is those entries of the same inverse
        int[] positions = java.util.stream.IntStream.range(0, m).map(i -> m - 1 - i).toArray();
        int[] rows = java.util.stream.IntStream.range(0, m).map(i -> (i + 1) % m).toArray();
        int size = Math.max(1, m - 1);
        double[][] part = basis.block(positions, rows, size);
        for (int a = 0; a < size; a++) {
            for (int b = 0; b < size; b++) {
                assertEquals(inverse[positions[a]][rows[b]], part[a][b], "block[" + a + "][" + b + "]");
            }
        }
        // and the duals handed over solve Bᵀy = c_B (a logical's cost is 0), to the objective's scale
        double scale = 1;
        for (int j = 0; j < n; j++) {
            scale = Math.max(scale, Math.abs(lp.objective(j)));
        }
        for (int q = 0; q < m; q++) {
            int col = basis.basic[q];
            double s = 0;
            for (int i = 0; i < m; i++) {
                s += basis.dual(i) * entry(lp, n, i, col);
            }
            assertEquals(col >= n ? 0 : lp.objective(col), s, 1e-8 * scale, "(Bᵀy)[" + q + "]");
        }
    }

    /** Entry (i, col) of [A | −I]: a variable's coefficient in row i, or −1 where the logical of row i meets it. */
    private static double entry(LinearProgram lp, int n, int i, int col) {
        return col >= n ? (i == col - n ? -1 : 0) : lp.constraints().get(i).coefficient(col);
    }

    private static double tol(double bound) {
        return FEASIBILITY_TOLERANCE * Math.max(1, Double.isFinite(bound) ? Math.abs(bound) : 0);
    }

    /** A random program of the given kind around a point x0 within the variables' bounds. */
    static LinearProgram program(Random rnd, Kind kind, int n, int m) {
        boolean charge = kind == Kind.CHARGE_LIKE;
        double scale = charge ? 2000 : 10;
        LinearProgram.Builder b = new LinearProgram.Builder();
        double[] x0 = new double[n];
        for (int j = 0; j < n; j++) {
            double lo = charge || rnd.nextInt(4) > 0 ? 0 : -scale * rnd.nextDouble();
            double hi = rnd.nextInt(4) == 0 && (kind == Kind.UNBOUNDED_OR_NOT || kind == Kind.INFEASIBLE) ? Double.POSITIVE_INFINITY
                    : lo + scale * (0.1 + rnd.nextDouble());
            if (kind == Kind.UNBOUNDED_OR_NOT && rnd.nextInt(6) == 0) {
                lo = Double.NEGATIVE_INFINITY;
                hi = rnd.nextBoolean() ? Double.POSITIVE_INFINITY : scale;
            }
            if (rnd.nextInt(12) == 0 && Double.isFinite(lo) && Double.isFinite(hi)) {
                hi = lo; // a fixed variable (a charged-as-is piece)
            }
            b.addVariable("x" + j, lo, hi, false);
            double from = Double.isFinite(lo) ? lo : Math.min(hi, 0) - scale;
            double to = Double.isFinite(hi) ? hi : from + 2 * scale;
            // degenerate: many variables exactly at a bound
            x0[j] = kind == Kind.DEGENERATE && rnd.nextBoolean() ? (rnd.nextBoolean() ? from : to) : from + (to - from) * rnd.nextDouble();
        }
        double[] last = null;
        for (int i = 0; i < m; i++) {
            double[] row = new double[n];
            if (kind == Kind.DEGENERATE && last != null && rnd.nextInt(4) == 0) {
                row = last.clone(); // a duplicated row
            } else {
                for (int j = 0; j < n; j++) {
                    if (rnd.nextInt(3) > 0) {
                        row[j] = charge ? (rnd.nextInt(3) == 0 ? -rnd.nextDouble() * 0.01 : rnd.nextDouble())
                                : Math.round((rnd.nextDouble() * 6 - 3) * 100) / 100.0;
                    }
                }
            }
            last = row;
            double at = 0;
            for (int j = 0; j < n; j++) {
                at += row[j] * x0[j];
            }
            double slack = kind == Kind.DEGENERATE && rnd.nextBoolean() ? 0 : scale * rnd.nextDouble();
            switch (rnd.nextInt(5)) {
                case 0 -> b.addConstraint("le" + i, row, Double.NEGATIVE_INFINITY, at + slack);
                case 1 -> b.addConstraint("ge" + i, row, at - slack, Double.POSITIVE_INFINITY);
                case 2 -> b.addConstraint("eq" + i, row, at, at);
                default -> b.addConstraint("range" + i, row, at - slack, at + scale * rnd.nextDouble());
            }
        }
        if (kind == Kind.INFEASIBLE) {
            double[] row = new double[n];
            for (int j = 0; j < n; j++) {
                row[j] = rnd.nextDouble() + 0.1;
            }
            double at = 0;
            double reach = 0;
            for (int j = 0; j < n; j++) {
                at += row[j] * x0[j];
            }
            // Two rows on the same combination with disjoint ranges: no x meets both.
            reach = scale * (0.01 + rnd.nextDouble());
            b.addConstraint("below", row, Double.NEGATIVE_INFINITY, at);
            b.addConstraint("above", row, at + reach, Double.POSITIVE_INFINITY);
        }
        double[] c = new double[n];
        for (int j = 0; j < n; j++) {
            c[j] = charge ? 0.5 + 1500 * rnd.nextDouble() * rnd.nextDouble()
                    : (kind == Kind.DEGENERATE && rnd.nextInt(3) == 0 ? 0 : Math.round((rnd.nextDouble() * 20 - 10) * 100) / 100.0);
        }
        return b.objective(c).build();
    }
}
