package ca.scalloy.engine.lp;

import java.util.Arrays;
import java.util.Optional;

/**
 * Dual values, reduced costs and cost ranging of an optimal solution of a {@link LinearProgram}: on the
 * solver's own final basis and its inverse when it hands them over ({@link #of(LinearProgram, LpSolution)},
 * {@link BoundedSimplex}), otherwise on a basis recovered from the vertex the solver returned.
 *
 * <p>Recovery: the rows at a bound (and every variable between its bounds) are the candidates for the
 * basis; variables between their bounds must be basic, the basis is completed with row slacks (then
 * variables at a bound) that keep it non-singular, and degenerate primal simplex pivots (Bland's
 * rule, every step of length zero) run until the basis is dual feasible, i.e. optimal. Rows not at a
 * bound have a dual value of zero and drop out, so the linear algebra is on the active rows only
 * (a few dozen at most in a charge).
 *
 * <p>Ranging: within {@code [costLow, costHigh]} the solution stays optimal. It starts with the textbook
 * ratio test on the optimal basis; at a degenerate vertex (a basic variable at a bound) the column that
 * would enter at an end may be blocked at once by that variable, and the range goes on through such
 * degenerate pivots (the solution does not move) to where an entering column would move the solution:
 * the range over which the solution stays the same, not only the range of the basis found. The dual values
 * at a degenerate vertex are one valid set of shadow prices.
 *
 * <p>Sign convention (minimisation): {@code rowDual[r]} is ∂(optimal objective)/∂(the row's active
 * bound): ≥ 0 for a row at its lower bound, ≤ 0 at its upper bound, either sign for an equality, 0
 * for a row not at a bound. {@code reducedCost[j]} is ∂(objective)/∂x_j along the basis. Costs are
 * per variable ({@code -Infinity} / {@code +Infinity} where a range is unbounded), duals and the active
 * flags per constraint.
 */
public final class LpSensitivity {

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

    // Immutable: the analysis hands over arrays it made and no one else holds, and the accessors give copies. (A
    // record would copy them once more on the way in: a tenth of the analysis of a charge's program.)
    private final double[] rowDual;
    private final double[] reducedCost;
    private final boolean[] basic;
    private final double[] costLow;
    private final double[] costHigh;
    private final boolean[] activeRow;

    private LpSensitivity(double[] rowDual, double[] reducedCost, boolean[] basic, double[] costLow, double[] costHigh,
                          boolean[] activeRow) {
        this.rowDual = rowDual;
        this.reducedCost = reducedCost;
        this.basic = basic;
        this.costLow = costLow;
        this.costHigh = costHigh;
        this.activeRow = activeRow;
    }

    /** Each constraint's dual value (a copy). */
    public double[] rowDual() {
        return rowDual.clone();
    }

    /** Each variable's reduced cost, 0 for the basic ones (a copy). */
    public double[] reducedCost() {
        return reducedCost.clone();
    }

    /** Whether each variable is in the optimal basis (a copy). */
    public boolean[] basic() {
        return basic.clone();
    }

    /** Each variable's least objective coefficient for which the solution stays optimal (a copy). */
    public double[] costLow() {
        return costLow.clone();
    }

    /** Each variable's greatest objective coefficient for which the solution stays optimal (a copy). */
    public double[] costHigh() {
        return costHigh.clone();
    }

