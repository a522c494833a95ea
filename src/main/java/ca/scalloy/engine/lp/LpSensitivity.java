package ca.scalloy.engine.lp;

import java.util.Arrays;
import java.util.Optional;

/**
 * Dual values, reduced costs and cost ranging of an optimal solution of a {@link LinearProgram},
 * computed from the program and the solution alone (no solver state): the optimal basis is
 * recovered from the vertex the solver returned,
 * or taken from the solver when it hands its final basis over ({@link #of(LinearProgram, LpSolution)}).
 *
 * <p>How: the rows at a bound (and every variable between its bounds) are the candidates for the
 * basis; variables between their bounds must be basic, the basis is completed with row slacks (then
 * variables at a bound) that keep it non-singular, and degenerate primal simplex pivots (Bland's
 * rule, every step of length zero) run until the basis is dual feasible, i.e. optimal. Rows not at a
 * bound have a dual value of zero and drop out, so the linear algebra is on the active rows only
 * (a few dozen at most in a charge). Ranging is the textbook ratio test on that basis: within
 * {@code [costLow, costHigh]} this basis, and so the solution, stays optimal. At a degenerate vertex
 * several bases are optimal and the range is that of the one found (a sub-range of where the
 * solution stays optimal); the dual values are then one valid set of shadow prices.
 *
 * <p>Sign convention (minimisation): {@code rowDual[r]} is ∂(optimal objective)/∂(the row's active
 * bound): ≥ 0 for a row at its lower bound, ≤ 0 at its upper bound, either sign for an equality, 0
 * for a row not at a bound. {@code reducedCost[j]} is ∂(objective)/∂x_j along the basis.
 *
 * @param rowDual      per constraint of the program
 * @param reducedCost  per variable (0 for basic ones)
 * @param basic        per variable: whether it is in the optimal basis
 * @param costLow      per variable: the least objective coefficient for which the solution stays optimal
 *                     ({@code -Infinity} when unbounded)
 * @param costHigh     per variable: the greatest ({@code +Infinity} when unbounded)
 * @param activeRow    per constraint: whether the row is at a bound
 */
