package ca.scalloy.engine.kinetics;

import ca.scalloy.engine.Composition;

/**
 * Gives the state an alloy enters ageing in after a process route. The shipped implementation is
 * {@link RouteLimits} (fixed retention limits from data); a Scheil / rapid-solidification model can
 * replace it without touching the kinetics.
 */
public interface StartingStates {

    /**
     * The starting state of {@code alloy} made by {@code route}.
     *
     * @throws IllegalArgumentException when the alloy is not aluminium-based
     */
    StartingState of(Composition alloy, ProcessRoute route);
}
