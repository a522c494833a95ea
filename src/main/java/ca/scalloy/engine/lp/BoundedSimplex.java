package ca.scalloy.engine.lp;

import java.util.Arrays;
import java.util.List;

/**
 * A dense bounded-variable primal simplex for continuous linear programs, kept small and written here
 * because the sensitivity report needs the final basis and its factorisation, which no LP library served
 * to this project hands over (decision 0017). It returns the optimal basis with its inverse in the
 * {@link LpSolution}, so that {@link LpSensitivity} prices and ranges on it instead of recovering a basis.
 *
 * <p>Form: every constraint {@code lower ≤ a·x ≤ upper} gets a logical {@code s = a·x} bounded like the
 * row, so the system is {@code A·x − s = 0} with bounds on every column (see {@link LpBasis}); equality
 * rows are logicals with equal bounds, ranged rows logicals with two finite bounds, free variables are
 * allowed. The first basis is all logicals; non-basic variables sit at a finite bound (a free one at 0).
 *
 * <p>Phase 1 minimises the sum of the basic variables' infeasibilities (costs −1 below the lower bound, +1
 * above the upper, re-read every iteration; an infeasible variable blocks where it becomes feasible). When
 * no column improves that sum and it is still positive, the program is infeasible: the linear function the
 * costs define lies below the sum of infeasibilities everywhere and is minimal, over a set containing the
 * feasible region, at the current point. Phase 2 minimises the objective with the same basis. Pricing is
 * Dantzig's (largest reduced cost) with a Harris-type two-pass ratio test (largest pivot among the near
 * ties); after {@link #STALL_LIMIT} degenerate steps in a row it switches to Bland's rule (least index
 * entering and leaving, exact ratio test) until a step moves the point, which rules out cycling. B⁻¹ is kept
 * explicitly (m is a few dozen for a charge), updated in product form at each exchange and inverted afresh
 * every {@link #REFACTOR_EVERY} exchanges and before the answer is accepted, which is checked against every
 * bound and row of the program.
 *
 * <p>Integer variables are not claimed ({@link #claims}): such a program gets {@code FAILED} and belongs to a
 * branch-and-bound solver.
 */
public final class BoundedSimplex implements LinearProgramSolver {

    /**
     * Primal feasibility: a variable may pass its bound by this much times {@code max(1, |bound|)}; a row's
     * activity by this much times {@code max(|bound|, largest |coefficient|)}, the activity one unit of its
     * largest variable gives, with no floor of 1: a row of small coefficients (a limit row stating
     * {@code kg of Fe − 0.0009907 · product kg ≤ 0}) is held to its own scale, also when the charge is tiny.
     */
    static final double PRIMAL_TOLERANCE = 1e-9;
    /** Dual feasibility: a reduced cost counts as zero within this, times {@code max(1, largest |cost|)}. */
    static final double DUAL_TOLERANCE = 1e-9;
    /** A pivot smaller than this, relative to the entering column's largest entry, is not taken. */
    static final double PIVOT_TOLERANCE = 1e-9;
    /**
     * The answer is accepted when every variable holds its bounds to this times {@code max(1, |bound|)} and
     * every row to this times {@code max(|bound|, Σ|coefficient · value|)}: relative to the row's own terms, so
     * that a microgram charge cannot pass a limit row by a quarter of its content.
     */
    static final double CHECK_TOLERANCE = 1e-7;
    /**
     * The rounding a row's activity may carry, times {@code Σ|coefficient| · largest |value|}: a thousand machine
     * epsilons, for values computed through B⁻¹ that sit at zero up to the program's own scale.
     */
    static final double ROUNDING = 1e3 * Math.ulp(1.0);
    /** Degenerate steps in a row before Bland's rule takes over. */
    static final int STALL_LIMIT = 30;
    /** Product-form updates between fresh inversions of the basis. */
    static final int REFACTOR_EVERY = 40;

    /** Whether this solver takes the program: continuous variables only. */
    public static boolean claims(LinearProgram program) {
        for (LinearProgram.Variable v : program.variables()) {
            if (v.integer()) {
                return false;
            }
        }
        return true;
    }

    @Override
    public LpSolution solve(LinearProgram program) {
        if (!claims(program)) {
            return new LpSolution(LpSolution.LpStatus.FAILED, new double[0]);
        }
        return new Run(program).solve();
    }

