package ca.scalloy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;

class HelpTextTest {

    /** Every command's help renders cleanly: picocli warns on stderr when a description has a stray '%'. */
    @Test
    void everyCommandsHelpRendersWithoutFormatWarnings() {
        PrintStream saved = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        List<String> names = new ArrayList<>();
        try {
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            walk(new CommandLine(ScalloyCli.class), names);
        } finally {
            System.setErr(saved);
        }
        assertTrue(names.size() > 20, names.toString());
        assertEquals("", captured.toString(StandardCharsets.UTF_8), "help of " + names);
    }

    private static void walk(CommandLine cmd, List<String> names) {
        names.add(cmd.getCommandSpec().qualifiedName());
        assertTrue(cmd.getUsageMessage().contains("Usage:"));
        for (CommandLine sub : cmd.getSubcommands().values()) {
            walk(sub, names);
        }
    }
}
