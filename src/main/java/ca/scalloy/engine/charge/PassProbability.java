package ca.scalloy.engine.charge;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The probability that a charge's first sample passes, estimated by Monte Carlo over the materials'
 * stated deviations ({@link MonteCarlo}).
 *
 * @param draws         how many charges were drawn
 * @param seed          the seed of the draws (the same seed gives the same estimate)
 * @param passRate      share of draws in which every element met every limit, 0-1
 * @param standardError the estimate's standard error, √(p(1−p)/draws)
 * @param perElement    per limited element, the share of draws in which it met its limits, 0-1
 */
public record PassProbability(int draws, long seed, double passRate, double standardError, Map<String, Double> perElement) {

    public PassProbability {
        perElement = Collections.unmodifiableMap(new LinkedHashMap<>(perElement));
    }

    /** The standard error of a rate {@code p} estimated from {@code draws} draws. */
    public static double standardError(double p, int draws) {
        return Math.sqrt(Math.max(0, p * (1 - p)) / draws);
    }
}
