package ca.scalloy.engine.charge;

/**
 * A charge with what a metallurgist asks of it beyond the masses.
 *
 * @param result      the charge (robust when the recipe asks a confidence)
 * @param certainty   its probability of passing and the price of certainty; null only when nothing is known of
 *                    any limited element's spread (none stated, learned or documented: {@link DefaultSpreads.Source#NONE})
 * @param sensitivity what its limits cost and its price ranges; null when not asked
 * @param recipe      the recipe as analysed: the one given, with the default spreads laid on its materials
 *                    when none states an uncertainty (what a front or a re-solve of the same charge must use)
 */
public record ChargeAnalysis(ChargeResult result, ChargeCertainty certainty, ChargeSensitivity sensitivity, Recipe recipe) {

    /**
     * What to compute besides the charge.
     *
     * @param sensitivity whether to compute the sensitivity analysis
     * @param draws       Monte Carlo draws, from {@link #DEFAULT_DRAWS} (issue 14 asks at least 10,000) to {@link #MAX_DRAWS}
     * @param seed        the Monte Carlo seed
     * @param defaults    the spreads of a recipe whose materials state none ({@link DefaultSpreads#NONE}: no defaults)
     */
    public record Request(boolean sensitivity, int draws, long seed, DefaultSpreads defaults) {

        /** The draws of a standard estimate: its standard error at p = 0.95 is about 0.0022. */
        public static final int DEFAULT_DRAWS = 10_000;
        /** The seed of a standard estimate, so that the same charge always gives the same figure. */
        public static final long DEFAULT_SEED = 14L;
        /** The most draws asked for at once. */
        public static final int MAX_DRAWS = 10_000_000;

        /** With the reference data's default spreads. */
        public Request(boolean sensitivity, int draws, long seed) {
            this(sensitivity, draws, seed, DefaultSpreads.reference());
        }

        public Request {
            java.util.Objects.requireNonNull(defaults, "defaults");
            if (draws < DEFAULT_DRAWS || draws > MAX_DRAWS) {
                throw new IllegalArgumentException("draws must be from " + DEFAULT_DRAWS + " to " + MAX_DRAWS + ", was " + draws);
            }
        }

        /** A copy judging a recipe without stated spreads with {@code newDefaults}. */
        public Request withDefaults(DefaultSpreads newDefaults) {
            return new Request(sensitivity, draws, seed, newDefaults);
        }

        /** The standard draws and seed and the reference spreads, with or without the sensitivity analysis. */
        public static Request standard(boolean sensitivity) {
            return new Request(sensitivity, DEFAULT_DRAWS, DEFAULT_SEED);
        }
    }
}
