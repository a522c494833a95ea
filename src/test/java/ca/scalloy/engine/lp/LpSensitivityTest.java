package ca.scalloy.engine.lp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import ca.scalloy.solver.OjalgoSolver;

class LpSensitivityTest {

    private static final double TOL = 1e-9;

    /**
     * min 2x + 3y s.t. x + y ≥ 4 (row 0), x ≤ 3 (row 1), x, y ≥ 0. By hand: the optimum is x = 3, y = 1
     * (cost 9), both rows binding. Raising the floor of row 0 by one adds a unit of y: dual 3. Raising the
     * cap of row 1 by one swaps a unit of y for a unit of x: 2 − 3 = −1. The vertex stays optimal while x is
     * the cheaper of the two (c_x ≤ c_y = 3; any lower c_x keeps x at its cap) and while y is dearer than
     * x (c_y ≥ c_x = 2; any higher c_y still needs the one unit of y).
     */
    private static LinearProgram textbook() {
        LinearProgram.Builder b = new LinearProgram.Builder();
        b.addVariable("x", 0, Double.POSITIVE_INFINITY, false);
        b.addVariable("y", 0, Double.POSITIVE_INFINITY, false);
        b.addConstraint("x + y >= 4", new double[] {1, 1}, 4, Double.POSITIVE_INFINITY);
        b.addConstraint("x <= 3", new double[] {1, 0}, Double.NEGATIVE_INFINITY, 3);
        return b.objective(new double[] {2, 3}).build();
    }

    @Test
    void textbookDualsAreTheShadowPricesOfEachBound() {
        LinearProgram lp = textbook();
        LpSolution sol = new OjalgoSolver().solve(lp);
        LpSensitivity s = LpSensitivity.of(lp, sol.values()).orElseThrow();
        assertEquals(3, s.dual(0), TOL);
        assertEquals(-1, s.dual(1), TOL);
        assertEquals(0, s.reducedCost()[0], TOL);
        assertEquals(0, s.reducedCost()[1], TOL);
        assertTrue(s.basic()[0] && s.basic()[1]);
    }

    @Test
    void textbookCostRangesAreWhereTheVertexStaysOptimal() {
        LinearProgram lp = textbook();
        LpSensitivity s = LpSensitivity.of(lp, new double[] {3, 1}).orElseThrow();
        assertEquals(Double.NEGATIVE_INFINITY, s.costLow()[0]);
        assertEquals(3, s.costHigh()[0], TOL);
        assertEquals(2, s.costLow()[1], TOL);
        assertEquals(Double.POSITIVE_INFINITY, s.costHigh()[1]);
    }

    /**
     * An unused variable z (cost 10, one unit of z counts for x + y): its reduced cost is 10 − 3 = 7 (it
     * would replace y, worth 3), so it enters below a cost of 3 and never above.
     */
    @Test
    void unusedVariableEntersBelowItsReducedCost() {
        LinearProgram.Builder b = new LinearProgram.Builder();
        b.addVariable("x", 0, Double.POSITIVE_INFINITY, false);
        b.addVariable("y", 0, Double.POSITIVE_INFINITY, false);
        b.addVariable("z", 0, Double.POSITIVE_INFINITY, false);
        b.addConstraint("x + y + z >= 4", new double[] {1, 1, 1}, 4, Double.POSITIVE_INFINITY);
        b.addConstraint("x <= 3", new double[] {1, 0, 0}, Double.NEGATIVE_INFINITY, 3);
        LinearProgram lp = b.objective(new double[] {2, 3, 10}).build();
        LpSensitivity s = LpSensitivity.of(lp, new OjalgoSolver().solve(lp).values()).orElseThrow();
        assertFalse(s.basic()[2]);
        assertEquals(7, s.reducedCost()[2], TOL);
        assertEquals(3, s.costLow()[2], TOL);
        assertEquals(Double.POSITIVE_INFINITY, s.costHigh()[2]);
    }

    /**
     * A degenerate vertex: the textbook program with a third row x + 2y ≥ 5, also binding at (3, 1) (3 + 2
     * = 5). Three rows meet in two dimensions, so several bases are optimal; whichever is found, its duals
     * must price the objective exactly (c = Σ dual·row over the binding rows) with the right signs.
     */
    @Test
    void degenerateVertexGetsAValidSetOfDuals() {
        LinearProgram.Builder b = textbook().toBuilder();
        b.addConstraint("x + 2y >= 5", new double[] {1, 2}, 5, Double.POSITIVE_INFINITY);
        LinearProgram lp = b.build();
        LpSensitivity s = LpSensitivity.of(lp, new double[] {3, 1}).orElseThrow();
        assertTrue(s.dual(0) >= -TOL && s.dual(2) >= -TOL && s.dual(1) <= TOL);
        assertEquals(2, s.dual(0) + s.dual(1) + s.dual(2), TOL, "the x column is priced exactly");
        assertEquals(3, s.dual(0) + 2 * s.dual(2), TOL, "the y column is priced exactly");
    }

    /**
     * The same degenerate vertex, ranged: the third row adds no edge at (3, 1) (for x < 3, x + y ≥ 4 is the
     * tighter of the two, so the feasible set is the textbook's), hence by hand the ranges are the textbook's:
     * c_x up to c_y = 3, c_y down to c_x = 2, the other ends unbounded. Whichever basis the analysis finds, the
     * ranging must pivot through the vertex's other bases (basis exchanges) to reach those ends.
     */
    @Test
    void degenerateVertexCostRangesReachAcrossItsBases() {
        LinearProgram.Builder b = textbook().toBuilder();
        b.addConstraint("x + 2y >= 5", new double[] {1, 2}, 5, Double.POSITIVE_INFINITY);
        LpSensitivity s = LpSensitivity.of(b.build(), new double[] {3, 1}).orElseThrow();
        assertEquals(Double.NEGATIVE_INFINITY, s.costLow(0));
        assertEquals(3, s.costHigh(0), TOL);
        assertEquals(2, s.costLow(1), TOL);
        assertEquals(Double.POSITIVE_INFINITY, s.costHigh(1));
    }

    @Test
    void aPointThatIsNotOptimalHasNoAnalysis() {
        Optional<LpSensitivity> s = LpSensitivity.of(textbook(), new double[] {0, 4});
        assertTrue(s.isEmpty(), "(0, 4) is a feasible vertex, but 4 of y cost more than 3 of x and 1 of y");
    }

    @Test
    void aPointInsideAnEdgeIsNotAVertex() {
        // x + y = 4 is an edge of the feasible set; (1, 3) lies inside it, not on a second bound.
        assertTrue(LpSensitivity.of(textbook(), new double[] {1, 3}).isEmpty());
    }
}
