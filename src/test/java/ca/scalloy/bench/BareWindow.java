package ca.scalloy.bench;

import java.lang.management.ManagementFactory;

import javafx.animation.PauseTransition;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.util.Duration;

/**
 * The reference for {@code scripts/measure-startup.sh}: the smallest JavaFX window (one label in a
 * 1400×900 scene), timed the way the workbench times itself (JVM start to the window shown, from the
 * runtime MX bean) and printed as "bare window shown N ms", then closed after
 * {@code scalloy.exitAfterShownMs} (default 100) ms. A plain main class: started from the class path, a
 * main class that extends {@link Application} is refused by JavaFX.
 */
public final class BareWindow {

    private BareWindow() {
    }

    public static void main(String[] args) {
        Application.launch(Window.class, args);
    }

    /** The window itself. */
    public static final class Window extends Application {
        @Override
        public void start(Stage stage) {
            stage.setScene(new Scene(new StackPane(new Label("bare JavaFX window")), 1400, 900));
            stage.setTitle("bare");
            stage.show();
            long shownMs = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
            System.err.println("bare window shown " + shownMs + " ms after JVM start");
            PauseTransition wait = new PauseTransition(Duration.millis(Long.getLong("scalloy.exitAfterShownMs", 100)));
            wait.setOnFinished(e -> Platform.exit());
            wait.play();
        }
    }
}
