package ca.scalloy.engine.heat;

import java.time.Instant;
import java.util.Map;

/**
 * An accepted correction (trim) of a heat.
 *
 * @param sampleNumber the sample it corrects, or null
 * @param meltKg       the melt in the furnace when it was computed, kg
 * @param additionsKg  kg to add per material id, in order
 * @param reason       why (the elements outside their limits), or ""
 * @param by           who accepted it
 * @param at           when
 */
public record HeatCorrection(String sampleNumber, double meltKg, Map<String, Double> additionsKg, String reason, String by,
                             Instant at) {

    public HeatCorrection {
        additionsKg = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(additionsKg));
    }
}
