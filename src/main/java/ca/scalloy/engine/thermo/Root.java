package ca.scalloy.engine.thermo;

import java.util.function.DoubleUnaryOperator;

/**
 * A bracketed root of a function of temperature: the Illinois variant of regula falsi, with a
 * bisection whenever it stalls. The bracket must have values of opposite sign at its ends.
 *
 * @param valueK        the root, K
 * @param positiveSideK the end of the final bracket where the function is positive
 * @param converged     whether the bracket closed to the tolerance
 */
record Root(double valueK, double positiveSideK, boolean converged) {

    static Root find(DoubleUnaryOperator f, double a, double fa, double b, double fb, double toleranceK) {
        if (Math.signum(fa) == Math.signum(fb)) {
            throw new IllegalArgumentException("the bracket " + a + "-" + b + " K does not change sign");
        }
        int side = 0;
        for (int it = 0; it < 100; it++) {
            if (Math.abs(b - a) < toleranceK) {
                return new Root(0.5 * (a + b), fa > 0 ? a : b, true);
            }
            double c = (a * fb - b * fa) / (fb - fa);
            if (!(c > Math.min(a, b) && c < Math.max(a, b)) || it % 8 == 7) {
                c = 0.5 * (a + b);
            }
            // A point closer than half the tolerance to an end is moved to half the tolerance from it: when the
            // root is on that side the bracket then closes at once instead of creeping in from the other end.
            double low = Math.min(a, b);
            double high = Math.max(a, b);
            c = Math.min(Math.max(c, low + 0.5 * toleranceK), high - 0.5 * toleranceK);
            double fc = f.applyAsDouble(c);
            if (fc == 0) {
                return new Root(c, c, true);
            }
            if (Math.signum(fc) == Math.signum(fb)) {
                b = c;
                fb = fc;
                if (side == -1) {
                    fa /= 2;
                }
                side = -1;
            } else {
                a = c;
                fa = fc;
                if (side == 1) {
                    fb /= 2;
                }
                side = 1;
            }
        }
        return new Root(0.5 * (a + b), fa > 0 ? a : b, false);
    }
}
