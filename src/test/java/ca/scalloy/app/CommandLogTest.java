package ca.scalloy.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import ca.scalloy.cli.ScalloyCli;

/** The command line writes its run to the log file and nothing of the log to the terminal. */
class CommandLogTest {

    @Test
    void aCommandIsLoggedToTheFileWhileTheTerminalGetsOnlyItsOwnOutput() throws IOException {
        long before = count("scalloy batch ended with exit code 0");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int code = ScalloyCli.run(new String[] {"batch", "recipes/alsc2-oxide-route.json", "--json"},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

        assertEquals(0, code);
        assertEquals("", err.toString(StandardCharsets.UTF_8));
        String json = out.toString(StandardCharsets.UTF_8);
        assertTrue(json.startsWith("{") && json.contains("OPTIMAL"), json);
        assertEquals(before + 1, count("scalloy batch ended with exit code 0"));
    }

    private static long count(String text) throws IOException {
        Path folder = Logs.folder();
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        long n = 0;
        try (Stream<Path> files = Files.list(folder)) {
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".log")).toList()) {
                n += Files.readString(f, StandardCharsets.UTF_8).lines().filter(l -> l.contains(text)).count();
            }
        }
        return n;
    }
}
