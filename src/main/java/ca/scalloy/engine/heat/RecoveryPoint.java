package ca.scalloy.engine.heat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ca.scalloy.engine.charge.RecoverySpread;

/**
 * One heat's actual recovery of an element, for a material's recovery history.
 *
 * @param heatNumber  the heat
 * @param materialId  the material that brought the element
 * @param route       the heat's recipe (the route the material was charged by)
 * @param furnace     the furnace the heat was melted in ("" when not recorded)
 * @param element     the element (Sc)
 * @param recoveryPct the actual recovery, %
 * @param at          when it was recorded (the release)
 */
public record RecoveryPoint(String heatNumber, String materialId, String route, String furnace, String element, double recoveryPct,
                            Instant at) {

    /**
     * Per element, the spread of these recoveries among the heats by {@code route} (and in {@code furnace},
     * unless null: every furnace pooled), where at least {@link RecoverySpread#MIN_HEATS} heats give one.
     */
    public static Map<String, RecoverySpread> spreads(List<RecoveryPoint> points, String route, String furnace) {
        Map<String, List<Double>> byElement = new LinkedHashMap<>();
        for (RecoveryPoint p : points) {
            if (p.route().equals(route) && (furnace == null || p.furnace().equals(furnace)) && Double.isFinite(p.recoveryPct())) {
                byElement.computeIfAbsent(p.element(), k -> new ArrayList<>()).add(p.recoveryPct());
            }
        }
        Map<String, RecoverySpread> out = new LinkedHashMap<>();
        byElement.forEach((el, values) -> {
            RecoverySpread s = RecoverySpread.of(values.stream().mapToDouble(Double::doubleValue).toArray());
            if (s != null) {
                out.put(el, s);
            }
        });
        return out;
    }
}
