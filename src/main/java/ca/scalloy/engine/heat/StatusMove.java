package ca.scalloy.engine.heat;

import java.time.Instant;

/**
 * One move of a heat's status.
 *
 * @param from   the state before, or null for the heat's creation
 * @param to     the state after
 * @param by     who moved it
 * @param at     when
 * @param reason the reason given, or ""
 */
public record StatusMove(HeatStatus from, HeatStatus to, String by, Instant at, String reason) {
}