    /** One solve's working state. */
    private static final class Run {
        private final LinearProgram program;
        private final int n;
        private final int m;
        /** The rows divided by their largest coefficient (see {@link #rowScale}); the program's own rows are {@link #given}. */
        private final double[][] a;
        /** The program's coefficients as given, m × n: what the answer is checked against and handed over with. */
        private final double[][] given;
        /**
         * Each row's largest coefficient magnitude (1 for an empty row): the simplex works on the rows divided by it,
         * and on their logicals likewise, so that a row of small coefficients (a chance constraint's cut, ~1e-4) is
         * pivoted on as readily as a row of large ones. Unscaled, its entries of a column fall under the pivot
         * tolerance, which is relative to the column's largest entry: a step passed over them, left the row past its
         * bound, and phase 1 stepped back, a cycle to the iteration limit.
         */
        private final double[] rowScale;
        private final double[] lower;
        private final double[] upper;
        private final double[] cost;
        private final double[] z;
        /** Each column's primal feasibility tolerance (see {@link #PRIMAL_TOLERANCE}). */
        private final double[] tol;
        private final int[] basic;
        /** Position of each column in the basis, -1 when non-basic. */
        private final int[] position;
        private double[][] inverse;
        private final double dualTol;
        private int updates;
        private boolean fresh;

        Run(LinearProgram program) {
            this.program = program;
            List<LinearProgram.Variable> vars = program.variables();
            List<LinearProgram.Constraint> rows = program.constraints();
            n = vars.size();
            m = rows.size();
            a = new double[m][n];
            given = new double[m][n];
            rowScale = new double[m];
            lower = new double[n + m];
            upper = new double[n + m];
            cost = new double[n + m];
            z = new double[n + m];
            tol = new double[n + m];
            basic = new int[m];
            position = new int[n + m];
            double biggest = 0;
            for (int j = 0; j < n; j++) {
                LinearProgram.Variable v = vars.get(j);
                lower[j] = v.lower();
                upper[j] = v.upper();
                cost[j] = program.objective(j);
                biggest = Math.max(biggest, Math.abs(cost[j]));
                z[j] = Double.isFinite(lower[j]) ? lower[j] : Double.isFinite(upper[j]) ? upper[j] : 0;
                tol[j] = PRIMAL_TOLERANCE * Math.max(1, Math.max(finite(lower[j]), finite(upper[j])));
                position[j] = -1;
            }
            dualTol = DUAL_TOLERANCE * Math.max(1, biggest);
            inverse = new double[m][m];
            for (int r = 0; r < m; r++) {
                LinearProgram.Constraint c = rows.get(r);
                double s = 0;
                double largest = 0;
                for (int j = 0; j < n; j++) {
                    given[r][j] = c.coefficient(j);
                    s += given[r][j] * z[j];
                    largest = Math.max(largest, Math.abs(given[r][j]));
                }
                double scale = largest > 0 ? largest : 1;
                rowScale[r] = scale;
                for (int j = 0; j < n; j++) {
                    a[r][j] = given[r][j] / scale;
                }
                lower[n + r] = c.lower() / scale;
                upper[n + r] = c.upper() / scale;
                // the same tolerance as on the given row, PRIMAL_TOLERANCE · max(largest, |bounds|), in the scaled row's units
                tol[n + r] = PRIMAL_TOLERANCE * Math.max(largest, Math.max(finite(c.lower()), finite(c.upper()))) / scale;
                z[n + r] = s / scale;
                basic[r] = n + r;
                position[n + r] = r;
                inverse[r][r] = -1;
            }
            fresh = true;
        }

        /** |v| when finite, else 0. */
        private static double finite(double v) {
            return Double.isFinite(v) ? Math.abs(v) : 0;
        }

        /** -1 below its lower bound, +1 above its upper, 0 within (to the tolerance). */
        private int infeasibility(int col) {
            if (z[col] < lower[col] - tol[col]) {
                return -1;
            }
            if (z[col] > upper[col] + tol[col]) {
                return 1;
            }
            return 0;
        }