    /** Whether each constraint is at one of its bounds (a copy). */
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
        return new Analysis(program, x, null, false).run(null);
    }

    /**
     * The sensitivity of a solver's optimal answer to {@code program}: on the solver's own final basis and its
     * inverse when it handed them over ({@link BoundedSimplex}), with no basis to recover; otherwise as
     * {@link #of(LinearProgram, double[])}.
     */
    public static Optional<LpSensitivity> of(LinearProgram program, LpSolution solution) {
        return new Analysis(program, solution.values(), solution.basis(), true).run(solution.basis());
    }

    /**
     * The sensitivity of {@code x} on a given basis: {@code basis} is a simplex basis (with its inverse) of a
     * program whose rows at a bound at {@code x} have the same coefficients as {@code program}'s, and whose
     * other rows' logicals are all basic (then the active rows' block of its inverse is the inverse of the
     * basis over the active rows). The objective may differ: the basis is then carried to an optimal one of
     * {@code program} by degenerate pivots. A null basis, or one that does not fit, is recovered from {@code x}.
     */
    public static Optional<LpSensitivity> of(LinearProgram program, double[] x, LpBasis basis) {
        return new Analysis(program, x, basis, false).run(basis);
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
        /** Active rows, in program order (the first k of m entries), and each row's index among them (−1: not active). */
        private final int[] rows;
        private final int[] activeIndex;
        private final int k;
        /** Status of the n structural and k logical columns of the reduced system (n + m long). */
        private final int[] status;
        /** The structural coefficients of the active rows, dense: activeCoefficients[i][j] of row rows[i]. */
        private final double[][] activeCoefficients;
        private final double dualTol;
        /** Column indices (0..n-1 structural, n..n+k-1 logical) in the basis, by position. */
        private int[] basis;
        /** Each column's position in the basis, −1 when non-basic (n + k long). */
        private final int[] position;
        /** B⁻¹ over the active rows, k × k, by position: the block of a solver's inverse ({@link #adopt}) or its own. */
        private double[][] inverse;
        /** The solver's basis, when it handed over this very program's answer (its duals are read from it); else null. */
        private final LpBasis handedBasis;

        /**
         * @param handed whether {@code x} is {@code given}'s own solution: then the rows' activities at x, which
         *               the solver computed for its final check, are taken from it instead of evaluated again
         */
        Analysis(LinearProgram lp, double[] x, LpBasis given, boolean handed) {
            this.lp = lp;
            this.x = x;
            n = lp.variables().size();
            m = lp.constraints().size();
            LpBasis.Activities activities = handed && given != null && given.fits(n, m) ? given.activitiesOf(lp) : null;
            handedBasis = activities != null ? given : null;
            rows = new int[m];
            activeIndex = new int[m];
            status = new int[n + m];
            int count = 0;
            double largest = 1;
            for (double v : x) {
                largest = Math.max(largest, Math.abs(v));
            }
            for (int r = 0; r < m; r++) {
                LinearProgram.Constraint c = lp.constraints().get(r);
                int s = activities == null ? boundStatus(c.evaluate(x), c.lower(), c.upper(), rowScale(c, x))
                        : handedStatus(activities, given.coefficients[r], r, c.lower(), c.upper());
                if (s != BETWEEN) {
                    status[n + count] = s;
                    activeIndex[r] = count;
                    rows[count++] = r;
                } else {
                    activeIndex[r] = -1;
                }
            }
            k = count;
            activeCoefficients = new double[k][];
            for (int i = 0; i < k; i++) {
                if (activities != null) {
                    // the solver's dense copy of this very program's row (never written)
                    activeCoefficients[i] = given.coefficients[rows[i]];
                } else {
                    LinearProgram.Constraint c = lp.constraints().get(rows[i]);
                    activeCoefficients[i] = new double[n];
                    for (int j = 0; j < n; j++) {
                        activeCoefficients[i][j] = c.coefficient(j);
                    }
                }
            }
            double biggest = 0;
            for (int j = 0; j < n; j++) {
                LinearProgram.Variable v = lp.variables().get(j);
                status[j] = boundStatus(x[j], v.lower(), v.upper(), largest);
                biggest = Math.max(biggest, Math.abs(lp.objective(j)));
            }
            dualTol = DUAL_TOLERANCE * Math.max(1, biggest);
            position = new int[n + k];
            Arrays.fill(position, -1);
        }

        /**
         * A row's status from the solver's activity: the same test as {@link #rowScale}'s, whose largest term is
         * only looked for when the row is within the wider tolerance the sum of its terms gives (a bound on the
         * largest), i.e. for the few rows near a bound.
         */
        private int handedStatus(LpBasis.Activities activities, double[] row, int r, double lower, double upper) {
            double v = activities.value()[r];
            double bounds = max(Math.abs(finite(lower)), Math.abs(finite(upper)));
            double wide = BOUND_TOLERANCE * max(1, max(activities.terms()[r], bounds));
            double toLower = Math.abs(v - lower);
            double toUpper = Math.abs(v - upper);
            if (!(toLower <= wide) && !(toUpper <= wide)) {
                return BETWEEN;
            }
            // The tolerance lies between these two: within the narrow one a row is at that bound, beyond the wide
            // one it is not, whatever its largest term.
            double narrow = BOUND_TOLERANCE * max(1, bounds);
            boolean lowerKnown = toLower <= narrow || !(toLower <= wide);
            boolean upperKnown = toUpper <= narrow || !(toUpper <= wide);
            if (lowerKnown && upperKnown) {
                boolean atLower = toLower <= narrow;
                boolean atUpper = toUpper <= narrow;
                return atLower && atUpper ? FIXED : atLower ? LOWER : atUpper ? UPPER : BETWEEN;
            }
            double s = 1;
            for (int j = 0; j < n; j++) {
                s = max(s, Math.abs(row[j] * x[j]));
            }
            return boundStatus(v, lower, upper, max(s, bounds));
        }

        private static double rowScale(LinearProgram.Constraint c, double[] x) {
            double s = 1;
            for (int j = 0; j < x.length; j++) {
                s = max(s, Math.abs(c.coefficient(j) * x[j]));
            }
            return max(s, max(Math.abs(finite(c.lower())), Math.abs(finite(c.upper()))));
        }

        private static double finite(double v) {
            return Double.isFinite(v) ? v : 0;
        }

        private static int boundStatus(double v, double lower, double upper, double scale) {
            double tol = BOUND_TOLERANCE * max(1, scale);
            boolean atLower = Double.isFinite(lower) && Math.abs(v - lower) <= tol;
            boolean atUpper = Double.isFinite(upper) && Math.abs(v - upper) <= tol;
            if (atLower && atUpper) {
                return FIXED;
            }
            return atLower ? LOWER : atUpper ? UPPER : BETWEEN;
        }

        /**
         * The greater of a and b, for numbers that are not NaN (a solver's answer, a program's coefficients): one
         * comparison, where {@link Math#max} also orders NaN and −0 (the row scan calls it three times a row).
         */
        private static double max(double a, double b) {
            return a >= b ? a : b;
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
            boolean adopted = given != null && adopt(given);
            if (!adopted) {
                if (!crash()) {
                    return Optional.empty();
                }
                invert();
            }
            for (int pivots = 0; pivots <= 50 * (n + k) + 50; pivots++) {
                if (inverse == null) {
                    return Optional.empty();
                }
                double[] y = adopted && pivots == 0 && handedBasis != null ? activeDuals() : duals();
                double[] d = new double[n + k];
                int entering = -1;
                for (int col = 0; col < n + k; col++) {
                    if (position[col] < 0) {
                        d[col] = reducedCost(col, y);
                        if (entering < 0 && wrongSign(col, d[col])) {
                            entering = col;
                        }
                    }
                }
                if (entering < 0) {
                    return Optional.of(report(y, d));
                }
                if (!degeneratePivot(entering, d[entering])) {
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
            for (int p = 0; p < k; p++) {
                position[basis[p]] = p;
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
            for (int p = 0; p < k; p++) {
                position[chosen[p]] = p;
            }
            for (int j = 0; j < n; j++) {
                if (status[j] == BETWEEN && position[j] < 0) {
                    // A variable between its bounds left out of the basis: not a basis of this vertex.
                    Arrays.fill(position, -1);
                    return false;
                }
            }
            basis = chosen;
            inverse = given.block(from, rows, k);
            return true;
        }

        /**
         * A rows × columns matrix of zeros, one row array at a time: {@code new double[r][c]} with lengths not
         * known to the compiler is a call into the JVM's runtime that costs more than a small analysis' arithmetic.
         */
        private static double[][] matrix(int rowCount, int columnCount) {
            double[][] out = new double[rowCount][];
            for (int i = 0; i < rowCount; i++) {
                out[i] = new double[columnCount];
            }
            return out;
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
            double[][] a = matrix(k, 2 * k);
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
            inverse = new double[k][];
            for (int i = 0; i < k; i++) {
                inverse[i] = Arrays.copyOfRange(a[i], k, 2 * k);
            }
        }

        /**
         * The solver's own duals of the active rows: the same sums as {@link #duals} on the basis adopted from it
         * (its positions in the same order, the logicals' costs 0), already made by its last pricing.
         */
        private double[] activeDuals() {
            double[] y = new double[k];
            for (int i = 0; i < k; i++) {
                y[i] = handedBasis.dual(rows[i]);
            }
            return y;
        }

        /** y with Bᵀy = c_B: one value per active row. */
        private double[] duals() {
            double[] y = new double[k];
            for (int p = 0; p < k; p++) {
                double cb = cost(basis[p]);
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

        /** The objective coefficient of column {@code col} of the reduced system (0 for a logical). */
        private double cost(int col) {
            return col < n ? lp.objective(col) : 0;
        }

        private double reducedCost(int col, double[] y) {
            if (col >= n) {
                return y[col - n];
            }
            double d = lp.objective(col);
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
            position[basis[leave]] = -1;
            basis[leave] = entering;
            position[entering] = leave;
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

        /**
         * The report on the optimal basis: duals {@code y}, reduced costs {@code d} (0 for the basic columns) and
         * each variable's cost range.
         *
         * <p>The ranging reads the tableau {@code B⁻¹[A | −I]} only in the non-basic columns (the basic ones are
         * unit columns), formed once: n columns of k. A basic variable's two ratio tests (cost up and down) are
         * one pass over them; a non-basic variable's range ends where its own reduced cost reaches zero. When
         * the column that would enter at an end is blocked at once by a basic variable at a bound (a degenerate
         * vertex), the range goes on through degenerate pivots ({@link Ranging}); otherwise the end is final.
         */
        private LpSensitivity report(double[] y, double[] d) {
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
            Columns columns = new Columns(d);
            for (int j = 0; j < n; j++) {
                isBasic[j] = position[j] >= 0;
                if (position[j] < 0) {
                    reduced[j] = d[j];
                }
                if (status[j] == FIXED) {
                    low[j] = Double.NEGATIVE_INFINITY;
                    high[j] = Double.POSITIVE_INFINITY;
                } else {
                    columns.range(j);
                    double c = lp.objective(j);
                    low[j] = c - columns.down;
                    high[j] = c + columns.up;
                }
            }
            return new LpSensitivity(rowDual, reduced, isBasic, low, high, active);
        }

        /**
         * The non-basic columns of the tableau and the first ratio test of each ranging on them. A non-basic
         * row logical's column is −e_i, so its tableau column is minus column i of the inverse and a row of the
         * tableau reads it straight off the inverse's row; only the non-basic variables' columns are multiplied
         * out (the materials left out of a charge: a few).
         */
        private final class Columns {
            final double[] d;
            /** The non-basic variables (not logicals) in ascending order, and B⁻¹ times each column. */
            private final int[] structural;
            private final double[] alpha;
            /** The non-basic logicals' rows (i for column n + i), ascending. */
            private final int[] logical;
            /** Each non-basic variable's index in {@link #structural}. */
            private final int[] slot;
            /**
             * Per non-basic column: +1 at its lower bound, −1 at its upper, 0 when fixed (it never enters), and
             * how far its reduced cost may move before it has the wrong sign, sign·d (0 when it already has).
             */
            private final double[] sign;
            private final double[] slack;
            /** Positions whose basic variable is at a bound: the only ones that can block at a step of zero. */
            final int[] degenerate;
            private Ranging walk;
            /** How far the cost may rise and fall (the last {@link #range}). */
            double up;
            double down;

            Columns(double[] d) {
                this.d = d;
                int structurals = 0;
                for (int j = 0; j < n; j++) {
                    if (position[j] < 0) {
                        structurals++;
                    }
                }
                structural = new int[structurals];
                slot = new int[n];
                logical = new int[n - structurals];
                alpha = new double[structurals * k];
                int count = 0;
                for (int j = 0; j < n; j++) {
                    if (position[j] >= 0) {
                        continue;
                    }
                    structural[count] = j;
                    slot[j] = count;
                    int at = count * k;
                    for (int p = 0; p < k; p++) {
                        double[] row = inverse[p];
                        double sum = 0;
                        for (int i = 0; i < k; i++) {
                            sum += row[i] * activeCoefficients[i][j];
                        }
                        alpha[at + p] = sum;
                    }
                    count++;
                }
                count = 0;
                for (int i = 0; i < k; i++) {
                    if (position[n + i] < 0) {
                        logical[count++] = i;
                    }
                }
                int deg = 0;
                for (int p = 0; p < k; p++) {
                    if (status[basis[p]] != BETWEEN) {
                        deg++;
                    }
                }
                degenerate = new int[deg];
                deg = 0;
                for (int p = 0; p < k; p++) {
                    if (status[basis[p]] != BETWEEN) {
                        degenerate[deg++] = p;
                    }
                }
                sign = new double[n + k];
                slack = new double[n + k];
                for (int q = 0; q < n + k; q++) {
                    if (position[q] < 0) {
                        // BETWEEN cannot be non-basic at a vertex (adopt and crash put such columns in the basis)
                        sign[q] = status[q] == LOWER ? 1 : status[q] == UPPER ? -1 : 0;
                        slack[q] = Math.max(0, sign[q] * d[q]);
                    }
                }
            }

            /** Entry p of the tableau column of non-basic column {@code q} (the s-th variable or a logical). */
            private double entry(int q, int s, int p) {
                return q < n ? alpha[s * k + p] : -inverse[p][q - n];
            }


            /** Entry p of non-basic column q's tableau column. */
            double entry(int q, int p) {
                return entry(q, q < n ? slot[q] : -1, p);
            }

            /** Sets {@link #up} and {@link #down} for variable j (not fixed). */
            void range(int j) {
                int p = position[j];
                double bestUp = Double.POSITIVE_INFINITY;
                double bestDown = Double.POSITIVE_INFINITY;
                int enterUp = -1;
                int enterDown = -1;
                int slotUp = -1;
                int slotDown = -1;
                if (p < 0) {
                    // Only j's own reduced cost moves, at rate ±1.
                    bestUp = ratio(status[j], 1, d[j]);
                    bestDown = ratio(status[j], -1, d[j]);
                    int s = slot[j];
                    enterUp = bestUp < Double.POSITIVE_INFINITY ? j : -1;
                    enterDown = bestDown < Double.POSITIVE_INFINITY ? j : -1;
                    slotUp = s;
                    slotDown = s;
                } else {
                    // The reduced cost of column q moves at −dir·(B⁻¹a_q)[p]: at a column's lower bound (sign +1) it
                    // may not fall below 0, at its upper (sign −1) not rise above; so with a = sign·(B⁻¹a_q)[p] the
                    // cost rising reaches it at sign·d / a when a > 0, the cost falling at sign·d / −a when a < 0.
                    // The variables' columns first, then the logicals' (ascending column order, the tie-break).
                    // (Both steps are formed and the one that does not apply made infinite, rather than branching on
                    // the entry's sign, which no predictor can guess.)
                    for (int s = 0; s < structural.length; s++) {
                        int q = structural[s];
                        double a = sign[q] * alpha[s * k + p];
                        double t = slack[q] / Math.abs(a);
                        double tUp = a >= 1e-12 ? t : Double.POSITIVE_INFINITY;
                        double tDown = a <= -1e-12 ? t : Double.POSITIVE_INFINITY;
                        if (tUp < bestUp) {
                            bestUp = tUp;
                            enterUp = q;
                            slotUp = s;
                        }
                        if (tDown < bestDown) {
                            bestDown = tDown;
                            enterDown = q;
                            slotDown = s;
                        }
                    }
                    double[] inv = inverse[p];
                    for (int i : logical) {
                        int q = n + i;
                        double a = -sign[q] * inv[i];
                        double t = slack[q] / Math.abs(a);
                        double tUp = a >= 1e-12 ? t : Double.POSITIVE_INFINITY;
                        double tDown = a <= -1e-12 ? t : Double.POSITIVE_INFINITY;
                        if (tUp < bestUp) {
                            bestUp = tUp;
                            enterUp = q;
                        }
                        if (tDown < bestDown) {
                            bestDown = tDown;
                            enterDown = q;
                        }
                    }
                }
                up = end(j, 1, enterUp, slotUp, bestUp);
                down = end(j, -1, enterDown, slotDown, bestDown);
            }

            /** The step at which a reduced cost d moving at {@code rate} turns to the wrong sign for its column. */
            private static double ratio(int columnStatus, double rate, double d) {
                double t = Double.POSITIVE_INFINITY;
                if ((columnStatus == LOWER || columnStatus == BETWEEN) && rate < 0) {
                    t = Math.max(0, d) / -rate;
                }
                if ((columnStatus == UPPER || columnStatus == BETWEEN) && rate > 0) {
                    t = Math.min(t, Math.max(0, -d) / rate);
                }
                return t;
            }

            /**
             * The end of the range in direction {@code dir}: the first ratio test's step, unless a basic
             * variable at a bound blocks the entering column (its slot among the variables' columns, if one)
             * at once; then the walk through degenerate pivots.
             */
            private double end(int j, int dir, int entering, int slot, double step) {
                if (entering < 0) {
                    return Double.POSITIVE_INFINITY;
                }
                // Entering at its lower bound increases; at its upper bound (or between them) it decreases.
                double moves = status[entering] == LOWER ? 1 : -1;
                for (int p : degenerate) {
                    if (blocks(moves, entry(entering, slot, p), basis[p])) {
                        if (degenerate.length == 1 && position[j] >= 0 && position[j] != p) {
                            double further = afterOnePivot(j, dir, entering, slot, step, p);
                            if (!Double.isNaN(further)) {
                                return step + further;
                            }
                        }
                        if (walk == null) {
                            walk = new Ranging(this);
                        }
                        return walk.extend(j, dir);
                    }
                }
                return step;
            }

            /**
             * The common walk in one loop: one basic variable at a bound (at position {@code pd}), j basic between
             * its bounds, and the column {@code e} that reaches zero first blocked by it. The degenerate pivot puts
             * e in at pd; j's row becomes r_j − f·r_d (f = r_j[e] / r_d[e]), the reduced costs at the step lose
             * d_e / r_d[e] times r_d, and the column that left has entry −f in j's row. This is the second ratio
             * test of {@link Ranging#extend} on those rows (ties to the least column, as there); the further step,
             * or +∞ when nothing enters, or NaN when the column that enters next is blocked again (then the walk
             * goes on in {@link Ranging}).
             */
            private double afterOnePivot(int j, int dir, int e, int slotE, double step, int pd) {
                int pj = position[j];
                double pivot = entry(e, slotE, pd);
                double f = entry(e, slotE, pj) / pivot;
                double dE = d[e] - dir * step * entry(e, slotE, pj);
                int b = basis[pd];
                double best = Double.POSITIVE_INFINITY;
                int next = -1;
                double nextEntry = 0;
                for (int s = 0; s < structural.length + logical.length; s++) {
                    int q = s < structural.length ? structural[s] : n + logical[s - structural.length];
                    if (q == e || status[q] == FIXED) {
                        continue;
                    }
                    double rj = entry(q, s, pj);
                    double rd = entry(q, s, pd);
                    double rate = -dir * (rj - f * rd);
                    if (Math.abs(rate) < 1e-12) {
                        continue;
                    }
                    double dq = d[q] - dir * step * rj - dE * rd / pivot;
                    double t = stepTo(q, rate, dq);
                    if (t < best || (t == best && q < next)) {
                        best = t;
                        next = q;
                        nextEntry = rd / pivot;
                    }
                }
                if (status[b] != FIXED) {
                    // the column that left: 0 in j's row and 1 in its own before the pivot
                    double rate = dir * f;
                    if (Math.abs(rate) >= 1e-12) {
                        double t = stepTo(b, rate, -dE / pivot);
                        if (t < best || (t == best && b < next)) {
                            best = t;
                            next = b;
                            nextEntry = 1 / pivot;
                        }
                    }
                }
                if (next < 0) {
                    return Double.POSITIVE_INFINITY;
                }
                return blocks(status[next] == LOWER ? 1 : -1, nextEntry, e) ? Double.NaN : best;
            }

            /** The step at which column q's reduced cost d, moving at {@code rate}, turns to the wrong sign. */
            private double stepTo(int q, double rate, double d) {
                double toward = status[q] == UPPER ? rate : -rate;
                if (toward <= 0) {
                    return Double.POSITIVE_INFINITY;
                }
                return Math.max(0, status[q] == UPPER ? -d : d) / toward;
            }
        }

        /**
         * A cost ranging carried through degenerate pivots to the end of the range where the solution stays
         * optimal, for the rangings whose first ratio test ends at a column a basic variable at a bound blocks.
         *
         * <p>Moving variable j's cost by δ moves the reduced costs along j's tableau row (j basic) or moves j's
         * own (j non-basic); the ratio test finds the first to reach zero, and a degenerate pivot (a basic
         * variable at a bound leaves, the step is zero, the solution stays) lets the range go on. Only the
         * basic variables at a bound can leave in such a pivot, and the one that enters takes a position at a
         * bound too, so a ranging needs only those positions' rows, j's row and the reduced costs, and only in
         * the columns that are non-basic now or can become so: the non-basic ones and those basic at a bound
         * (n + the number at a bound, against n + k). Those rows are written out once; each ranging works on
         * copies (the degenerate pivot leaves the reduced costs unchanged, the entering one at zero); the
         * report's basis is never touched. The ratio test and the pivot choices (Bland's rule on the leaving
         * column) are those of a pivot on the whole basis; the other rows are not carried along.
         */
        private final class Ranging {
            private final Columns columns;
            private final int[] degenerate;
            private final int tracked;
            /** The columns a ranging reads, ascending (the ratio test's tie-break); {@code size} of them. */
            private final int[] candidate;
            private final int size;
            /**
             * One array for the working rows, {@code size} entries each: the tracked rows (one per degenerate
             * position), j's own row, the reduced costs, the rates.
             */
            private final double[] work;
            private final int own;
            private final int reduced;
            private final int rate;
            private final int[] rowColumn;
            private final boolean[] basicNow;
            private double step;

            Ranging(Columns columns) {
                this.columns = columns;
                degenerate = columns.degenerate;
                tracked = degenerate.length;
                int width = n + k;
                int count = 0;
                for (int q = 0; q < width; q++) {
                    if (read(q)) {
                        count++;
                    }
                }
                size = count;
                candidate = new int[size];
                count = 0;
                for (int q = 0; q < width; q++) {
                    if (read(q)) {
                        candidate[count++] = q;
                    }
                }
                own = tracked * size;
                reduced = own + size;
                rate = reduced + size;
                work = new double[rate + size];
                rowColumn = new int[tracked];
                basicNow = new boolean[size];
            }

            /** Whether a ranging reads column q: non-basic, or basic at a bound (it may leave). */
            private boolean read(int q) {
                if (position[q] < 0) {
                    return true;
                }
                return status[q] != BETWEEN;
            }

            /** Row p of the tableau in the candidate columns, into {@link #work} from {@code at}. */
            private void rowAt(int p, int at) {
                for (int x = 0; x < size; x++) {
                    int q = candidate[x];
                    work[at + x] = position[q] >= 0 ? (basis[p] == q ? 1 : 0) : columns.entry(q, p);
                }
            }

            /**
             * How far variable j's objective coefficient may move in direction {@code dir} (+1 up, -1 down)
             * with the solution staying optimal: the ratio test on the reduced costs, and at each end a
             * degenerate pivot to another basis of the same vertex when one exists, going on from there; the
             * end is where the entering variable could move the solution.
             */
            double extend(int j, int dir) {
                int jRow = -1;
                for (int i = 0; i < tracked; i++) {
                    rowAt(degenerate[i], i * size);
                    rowColumn[i] = basis[degenerate[i]];
                    if (rowColumn[i] == j) {
                        jRow = i * size;
                    }
                }
                for (int x = 0; x < size; x++) {
                    int q = candidate[x];
                    basicNow[x] = position[q] >= 0;
                    work[reduced + x] = position[q] >= 0 ? 0 : columns.d[q];
                }
                // j's tableau row: one of the degenerate rows, the row of its position (basic between its bounds),
                // or none (non-basic, -1).
                if (jRow < 0 && position[j] >= 0) {
                    rowAt(position[j], own);
                    jRow = own;
                }
                double delta = 0;
                for (int iteration = 0; iteration < 50 + 2 * (n + k); iteration++) {
                    int entering = ratioTest(j, dir, jRow);
                    if (entering < 0) {
                        return Double.POSITIVE_INFINITY;
                    }
                    delta += step;
                    int leave = leaving(entering);
                    if (leave < 0) {
                        return delta;
                    }
                    for (int x = 0; x < size; x++) {
                        work[reduced + x] += step * work[rate + x];
                    }
                    boolean jLeaves = rowColumn[leave] == j;
                    pivot(leave, entering, jRow == own);
                    if (candidate[entering] == j) {
                        jRow = leave * size;
                    } else if (jLeaves) {
                        // j left the basis: its cost now moves its own reduced cost only.
                        jRow = -1;
                    }
                }
                return delta;
            }

            /**
             * The candidate (index) whose reduced cost reaches zero first as j's cost moves (-1: none does), its
             * step in {@link #step} and every candidate's rate in the rates' row; j's row starts at {@code jRow}.
             */
            private int ratioTest(int j, int dir, int jRow) {
                double best = Double.POSITIVE_INFINITY;
                int entering = -1;
                for (int x = 0; x < size; x++) {
                    work[rate + x] = 0;
                    int q = candidate[x];
                    if (basicNow[x] || status[q] == FIXED) {
                        continue;
                    }
                    double r = q == j ? dir : jRow >= 0 ? -dir * work[jRow + x] : 0;
                    if (Math.abs(r) < 1e-12) {
                        continue;
                    }
                    work[rate + x] = r;
                    // as Columns.ratio, the step divided out only when it beats the best so far
                    double toward = status[q] == UPPER ? r : -r;
                    if (toward > 0) {
                        double d = work[reduced + x];
                        double room = Math.max(0, status[q] == UPPER ? -d : d);
                        if (room < best * toward) {
                            best = room / toward;
                            entering = x;
                        }
                    }
                }
                step = best;
                return entering;
            }

            /**
             * The tracked row whose basic variable blocks candidate {@code entering} at once (a step of length
             * zero), by Bland's rule the one with the least column index; -1 when none blocks, i.e. the entering
             * variable could move the solution.
             */
            private int leaving(int entering) {
                double moves = status[candidate[entering]] == LOWER ? 1 : -1;
                int leave = -1;
                for (int i = 0; i < tracked; i++) {
                    if (blocks(moves, work[i * size + entering], rowColumn[i])
                            && (leave < 0 || rowColumn[i] < rowColumn[leave])) {
                        leave = i;
                    }
                }
                return leave;
            }

            /**
             * The exchange at tracked row {@code leave}: that row divided by the pivot, the other tracked rows, j's
             * own row (when {@code withOwn}) and the reduced costs cleared in the entering candidate's column.
             */
            private void pivot(int leave, int entering, boolean withOwn) {
                int at = leave * size;
                double inv = 1 / work[at + entering];
                for (int x = 0; x < size; x++) {
                    work[at + x] *= inv;
                }
                for (int i = 0; i < tracked; i++) {
                    if (i != leave) {
                        eliminate(i * size, at, entering);
                    }
                }
                if (withOwn) {
                    eliminate(own, at, entering);
                }
                eliminate(reduced, at, entering);
                int out = Arrays.binarySearch(candidate, rowColumn[leave]);
                basicNow[out] = false;
                basicNow[entering] = true;
                work[reduced + entering] = 0;
                rowColumn[leave] = candidate[entering];
            }

            private void eliminate(int row, int pivotRow, int entering) {
                double f = work[row + entering];
                if (f != 0) {
                    for (int x = 0; x < size; x++) {
                        work[row + x] -= f * work[pivotRow + x];
                    }
                }
            }
        }

        /**
         * Whether a basic variable (column {@code col}) at a bound blocks a column entering in direction
         * {@code moves} (+1 up from its lower bound, −1 down) whose tableau entry in its row is {@code alpha}:
         * it would move by −moves·alpha per unit, past its bound at once.
         */
        private boolean blocks(double moves, double alpha, int col) {
            double move = -moves * alpha;
            if (Math.abs(move) < 1e-9) {
                return false;
            }
            int s = status[col];
            return (move < 0 && (s == LOWER || s == FIXED)) || (move > 0 && (s == UPPER || s == FIXED));
        }

    }
}
