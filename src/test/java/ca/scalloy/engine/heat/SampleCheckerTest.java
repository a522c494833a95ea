package ca.scalloy.engine.heat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import ca.scalloy.engine.spec.ElementLimit;
import ca.scalloy.engine.spec.Specification;

/** Samples are judged from what was measured: the seed's AlSc2 (Sc 1.8-2.2, Fe, Si, Cu, Zn, Ti, Ca, Na maxima). */
class SampleCheckerTest {

    private static final Specification ALSC2 = new Specification("AlSc2", "MASTER_ALLOY", "seed-1", List.of(
            new ElementLimit("Sc", 1.8, 2.2), new ElementLimit("Fe", null, 0.15), new ElementLimit("Si", null, 0.10),
            new ElementLimit("Cu", null, 0.05), new ElementLimit("Zn", null, 0.05), new ElementLimit("Ti", null, 0.05),
            new ElementLimit("Ca", null, 0.01), new ElementLimit("Na", null, 0.01)), 0.03, 0.10, List.of(), "sectors.md", "est");

    private final SampleChecker checker = new SampleChecker();

    private SampleChecker.Result check(Map<String, Double> measured, Map<String, BelowDetection> below) {
        return checker.check(new SampleAnalysis("S1", "", "OES", measured, below), ALSC2, "Al");
    }

    private static SampleCheck of(SampleChecker.Result r, String element) {
        return r.checks().stream().filter(c -> c.element().equals(element)).findFirst().orElseThrow();
    }

    /* The hand sample: Sc/Fe/Si only. Cu, Zn, Ti, Ca, Na were not measured: NOT_REPORTED with no value, never 0.00 PASS. */
    @Test
    void aHandSampleOfScFeSiLeavesTheOtherLimitedElementsNotReportedAndIsIncomplete() {
        SampleChecker.Result r = check(Map.of("Sc", 1.97, "Fe", 0.10, "Si", 0.05), Map.of());
        assertEquals(SampleVerdict.INCOMPLETE, r.verdict());
        for (String e : List.of("Cu", "Zn", "Ti", "Ca", "Na")) {
            SampleCheck c = of(r, e);
            assertEquals(ElementStatus.NOT_REPORTED, c.status(), e);
            assertEquals(SampleCheck.Reading.ABSENT, c.reading(), e);
            assertNull(c.valuePct(), e + " has no value");
        }
        assertEquals(ElementStatus.PASS, of(r, "Sc").status());
        assertFalse(r.verdict().meetsSpecification());
    }

    /* Every limited element inside, and two others measured: Mg 0.006 and Mn 0.004, each under 0.03, together 0.010 under 0.10. */
    @Test
    void aSampleReportingEveryLimitedElementAndTheOthersInsidePasses() {
        SampleChecker.Result r = check(Map.of("Sc", 1.97, "Fe", 0.10, "Si", 0.05, "Cu", 0.003, "Zn", 0.004, "Ti", 0.006, "Ca", 0.002,
                "Na", 0.0018, "Mg", 0.006, "Mn", 0.004), Map.of());
        assertEquals(SampleVerdict.PASS, r.verdict());
        assertEquals(0.006, of(r, "others each (Mg)").valuePct(), 1e-12);
        assertEquals(0.010, of(r, "others total").valuePct(), 1e-12);
    }

    /*
     * The same sample without Mg and Mn: no element outside the list was looked for, so nothing is known of the others.
     * They were "others each 0.00 %" and "others total 0.00 %", both PASS, and the sample PASS: a zero nobody measured.
     */
    @Test
    void aSampleThatMeasuredNoOtherElementCannotBeJudgedOnTheOthers() {
        SampleChecker.Result r = check(Map.of("Sc", 1.97, "Fe", 0.10, "Si", 0.05, "Cu", 0.003, "Zn", 0.004, "Ti", 0.006, "Ca", 0.002,
                "Na", 0.0018), Map.of());
        for (String others : List.of("others each", "others total")) {
            SampleCheck c = of(r, others);
            assertEquals(ElementStatus.NOT_REPORTED, c.status(), others);
            assertEquals(SampleCheck.Reading.ABSENT, c.reading(), others);
            assertNull(c.valuePct(), others + " has no value");
        }
        assertEquals(SampleVerdict.INCOMPLETE, r.verdict());
    }

    /*
     * An element outside the list reported only below its detection limit was looked for, and is at most that limit: Mn
     * "<0.001" makes "others each (Mn) < 0.001" (margin 0.03 - 0.001 = 0.029) and "others total < 0.001" (margin 0.10 -
     * 0.001 = 0.099), both PASS. They read "0.0000 %, PASS" before: a value nobody measured.
     */
    @Test
    void anOtherElementBelowItsDetectionLimitBoundsTheOthersByThatLimit() {
        SampleChecker.Result r = check(LISTED, Map.of("Mn", BelowDetection.below(0.001)));
        assertBelow(of(r, "others each (Mn)"), 0.001, ElementStatus.PASS, 0.029);
        assertBelow(of(r, "others total"), 0.001, ElementStatus.PASS, 0.099);
        assertEquals(SampleVerdict.PASS, r.verdict());
    }