        LpSolution solve() {
            int limit = 1000 + 50 * (n + m);
            int stall = 0;
            boolean bland = false;
            double[] y = new double[m];
            double[] alpha = new double[m];
            double[] phaseCost = new double[m];
            for (int iteration = 0; iteration < limit; iteration++) {
                if (updates >= REFACTOR_EVERY && !refactor()) {
                    return failed();
                }
                boolean phase1 = false;
                for (int p = 0; p < m; p++) {
                    int s = infeasibility(basic[p]);
                    phaseCost[p] = s;
                    phase1 |= s != 0;
                }
                if (!phase1) {
                    for (int p = 0; p < m; p++) {
                        phaseCost[p] = cost[basic[p]];
                    }
                }
                duals(phaseCost, y);
                double tol = phase1 ? DUAL_TOLERANCE : dualTol;
                int entering = -1;
                double best = 0;
                double enteringD = 0;
                for (int col = 0; col < n + m; col++) {
                    if (position[col] >= 0 || lower[col] == upper[col]) {
                        continue;
                    }
                    double d = (phase1 ? 0 : cost[col]) - dot(y, col);
                    double gain = gain(col, d, tol);
                    if (gain > best) {
                        best = gain;
                        entering = col;
                        enteringD = d;
                        if (bland) {
                            break;
                        }
                    }
                }
                if (entering < 0) {
                    if (!fresh) {
                        if (!refactor()) {
                            return failed();
                        }
                        continue;
                    }
                    // y: the duals of this last pricing, on the final B⁻¹ (no longer used here: handed over as is)
                    return phase1 ? new LpSolution(LpSolution.LpStatus.INFEASIBLE, new double[0]) : optimal(y);
                }
                double dir = enteringD < 0 ? 1 : -1;
                column(entering, alpha);
                double step = step(entering, dir, alpha, bland);
                if (Double.isNaN(step)) {
                    return failed();
                }
                if (step == Double.POSITIVE_INFINITY) {
                    return phase1 ? failed() : new LpSolution(LpSolution.LpStatus.UNBOUNDED, new double[0]);
                }
                if (step <= 1e-12 * Math.max(1, Math.abs(z[entering]))) {
                    stall++;
                    bland |= stall >= STALL_LIMIT;
                } else {
                    stall = 0;
                    bland = false;
                }
            }
            return failed();
        }

        /** How much moving a non-basic column improves the objective per unit, or 0 when it cannot. */
        private double gain(int col, double d, double tol) {
            boolean atLower = Double.isFinite(lower[col]) && z[col] <= lower[col];
            boolean atUpper = Double.isFinite(upper[col]) && z[col] >= upper[col];
            if (d < -tol && !atUpper) {
                return -d;
            }
            if (d > tol && !atLower) {
                return d;
            }
            return 0;
        }

        private double dot(double[] y, int col) {
            if (col >= n) {
                return -y[col - n];
            }
            double s = 0;
            for (int i = 0; i < m; i++) {
                s += y[i] * a[i][col];
            }
            return s;
        }

        /** y with Bᵀy = c_B. */
        private void duals(double[] basicCost, double[] y) {
            Arrays.fill(y, 0);
            for (int p = 0; p < m; p++) {
                double c = basicCost[p];
                if (c != 0) {
                    double[] row = inverse[p];
                    for (int i = 0; i < m; i++) {
                        y[i] += c * row[i];
                    }
                }
            }
        }

        /** B⁻¹ times column {@code col} into {@code out}. */
        private void column(int col, double[] out) {
            LpBasis.ftran(inverse, a, m, n, col, out);
        }

