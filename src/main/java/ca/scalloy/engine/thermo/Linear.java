package ca.scalloy.engine.thermo;

/** Small dense linear algebra for the solver (matrices row-major in a double[]). */
final class Linear {

    private Linear() {
    }

    /**
     * The Newton step {@code d} with {@code (H + shift I) d = -g}: Cholesky, with the smallest shift
     * (from 0, then growing tenfold from 1e-10 of the largest diagonal) that makes the matrix positive definite.
     */
    static double[] newtonStep(double[] h, double[] g, int n) {
        double maxDiag = 0;
        for (int i = 0; i < n; i++) {
            maxDiag = Math.max(maxDiag, Math.abs(h[i * n + i]));
        }
        double shift = 0;
        double[] l = new double[n * n];
        for (int attempt = 0; attempt < 40; attempt++) {
            if (cholesky(h, n, shift, l)) {
                double[] d = new double[n];
                for (int i = 0; i < n; i++) {
                    d[i] = -g[i];
                }
                choleskySolve(l, n, d);
                return d;
            }
            shift = shift == 0 ? Math.max(1e-10 * maxDiag, 1e-12) : shift * 10;
        }
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            d[i] = -g[i] / Math.max(maxDiag, 1);
        }
        return d;
    }

    /** Cholesky factor of (a + shift I) into l; false when not positive definite. */
    static boolean cholesky(double[] a, int n, double shift, double[] l) {
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double s = a[i * n + j] + (i == j ? shift : 0);
                for (int k = 0; k < j; k++) {
                    s -= l[i * n + k] * l[j * n + k];
                }
                if (i == j) {
                    if (!(s > 0)) {
                        return false;
                    }
                    l[i * n + i] = Math.sqrt(s);
                } else {
                    l[i * n + j] = s / l[j * n + j];
                }
            }
        }
        return true;
    }

    /** Solves L L^T x = b in place. */
    static void choleskySolve(double[] l, int n, double[] b) {
        for (int i = 0; i < n; i++) {
            double s = b[i];
            for (int k = 0; k < i; k++) {
                s -= l[i * n + k] * b[k];
            }
            b[i] = s / l[i * n + i];
        }
        for (int i = n - 1; i >= 0; i--) {
            double s = b[i];
            for (int k = i + 1; k < n; k++) {
                s -= l[k * n + i] * b[k];
            }
            b[i] = s / l[i * n + i];
        }
    }

    /**
     * Solves {@code a x = b} for several right-hand sides (columns of b, row-major n x k) by LU with
     * partial pivoting; a and b are overwritten, x is left in b. False when a is singular.
     */
    static boolean solve(double[] a, int n, double[] b, int k) {
        // Equilibrate rows then columns so that a pivot is judged against its own scale
        // (the solver's matrices mix RT/y, compositions and amounts over many decades).
        double[] colScale = new double[n];
        for (int r = 0; r < n; r++) {
            double max = 0;
            for (int j = 0; j < n; j++) {
                max = Math.max(max, Math.abs(a[r * n + j]));
            }
            if (max == 0) {
                return false;
            }
            for (int j = 0; j < n; j++) {
                a[r * n + j] /= max;
            }
            for (int j = 0; j < k; j++) {
                b[r * k + j] /= max;
            }
        }
        for (int j = 0; j < n; j++) {
            double max = 0;
            for (int r = 0; r < n; r++) {
                max = Math.max(max, Math.abs(a[r * n + j]));
            }
            if (max == 0) {
                return false;
            }
            colScale[j] = 1 / max;
            for (int r = 0; r < n; r++) {
                a[r * n + j] *= colScale[j];
            }
        }
        if (!luSolve(a, n, b, k)) {
            return false;
        }
        for (int r = 0; r < n; r++) {
            for (int j = 0; j < k; j++) {
                b[r * k + j] *= colScale[r];
            }
        }
        return true;
    }

    private static boolean luSolve(double[] a, int n, double[] b, int k) {
        double scale = 1;
        for (int col = 0; col < n; col++) {
            int pivot = col;
            for (int r = col + 1; r < n; r++) {
                if (Math.abs(a[r * n + col]) > Math.abs(a[pivot * n + col])) {
                    pivot = r;
                }
            }
            if (Math.abs(a[pivot * n + col]) <= 1e-14 * scale) {
                return false;
            }
            if (pivot != col) {
                for (int j = 0; j < n; j++) {
                    double t = a[col * n + j];
                    a[col * n + j] = a[pivot * n + j];
                    a[pivot * n + j] = t;
                }
                for (int j = 0; j < k; j++) {
                    double t = b[col * k + j];
                    b[col * k + j] = b[pivot * k + j];
                    b[pivot * k + j] = t;
                }
            }
            double d = a[col * n + col];
            for (int r = col + 1; r < n; r++) {
                double f = a[r * n + col] / d;
                if (f == 0) {
                    continue;
                }
                for (int j = col; j < n; j++) {
                    a[r * n + j] -= f * a[col * n + j];
                }
                for (int j = 0; j < k; j++) {
                    b[r * k + j] -= f * b[col * k + j];
                }
            }
        }
        for (int col = n - 1; col >= 0; col--) {
            for (int j = 0; j < k; j++) {
                double s = b[col * k + j];
                for (int c = col + 1; c < n; c++) {
                    s -= a[col * n + c] * b[c * k + j];
                }
                b[col * k + j] = s / a[col * n + col];
            }
        }
        return true;
    }
}
