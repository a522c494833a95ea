package ca.scalloy.engine.thermo;

/**
 * The lower convex hull of a set of (composition, Gibbs energy) points at a given overall composition:
 * minimise {@code sum(l_k g_k)} with {@code sum(l_k x_k) = X}, {@code l >= 0}, by a dense revised simplex.
 * Every composition is per mole of atoms, so the amounts sum to one. The dual values are the chemical
 * potentials of the elements. A unit-composition column per element at a huge energy keeps the first
 * basis feasible. Columns may be added between solves; the basis is kept (warm start).
 */
final class Simplex {

    /** Energy of the artificial pure-element columns, J/mol: far above any real phase. */
    static final double ARTIFICIAL_J = 1e7;

    private final int c;
    private final double[] target;
    private double[] compositions = new double[0];
    private double[] energies = new double[0];
    private int columns;
    private final int[] basis;
    private double[] amounts;
    private double[] potentials;

    Simplex(double[] target) {
        this.c = target.length;
        this.target = target.clone();
        this.basis = new int[c];
        for (int e = 0; e < c; e++) {
            double[] x = new double[c];
            x[e] = 1;
            add(x, ARTIFICIAL_J);
            basis[e] = e;
        }
    }

    /** Adds a column; returns its index. */
    int add(double[] composition, double energy) {
        if (columns == energies.length) {
            energies = java.util.Arrays.copyOf(energies, Math.max(64, 2 * columns));
            compositions = java.util.Arrays.copyOf(compositions, energies.length * c);
        }
        System.arraycopy(composition, 0, compositions, columns * c, c);
        energies[columns] = energy;
        return columns++;
    }

    int size() {
        return columns;
    }

    boolean artificial(int column) {
        return column < c;
    }

    /** Solves from the current basis; false if the iteration limit was reached. */
    boolean solve() {
        double[] inverse = new double[c * c];
        boolean bland = false;
        double lastObjective = Double.POSITIVE_INFINITY;
        int stalls = 0;
        for (int iteration = 0; iteration < 50 * c + 200; iteration++) {
            if (!invert(inverse)) {
                return false;
            }
            amounts = new double[c];
            potentials = new double[c];
            double objective = 0;
            for (int i = 0; i < c; i++) {
                double s = 0;
                for (int j = 0; j < c; j++) {
                    s += inverse[i * c + j] * target[j];
                }
                amounts[i] = Math.max(s, 0);
                objective += amounts[i] * energies[basis[i]];
            }
            // mu^T = g_B^T B^-1
            for (int j = 0; j < c; j++) {
                double s = 0;
                for (int i = 0; i < c; i++) {
                    s += energies[basis[i]] * inverse[i * c + j];
                }
                potentials[j] = s;
            }
            if (objective < lastObjective - 1e-9 * Math.abs(objective)) {
                stalls = 0;
                lastObjective = objective;
            } else if (++stalls > 2 * c) {
                bland = true;
            }
            int entering = -1;
            double best = -1e-6;
            boolean[] basic = new boolean[columns];
            for (int b : basis) {
                basic[b] = true;
            }
            for (int k = 0; k < columns; k++) {
                if (basic[k]) {
                    continue;
                }
                double r = reducedCost(k);
                if (r < best) {
                    entering = k;
                    if (bland) {
                        break;
                    }
                    best = r;
                }
            }
            if (entering < 0) {
                return true;
            }
            double[] d = new double[c];
            for (int i = 0; i < c; i++) {
                double s = 0;
                for (int j = 0; j < c; j++) {
                    s += inverse[i * c + j] * compositions[entering * c + j];
                }
                d[i] = s;
            }
            int leaving = -1;
            double theta = Double.POSITIVE_INFINITY;
            for (int i = 0; i < c; i++) {
                if (d[i] > 1e-11) {
                    double t = amounts[i] / d[i];
                    if (t < theta - 1e-14 || (t <= theta + 1e-14 && leaving >= 0 && basis[i] < basis[leaving])) {
                        theta = t;
                        leaving = i;
                    }
                }
            }
            if (leaving < 0) {
                return false; // unbounded cannot happen with compositions on the simplex
            }
            basis[leaving] = entering;
        }
        return false;
    }

    private boolean invert(double[] inverse) {
        double[] b = new double[c * c];
        for (int i = 0; i < c; i++) {
            for (int e = 0; e < c; e++) {
                b[e * c + i] = compositions[basis[i] * c + e];
            }
        }
        double[] id = new double[c * c];
        for (int i = 0; i < c; i++) {
            id[i * c + i] = 1;
        }
        if (!Linear.solve(b, c, id, c)) {
            return false;
        }
        System.arraycopy(id, 0, inverse, 0, c * c);
        return true;
    }

    /** g_k - mu . x_k for the current duals. */
    double reducedCost(int k) {
        double r = energies[k];
        int o = k * c;
        for (int e = 0; e < c; e++) {
            r -= potentials[e] * compositions[o + e];
        }
        return r;
    }

    /** Chemical potentials, J/mol (the duals of the last solve). */
    double[] potentials() {
        return potentials.clone();
    }

    /** The basic columns of the last solve. */
    int[] basis() {
        return basis.clone();
    }

    /** Amount (moles of atoms per mole) of each basic column, in the order of {@link #basis()}. */
    double[] amounts() {
        return amounts.clone();
    }
}