        /**
         * The ratio test and the move: the entering column goes in direction {@code dir} (the basic
         * variables by {@code -dir·alpha} per unit) until a basic variable reaches a bound or the entering
         * one its other bound (a bound flip, no exchange). Returns the step, +∞ when nothing blocks.
         */
        private double step(int entering, double dir, double[] alpha, boolean bland) {
            double largest = 0;
            for (double v : alpha) {
                largest = Math.max(largest, Math.abs(v));
            }
            double pivotTol = Math.max(1e-12, PIVOT_TOLERANCE * largest);
            // First pass: the least ratio with every bound widened by its tolerance (Harris).
            double relaxed = Double.POSITIVE_INFINITY;
            for (int p = 0; p < m; p++) {
                if (Math.abs(alpha[p]) <= pivotTol) {
                    continue;
                }
                double t = ratio(p, -dir * alpha[p], !bland);
                relaxed = Math.min(relaxed, t);
            }
            double flip = upper[entering] - lower[entering];
            int leave = -1;
            double leaveStep = Double.POSITIVE_INFINITY;
            if (relaxed < Double.POSITIVE_INFINITY) {
                // Second pass: among the exact ratios within the relaxed one, the largest pivot (Bland: least column).
                double bestPivot = -1;
                for (int p = 0; p < m; p++) {
                    if (Math.abs(alpha[p]) <= pivotTol) {
                        continue;
                    }
                    double t = ratio(p, -dir * alpha[p], false);
                    if (t > relaxed) {
                        continue;
                    }
                    boolean better = bland ? leave < 0 || basic[p] < basic[leave] : Math.abs(alpha[p]) > bestPivot;
                    if (better) {
                        leave = p;
                        leaveStep = t;
                        bestPivot = Math.abs(alpha[p]);
                    }
                }
            }
            if (leave < 0 || flip <= leaveStep) {
                if (!Double.isFinite(flip)) {
                    return leave < 0 ? Double.POSITIVE_INFINITY : Double.NaN;
                }
                move(entering, dir, alpha, flip);
                z[entering] = dir > 0 ? upper[entering] : lower[entering];
                return flip;
            }
            double t = Math.max(0, leaveStep);
            int out = basic[leave];
            // The leaving variable goes to the bound it reached (read before the move: an infeasible one stops at
            // the bound where it becomes feasible).
            double target = reachedBound(out, -dir * alpha[leave]);
            move(entering, dir, alpha, t);
            z[out] = target;
            exchange(leave, entering, alpha);
            return t;
        }

        /**
         * How far the basic variable at position p may move at {@code rate} per unit step: to the bound
         * it reaches, or +∞. An infeasible variable (phase 1) is stopped where it becomes feasible.
         */
        private double ratio(int p, double rate, boolean widen) {
            int col = basic[p];
            double v = z[col];
            int s = infeasibility(col);
            if (rate > 0) {
                double bound = s > 0 ? Double.POSITIVE_INFINITY : s < 0 ? lower[col] : upper[col];
                if (!Double.isFinite(bound)) {
                    return Double.POSITIVE_INFINITY;
                }
                double gap = bound - v + (widen ? tol[col] : 0);
                return Math.max(0, gap) / rate;
            }
            double bound = s < 0 ? Double.NEGATIVE_INFINITY : s > 0 ? upper[col] : lower[col];
            if (!Double.isFinite(bound)) {
                return Double.POSITIVE_INFINITY;
            }
            double gap = v - bound + (widen ? tol[col] : 0);
            return Math.max(0, gap) / -rate;
        }

        private double reachedBound(int col, double rate) {
            int s = infeasibility(col);
            if (rate > 0) {
                return s < 0 ? lower[col] : upper[col];
            }
            return s > 0 ? upper[col] : lower[col];
        }

        private void move(int entering, double dir, double[] alpha, double t) {
            if (t == 0) {
                return;
            }
            z[entering] += dir * t;
            for (int p = 0; p < m; p++) {
                z[basic[p]] -= dir * t * alpha[p];
            }
        }

        /** Column {@code entering} replaces the basic one at {@code leave}: product-form update of B⁻¹. */
        private void exchange(int leave, int entering, double[] alpha) {
            position[basic[leave]] = -1;
            basic[leave] = entering;
            position[entering] = leave;
            double[] pivotRow = inverse[leave];
            double inv = 1 / alpha[leave];
            for (int i = 0; i < m; i++) {
                pivotRow[i] *= inv;
            }
            for (int p = 0; p < m; p++) {
                double f = alpha[p];
                if (p != leave && f != 0) {
                    double[] row = inverse[p];
                    for (int i = 0; i < m; i++) {
                        row[i] -= f * pivotRow[i];
                    }
                }
            }
            updates++;
            fresh = false;
        }

