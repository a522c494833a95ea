package ca.scalloy.app;

import javafx.application.Application;

import ca.scalloy.cli.ScalloyCli;

/**
 * The entry point of {@code scalloy.jar}. With no arguments it opens the workbench; with a
 * subcommand it runs headless (no window, no display needed).
 *
 * <p>This class must not extend {@link Application}: started from the class path (a fat jar),
 * JavaFX refuses a main class that does, with "JavaFX runtime components are missing".
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            Application.launch(ScalloyApp.class, args);
        } else {
            ScalloyCli.main(args);
        }
    }
}
