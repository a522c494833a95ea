package ca.scalloy.engine.lp;

/**
 * The final basis of a simplex solve and its factorisation, handed to {@link LpSensitivity} so that it
 * need not recover a basis from the vertex. Opaque outside this package.
 *
 * <p>Columns are numbered as in the standard form {@code A·x − s = 0}: {@code 0..n-1} the program's
 * variables, {@code n + r} the logical (row activity) {@code s_r} of constraint {@code r}, whose column
 * is {@code −e_r} and whose bounds are the row's. The basis holds one column per constraint.
 */
public final class LpBasis {

    /** The column in the basis at each position (length m). */
    final int[] basic;
    /**
     * The inverse of the solver's basis over its scaled rows (row r divided by {@code rowScale[r]}), m × m, by
     * position; the inverse for the rows as given is read as the block a reader needs ({@link #block}), instead of
     * every solve rescaling all m² of it.
     */
    private final double[][] scaledInverse;
    /** Each row's scale: the solver worked on row r divided by it. */
    private final double[] rowScale;
    /** The program's coefficients, dense, m × n (shared with the solver's copy; never written). */
    final double[][] coefficients;
    /** The program solved, and each row's activity at the answer (the solver's final check computed them). */
    private final LinearProgram program;
    private final Activities activities;
    /**
     * The duals over the scaled rows, as the solver's last pricing computed them; read through {@link #dual}, only
     * with {@link #activitiesOf} (the same program).
     */
    private final double[] scaledDuals;

    /**
     * @param scaledInverse the inverse of the basis over the scaled rows (kept, not copied: the solver is done with it)
     * @param rowScale      each row's scale
     * @param scaledDuals   the duals over the scaled rows
     */
    LpBasis(int[] basic, double[][] scaledInverse, double[] rowScale, double[][] coefficients, LinearProgram program,
            Activities activities, double[] scaledDuals) {
        this.basic = basic;
        this.scaledInverse = scaledInverse;
        this.rowScale = rowScale;
        this.coefficients = coefficients;
        this.program = program;
        this.activities = activities;
        this.scaledDuals = scaledDuals;
    }

    /**
     * The block of B⁻¹ (for the rows as given) at positions {@code positions} and rows {@code rows}, the first
     * {@code size} of each: {@code block[a][b]} is entry (positions[a], rows[b]). With S the row scales and D (1 for a
     * variable, s_q for the logical of row q) at each basic position, the scaled basis is S⁻¹·B·D, so
     * B⁻¹ = D·(its inverse)·S⁻¹; each row's scale is divided out once.
     */
    double[][] block(int[] positions, int[] rows, int size) {
        int n = coefficients.length == 0 ? 0 : coefficients[0].length;
        double[] perRow = new double[size];
        for (int b = 0; b < size; b++) {
            perRow[b] = 1 / rowScale[rows[b]];
        }
        double[][] out = new double[size][];
        for (int a = 0; a < size; a++) {
            int p = positions[a];
            double d = basic[p] >= n ? rowScale[basic[p] - n] : 1;
            double[] source = scaledInverse[p];
            double[] row = new double[size];
            for (int b = 0; b < size; b++) {
                row[b] = d * source[rows[b]] * perRow[b];
            }
            out[a] = row;
        }
        return out;
    }

    /** The dual of row r as given: y = S⁻¹·y' from the scaled rows' duals y'. */
    double dual(int r) {
        return scaledDuals[r] / rowScale[r];
    }

    /**
     * Each row's activity {@code a·x} at the solver's answer, and the sum of its terms' magnitudes
     * {@code Σ|a_j·x_j|}, per constraint.
     */
    record Activities(double[] value, double[] terms) {
    }

    /** The rows' activities at the answer, when {@code lp} is the very program this basis solved; else null. */
    Activities activitiesOf(LinearProgram lp) {
        return lp == program ? activities : null;
    }

    /**
     * B⁻¹ times column {@code col} of {@code [A | −I]} into {@code out} (the first {@code size} entries): a
     * variable's column is read from {@code rows} ({@code size} × n), a logical column {@code n + r} is −e_r,
     * so its product is minus column r of the inverse. Shared by the simplex and the sensitivity's ranging.
     */
    static void ftran(double[][] inverse, double[][] rows, int size, int n, int col, double[] out) {
        if (col >= n) {
            int r = col - n;
            for (int p = 0; p < size; p++) {
                out[p] = -inverse[p][r];
            }
            return;
        }
        for (int p = 0; p < size; p++) {
            double[] row = inverse[p];
            double s = 0;
            for (int i = 0; i < size; i++) {
                s += row[i] * rows[i][col];
            }
            out[p] = s;
        }
    }

    /** Whether this basis belongs to a program of {@code n} variables and {@code m} constraints. */
    boolean fits(int n, int m) {
        return basic.length == m && coefficients.length == m && (m == 0 || coefficients[0].length == n);
    }
}
