package ca.scalloy.engine.thermo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.DoubleUnaryOperator;

import org.junit.jupiter.api.Test;

class RootTest {

    private static final double TOLERANCE_K = 0.005;

    /**
     * The shape of the liquid's driving force below the solidus of the 8-element benchmark alloy (about 11.5 J/mol
     * per K, slightly curved), bracketed 80 K wide as the solidus search brackets it: f(T) = 11.5 (T - 850.2) -
     * 0.02 (T - 850.2)^2, root 850.2 K exactly. Regula falsi lands on the root to rounding at its third point and
     * then crept in from the far end (6 evaluations); a point moved half the tolerance off the near end closes the
     * bracket at the next one (5).
     */
    @Test
    void closesASmoothRootWithoutCreepingInFromTheFarEnd() {
        int[] evaluations = {0};
        DoubleUnaryOperator f = t -> 11.5 * (t - 850.2) - 0.02 * (t - 850.2) * (t - 850.2);
        DoubleUnaryOperator counted = t -> {
            evaluations[0]++;
            return f.applyAsDouble(t);
        };
        Root r = Root.find(counted, 777.3, f.applyAsDouble(777.3), 857.3, f.applyAsDouble(857.3), TOLERANCE_K);
        assertTrue(r.converged());
        assertEquals(850.2, r.valueK(), TOLERANCE_K);
        assertTrue(r.positiveSideK() >= 850.2 && r.positiveSideK() - 850.2 <= TOLERANCE_K, "positive side " + r.positiveSideK());
        assertTrue(evaluations[0] <= 5, "evaluations " + evaluations[0]);
    }

    /** f(T) = exp((T - 700) / 20) - 1, root 700 K: strongly curved, the bracket still closes to the tolerance. */
    @Test
    void closesACurvedRootToTheTolerance() {
        DoubleUnaryOperator f = t -> Math.exp((t - 700) / 20) - 1;
        Root r = Root.find(f, 600, f.applyAsDouble(600), 900, f.applyAsDouble(900), TOLERANCE_K);
        assertTrue(r.converged());
        assertEquals(700, r.valueK(), TOLERANCE_K);
        assertTrue(f.applyAsDouble(r.positiveSideK()) > 0);
    }
}