        /** Inverts the basis afresh (Gauss-Jordan, partial pivoting) and recomputes the basic values. */
        private boolean refactor() {
            double[][] w = new double[m][2 * m];
            for (int p = 0; p < m; p++) {
                int col = basic[p];
                for (int i = 0; i < m; i++) {
                    w[i][p] = col >= n ? (i == col - n ? -1 : 0) : a[i][col];
                }
                w[p][m + p] = 1;
            }
            for (int c = 0; c < m; c++) {
                int piv = c;
                for (int i = c + 1; i < m; i++) {
                    if (Math.abs(w[i][c]) > Math.abs(w[piv][c])) {
                        piv = i;
                    }
                }
                if (Math.abs(w[piv][c]) < 1e-12) {
                    return false;
                }
                double[] t = w[c];
                w[c] = w[piv];
                w[piv] = t;
                double inv = 1 / w[c][c];
                for (int j = c; j < 2 * m; j++) {
                    w[c][j] *= inv;
                }
                for (int i = 0; i < m; i++) {
                    double f = w[i][c];
                    if (i != c && f != 0) {
                        for (int j = c; j < 2 * m; j++) {
                            w[i][j] -= f * w[c][j];
                        }
                    }
                }
            }
            // w now holds [I | B⁻¹] with B's columns by position: row p of B⁻¹ is row p of the right half.
            double[][] next = new double[m][];
            for (int p = 0; p < m; p++) {
                next[p] = Arrays.copyOfRange(w[p], m, 2 * m);
            }
            inverse = next;
            // z_B = −B⁻¹ N z_N
            double[] r = new double[m];
            for (int j = 0; j < n; j++) {
                if (position[j] < 0 && z[j] != 0) {
                    for (int i = 0; i < m; i++) {
                        r[i] += a[i][j] * z[j];
                    }
                }
            }
            for (int i = 0; i < m; i++) {
                if (position[n + i] < 0) {
                    r[i] -= z[n + i];
                }
            }
            for (int p = 0; p < m; p++) {
                double s = 0;
                for (int i = 0; i < m; i++) {
                    s += inverse[p][i] * r[i];
                }
                z[basic[p]] = -s;
            }
            updates = 0;
            fresh = true;
            return true;
        }

        private LpSolution optimal(double[] y) {
            double[] x = Arrays.copyOf(z, n);
            LpBasis.Activities activities = new LpBasis.Activities(new double[m], new double[m]);
            if (!satisfies(x, activities)) {
                return failed();
            }
            // Handed over as it is, with the rows' scales: the basis reads the entries for the rows as given that a
            // sensitivity analysis asks for (LpBasis.inverse, LpBasis.dual), so a solve nobody analyses pays nothing.
            return new LpSolution(LpSolution.LpStatus.OPTIMAL, x, new LpBasis(basic.clone(), inverse, rowScale, given, program, activities,
                    y));
        }

        /**
         * Clamps {@code x} into its bounds (a basic variable may lie past one by its tolerance) and checks every
         * row on the clamped values against its own terms: a program whose answer holds only through a variable
         * a hair past its bound (−5e-10 kg of a metal in a microgram charge) is not accepted. Each row's activity
         * and the sum of its terms' magnitudes go into {@code activities}, for the sensitivity analysis.
         */
        private boolean satisfies(double[] x, LpBasis.Activities activities) {
            double largest = 0;
            for (int j = 0; j < n; j++) {
                if (!Double.isFinite(x[j]) || x[j] < lower[j] - check(lower[j]) || x[j] > upper[j] + check(upper[j])) {
                    return false;
                }
                x[j] = Math.min(upper[j], Math.max(lower[j], x[j]));
                largest = Math.max(largest, Math.abs(x[j]));
            }
            for (int r = 0; r < m; r++) {
                double v = 0;
                double terms = 0;
                double coefficients = 0;
                for (int j = 0; j < n; j++) {
                    double t = given[r][j] * x[j];
                    v += t;
                    terms += Math.abs(t);
                    coefficients += Math.abs(given[r][j]);
                }
                activities.value()[r] = v;
                activities.terms()[r] = terms;
                double rowLower = lower[n + r] * rowScale[r];
                double rowUpper = upper[n + r] * rowScale[r];
                double slack = CHECK_TOLERANCE * Math.max(terms, Math.max(finite(rowLower), finite(rowUpper)))
                        + ROUNDING * coefficients * largest;
                if (v < rowLower - slack || v > rowUpper + slack) {
                    return false;
                }
            }
            return true;
        }

        private static double check(double bound) {
            return CHECK_TOLERANCE * Math.max(1, finite(bound));
        }

        private static LpSolution failed() {
            return new LpSolution(LpSolution.LpStatus.FAILED, new double[0]);
        }
    }
}