    /*
     * Mg 0.006 measured, Mn "<0.02" and Zr "<0.001": each is at most max(0.006, 0.02, 0.001) = 0.02, set by Mn's limit
     * (margin 0.03 - 0.02 = 0.01); the total at most 0.006 + 0.02 + 0.001 = 0.027 (margin 0.073). Both PASS, read "<".
     */
    @Test
    void measuredOthersAndDetectionLimitsTogetherGiveUpperBounds() {
        SampleChecker.Result r = check(with(LISTED, "Mg", 0.006), Map.of("Mn", BelowDetection.below(0.02), "Zr", BelowDetection.below(0.001)));
        assertBelow(of(r, "others each (Mn)"), 0.02, ElementStatus.PASS, 0.01);
        assertBelow(of(r, "others total"), 0.027, ElementStatus.PASS, 0.073);
        assertEquals(SampleVerdict.PASS, r.verdict());
    }

    /*
     * Mg 0.05 and Cr 0.05 measured with Mn "<0.05" against a total of 0.15: the bound
     * 0.05 + 0.05 + 0.05 is 0.15 exactly, which in doubles comes to 0.15000000000000002. At the maximum it passes
     * (margin 0), with the compliance checker's rounding allowance; it read NOT_REPORTED. PASS, not MARGINAL: as for a
     * listed "<x", a bound within the maximum passes, and the values alone (0.10, margin 0.05) are clear of the band.
     */
    @Test
    void aBoundThatAddsUpToTheMaximumExactlyPassesIt() {
        Specification total015 = new Specification("T", "MASTER_ALLOY", "1", List.of(new ElementLimit("Sc", 1.8, 2.2)), 0.05, 0.15,
                List.of(), "test", "est");
        SampleChecker.Result r = checker.check(new SampleAnalysis("S1", "", "OES", Map.of("Sc", 2.0, "Mg", 0.05, "Cr", 0.05),
                Map.of("Mn", BelowDetection.below(0.05))), total015, "Al");
        SampleCheck total = of(r, "others total");
        assertEquals(SampleCheck.Reading.BELOW_LIMIT, total.reading());
        assertEquals(ElementStatus.PASS, total.status());
        assertEquals(0.0, total.marginPct());
    }

    /* Mn and Zr both "<0.02": the bound is the same whichever sets it; the name is Mn's (alphabetical), in any report order. */
    @Test
    void equalDetectionLimitsNameTheFirstElementAlphabetically() {
        for (List<String> order : List.of(List.of("Zr", "Mn"), List.of("Mn", "Zr"))) {
            Map<String, BelowDetection> below = new java.util.LinkedHashMap<>();
            order.forEach(e -> below.put(e, BelowDetection.below(0.02)));
            assertBelow(of(check(LISTED, below), "others each (Mn)"), 0.02, ElementStatus.PASS, 0.01);
        }
    }

    /*
     * Mg 0.006 measured, Mn "<0.004": the largest other is Mg's 0.006 exactly (Mn is below 0.004), so "others each (Mg)"
     * stays as measured; the total is at most 0.006 + 0.004 = 0.010, read "<".
     */
    @Test
    void aDetectionLimitUnderTheLargestMeasuredOtherLeavesOthersEachAsMeasured() {
        SampleChecker.Result r = check(with(LISTED, "Mg", 0.006), Map.of("Mn", BelowDetection.below(0.004)));
        SampleCheck each = of(r, "others each (Mg)");
        assertEquals(SampleCheck.Reading.MEASURED, each.reading());
        assertEquals(0.006, each.valuePct(), 1e-12);
        assertBelow(of(r, "others total"), 0.010, ElementStatus.PASS, 0.090);
    }

    /*
     * Mn "<0.05" against others each max 0.03: the true value is somewhere under 0.05, which settles nothing. NOT_REPORTED
     * with the bound kept (never 0), and the sample INCOMPLETE; the total's bound 0.05 is within its 0.10 and passes.
     */
    @Test
    void aDetectionLimitAboveTheOthersMaximumCannotJudgeThem() {
        SampleChecker.Result r = check(LISTED, Map.of("Mn", BelowDetection.below(0.05)));
        SampleCheck each = of(r, "others each (Mn)");
        assertEquals(SampleCheck.Reading.BELOW_LIMIT, each.reading());
        assertEquals(ElementStatus.NOT_REPORTED, each.status());
        assertEquals(0.05, each.valuePct(), 1e-12);
        assertNull(each.marginPct());
        assertBelow(of(r, "others total"), 0.05, ElementStatus.PASS, 0.05);
        assertEquals(SampleVerdict.INCOMPLETE, r.verdict());
    }

