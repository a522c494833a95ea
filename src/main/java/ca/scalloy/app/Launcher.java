package ca.scalloy.app;

import javafx.application.Application;

import ca.scalloy.cli.ScalloyCli;

/**
 * The entry point of {@code scalloy.jar}. With no arguments, or only {@code --db PATH}, {@code --db-url URL}
 * and {@code --db-user NAME}, it opens the workbench (on that database); with a
 * subcommand it runs headless (no window, no display needed).
 *
 * <p>This class must not extend {@link Application}: started from the class path (a fat jar),
 * JavaFX refuses a main class that does, with "JavaFX runtime components are missing".
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        if (databaseOptionsOnly(args)) {
            // The workbench, on another database: scalloy --db PATH, or a server: scalloy --db-url URL [--db-user NAME]
            Application.launch(ScalloyApp.class);
        } else {
            ScalloyCli.main(args);
        }
    }

    /**
     * Whether the arguments are only the workbench's database options ({@code --db}, {@code --db-url},
     * {@code --db-user}, each as {@code --opt VALUE} or {@code --opt=VALUE}); if so they are set as the
     * system properties the app reads. Anything else is a command.
     */
    private static boolean databaseOptionsOnly(String[] args) {
        java.util.Map<String, String> properties = java.util.Map.of("--db", ScalloyApp.DB_PROPERTY, "--db-url", ScalloyApp.DB_URL_PROPERTY,
                "--db-user", ScalloyApp.DB_USER_PROPERTY);
        java.util.Map<String, String> found = new java.util.HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            int eq = a.indexOf('=');
            String option = eq < 0 ? a : a.substring(0, eq);
            if (!properties.containsKey(option)) {
                return false;
            }
            if (eq >= 0) {
                found.put(properties.get(option), a.substring(eq + 1));
            } else if (i + 1 < args.length) {
                found.put(properties.get(option), args[++i]);
            } else {
                return false;
            }
        }
        found.forEach(System::setProperty);
        return true;
    }
}