public record LpSensitivity(double[] rowDual, double[] reducedCost, boolean[] basic, double[] costLow, double[] costHigh,
                            boolean[] activeRow) {

    /**
     * Distance within which a value counts as at its bound, relative to the solution's largest value
     * (a variable) or to the row's largest term (a row): a solver's answer is a vertex only to its own
     * tolerances (a material at 5e-7 kg in a 2000 kg charge is at its bound of 0).
     */
    static final double BOUND_TOLERANCE = 1e-9;
    /** Relative size below which a reduced cost counts as zero (against the largest objective coefficient). */
    static final double DUAL_TOLERANCE = 1e-9;
    /** Pivot elements smaller than this (relative) are treated as zero. */
    private static final double PIVOT_TOLERANCE = 1e-11;
    /** A basis exchange on a pivot smaller than this (relative to the entering column) inverts the new basis afresh. */
    private static final double EXCHANGE_PIVOT_MIN = 1e-7;

    public LpSensitivity {
        rowDual = rowDual.clone();
        reducedCost = reducedCost.clone();
        basic = basic.clone();
        costLow = costLow.clone();
        costHigh = costHigh.clone();
        activeRow = activeRow.clone();
    }

    @Override
    public double[] rowDual() {
        return rowDual.clone();
    }

    @Override
    public double[] reducedCost() {
        return reducedCost.clone();
    }

    @Override
    public boolean[] basic() {
        return basic.clone();
    }

    @Override
    public double[] costLow() {
        return costLow.clone();
    }

    @Override
    public double[] costHigh() {
        return costHigh.clone();
    }

    @Override
    public boolean[] activeRow() {
        return activeRow.clone();
    }

    /** The dual value of constraint {@code r}. */
    public double dual(int r) {
        return rowDual[r];
    }

    /** The least objective coefficient of variable {@code j} for which the solution stays optimal. */
    public double costLow(int j) {
        return costLow[j];
    }

    /** The greatest objective coefficient of variable {@code j} for which the solution stays optimal. */
    public double costHigh(int j) {
        return costHigh[j];
    }

    /** How many constraints the program had. */
    public int rowCount() {
        return rowDual.length;
    }

    /** Whether constraint {@code r} is at one of its bounds. */
    public boolean active(int r) {
        return activeRow[r];
    }

    /**
     * The sensitivity of {@code x}, an optimal solution of {@code program}'s objective.
     *
     * @return empty when {@code x} is not a vertex of the program or not optimal to the tolerances (the
     *         solver's answer was not a basic solution); integrality of variables is ignored
     */
    public static Optional<LpSensitivity> of(LinearProgram program, double[] x) {
        return new Analysis(program, x).run(null);
    }

    /**
     * The sensitivity of a solver's optimal answer to {@code program}: on the solver's own final basis and its
     * inverse when it handed them over ({@link BoundedSimplex}), with no basis to recover; otherwise as
     * {@link #of(LinearProgram, double[])}.
     */
    public static Optional<LpSensitivity> of(LinearProgram program, LpSolution solution) {
        return of(program, solution.values(), solution.basis());
    }

    /**
     * The sensitivity of {@code x} on a given basis: {@code basis} is a simplex basis (with its inverse) of a
     * program whose rows at a bound at {@code x} have the same coefficients as {@code program}'s, and whose
     * other rows' logicals are all basic (then the active rows' block of its inverse is the inverse of the
     * basis over the active rows). The objective may differ: the basis is then carried to an optimal one of
     * {@code program} by degenerate pivots. A null basis, or one that does not fit, is recovered from {@code x}.
     */
    public static Optional<LpSensitivity> of(LinearProgram program, double[] x, LpBasis basis) {
        return new Analysis(program, x).run(basis);
    }

    /** The work of one analysis: a basis over the active rows, its inverse, pivots, then ranging. */
    private static final class Analysis {
        private static final int LOWER = 1;
        private static final int UPPER = 2;
        private static final int FIXED = 3;
        private static final int BETWEEN = 0;

        private final LinearProgram lp;
        private final double[] x;
        private final int n;
        private final int m;
        /** Active rows, in program order, and each one's status. */
        private final int[] rows;
        private final int[] rowStatus;
        private final int k;
        /** Status of the n structural and k logical columns of the reduced system. */
        private final int[] status;
        /** The structural coefficients of the active rows, dense: activeCoefficients[i][j] of row rows[i]. */
        private final double[][] activeCoefficients;
        private final double[] cost;
        private final double dualTol;
        /** Column indices (0..n-1 structural, n..n+k-1 logical) in the basis, by position. */
        private int[] basis;
        private final boolean[] inBasis;
        private double[][] inverse;

        Analysis(LinearProgram lp, double[] x) {
            this.lp = lp;
            this.x = x;
            n = lp.variables().size();
            m = lp.constraints().size();
            int[] active = new int[m];
            int[] st = new int[m];
            int count = 0;
            double largest = 1;
            for (double v : x) {
                largest = Math.max(largest, Math.abs(v));
            }
            for (int r = 0; r < m; r++) {
                LinearProgram.Constraint c = lp.constraints().get(r);
                int s = boundStatus(c.evaluate(x), c.lower(), c.upper(), rowScale(c, x));
                if (s != BETWEEN) {
                    active[count] = r;
                    st[count++] = s;
                }
            }
            k = count;
            rows = Arrays.copyOf(active, k);
            rowStatus = Arrays.copyOf(st, k);
            activeCoefficients = new double[k][n];
            for (int i = 0; i < k; i++) {
                LinearProgram.Constraint c = lp.constraints().get(rows[i]);
                for (int j = 0; j < n; j++) {
                    activeCoefficients[i][j] = c.coefficient(j);
                }
            }
            status = new int[n + k];
            cost = new double[n + k];
            double biggest = 0;
            for (int j = 0; j < n; j++) {
                LinearProgram.Variable v = lp.variables().get(j);
                status[j] = boundStatus(x[j], v.lower(), v.upper(), largest);
                cost[j] = lp.objective(j);
                biggest = Math.max(biggest, Math.abs(cost[j]));
            }
            for (int i = 0; i < k; i++) {
                status[n + i] = rowStatus[i];
            }
            dualTol = DUAL_TOLERANCE * Math.max(1, biggest);
            inBasis = new boolean[n + k];
        }

        private static double rowScale(LinearProgram.Constraint c, double[] x) {
            double s = 1;
            for (int j = 0; j < x.length; j++) {
                s = Math.max(s, Math.abs(c.coefficient(j) * x[j]));
            }
            return Math.max(s, Math.max(Math.abs(finite(c.lower())), Math.abs(finite(c.upper()))));
        }

        private static double finite(double v) {
            return Double.isFinite(v) ? v : 0;
        }

        private static int boundStatus(double v, double lower, double upper, double scale) {
            double tol = BOUND_TOLERANCE * Math.max(1, scale);
            boolean atLower = Double.isFinite(lower) && Math.abs(v - lower) <= tol;
            boolean atUpper = Double.isFinite(upper) && Math.abs(v - upper) <= tol;
            if (atLower && atUpper) {
                return FIXED;
            }
            return atLower ? LOWER : atUpper ? UPPER : BETWEEN;
        }

        /** Column {@code col} of the reduced system over the active rows. */
        private double[] column(int col) {
            double[] a = new double[k];
            if (col < n) {
                for (int i = 0; i < k; i++) {
                    a[i] = activeCoefficients[i][col];
                }
            } else {
                a[col - n] = -1;
            }
            return a;
        }

        Optional<LpSensitivity> run(LpBasis given) {
            if (given == null || !adopt(given)) {
                if (!crash()) {
                    return Optional.empty();
                }
                invert();
            }
            for (int pivots = 0; pivots <= 50 * (n + k) + 50; pivots++) {
                if (inverse == null) {
                    return Optional.empty();
                }
                double[] y = duals();
                int entering = -1;
                double d = 0;
                for (int col = 0; col < n + k; col++) {
                    if (inBasis[col]) {
                        continue;
                    }
                    double dc = reducedCost(col, y);
                    if (wrongSign(col, dc)) {
                        entering = col;
                        d = dc;
                        break;
                    }
                }
                if (entering < 0) {
                    return Optional.of(report(y));
                }
                if (!degeneratePivot(entering, d)) {
                    return Optional.empty();
                }
            }
            return Optional.empty();
        }

        /** Dual infeasibility of a non-basic column: a reduced cost that would let the objective fall. */
        private boolean wrongSign(int col, double d) {
            return switch (status[col]) {
                case LOWER -> d < -dualTol;
                case UPPER -> d > dualTol;
                case FIXED -> false;
                default -> Math.abs(d) > dualTol;
            };
        }

        /**
         * A first basis: every variable between its bounds, then logicals, then variables at a bound,
         * each kept when it is independent of those already in (Gram-Schmidt with a tolerance).
         */
        private boolean crash() {
            int[] order = new int[n + k];
            int size = 0;
            int between = 0;
            for (int j = 0; j < n; j++) {
                if (status[j] == BETWEEN) {
                    order[size++] = j;
                    between++;
                }
            }
            if (between > k) {
                return false;
            }
            for (int i = 0; i < k; i++) {
                if (status[n + i] != FIXED) {
                    order[size++] = n + i;
                }
            }
            for (int i = 0; i < k; i++) {
                if (status[n + i] == FIXED) {
                    order[size++] = n + i;
                }
            }
            for (int j = 0; j < n; j++) {
                if (status[j] != BETWEEN) {
                    order[size++] = j;
                }
            }
            double[][] q = new double[k][];
            int[] chosen = new int[k];
            int found = 0;
            for (int idx = 0; idx < size && found < k; idx++) {
                int col = order[idx];
                double[] v = column(col);
                double norm0 = norm(v);
                if (norm0 == 0) {
                    if (idx < between) {
                        return false;
                    }
                    continue;
                }
                for (int pass = 0; pass < 2; pass++) {
                    for (int b = 0; b < found; b++) {
                        double[] u = q[b];
                        double dot = 0;
                        for (int i = 0; i < k; i++) {
                            dot += u[i] * v[i];
                        }
                        for (int i = 0; i < k; i++) {
                            v[i] -= dot * u[i];
                        }
                    }
                }
                double norm = norm(v);
                if (norm <= 1e-9 * norm0) {
                    if (idx < between) {
                        // Two variables between their bounds with dependent columns: not a vertex.
                        return false;
                    }
                    continue;
                }
                for (int i = 0; i < k; i++) {
                    v[i] /= norm;
                }
                q[found] = v;
                chosen[found++] = col;
            }
            if (found < k) {
                return false;
            }
            basis = chosen;
            for (int col : basis) {
                inBasis[col] = true;
            }
            return true;
        }

        /**
         * Takes a solver's basis over all m rows: the logicals of the rows not at a bound must all be basic
         * (they are strictly between their bounds); dropping them and their rows leaves a basis over the
         * active rows whose inverse is the matching block of the given inverse (the dropped columns are −e_r
         * on the dropped rows, so the full basis is block-triangular). False when it does not fit.
         */
        private boolean adopt(LpBasis given) {
            if (!given.fits(n, m)) {
                return false;
            }
            int[] activeIndex = new int[m];
            Arrays.fill(activeIndex, -1);
            for (int i = 0; i < k; i++) {
                activeIndex[rows[i]] = i;
            }
            int[] chosen = new int[k];
            int[] from = new int[k];
            int found = 0;
            for (int p = 0; p < m; p++) {
                int col = given.basic[p];
                if (col >= n && activeIndex[col - n] < 0) {
                    continue;
                }
                if (found == k) {
                    return false;
                }
                chosen[found] = col >= n ? n + activeIndex[col - n] : col;
                from[found++] = p;
            }
            if (found != k) {
                return false;
            }
            double[][] inv = new double[k][k];
            for (int a = 0; a < k; a++) {
                double[] source = given.inverse[from[a]];
                double[] target = inv[a];
                for (int i = 0; i < k; i++) {
                    target[i] = source[rows[i]];
                }
            }
            for (int col : chosen) {
                inBasis[col] = true;
            }
            for (int j = 0; j < n; j++) {
                if (status[j] == BETWEEN && !inBasis[j]) {
                    // A variable between its bounds left out of the basis: not a basis of this vertex.
                    Arrays.fill(inBasis, false);
                    return false;
                }
            }
            basis = chosen;
            inverse = inv;
            return true;
        }

        private static double norm(double[] v) {
            double s = 0;
            for (double a : v) {
                s += a * a;
            }
            return Math.sqrt(s);
        }

        /** The inverse of the basis matrix (Gauss-Jordan with partial pivoting), or null when singular. */
        private void invert() {
            double[][] a = new double[k][2 * k];
            for (int p = 0; p < k; p++) {
                double[] col = column(basis[p]);
                for (int i = 0; i < k; i++) {
                    a[i][p] = col[i];
                }
            }
            for (int i = 0; i < k; i++) {
                a[i][k + i] = 1;
            }
            for (int c = 0; c < k; c++) {
                int piv = c;
                for (int i = c + 1; i < k; i++) {
                    if (Math.abs(a[i][c]) > Math.abs(a[piv][c])) {
                        piv = i;
                    }
                }
                if (Math.abs(a[piv][c]) < PIVOT_TOLERANCE) {
                    inverse = null;
                    return;
                }
                double[] t = a[c];
                a[c] = a[piv];
                a[piv] = t;
                double inv = 1 / a[c][c];
                for (int j = 0; j < 2 * k; j++) {
                    a[c][j] *= inv;
                }
                for (int i = 0; i < k; i++) {
                    if (i != c && a[i][c] != 0) {
                        double f = a[i][c];
                        for (int j = 0; j < 2 * k; j++) {
                            a[i][j] -= f * a[c][j];
                        }
                    }
                }
            }
            inverse = new double[k][k];
            for (int i = 0; i < k; i++) {
                inverse[i] = Arrays.copyOfRange(a[i], k, 2 * k);
            }
        }

        /** y with Bᵀy = c_B: one value per active row. */
        private double[] duals() {
            double[] y = new double[k];
            for (int p = 0; p < k; p++) {
                double cb = cost[basis[p]];
                if (cb == 0) {
                    continue;
                }
                // y = B^{-T} c_B: row p of B^{-1} times c_B[p], summed.
                for (int i = 0; i < k; i++) {
                    y[i] += cb * inverse[p][i];
                }
            }
            return y;
        }

        private double reducedCost(int col, double[] y) {
            if (col >= n) {
                return y[col - n];
            }
            double d = cost[col];
            for (int i = 0; i < k; i++) {
                d -= y[i] * activeCoefficients[i][col];
            }
            return d;
        }

        /** B^{-1} times column {@code col} (a logical column is −e_i: minus column i of the inverse). */
        private double[] ftran(int col) {
            double[] out = new double[k];
            LpBasis.ftran(inverse, activeCoefficients, k, n, col, out);
            return out;
        }

        /**
         * Brings {@code entering} into the basis in place of a basic variable that is at the bound the
         * move would cross at once (a step of length zero); false when no basic variable blocks at zero,
         * which means the solution was not optimal.
         */
        private boolean degeneratePivot(int entering, double d) {
            // Entering at its lower bound (or free with d < 0) increases; at its upper bound it decreases.
            double dir = switch (status[entering]) {
                case LOWER -> 1;
                case UPPER -> -1;
                default -> d < 0 ? 1 : -1;
            };
            // Only a basic variable at a bound can block at zero: at a vertex where none is (not degenerate) there is
            // no pivot and no column to compute; otherwise only their entries are needed to find the one that leaves.
            int atBound = 0;
            for (int p = 0; p < k; p++) {
                if (status[basis[p]] != BETWEEN) {
                    atBound++;
                }
            }
            if (atBound == 0) {
                return false;
            }
            int leave = -1;
            for (int p = 0; p < k; p++) {
                if (status[basis[p]] == BETWEEN) {
                    continue;
                }
                // The basic variable moves by -dir·alpha[p]·t.
                double move = -dir * ftranEntry(entering, p);
                if (Math.abs(move) < 1e-9) {
                    continue;
                }
                int s = status[basis[p]];
                boolean blocks = (move < 0 && (s == LOWER || s == FIXED)) || (move > 0 && (s == UPPER || s == FIXED));
                if (blocks && (leave < 0 || basis[p] < basis[leave])) {
                    leave = p;
                }
            }
            if (leave < 0) {
                return false;
            }
            double[] alpha = ftran(entering);
            inBasis[basis[leave]] = false;
            basis[leave] = entering;
            inBasis[entering] = true;
            exchange(leave, alpha);
            return true;
        }

        /** Entry p of B^{-1} times column {@code col}: the same sum as {@link #ftran} forms for that entry. */
        private double ftranEntry(int col, int p) {
            if (col >= n) {
                return -inverse[p][col - n];
            }
            double[] row = inverse[p];
            double s = 0;
            for (int i = 0; i < k; i++) {
                s += row[i] * activeCoefficients[i][col];
            }
            return s;
        }

        /**
         * The inverse after column {@code alpha} (B⁻¹ times the entering column) replaced the basic column at
         * position {@code leave}: the product-form update, O(k²) against the O(k³) of inverting again, into new
         * arrays (ranging restores the inverse it started from); inverted afresh when the pivot is small.
         */
        private void exchange(int leave, double[] alpha) {
            double pivot = alpha[leave];
            double largest = 0;
            for (double a : alpha) {
                largest = Math.max(largest, Math.abs(a));
            }
            if (Math.abs(pivot) < EXCHANGE_PIVOT_MIN * largest) {
                invert();
                return;
            }
            double[][] next = new double[k][];
            double[] row = inverse[leave].clone();
            for (int c = 0; c < k; c++) {
                row[c] /= pivot;
            }
            next[leave] = row;
            for (int p = 0; p < k; p++) {
                if (p == leave) {
                    continue;
                }
                double[] out = inverse[p].clone();
                double f = alpha[p];
                if (f != 0) {
                    for (int c = 0; c < k; c++) {
                        out[c] -= f * row[c];
                    }
                }
                next[p] = out;
            }
            inverse = next;
        }

        private LpSensitivity report(double[] y) {
            double[] rowDual = new double[m];
            boolean[] active = new boolean[m];
            for (int i = 0; i < k; i++) {
                rowDual[rows[i]] = y[i];
                active[rows[i]] = true;
            }
            double[] reduced = new double[n];
            double[] low = new double[n];
            double[] high = new double[n];
            boolean[] isBasic = new boolean[n];
            // Every ranging starts on this basis at these duals: its reduced costs, and the tableau row of a basic
            // variable (both directions share it), are read once here rather than at each ratio test's first step.
            double[] startReduced = new double[n + k];
            for (int q = 0; q < n + k; q++) {
                if (!inBasis[q]) {
                    startReduced[q] = reducedCost(q, y);
                }
            }
            double[] startRow = new double[n + k];
            for (int j = 0; j < n; j++) {
                isBasic[j] = inBasis[j];
                if (!inBasis[j]) {
                    reduced[j] = startReduced[j];
                }
                if (status[j] == FIXED) {
                    low[j] = Double.NEGATIVE_INFINITY;
                    high[j] = Double.POSITIVE_INFINITY;
                } else {
                    int p = positionOf(j);
                    if (p >= 0) {
                        tableauRow(p, startRow);
                    }
                    low[j] = cost[j] - extend(j, -1, y, startReduced, p >= 0 ? startRow : null);
                    high[j] = cost[j] + extend(j, 1, y, startReduced, p >= 0 ? startRow : null);
                }
            }
            return new LpSensitivity(rowDual, reduced, isBasic, low, high, active);
        }

        /**
         * How far variable j's objective coefficient may move in direction {@code dir} (+1 up, -1 down)
         * with the solution staying optimal: the ratio test on the reduced costs, and at each end a
         * degenerate pivot to another basis of the same vertex when one exists (the solution does not
         * move), going on from there; the end is where the entering variable could move the solution.
         * The basis is restored afterwards.
         */
        private double extend(int j, int dir, double[] optimalDuals, double[] startReduced, double[] startRow) {
            int[] savedBasis = basis.clone();
            boolean[] savedIn = inBasis.clone();
            double[][] savedInverse = inverse;
            try {
                double delta = 0;
                // the duals of the current basis at the original costs; j's cost moved by dir·delta shifts them by
                // dir·delta times row p of the inverse when j is basic at p (Bᵀy = c_B), and not at all otherwise
                double[] basisDuals = optimalDuals;
                double[] row = startRow;
                double[] later = null;
                for (int iteration = 0; iteration < 50 + 2 * (n + k); iteration++) {
                    int p = positionOf(j);
                    // At the first step the basis and duals are the report's: its reduced costs and tableau row serve.
                    boolean first = iteration == 0;
                    if (p >= 0) {
                        if (first) {
                            row = startRow;
                        } else {
                            // into a buffer of its own: the start row serves the other direction too
                            later = later == null ? new double[n + k] : later;
                            tableauRow(p, later);
                            row = later;
                        }
                    }
                    double[] y = basisDuals;
                    if (p >= 0 && delta != 0) {
                        y = basisDuals.clone();
                        for (int i = 0; i < k; i++) {
                            y[i] += dir * delta * inverse[p][i];
                        }
                    }
                    double best = Double.POSITIVE_INFINITY;
                    int entering = -1;
                    for (int q = 0; q < n + k; q++) {
                        if (inBasis[q] || status[q] == FIXED) {
                            continue;
                        }
                        double rate = q == j ? dir : p >= 0 ? -dir * row[q] : 0;
                        if (Math.abs(rate) < 1e-12) {
                            continue;
                        }
                        double d = (first ? startReduced[q] : reducedCost(q, y)) + (q == j ? dir * delta : 0);
                        double t = Double.POSITIVE_INFINITY;
                        if ((status[q] == LOWER || status[q] == BETWEEN) && rate < 0) {
                            t = Math.max(0, d) / -rate;
                        }
                        if ((status[q] == UPPER || status[q] == BETWEEN) && rate > 0) {
                            t = Math.min(t, Math.max(0, -d) / rate);
                        }
                        if (t < best) {
                            best = t;
                            entering = q;
                        }
                    }
                    if (entering < 0) {
                        return Double.POSITIVE_INFINITY;
                    }
                    delta += best;
                    if (!degeneratePivot(entering, 0)) {
                        return delta;
                    }
                    if (inverse == null) {
                        return delta;
                    }
                    basisDuals = duals();
                }
                return delta;
            } finally {
                basis = savedBasis;
                System.arraycopy(savedIn, 0, inBasis, 0, inBasis.length);
                inverse = savedInverse;
            }
        }

        /** Row p of B^{-1}N into {@code out}: row p of the inverse times each column (a logical's is −e_i). */
        private void tableauRow(int p, double[] out) {
            double[] inv = inverse[p];
            for (int q = 0; q < n; q++) {
                double s = 0;
                for (int i = 0; i < k; i++) {
                    s += inv[i] * activeCoefficients[i][q];
                }
                out[q] = s;
            }
            for (int i = 0; i < k; i++) {
                out[n + i] = -inv[i];
            }
        }

        /** The position of column {@code col} in the basis, -1 when non-basic. */
        private int positionOf(int col) {
            int p = -1;
            for (int i = 0; i < k; i++) {
                if (basis[i] == col) {
                    p = i;
                }
            }
            return p;
        }
    }
}
