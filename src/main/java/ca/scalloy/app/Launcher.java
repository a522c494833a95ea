package ca.scalloy.app;

import javafx.application.Application;

import ca.scalloy.cli.ScalloyCli;

/**
 * The entry point of {@code scalloy.jar}. With no arguments, or only {@code --db PATH}, it opens the
 * workbench (on that database); with a
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
        } else if (args.length == 2 && args[0].equals("--db")) {
            // The workbench on another database: scalloy --db PATH
            System.setProperty(ScalloyApp.DB_PROPERTY, args[1]);
            Application.launch(ScalloyApp.class);
        } else if (args.length == 1 && args[0].startsWith("--db=")) {
            System.setProperty(ScalloyApp.DB_PROPERTY, args[0].substring("--db=".length()));
            Application.launch(ScalloyApp.class);
        } else {
            ScalloyCli.main(args);
        }
    }
}
