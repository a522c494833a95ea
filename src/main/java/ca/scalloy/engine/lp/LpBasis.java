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
    /** B⁻¹, m × m, by position: row p of the inverse belongs to the basic column at position p. */
    final double[][] inverse;
    /** The program's coefficients, dense, m × n (shared with the solver's copy; never written). */
    final double[][] coefficients;
    /** The program solved, and each row's activity at the answer (the solver's final check computed them). */
    private final LinearProgram program;
    private final Activities activities;
    /**
     * The duals c_B·B⁻¹ over all m rows, as the solver's last pricing computed them on this inverse; read only
     * with {@link #activitiesOf} (the same program).
     */
    final double[] duals;

    LpBasis(int[] basic, double[][] inverse, double[][] coefficients, LinearProgram program, Activities activities,
            double[] duals) {
        this.basic = basic;
        this.inverse = inverse;
        this.coefficients = coefficients;
        this.program = program;
        this.activities = activities;
        this.duals = duals;
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
