package ca.scalloy.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where the database lives. In order: the {@code --db PATH} option, the {@code SCALLOY_DB}
 * environment variable, the app's settings, else {@code ~/.scalloy/scalloy}. A path names the
 * database without H2's {@code .mv.db} ending (given with it, the ending is dropped); an existing
 * directory means the database {@code scalloy} inside it.
 */
public final class DatabaseLocation {

    /** The environment variable that names the database. */
    public static final String ENVIRONMENT_VARIABLE = "SCALLOY_DB";
    /** The database's name without H2's file ending. */
    public static final String DEFAULT_NAME = "scalloy";
    private static final String H2_FILE_ENDING = ".mv.db";

    private DatabaseLocation() {
    }

    /**
     * The database path to use.
     *
     * @param option      the {@code --db} option, or null
     * @param environment the process environment (for {@code SCALLOY_DB})
     * @param settings    the path from the app's settings, or null
     * @param userHome    the user's home directory
     */
    public static Path resolve(String option, Map<String, String> environment, String settings, Path userHome) {
        for (String candidate : new String[] {option, environment.get(ENVIRONMENT_VARIABLE), settings}) {
            if (candidate != null && !candidate.isBlank()) {
                return normalize(Path.of(candidate.strip()));
            }
        }
        return userHome.resolve(".scalloy").resolve(DEFAULT_NAME);
    }

    /** The database path for a path as a user gives it: without the H2 ending, a directory meaning its {@code scalloy}. */
    public static Path normalize(Path given) {
        Path p = given.toAbsolutePath().normalize();
        if (Files.isDirectory(p)) {
            return p.resolve(DEFAULT_NAME);
        }
        String name = p.getFileName().toString();
        if (name.endsWith(H2_FILE_ENDING) && name.length() > H2_FILE_ENDING.length()) {
            return p.resolveSibling(name.substring(0, name.length() - H2_FILE_ENDING.length()));
        }
        return p;
    }

    /** H2's data file for a database path. */
    public static Path dataFile(Path database) {
        return database.resolveSibling(database.getFileName() + H2_FILE_ENDING);
    }
}
