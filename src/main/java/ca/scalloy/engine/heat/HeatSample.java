package ca.scalloy.engine.heat;

import java.time.Instant;
import java.util.List;

/**
 * A sample of a heat with the verdict it got when it was entered (kept forever, never recomputed).
 *
 * @param analysis      what was measured
 * @param instrument    the instrument, or ""
 * @param imported      whether it came from a spectrometer export (else entered by hand)
 * @param verdict       against the heat's specification
 * @param checks        per limited element (then "others"), as checked
 * @param enteredBy     who entered or imported it
 * @param enteredAt     when
 * @param legacyVerdict true for a sample judged under earlier rules whose checks read differently today: before
 *                      schema version 5 (an element it did not report counted as 0 %), 7 (others nobody measured
 *                      judged as 0 %) or 8 (an unlisted element below its detection limit counted as 0 %). Its
 *                      verdict is kept as given; its checks read as today's rules read what it reported
 */
public record HeatSample(SampleAnalysis analysis, String instrument, boolean imported, SampleVerdict verdict,
                         List<SampleCheck> checks, String enteredBy, Instant enteredAt, boolean legacyVerdict) {

    public HeatSample {
        checks = List.copyOf(checks);
    }

    /** The checks that fail. */
    public List<SampleCheck> failures() {
        return checks.stream().filter(c -> c.status() == ElementStatus.FAIL).toList();
    }

    /** The limited elements that could not be judged (not reported, "n.d.", or a detection limit that settles nothing). */
    public List<SampleCheck> unjudged() {
        return checks.stream().filter(c -> c.status() == ElementStatus.NOT_REPORTED).toList();
    }

    /**
     * Whether the sample states that the heat meets its specification: its verdict does, and every check was
     * judged and none fails (a sample judged under earlier rules may carry a PASS with elements it did not report, or others nobody measured).
     */
    public boolean meetsSpecification() {
        return verdict.meetsSpecification() && failures().isEmpty() && unjudged().isEmpty();
    }
}
