package ca.scalloy.engine.heat;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import ca.scalloy.engine.Elements;
import ca.scalloy.engine.MessageException;

/**
 * One analysed sample of a heat: what the spectrometer (OES) or the laboratory (ICP) reported.
 *
 * @param sampleNumber the sample's number, not blank
 * @param takenAt      when it was taken, as reported (ISO 8601 where the instrument gives it), or ""
 * @param method       OES, ICP-OES …, or ""
 * @param wtPct        each measured element in wt% (an element the instrument did not report is absent, never 0)
 * @param belowDetection each element reported below the detection limit ("&lt;x", "n.d."); none is also in {@code wtPct}
 */
public record SampleAnalysis(String sampleNumber, String takenAt, String method, Map<String, Double> wtPct,
                             Map<String, BelowDetection> belowDetection) {

    /** A sample whose every reported element was measured. */
    public SampleAnalysis(String sampleNumber, String takenAt, String method, Map<String, Double> wtPct) {
        this(sampleNumber, takenAt, method, wtPct, Map.of());
    }

    public SampleAnalysis {
        if (sampleNumber == null || sampleNumber.isBlank()) {
            throw new MessageException("heats.refusal.sampleNumberBlank", "sampleNumber must not be blank");
        }
        takenAt = Objects.requireNonNullElse(takenAt, "");
        method = Objects.requireNonNullElse(method, "");
        wtPct = checkedWtPct(sampleNumber, wtPct);
        Map<String, BelowDetection> below = new LinkedHashMap<>();
        for (Map.Entry<String, BelowDetection> e : Objects.requireNonNullElse(belowDetection, Map.<String, BelowDetection>of()).entrySet()) {
            if (!Elements.standard().contains(e.getKey())) {
                throw new MessageException("heats.refusal.unknownElement", sampleNumber + ": unknown element '" + e.getKey() + "'", sampleNumber,
                        e.getKey());
            }
            if (wtPct.containsKey(e.getKey())) {
                throw new MessageException("heats.refusal.valueAndBelow", sampleNumber + ": " + e.getKey() + " is reported both as a value and"
                        + " below detection", sampleNumber, e.getKey());
            }
            below.put(e.getKey(), Objects.requireNonNull(e.getValue(), e.getKey()));
        }
        belowDetection = Collections.unmodifiableMap(below);
    }

    /** Whether the sample reports {@code element}, as a value or below detection. */
    public boolean reports(String element) {
        return wtPct.containsKey(element) || belowDetection.containsKey(element);
    }

    /**
     * An unmodifiable copy of {@code wtPct}, each element known and each value from 0 to 100 wt%.
     *
     * @throws IllegalArgumentException naming {@code label}, the element and the value
     */
    static Map<String, Double> checkedWtPct(String label, Map<String, Double> wtPct) {
        Map<String, Double> copy = new LinkedHashMap<>();
        for (Map.Entry<String, Double> e : wtPct.entrySet()) {
            if (!Elements.standard().contains(e.getKey())) {
                throw new MessageException("heats.refusal.unknownElement", label + ": unknown element '" + e.getKey() + "'", label, e.getKey());
            }
            Double v = e.getValue();
            if (v == null || !Double.isFinite(v) || v < 0 || v > 100) {
                throw new MessageException("heats.refusal.wtPctRange", label + ": " + e.getKey() + " must be from 0 to 100 wt%, was " + v, label,
                        e.getKey(), v != null && Double.isFinite(v) ? v : String.valueOf(v));
            }
            copy.put(e.getKey(), v);
        }
        return Collections.unmodifiableMap(copy);
    }
}
