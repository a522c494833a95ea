package ca.scalloy.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ca.scalloy.engine.library.PricePoint;
import ca.scalloy.engine.library.RecipeVersion;

/**
 * A process killed mid-write (as by a power cut to the program; the operating system's buffers are
 * not tested) leaves a database that opens with every committed change in place. A child JVM writes
 * in a loop and reports each commit; it is killed at a random moment, many times over.
 */
@Tag("h2-file")
class CrashSafetyTest {

    private static final int ROUNDS = 20;
    private static final String RECIPE = "AlSc2 master alloy, oxide route";

    @TempDir
    Path dir;

    @Test
    void aKilledWriterLeavesEveryCommittedChangeAndADatabaseThatOpens() throws Exception {
        Path db = dir.resolve("scalloy");
        Random random = new Random(4);
        int committedVersions = 0;
        int pricePoints = 1;
        for (int round = 0; round < ROUNDS; round++) {
            List<String> lines = runAndKill(db, "round" + round, 20 + random.nextInt(250));
            if (round % 10 != 0) {
                // H2 takes over a dead process's lock file only once it is 2-4 s old (rounds 0 and 10 prove
                // it does); elsewhere the test removes it to stay fast. The data file is untouched.
                Files.deleteIfExists(db.resolveSibling("scalloy.lock.db"));
            }
            int committedThisRound = 0;
            for (String l : lines) {
                if (l.startsWith("committed ")) {
                    String[] f = l.split(" ");
                    committedThisRound = Integer.parseInt(f[2]);
                    assertEquals(committedVersions + committedThisRound, Integer.parseInt(f[1]), "versions are numbered without gaps");
                }
            }
            try (Database reopened = Database.open(db, new StepClock())) {
                List<RecipeVersion> history = reopened.recipes().history(RECIPE);
                List<PricePoint> prices = reopened.materials().priceHistory("P1020");
                // A commit may have landed after the last line reached us: at least what was reported.
                assertTrue(history.size() >= committedVersions + committedThisRound,
                        "round " + round + ": " + history.size() + " versions, reported " + (committedVersions + committedThisRound));
                for (int v = 1; v <= history.size(); v++) {
                    assertEquals(v, history.get(v - 1).version());
                }
                assertTrue(prices.size() >= pricePoints + committedThisRound, "round " + round + ": " + prices.size()
                        + " price points, reported " + (pricePoints + committedThisRound));
                committedVersions = history.size();
                pricePoints = prices.size();
            }
        }
        assertTrue(committedVersions > ROUNDS, "the writer committed work in most rounds: " + committedVersions);
    }

    private static List<String> runAndKill(Path db, String tag, int writeMillis) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                KillTestWriter.class.getName(), db.toString(), tag);
        pb.redirectError(ProcessBuilder.Redirect.DISCARD);
        Process p = pb.start();
        List<String> lines = new ArrayList<>();
        BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String first = in.readLine();
        if (first == null) {
            p.waitFor();
            throw new AssertionError("the writer did not start (exit " + p.exitValue() + ")");
        }
        Thread reader = new Thread(() -> {
            try {
                for (String l = in.readLine(); l != null; l = in.readLine()) {
                    synchronized (lines) {
                        lines.add(l);
                    }
                }
            } catch (IOException e) {
                // the pipe breaks when the child is killed
            }
        });
        reader.start();
        Thread.sleep(writeMillis);
        p.destroyForcibly();
        assertTrue(p.waitFor(10, TimeUnit.SECONDS), "the writer was killed");
        reader.join(5000);
        synchronized (lines) {
            return new ArrayList<>(lines);
        }
    }
}
