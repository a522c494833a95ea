package ca.scalloy.ui.common;

/**
 * Waits for a pause in typing before acting: each {@link #restart} puts the action off again, so an action runs
 * once the user has stopped typing for a moment, never for a value half typed. A side effect (a timer on the UI
 * thread) behind an interface, so that view models stay testable.
 */
public interface TypingPause {

    /** Runs nothing now: {@code action} runs on the UI thread once no other restart came for the pause. */
    void restart(Runnable action);

    /** Forgets the action waiting, if any. */
    void cancel();

    /** No pause at all: the action runs at once (tests, and the first calculation of a file just opened). */
    TypingPause NONE = new TypingPause() {
        @Override
        public void restart(Runnable action) {
            action.run();
        }

        @Override
        public void cancel() {
            // Nothing ever waits.
        }
    };
}
