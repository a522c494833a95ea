package ca.scalloy.engine.heat;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a heat stands. It moves PLANNED → CHARGED → SAMPLED → (CORRECTED → SAMPLED)* → CAST →
 * RELEASED, or to REJECTED from any state before release; RELEASED and REJECTED are final.
 */
public enum HeatStatus {
    PLANNED, CHARGED, SAMPLED, CORRECTED, CAST, RELEASED, REJECTED;

    /** The states this one may move to. */
    public Set<HeatStatus> next() {
        return switch (this) {
            case PLANNED -> EnumSet.of(CHARGED, REJECTED);
            case CHARGED -> EnumSet.of(SAMPLED, REJECTED);
            case SAMPLED -> EnumSet.of(CORRECTED, CAST, REJECTED);
            case CORRECTED -> EnumSet.of(SAMPLED, REJECTED);
            case CAST -> EnumSet.of(SAMPLED, RELEASED, REJECTED);
            case RELEASED, REJECTED -> EnumSet.noneOf(HeatStatus.class);
        };
    }

    /**
     * Checks a move.
     *
     * @throws IllegalStateException naming both states and the moves allowed from this one
     */
    public HeatStatus moveTo(HeatStatus target) {
        if (!next().contains(target)) {
            throw new IllegalStateException("a heat cannot move from " + this + " to " + target
                    + (next().isEmpty() ? "; " + this + " is final" : "; allowed: " + next()));
        }
        return target;
    }
}
