package ca.scalloy.engine.props;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import ca.scalloy.engine.DataTables;

/**
 * The property models' parameters, read once from {@code property-models.csv} with their unit,
 * confidence tag and source, so that a user can see (and recalibrate) every figure a model uses.
 */
public final class ModelParameters {

    /** One parameter. */
    public record Parameter(String key, double value, String unit, String tag, String source) {
    }

    private static final ModelParameters STANDARD = load("property-models.csv");

    private final Map<String, Parameter> byKey;
    private final String table;

    private ModelParameters(Map<String, Parameter> byKey, String table) {
        this.byKey = Collections.unmodifiableMap(byKey);
        this.table = table;
    }

    /** The parameters shipped with Scalloy. */
    public static ModelParameters standard() {
        return STANDARD;
    }

    /**
     * The value of {@code key}.
     *
     * @throws IllegalStateException when the table lacks it (a broken data file, not user input)
     */
    public double get(String key) {
        Parameter p = byKey.get(key);
        if (p == null) {
            throw new IllegalStateException(table + " has no parameter '" + key + "'");
        }
        return p.value();
    }

    /**
     * A copy with {@code key} set to {@code value} (unit, tag and source kept, the tag becoming {@code "user"}):
     * for recalibration and sensitivity studies.
     *
     * @throws IllegalStateException when the table lacks the key
     * @throws IllegalArgumentException for a value that is not finite
     */
    public ModelParameters with(String key, double value) {
        Parameter p = byKey.get(key);
        if (p == null) {
            throw new IllegalStateException(table + " has no parameter '" + key + "'");
        }
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(key + " must be a finite number, was " + value);
        }
        Map<String, Parameter> copy = new LinkedHashMap<>(byKey);
        copy.put(key, new Parameter(key, value, p.unit(), "user", p.source()));
        return new ModelParameters(copy, table);
    }

    /** Every parameter, in file order. */
    public Map<String, Parameter> all() {
        return byKey;
    }

    /**
     * The parameters of another engine data table in the same format ({@code key,value,unit,tag,source}),
     * e.g. {@code precipitation-kinetics.csv}; read each time it is called, so callers keep the result.
     *
     * @throws IllegalStateException when the table is missing
     */
    public static ModelParameters load(String table) {
        Map<String, Parameter> map = new LinkedHashMap<>();
        for (String[] f : DataTables.rows(table)) {
            if (f[0].equals("key")) {
                continue;
            }
            map.put(f[0], new Parameter(f[0], Double.parseDouble(f[1]), f[2], f[3], f.length > 4 ? f[4] : ""));
        }
        return new ModelParameters(map, table);
    }
}
