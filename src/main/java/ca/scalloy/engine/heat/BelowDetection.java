package ca.scalloy.engine.heat;

import ca.scalloy.engine.MessageException;

/**
 * An element the instrument reported as below what it can detect: {@code "<0.001"} or {@code "<5 ppm"}
 * (the detection limit stated, converted to wt%) or {@code "n.d."} (no limit stated). It is kept as
 * reported, never as 0, and judged against the limit (see {@link SampleChecker}).
 *
 * @param limitWtPct the stated detection limit, wt% from 0 to 100, or null when the report states none
 */
public record BelowDetection(Double limitWtPct) {

    public BelowDetection {
        if (limitWtPct != null && (!Double.isFinite(limitWtPct) || limitWtPct < 0 || limitWtPct > 100)) {
            throw new MessageException("heats.refusal.detectionLimitRange", "a detection limit must be from 0 to 100 wt%, was " + limitWtPct,
                    limitWtPct);
        }
    }

    /** "n.d.": not detected, no limit stated. */
    public static BelowDetection notDetected() {
        return new BelowDetection(null);
    }

    /** "&lt;x": below the stated limit {@code limitWtPct}. */
    public static BelowDetection below(double limitWtPct) {
        return new BelowDetection(limitWtPct);
    }

    /** Whether a limit is stated. */
    public boolean limitStated() {
        return limitWtPct != null;
    }
}
