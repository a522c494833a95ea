package ca.scalloy.engine;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the engine's data tables: comma-separated resources beside {@link Elements}, with
 * {@code #} comment lines that carry each table's source and confidence.
 */
public final class DataTables {

    private DataTables() {
    }

    /**
     * The rows of resource {@code name} (in package {@code ca.scalloy.engine}), split on commas,
     * comment and blank lines skipped.
     *
     * @throws IllegalStateException when the resource is missing
     */
    public static List<String[]> rows(String name) {
        try (InputStream in = DataTables.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the engine's resources");
            }
            List<String[]> rows = new ArrayList<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                line = line.strip();
                if (!line.isEmpty() && !line.startsWith("#")) {
                    rows.add(line.split(",", -1));
                }
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
    }
}
