package ca.scalloy.engine.charge;

/**
 * A charge with what a metallurgist asks of it beyond the masses.
 *
 * @param result      the charge (robust when the recipe states a confidence and some uncertainty)
 * @param certainty   its probability of passing and the price of certainty; null when no material states
 *                    an uncertainty (nothing to draw from)
 * @param sensitivity what its limits cost and its price ranges; null when not asked
 */
public record ChargeAnalysis(ChargeResult result, ChargeCertainty certainty, ChargeSensitivity sensitivity) {

    /**
     * What to compute besides the charge.
     *
     * @param sensitivity whether to compute the sensitivity analysis
     * @param draws       Monte Carlo draws, from {@link #DEFAULT_DRAWS} (issue 14 asks at least 10,000) to {@link #MAX_DRAWS}
     * @param seed        the Monte Carlo seed
     */
    public record Request(boolean sensitivity, int draws, long seed) {

        /** The draws of a standard estimate: its standard error at p = 0.95 is about 0.0022. */
        public static final int DEFAULT_DRAWS = 10_000;
        /** The seed of a standard estimate, so that the same charge always gives the same figure. */
        public static final long DEFAULT_SEED = 14L;
        /** The most draws asked for at once. */
        public static final int MAX_DRAWS = 10_000_000;

        public Request {
            if (draws < DEFAULT_DRAWS || draws > MAX_DRAWS) {
                throw new IllegalArgumentException("draws must be from " + DEFAULT_DRAWS + " to " + MAX_DRAWS + ", was " + draws);
            }
        }

        /** The standard draws and seed, with or without the sensitivity analysis. */
        public static Request standard(boolean sensitivity) {
            return new Request(sensitivity, DEFAULT_DRAWS, DEFAULT_SEED);
        }
    }
}
