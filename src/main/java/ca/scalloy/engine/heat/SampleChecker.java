package ca.scalloy.engine.heat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import ca.scalloy.engine.Composition;
import ca.scalloy.engine.MessageException;
import ca.scalloy.engine.spec.ComplianceChecker;
import ca.scalloy.engine.spec.ComplianceReport;
import ca.scalloy.engine.spec.ElementCheck;
import ca.scalloy.engine.spec.ElementLimit;
import ca.scalloy.engine.spec.Specification;

/**
 * Judges a sample against its heat's specification from what was measured only: one source of truth
 * for the heat screen, the commands and the certificate.
 *
 * <ul>
 *   <li>A measured element is PASS, MARGINAL or FAIL as {@link ComplianceChecker} says.</li>
 *   <li>An element the specification limits and the sample does not report is NOT_REPORTED (never 0 %).</li>
 *   <li>"&lt;x" (below the detection limit x): with a minimum, x at or under it FAILS (the true value is
 *       below x), x above it cannot be judged; with only a maximum, x at or under it PASSES, x above it
 *       cannot be judged. "n.d." with no stated limit cannot be judged. An element that cannot be judged
 *       is NOT_REPORTED.</li>
 *   <li>"Others each" and "others total" are judged over the unlisted elements the sample measured; a sample that
 *       measured none of them (a value or a detection limit) cannot be judged on them: both are NOT_REPORTED,
 *       never 0 % for others nobody looked for.</li>
 *   <li>The verdict: FAIL if any element fails; else INCOMPLETE if any is NOT_REPORTED; else MARGINAL if
 *       any is; else PASS.</li>
 * </ul>
 */
public final class SampleChecker {

    private final ComplianceChecker checker;

    public SampleChecker() {
        this(new ComplianceChecker());
    }

    public SampleChecker(ComplianceChecker checker) {
        this.checker = checker;
    }

    /** A sample's verdict and its element checks (the specification's order, then "others"). */
    public record Result(SampleVerdict verdict, List<SampleCheck> checks) {
        public Result {
            checks = List.copyOf(checks);
        }
    }

    /**
     * Judges {@code a} against {@code spec}.
     *
     * @param balanceElement the heat's balance element (Al): its value is the rest of the measured ones
     * @throws IllegalArgumentException naming the sample when its measured values add up to more than 100 %
     */
    public Result check(SampleAnalysis a, Specification spec, String balanceElement) {
        Map<String, Double> measured = new LinkedHashMap<>(a.wtPct());
        measured.remove(balanceElement);
        Composition composition;
        try {
            composition = new Composition(measured, balanceElement);
        } catch (MessageException e) {
            MessageException named = new MessageException("heats.refusal.sample", "sample " + a.sampleNumber() + ": " + e.getMessage(),
                    a.sampleNumber(), e.message());
            named.initCause(e);
            throw named;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("sample " + a.sampleNumber() + ": " + e.getMessage(), e);
        }
        ComplianceReport report = checker.check(composition, spec, null);
        List<SampleCheck> checks = new ArrayList<>();
        List<ElementLimit> limits = spec.limits();
        for (int i = 0; i < limits.size(); i++) {
            ElementLimit l = limits.get(i);
            String e = l.element();
            if (measured.containsKey(e) || e.equals(balanceElement)) {
                checks.add(SampleCheck.measured(report.elements().get(i)));
            } else if (a.belowDetection().containsKey(e)) {
                checks.add(belowDetection(e, l.minPct(), l.maxPct(), a.belowDetection().get(e)));
            } else {
                checks.add(SampleCheck.unjudged(e, l.minPct(), l.maxPct(), SampleCheck.Reading.ABSENT));
            }
        }
        boolean othersMeasured = measuredOthers(a, e -> spec.limit(e).isPresent() || e.equals(balanceElement));
        for (ElementCheck others : report.elements().subList(limits.size(), report.elements().size())) {
            checks.add(othersMeasured ? SampleCheck.measured(others)
                    : SampleCheck.unjudged(others.element(), others.minPct(), others.maxPct(), SampleCheck.Reading.ABSENT));
        }
        return new Result(verdictOf(checks), checks);
    }

    /**
     * Whether {@code a} measured (a value or a detection limit) some element {@code notOther} does not exclude: an element
     * outside the specification's list, the balance aside.
     */
    public static boolean measuredOthers(SampleAnalysis a, Predicate<String> notOther) {
        return a.wtPct().keySet().stream().anyMatch(notOther.negate()) || a.belowDetection().keySet().stream().anyMatch(notOther.negate());
    }

    /** The verdict of a sample's checks (see the class comment). */
    public static SampleVerdict verdictOf(List<SampleCheck> checks) {
        if (checks.stream().anyMatch(c -> c.status() == ElementStatus.FAIL)) {
            return SampleVerdict.FAIL;
        }
        if (checks.stream().anyMatch(c -> c.status() == ElementStatus.NOT_REPORTED)) {
            return SampleVerdict.INCOMPLETE;
        }
        return checks.stream().anyMatch(c -> c.status() == ElementStatus.MARGINAL) ? SampleVerdict.MARGINAL : SampleVerdict.PASS;
    }

    private static SampleCheck belowDetection(String element, Double min, Double max, BelowDetection b) {
        if (!b.limitStated()) {
            return SampleCheck.unjudged(element, min, max, SampleCheck.Reading.NOT_DETECTED);
        }
        double limit = b.limitWtPct();
        ElementStatus status;
        Double margin;
        if (min != null) {
            // The true value lies below the limit: at or under the minimum it fails, above it nothing is known.
            status = limit <= min ? ElementStatus.FAIL : ElementStatus.NOT_REPORTED;
            margin = limit <= min ? limit - min : null;
        } else if (limit <= max) {
            status = ElementStatus.PASS;
            margin = max - limit;
        } else {
            status = ElementStatus.NOT_REPORTED;
            margin = null;
        }
        return new SampleCheck(element, min, max, limit, SampleCheck.Reading.BELOW_LIMIT, status, margin);
    }
}
