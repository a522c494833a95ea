package ca.scalloy.engine.props;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Some properties of one composition, process route and thermal state, each with its band, as
 * {@link PropertyCalculator#compute(ca.scalloy.engine.Composition, PropertyConditions, java.util.Set)} estimates them
 * alone: the same numbers as the full {@link AlloyProperties} has under the same names, without the rest.
 *
 * @param values each property asked, by its name (NaN where the model gives none, e.g. Q without (Al))
 * @param bands  the band of each that has one, by its name
 */
public record PropertyValues(Map<String, Double> values, Map<String, Band> bands) {

    /**
     * The properties that can be estimated alone: the numeric keys of {@code properties --json} that every estimate
     * has (the solvus temperatures, the Scheil solidus, the solubility at the ageing temperature and the precipitate
     * radius may be absent for a composition).
     */
    public static final List<String> PROPERTIES = List.of("yieldStrengthMPa", "liquidusC", "solidusC", "conductivityPctIACS",
            "resistivityMicroOhmCm", "densityGPerCm3", "scInSolutionWtPct", "scInSolutionAtPct", "zrInSolutionWtPct",
            "al3ScVolumePct", "grainSizeUm", "growthRestrictionQ");

    public PropertyValues {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        bands = Collections.unmodifiableMap(new LinkedHashMap<>(bands));
    }

    /**
     * The value of {@code property}.
     *
     * @throws IllegalArgumentException when it was not asked
     */
    public double value(String property) {
        Double v = values.get(property);
        if (v == null) {
            throw new IllegalArgumentException("property: " + property + " was not estimated; estimated: " + values.keySet());
        }
        return v;
    }

    /** The band of {@code property}, or null when it has none (or was not asked). */
    public Band band(String property) {
        return bands.get(property);
    }
}
