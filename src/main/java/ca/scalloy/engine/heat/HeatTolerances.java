package ca.scalloy.engine.heat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import ca.scalloy.engine.DataTables;
import ca.scalloy.engine.Message;
import ca.scalloy.engine.MessageException;

/**
 * How far a heat's masses may stray before Scalloy refuses them as implausible, read from
 * {@code heat-plausibility.csv} (each with its unit and reason) and overridable by plant settings.
 *
 * @param castAbovePlannedPct a cast may exceed the planned product mass by this %
 * @param castBelowPlannedPct a cast may fall short of the planned product mass by this %
 * @param castAboveChargedPct a cast may exceed the charged kg by this % (scale error)
 * @param weighedDeviationPct a weighed line may differ from its planned kg by this % of it …
 * @param weighedDeviationKg  … or by this many kg, whichever is more
 */
public record HeatTolerances(double castAbovePlannedPct, double castBelowPlannedPct, double castAboveChargedPct,
                             double weighedDeviationPct, double weighedDeviationKg) {

    /** The prefix of the plant settings that override a default, e.g. {@code heat.plausibility.castAbovePlannedPct}. */
    public static final String SETTING_PREFIX = "heat.plausibility.";

    private static final Set<String> KEYS = Set.of("castAbovePlannedPct", "castBelowPlannedPct", "castAboveChargedPct",
            "weighedDeviationPct", "weighedDeviationKg");
    private static final HeatTolerances STANDARD = read();

    public HeatTolerances {
        check("castAbovePlannedPct", castAbovePlannedPct, Double.MAX_VALUE);
        check("castBelowPlannedPct", castBelowPlannedPct, 100);
        check("castAboveChargedPct", castAboveChargedPct, Double.MAX_VALUE);
        check("weighedDeviationPct", weighedDeviationPct, Double.MAX_VALUE);
        check("weighedDeviationKg", weighedDeviationKg, Double.MAX_VALUE);
    }

    private static void check(String name, double v, double max) {
        if (!Double.isFinite(v) || v < 0 || v > max) {
            String english = name + " must be a number from 0" + (max < Double.MAX_VALUE ? " to " + (int) max : "") + ", was " + v;
            throw max < Double.MAX_VALUE ? new MessageException("heats.refusal.toleranceRange", english, name, (int) max, v)
                    : new MessageException("heats.refusal.toleranceNegative", english, name, v);
        }
    }

    /** The defaults of {@code heat-plausibility.csv}. */
    public static HeatTolerances standard() {
        return STANDARD;
    }

    /**
     * These tolerances with the plant's settings applied: every setting named {@link #SETTING_PREFIX} + key.
     *
     * @param settings the plant settings (others are ignored)
     * @throws IllegalArgumentException naming the setting for an unknown key or a value that is not a number >= 0
     */
    public HeatTolerances with(Map<String, String> settings) {
        Map<String, Double> v = values();
        for (Map.Entry<String, String> e : settings.entrySet()) {
            if (!e.getKey().startsWith(SETTING_PREFIX)) {
                continue;
            }
            String key = e.getKey().substring(SETTING_PREFIX.length());
            if (!KEYS.contains(key)) {
                List<String> allowed = KEYS.stream().sorted().map(k -> SETTING_PREFIX + k).toList();
                throw new MessageException("heats.refusal.toleranceUnknown", "setting " + e.getKey() + ": unknown; allowed: "
                        + String.join(", ", allowed), e.getKey(), allowed);
            }
            try {
                v.put(key, Double.parseDouble(e.getValue().strip()));
            } catch (NumberFormatException ex) {
                throw new MessageException("heats.refusal.toleranceNotNumber", "setting " + e.getKey() + " must be a number >= 0, was '"
                        + e.getValue() + "'", e.getKey(), e.getValue());
            }
        }
        try {
            return of(v);
        } catch (MessageException ex) {
            // The check names the tolerance; the setting is named with its prefix.
            List<Object> args = new ArrayList<>(ex.message().args());
            args.set(0, SETTING_PREFIX + args.get(0));
            throw new MessageException(Message.of("heats.refusal.toleranceSetting", "setting " + SETTING_PREFIX + ex.getMessage(),
                    new Message(ex.message().code(), args, ex.message().english())));
        }
    }

    private Map<String, Double> values() {
        Map<String, Double> v = new LinkedHashMap<>();
        v.put("castAbovePlannedPct", castAbovePlannedPct);
        v.put("castBelowPlannedPct", castBelowPlannedPct);
        v.put("castAboveChargedPct", castAboveChargedPct);
        v.put("weighedDeviationPct", weighedDeviationPct);
        v.put("weighedDeviationKg", weighedDeviationKg);
        return v;
    }

    private static HeatTolerances of(Map<String, Double> v) {
        for (String k : KEYS) {
            if (!v.containsKey(k)) {
                throw new IllegalStateException("heat-plausibility.csv has no " + k);
            }
        }
        return new HeatTolerances(v.get("castAbovePlannedPct"), v.get("castBelowPlannedPct"), v.get("castAboveChargedPct"),
                v.get("weighedDeviationPct"), v.get("weighedDeviationKg"));
    }

    private static HeatTolerances read() {
        Map<String, Double> v = new LinkedHashMap<>();
        for (String[] f : DataTables.rows("heat-plausibility.csv")) {
            if (!KEYS.contains(f[0].strip())) {
                throw new IllegalStateException("heat-plausibility.csv: unknown key '" + f[0] + "'");
            }
            v.put(f[0].strip(), Double.parseDouble(f[1].strip()));
        }
        return of(v);
    }
}
