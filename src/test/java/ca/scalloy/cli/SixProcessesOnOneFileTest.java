package ca.scalloy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ca.scalloy.engine.heat.Heat;
import ca.scalloy.engine.library.AuditEntry;
import ca.scalloy.store.Database;

/**
 * Six processes writing one embedded file at once (the {@code scalloy} command in six shells, each
 * running three commands one after the other, on a database none of them has made yet): every write
 * waits its turn and lands, and no process says anything on its error stream. Each command is its own
 * JVM through the real entry point, so processes start serving the file, hand it over and exit while
 * others write through them.
 */
@Tag("h2-file")
class SixProcessesOnOneFileTest {

    private static final int PROCESSES = 6;
    private static final String RECIPE = "AlSc2 master alloy, oxide route";

    @TempDir
    Path dir;

    private record Run(String command, int exit, String out, String err) {
    }

    @Test
    void sixProcessesWritingOneFileEachLandEveryWriteAndSayNothingFalse() throws Exception {
        Path db = dir.resolve("shared/scalloy");
        List<Run> runs = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> shells = new ArrayList<>();
        for (int i = 1; i <= PROCESSES; i++) {
            String lot = "OX-2026-10" + i;
            String user = "operator-" + i;
            List<List<String>> commands = List.of(
                    List.of("lots", "add", lot, "--material", "SC2O3-999", "--purity-pct", "99.5", "--certificate", "CoA " + i),
                    List.of("recipes", "import", "recipes/alsc2-oxide-route.json", "--note", "shell " + i),
                    List.of("heats", "create", "--recipe", RECIPE, "--spec", "AlSc2", "--lot", lot, "--operator", user));
            Thread shell = new Thread(() -> {
                try {
                    go.await();
                    for (List<String> command : commands) {
                        runs.add(scalloy(db, user, command));
                    }
                } catch (IOException | InterruptedException e) {
                    runs.add(new Run(String.join(" ", commands.get(0)), -1, "", e.toString()));
                }
            }, "shell " + i);
            shell.start();
            shells.add(shell);
        }
        go.countDown();
        for (Thread shell : shells) {
            shell.join(TimeUnit.MINUTES.toMillis(5));
            assertTrue(!shell.isAlive(), shell.getName() + " finished");
        }
        assertEquals(3 * PROCESSES, runs.size());
        for (Run r : runs) {
            assertEquals(0, r.exit(), r.command() + " exit; stderr: " + r.err());
            assertEquals("", r.err(), r.command() + " said on its error stream");
        }
        try (Database opened = Database.open(db, Clock.systemUTC())) {
            for (int i = 1; i <= PROCESSES; i++) {
                assertTrue(opened.lots().find("OX-2026-10" + i).isPresent(), "lot " + i);
            }
            assertEquals(PROCESSES, opened.recipes().history(RECIPE).size(), "one version per import, numbered without gaps");
            List<Heat> heats = opened.heats().list(null, null, 50);
            assertEquals(PROCESSES, heats.size());
            assertEquals(PROCESSES, heats.stream().map(Heat::number).distinct().count(), "no heat number given twice");
            // One audit entry per write: a lot, a recipe version, a heat, for each of the six shells.
            List<AuditEntry> trail = opened.audit().all();
            assertEquals(3 * PROCESSES, trail.size());
            for (int i = 1; i <= PROCESSES; i++) {
                String user = "operator-" + i;
                assertEquals(3, trail.stream().filter(e -> e.actor().equals(user)).count(), user + "'s three writes in the trail");
            }
        }
    }

    private static Run scalloy(Path db, String user, List<String> command) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xshare:auto",
                "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), "ca.scalloy.app.Launcher"));
        line.addAll(command);
        line.addAll(List.of("--db", db.toString()));
        ProcessBuilder pb = new ProcessBuilder(line);
        pb.environment().put("SCALLOY_USER", user);
        Process p = pb.start();
        p.getOutputStream().close();
        byte[] err = p.getErrorStream().readAllBytes();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(3, TimeUnit.MINUTES), String.join(" ", command) + " finished");
        return new Run(String.join(" ", command), p.exitValue(), out, new String(err, StandardCharsets.UTF_8));
    }
}
