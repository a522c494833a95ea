package ca.scalloy.engine.lp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

class BoundedSimplexTest {

    private final BoundedSimplex simplex = new BoundedSimplex();
    private static final double INF = Double.POSITIVE_INFINITY;

    /**
     * Beale's example (1955), which cycles under Dantzig's rule with the least-index tie-break:
     * min −3/4·x4 + 20·x5 − 1/2·x6 + 6·x7 s.t. 1/4·x4 − 8·x5 − x6 + 9·x7 ≤ 0, 1/2·x4 − 12·x5 − 1/2·x6 + 3·x7 ≤ 0,
     * x6 ≤ 1, x ≥ 0. Optimum −5/4 at x4 = x6 = 1, x5 = x7 = 0: the rows give −3/4 ≤ 0 and 0 ≤ 0, and the dual
     * y = (0, −3/2, −5/4) is feasible (Aᵀy ≤ c: −3/4 ≤ −3/4, 18 ≤ 20, −1/2 ≤ −1/2, −9/2 ≤ 6) with bᵀy = −5/4.
     */
    @Test
    void bealesCyclingExampleReachesItsOptimum() {
        LinearProgram.Builder b = new LinearProgram.Builder();
        for (int j = 4; j <= 7; j++) {
            b.addVariable("x" + j, 0, INF, false);
        }
        b.addConstraint("r1", new double[] {0.25, -8, -1, 9}, Double.NEGATIVE_INFINITY, 0);
        b.addConstraint("r2", new double[] {0.5, -12, -0.5, 3}, Double.NEGATIVE_INFINITY, 0);
        b.addConstraint("r3", new double[] {0, 0, 1, 0}, Double.NEGATIVE_INFINITY, 1);
        LinearProgram lp = b.objective(new double[] {-0.75, 20, -0.5, 6}).build();
        LpSolution s = simplex.solve(lp);
        assertEquals(LpSolution.LpStatus.OPTIMAL, s.status());
        assertEquals(-1.25, lp.objectiveValue(s.values()), 1e-12);
        assertArrayEquals(new double[] {1, 0, 1, 0}, s.values(), 1e-12);
    }

    /**
     * Every row type at once: min x + 2y with x ∈ [0, 4], y free, x + y = 3, x − y ranged in [−1, 1], y ≥ 0.5 as a ≥ row.
     * From the equality y = 3 − x, so x − y = 2x − 3 ∈ [−1, 1] gives x ∈ [1, 2], y ≥ 0.5 gives x ≤ 2.5; the
     * objective x + 2(3 − x) = 6 − x is least at x = 2, y = 1: objective 4.
     */
    @Test
    void equalityRangedAndFreeVariablesTogether() {
        LinearProgram.Builder b = new LinearProgram.Builder();
        b.addVariable("x", 0, 4, false);
        b.addVariable("y", Double.NEGATIVE_INFINITY, INF, false);
        b.addConstraint("sum", new double[] {1, 1}, 3, 3);
        b.addConstraint("difference", new double[] {1, -1}, -1, 1);
        b.addConstraint("y at least", new double[] {0, 1}, 0.5, INF);
        LinearProgram lp = b.objective(new double[] {1, 2}).build();
        LpSolution s = simplex.solve(lp);
        assertEquals(LpSolution.LpStatus.OPTIMAL, s.status());
        assertArrayEquals(new double[] {2, 1}, s.values(), 1e-12);
    }

    /** x + y ≤ 1 and x + y ≥ 2 with x, y ≥ 0 cannot both hold. */
    @Test
    void contradictingRowsAreInfeasible() {
        LinearProgram.Builder b = new LinearProgram.Builder();
        b.addVariable("x", 0, INF, false);
        b.addVariable("y", 0, INF, false);
        b.addConstraint("at most 1", new double[] {1, 1}, Double.NEGATIVE_INFINITY, 1);
        b.addConstraint("at least 2", new double[] {1, 1}, 2, INF);
        assertEquals(LpSolution.LpStatus.INFEASIBLE, simplex.solve(b.objective(new double[] {1, 1}).build()).status());
    }

    /**
     * The diagnosis's feasibility program of the oxide route with Fe max 0.0990704 % (a step below the lowest Fe
     * any charge reaches, 0.0991204 %: BatchCommandTest derives it) and the product mass free above 1e-6 kg.
     * Every limit row is homogeneous in the charge, so a microgram charge passes the Fe row by about 2e-12 kg, within
     * any absolute tolerance, while that is a quarter of the row's own terms: the row's tolerance follows its
     * coefficients, and the program is infeasible at every scale. Coefficients as ChargeProgram builds them
     * (P1020, Sc2O3, flux kg).
     */
    @Test
    void aTinyChargeDoesNotPassALimitRowWithinAnAbsoluteTolerance() {
        LinearProgram.Builder b = new LinearProgram.Builder();
        b.addVariable("AL-P1020", 0, INF, false);
        b.addVariable("SC2O3-999", 0, INF, false);
        b.addVariable("FLUX-CRYO", 0, INF, false);
        b.addConstraint("flux", new double[] {0, -3, 1}, 0, 0);
        b.addConstraint("non-negative Al", new double[] {0.9984999999999999, -0.3322684376795027, 0}, 0, INF);
        b.addConstraint("product mass positive", new double[] {0.9999999999999999, 0.2213482256409917, 0}, 1e-6, INF);
        b.addConstraint("Sc min", new double[] {-0.018, 0.5496323952589566, 0}, 0, INF);
        b.addConstraint("Sc max", new double[] {-0.022, 0.5487470023563926, 0}, Double.NEGATIVE_INFINITY, 0);
        b.addConstraint("Si max", new double[] {-4.999999999999998E-4, -2.213482256409917E-4, 0}, Double.NEGATIVE_INFINITY, 0);
        b.addConstraint("Fe max", new double[] {9.297292047821815E-6, -2.192902865429403E-4, 0}, Double.NEGATIVE_INFINITY, 0);
        assertEquals(LpSolution.LpStatus.INFEASIBLE, simplex.solve(b.objective(new double[3]).build()).status());
    }

    /** min −x with x − y ≤ 1, x, y ≥ 0: x = 1 + y grows without end. */
    @Test
    void aRayDownhillIsUnbounded() {
        LinearProgram.Builder b = new LinearProgram.Builder();
        b.addVariable("x", 0, INF, false);
        b.addVariable("y", 0, INF, false);
        b.addConstraint("x - y", new double[] {1, -1}, Double.NEGATIVE_INFINITY, 1);
        assertEquals(LpSolution.LpStatus.UNBOUNDED, simplex.solve(b.objective(new double[] {-1, 0}).build()).status());
    }

    @Test
    void wholePiecesAreNotClaimed() {
        LinearProgram.Builder b = new LinearProgram.Builder();
        b.addVariable("pieces", 0, 10, true);
        LinearProgram lp = b.objective(new double[] {1}).build();
        assertFalse(BoundedSimplex.claims(lp));
        assertEquals(LpSolution.LpStatus.FAILED, simplex.solve(lp).status());
    }
}
