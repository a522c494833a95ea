package ca.scalloy.engine;

import java.util.concurrent.CancellationException;

/**
 * What a long calculation (a temperature sweep, a phase diagram, a set of ageing curves) is told by the
 * one waiting for it: whether it is still wanted, and where to report how far it got. A calculation
 * checks {@link #checkCancelled()} between its pieces, so a superseded one stops within one piece.
 * Implementations must be safe to call from the calculating thread.
 */
public interface Progress {

    /** Nobody is waiting to cancel or to hear progress. */
    Progress NONE = new Progress() {
        @Override
        public boolean cancelled() {
            return false;
        }

        @Override
        public void done(double fraction) {
            // nobody listens
        }
    };

    /** Whether the result is no longer wanted. */
    boolean cancelled();

    /** Reports the share of the work done, 0..1. */
    void done(double fraction);

    /**
     * Stops the calculation when it is no longer wanted.
     *
     * @throws CancellationException when {@link #cancelled()}
     */
    default void checkCancelled() {
        if (cancelled()) {
            throw new CancellationException("superseded");
        }
    }

    /** The part of this progress from {@code from} to {@code to} (shares of the whole), for one stage of a calculation. */
    default Progress part(double from, double to) {
        Progress whole = this;
        return new Progress() {
            @Override
            public boolean cancelled() {
                return whole.cancelled();
            }

            @Override
            public void done(double fraction) {
                whole.done(from + (to - from) * Math.max(0, Math.min(1, fraction)));
            }
        };
    }
}
