package ca.scalloy.ui.common;

import javafx.animation.PauseTransition;
import javafx.util.Duration;

/** A {@link TypingPause} on the JavaFX animation timer (the UI thread). Use on the UI thread only. */
public final class FxTypingPause implements TypingPause {

    /** About the gap between keystrokes of someone still typing a number. */
    public static final int DEFAULT_MS = 250;

    private final PauseTransition timer;
    private Runnable waiting;

    public FxTypingPause(int pauseMs) {
        timer = new PauseTransition(Duration.millis(pauseMs));
        timer.setOnFinished(e -> {
            Runnable action = waiting;
            waiting = null;
            if (action != null) {
                action.run();
            }
        });
    }

    @Override
    public void restart(Runnable action) {
        waiting = action;
        timer.playFromStart();
    }

    @Override
    public void cancel() {
        waiting = null;
        timer.stop();
    }
}
