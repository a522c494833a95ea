package ca.scalloy.engine.heat;

import java.time.Instant;
import java.util.List;

import ca.scalloy.engine.spec.ComplianceStatus;
import ca.scalloy.engine.spec.ElementCheck;

/**
 * A sample of a heat with the compliance result it got when it was entered (kept forever, never
 * recomputed).
 *
 * @param analysis   what was measured
 * @param instrument the instrument, or ""
 * @param imported   whether it came from a spectrometer export (else entered by hand)
 * @param verdict    against the heat's specification
 * @param checks     per element, as checked
 * @param enteredBy  who entered or imported it
 * @param enteredAt  when
 */
public record HeatSample(SampleAnalysis analysis, String instrument, boolean imported, ComplianceStatus verdict,
                         List<ElementCheck> checks, String enteredBy, Instant enteredAt) {

    public HeatSample {
        checks = List.copyOf(checks);
    }
}
