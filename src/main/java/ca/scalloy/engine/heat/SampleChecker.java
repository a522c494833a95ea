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
 *       never 0 % for others nobody looked for. An unlisted element reported "&lt;x" counts at most x: the others
 *       then read "&lt;" their bound ({@link #othersChecks}), never 0 % for a value below a limit.</li>
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
        List<SampleCheck> others = report.elements().subList(limits.size(), report.elements().size()).stream()
                .map(SampleCheck::measured).toList();
        checks.addAll(othersChecks(a, e -> spec.limit(e).isPresent() || e.equals(balanceElement), others));
        return new Result(verdictOf(checks), checks);
    }

    /**
     * The "others each" and "others total" of a sample from what it reported of the elements {@code notOther} does not
     * exclude (the unlisted ones, the balance aside):
     * <ul>
     *   <li>none reported (neither a value nor a detection limit): NOT_REPORTED, no value;</li>
     *   <li>only values, or detection limits no higher than the values they sit beside: as measured;</li>
     *   <li>some "&lt;x" that raises the bound: the true figure is below the bound (others each: the greatest of the
     *       values and the limits; others total: the values' sum plus the limits'), read as BELOW_LIMIT with the bound;
     *       PASS (or MARGINAL, as the values alone already are) when the bound is within the maximum, FAIL when the
     *       values alone exceed it, else NOT_REPORTED: an upper bound above the maximum settles nothing;</li>
     *   <li>an unlisted element "n.d." with no limit stated leaves no bound: NOT_REPORTED unless the values alone fail.</li>
     * </ul>
     *
     * @param measured the others as the compliance checker judged the sample's values (its "others each (X)" and
     *                 "others total", the detection limits left out)
     */
    public static List<SampleCheck> othersChecks(SampleAnalysis a, Predicate<String> notOther, List<SampleCheck> measured) {
        if (!measuredOthers(a, notOther)) {
            return measured.stream().map(c -> SampleCheck.unjudged(c.element(), c.minPct(), c.maxPct(), SampleCheck.Reading.ABSENT)).toList();
        }
        // ties go to the element first in alphabetical order, so that the name does not hang on the report's order
        String widest = null;
        double widestPct = 0;
        double limitsPct = 0;
        String undetermined = null;
        for (Map.Entry<String, BelowDetection> e : a.belowDetection().entrySet()) {
            String element = e.getKey();
            if (notOther.test(element)) {
                continue;
            }
            if (!e.getValue().limitStated()) {
                undetermined = undetermined == null || element.compareTo(undetermined) < 0 ? element : undetermined;
                continue;
            }
            double limit = e.getValue().limitWtPct();
            limitsPct += limit;
            if (limit > widestPct || limit == widestPct && widest != null && element.compareTo(widest) < 0) {
                widest = element;
                widestPct = limit;
            }
        }
        List<SampleCheck> out = new ArrayList<>();
        for (SampleCheck c : measured) {
            out.add(withDetectionLimits(c, widest, widestPct, limitsPct, undetermined));
        }
        return out;
    }

    /**
     * One of the others (as measured) with the unlisted elements' detection limits, see {@link #othersChecks}: "others
     * each" is named after the element that sets its bound, or the one reported "n.d." with no limit that leaves it open.
     */
    private static SampleCheck withDetectionLimits(SampleCheck c, String widest, double widestPct, double limitsPct, String undetermined) {
        if (c.valuePct() == null || c.maxPct() == null || c.status() == ElementStatus.FAIL) {
            return c;
        }
        boolean each = c.element().startsWith(ElementCheck.OTHERS_EACH);
        if (undetermined != null) {
            return SampleCheck.unjudged(each ? ElementCheck.othersEachOf(undetermined) : c.element(), c.minPct(), c.maxPct(),
                    SampleCheck.Reading.NOT_DETECTED);
        }
        double bound = each ? Math.max(c.valuePct(), widestPct) : c.valuePct() + limitsPct;
        if (bound <= c.valuePct()) {
            return c;
        }
        String element = each ? ElementCheck.othersEachOf(widest) : c.element();
        // a sum of limits that comes to the maximum lands a bit either side of it: the compliance checker's allowance
        if (bound > c.maxPct() + ComplianceChecker.ROUNDING_PCT) {
            return new SampleCheck(element, c.minPct(), c.maxPct(), bound, SampleCheck.Reading.BELOW_LIMIT, ElementStatus.NOT_REPORTED, null);
        }
        return new SampleCheck(element, c.minPct(), c.maxPct(), bound, SampleCheck.Reading.BELOW_LIMIT, c.status(),
                Math.max(0, c.maxPct() - bound));
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
