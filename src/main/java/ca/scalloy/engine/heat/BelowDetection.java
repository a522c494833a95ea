package ca.scalloy.engine.heat;

import java.util.Locale;
import java.util.Set;

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

    /** How spectrometer reports and analysts write "not detected, no limit stated", lower case. */
    private static final Set<String> NOT_DETECTED_WORDS = Set.of("n.d.", "nd", "n.d", "-", "--", "<lod", "bdl", "< lod");

    /** Whether {@code reported} says "not detected" with no limit ("n.d.", "ND", "-", "&lt;LOD", "bdl"), in any case. */
    public static boolean saysNotDetected(String reported) {
        return NOT_DETECTED_WORDS.contains(reported.strip().toLowerCase(Locale.ROOT));
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
