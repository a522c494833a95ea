package ca.scalloy.app;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import javafx.application.Application;

import ca.scalloy.cli.ScalloyCli;

/**
 * The entry point of {@code scalloy.jar} and of the installed {@code scalloy} command. With no arguments,
 * or only {@code --db PATH}, {@code --db-url URL} and {@code --db-user NAME}, it opens the workbench (on that
 * database); with one recipe file besides ({@code scalloy recipe.scalloy}, as the desktop's file
 * association starts it) the workbench opens that recipe; with a subcommand it runs headless (no
 * window, no display needed). Both log to the file of {@link Logs}.
 *
 * <p>This class must not extend {@link Application}: started from the class path (a fat jar),
 * JavaFX refuses a main class that does, with "JavaFX runtime components are missing".
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        LauncherOptions.applyWhenInstalled(System.getenv(), System.getProperties());
        Logs.start();
        if (workbenchArguments(args)) {
            // The workbench, on another database: scalloy --db PATH, or a server: scalloy --db-url URL [--db-user NAME]
            Application.launch(ScalloyApp.class);
        } else {
            ScalloyCli.main(args);
        }
    }

    /**
     * Whether the arguments are only the workbench's database options ({@code --db}, {@code --db-url},
     * {@code --db-user}, each as {@code --opt VALUE} or {@code --opt=VALUE}) and at most one recipe file (an
     * existing {@code .scalloy} or {@code .json} file); if so they are set as the system properties the app
     * reads. Anything else is a command.
     */
    static boolean workbenchArguments(String[] args) {
        Map<String, String> properties = Map.of("--db", ScalloyApp.DB_PROPERTY, "--db-url", ScalloyApp.DB_URL_PROPERTY,
                "--db-user", ScalloyApp.DB_USER_PROPERTY);
        Map<String, String> found = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            int eq = a.indexOf('=');
            String option = eq < 0 ? a : a.substring(0, eq);
            if (!properties.containsKey(option)) {
                if (found.containsKey(ScalloyApp.OPEN_PROPERTY) || !isRecipeFile(a)) {
                    return false;
                }
                found.put(ScalloyApp.OPEN_PROPERTY, a);
            } else if (eq >= 0) {
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

    private static boolean isRecipeFile(String argument) {
        String name = argument.toLowerCase(Locale.ROOT);
        try {
            return !argument.startsWith("-") && (name.endsWith(".scalloy") || name.endsWith(".json")) && Files.isRegularFile(Path.of(argument));
        } catch (InvalidPathException e) {
            return false;
        }
    }
}
