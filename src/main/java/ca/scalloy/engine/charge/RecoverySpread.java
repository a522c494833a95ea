package ca.scalloy.engine.charge;

/**
 * What the plant's released heats say of one material's recovery of one element by one route: the
 * mean and the sample standard deviation of the actual recoveries, and how many heats gave them.
 *
 * @param meanPct the mean recovery, %
 * @param sdPct   the sample standard deviation (n − 1), percentage points, &gt;= 0
 * @param heats   how many released heats, at least {@link #MIN_HEATS}
 */
public record RecoverySpread(double meanPct, double sdPct, int heats) {

    /** Fewer heats than this give no spread worth using: the sample deviation of two heats is mostly noise. */
    public static final int MIN_HEATS = 3;

    public RecoverySpread {
        if (!Double.isFinite(meanPct) || !Double.isFinite(sdPct) || sdPct < 0) {
            throw new IllegalArgumentException("meanPct and sdPct must be numbers, sdPct >= 0, were " + meanPct + " and " + sdPct);
        }
        if (heats < MIN_HEATS) {
            throw new IllegalArgumentException("heats must be at least " + MIN_HEATS + ", was " + heats);
        }
    }

    /**
     * The spread of these recoveries, %, or null when there are fewer than {@link #MIN_HEATS}.
     */
    public static RecoverySpread of(double[] recoveriesPct) {
        int n = recoveriesPct.length;
        if (n < MIN_HEATS) {
            return null;
        }
        double mean = 0;
        for (double v : recoveriesPct) {
            mean += v;
        }
        mean /= n;
        double ss = 0;
        for (double v : recoveriesPct) {
            ss += (v - mean) * (v - mean);
        }
        return new RecoverySpread(mean, Math.sqrt(ss / (n - 1)), n);
    }
}
