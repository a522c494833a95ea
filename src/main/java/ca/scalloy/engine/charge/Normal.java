package ca.scalloy.engine.charge;

/**
 * The standard normal distribution: its cumulative distribution function and its inverse, to about
 * 1e-12 over the range a confidence level needs (|z| up to 8).
 */
public final class Normal {

    /** ln √(2π). */
    private static final double LN_SQRT_2PI = 0.91893853320467274178;

    private Normal() {
    }

    /**
     * Φ(z) by Marsaglia's series (G. Marsaglia, "Evaluating the normal distribution", J. Stat. Softw.
     * 11(4), 2004): Φ(z) = ½ + φ(z)·(z + z³/3 + z⁵/(3·5) + …), accurate to about 1e-15 absolute.
     */
    public static double cdf(double z) {
        if (Double.isNaN(z)) {
            return Double.NaN;
        }
        if (z < -38) {
            return 0;
        }
        if (z > 38) {
            return 1;
        }
        double s = z;
        double t = 0;
        double b = z;
        double q = z * z;
        double i = 1;
        while (s != t) {
            t = s;
            i += 2;
            b *= q / i;
            s = t + b;
        }
        return 0.5 + s * Math.exp(-0.5 * q - LN_SQRT_2PI);
    }

    /** φ(z), the density. */
    public static double pdf(double z) {
        return Math.exp(-0.5 * z * z - LN_SQRT_2PI);
    }

    /**
     * Φ⁻¹(p): P. J. Acklam's rational approximation (relative error below 1.2e-9), refined by two
     * Newton steps on {@link #cdf}.
     *
     * @throws IllegalArgumentException unless 0 &lt; p &lt; 1
     */
    public static double quantile(double p) {
        if (!(p > 0 && p < 1)) {
            throw new IllegalArgumentException("probability must be above 0 and below 1, was " + p);
        }
        double[] a = {-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02,
            -3.066479806614716e+01, 2.506628277459239e+00};
        double[] b = {-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01,
            -1.328068155288572e+01};
        double[] c = {-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00,
            4.374664141464968e+00, 2.938163982698783e+00};
        double[] d = {7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00};
        double low = 0.02425;
        double x;
        if (p < low) {
            double q = Math.sqrt(-2 * Math.log(p));
            x = (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
                    / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
        } else if (p <= 1 - low) {
            double q = p - 0.5;
            double r = q * q;
            x = (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q
                    / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
        } else {
            double q = Math.sqrt(-2 * Math.log(1 - p));
            x = -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
                    / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
        }
        // Beyond |z| = 8 the series loses its relative accuracy and Acklam's figure stands.
        for (int i = 0; i < 2 && Math.abs(x) < 8; i++) {
            x -= (cdf(x) - p) / pdf(x);
        }
        return x;
    }
}