    /* Mg 0.04 measured fails others each (0.03) whatever Mn "<0.05" hides: FAIL as measured, margin 0.03 - 0.04 = -0.01. */
    @Test
    void aMeasuredOtherOverTheMaximumFailsWhateverTheDetectionLimits() {
        SampleChecker.Result r = check(with(LISTED, "Mg", 0.04), Map.of("Mn", BelowDetection.below(0.05)));
        SampleCheck each = of(r, "others each (Mg)");
        assertEquals(SampleCheck.Reading.MEASURED, each.reading());
        assertEquals(ElementStatus.FAIL, each.status());
        assertEquals(-0.01, each.marginPct(), 1e-12);
        assertEquals(SampleVerdict.FAIL, r.verdict());
    }

    /*
     * Mn "n.d." with no limit beside Mg 0.006: Mn could be anything, so neither others figure can be judged; "others each"
     * names Mn, the element that leaves it open.
     */
    @Test
    void anOtherNotDetectedWithNoLimitLeavesTheOthersUnjudged() {
        SampleChecker.Result r = check(with(LISTED, "Mg", 0.006), Map.of("Mn", BelowDetection.notDetected()));
        for (String others : List.of("others each (Mn)", "others total")) {
            SampleCheck c = of(r, others);
            assertEquals(ElementStatus.NOT_REPORTED, c.status(), others);
            assertEquals(SampleCheck.Reading.NOT_DETECTED, c.reading(), others);
            assertNull(c.valuePct(), others);
        }
        assertEquals(SampleVerdict.INCOMPLETE, r.verdict());
    }

    /* Every listed element measured and inside its limits, no other element. */
    private static final Map<String, Double> LISTED = Map.of("Sc", 1.97, "Fe", 0.10, "Si", 0.05, "Cu", 0.003, "Zn", 0.004, "Ti", 0.006,
            "Ca", 0.002, "Na", 0.0018);

    private static Map<String, Double> with(Map<String, Double> values, String element, double pct) {
        Map<String, Double> out = new java.util.LinkedHashMap<>(values);
        out.put(element, pct);
        return out;
    }

    private static void assertBelow(SampleCheck c, double boundPct, ElementStatus status, double marginPct) {
        assertEquals(SampleCheck.Reading.BELOW_LIMIT, c.reading(), c.element());
        assertEquals(boundPct, c.valuePct(), 1e-12, c.element());
        assertEquals(status, c.status(), c.element());
        assertEquals(marginPct, c.marginPct(), 1e-12, c.element());
    }

    @Test
    void aFailingElementMakesTheSampleFailEvenWhenAnotherIsNotReported() {
        assertEquals(SampleVerdict.FAIL, check(Map.of("Sc", 1.70, "Fe", 0.10), Map.of()).verdict());
    }

    /*
     * Detection limits, Na max 0.01 and Sc min 1.8: "<0.005" at or under the max passes (margin 0.005); "<0.02" above it
     * cannot be judged; "<1.5" under the Sc min fails (the true value is below 1.5); "<1.9" above the Sc min cannot be judged;
     * "n.d." with no limit cannot be judged.
     */
    @ParameterizedTest
    @CsvSource(nullValues = "null", value = {
        "Na, 0.005, PASS,         PASS",
        "Na, 0.01,  PASS,         PASS",
        "Na, 0.02,  NOT_REPORTED, INCOMPLETE",
        "Sc, 1.5,   FAIL,         FAIL",
        "Sc, 1.8,   FAIL,         FAIL",
        "Sc, 1.9,   NOT_REPORTED, INCOMPLETE",
        "Na, null,  NOT_REPORTED, INCOMPLETE"})
    void aValueBelowTheDetectionLimitIsJudgedAgainstTheLimit(String element, Double limit, ElementStatus status, SampleVerdict verdict) {
        Map<String, Double> rest = new java.util.LinkedHashMap<>(Map.of("Sc", 1.97, "Fe", 0.10, "Si", 0.05, "Cu", 0.003, "Zn", 0.004,
                "Ti", 0.006, "Ca", 0.002, "Na", 0.0018, "Mg", 0.006));
        rest.remove(element);
        SampleChecker.Result r = check(rest, Map.of(element, new BelowDetection(limit)));
        SampleCheck c = of(r, element);
        assertEquals(status, c.status());
        assertEquals(verdict, r.verdict());
        assertEquals(limit == null ? SampleCheck.Reading.NOT_DETECTED : SampleCheck.Reading.BELOW_LIMIT, c.reading());
        assertEquals(limit, c.valuePct(), "the limit is kept as reported, never 0");
    }

    @Test
    void anElementIsEitherMeasuredOrBelowDetectionNeverBoth() {
        assertThrows(IllegalArgumentException.class, () -> new SampleAnalysis("S", "", "", Map.of("Na", 0.001),
                Map.of("Na", BelowDetection.notDetected())));
        assertThrows(IllegalArgumentException.class, () -> BelowDetection.below(-1));
    }
}
