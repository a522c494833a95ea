package ca.scalloy.engine.heat;

import java.time.Instant;

/**
 * One heat's actual recovery of an element, for a material's recovery history.
 *
 * @param heatNumber  the heat
 * @param materialId  the material that brought the element
 * @param route       the heat's recipe (the route the material was charged by)
 * @param element     the element (Sc)
 * @param recoveryPct the actual recovery, %
 * @param at          when it was recorded (the release)
 */
public record RecoveryPoint(String heatNumber, String materialId, String route, String element, double recoveryPct,
                            Instant at) {
}
