package ca.scalloy.ui.heats;

import java.util.List;

import ca.scalloy.engine.heat.ElementStatus;
import ca.scalloy.engine.heat.HeatAction;
import ca.scalloy.engine.heat.HeatRefusal;
import ca.scalloy.engine.heat.HeatSample;
import ca.scalloy.engine.heat.HeatStatus;
import ca.scalloy.engine.heat.SampleCheck;
import ca.scalloy.store.HeatRefusedException;
import ca.scalloy.ui.common.MessageWords;
import ca.scalloy.ui.common.Messages;
import ca.scalloy.ui.common.Numbers;

/**
 * The heat workflow's refusals and the samples' verdicts in the user's language: the engine gives codes
 * and arguments ({@link HeatRefusal}, {@link SampleCheck}), the bundles the words.
 */
final class HeatWords {

    private HeatWords() {
    }

    /** A refusal of the heat workflow in words. */
    static String refusal(HeatRefusal r, Messages m) {
        return switch (r.code()) {
            case MOVE_NOT_ALLOWED -> {
                @SuppressWarnings("unchecked")
                List<HeatStatus> allowed = (List<HeatStatus>) r.arg(2);
                yield m.get("heats.move.refused", status(r.arg(0), m), status(r.arg(1), m),
                        String.join(", ", allowed.stream().map(s -> m.label("heats.status", s)).toList()));
            }
            case STATUS_FINAL -> m.get("heats.move.final", status(r.arg(0), m), status(r.arg(1), m));
            case NOT_NOW -> {
                HeatAction a = (HeatAction) r.arg(0);
                String key = switch (a) {
                    case WEIGH, SAMPLE, CORRECT, CAST, CERTIFY -> "heats.rule.notNow." + a.name();
                    default -> "heats.rule.notNow.other";
                };
                yield m.get(key, r.heatNumber(), status(r.arg(1), m));
            }
            case SAMPLE_OF_ANOTHER_HEAT -> m.get("heats.rule.sampleOfAnotherHeat", r.arg(0), r.arg(1), r.heatNumber());
            case CAST_MASS_IMPLAUSIBLE -> m.get("heats.rule.castImplausible", r.heatNumber(), kg(r.arg(0), 1, m), kg(r.arg(1), 1, m),
                    kg(r.arg(2), 1, m), kg(r.arg(3), 1, m), kg(r.arg(4), 1, m));
            case WEIGHED_MASS_IMPLAUSIBLE -> m.get("heats.rule.weighedImplausible", r.arg(0), kg(r.arg(1), 3, m), kg(r.arg(2), 3, m),
                    kg(r.arg(3), 3, m), kg(r.arg(4), 3, m));
        };
    }

    /** What a failed store action says: a workflow refusal in words, anything else as the store words it. */
    static String failure(Throwable e, Messages m) {
        return e instanceof HeatRefusedException h ? refusal(h.refusal(), m) : MessageWords.failure(e, m);
    }

    /** A sample's verdict in words; one given under earlier rules (and read differently now) says so. */
    static String verdict(HeatSample s, Messages m) {
        String v = m.label("compliance", s.verdict());
        return s.legacyVerdict() ? m.get("heats.verdict.legacy", v) : v;
    }

    /** An element's value as reported: the measured content in the plant's unit for it (wt% or ppm), "< limit", "n.d." or "not reported", never 0 for nothing. */
    static String value(SampleCheck c, Messages m) {
        return switch (c.reading()) {
            case MEASURED -> m.quantities().content(c.element(), c.valuePct());
            case BELOW_LIMIT -> m.get("heats.check.belowLimit", m.quantities().content(c.element(), c.valuePct()));
            case NOT_DETECTED -> m.get("heats.check.notDetected");
            case ABSENT -> m.get("heats.check.notReported");
        };
    }

    /** An element's status in words, saying why one could not be judged. */
    static String status(SampleCheck c, Messages m) {
        if (c.status() != ElementStatus.NOT_REPORTED || c.reading() == SampleCheck.Reading.ABSENT) {
            return m.label("compliance", c.status());
        }
        return m.get("heats.check.unjudged." + c.reading().name());
    }

    private static String status(Object s, Messages m) {
        return m.label("heats.status", (HeatStatus) s);
    }

    private static String kg(Object v, int decimals, Messages m) {
        double kg = ((Number) v).doubleValue();
        return decimals > 1 ? m.quantities().kgFineNumber(kg) : m.quantities().kgNumber(kg);
    }
}
