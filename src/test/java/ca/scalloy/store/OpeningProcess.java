package ca.scalloy.store;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The child process of {@link UpgradeKillTest}: opens (creates, upgrades or rolls back) the embedded
 * database at the path given, reporting every {@link FaultPoints} moment it reaches with the
 * milliseconds since it started. With a second argument it stops at that moment, says so, and waits
 * there to be killed. Prints "opened VERSION" when the open finished.
 *
 * <p>Arguments: the database path (or a server's JDBC URL, then its user as a fourth argument and the
 * password from SCALLOY_DB_PASSWORD), the moment to stop at (or "-"), and "quiet" to set no hook at
 * all (a kill after a delay then runs exactly the code a user runs).
 */
public final class OpeningProcess {

    private OpeningProcess() {
    }

    public static void main(String[] args) throws InterruptedException {
        PrintStream out = new PrintStream(System.out, true);
        String stopAt = args.length > 1 ? args[1] : "-";
        boolean quiet = args.length > 2 && args[2].equals("quiet");
        long start = System.nanoTime();
        CountDownLatch never = new CountDownLatch(1);
        if (!quiet) {
            FaultPoints.set(point -> {
                out.println("at " + point + " " + (System.nanoTime() - start) / 1_000_000);
                if (point.equals(stopAt)) {
                    out.println("stopped " + point);
                    try {
                        never.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            });
        }
        out.println("start");
        try (Database db = args[0].startsWith("jdbc:")
                ? Database.connect(new DatabaseLogin(args[0], args[3], System.getenv(DatabaseLogin.PASSWORD_VARIABLE)), Clock.systemUTC())
                : Database.open(Path.of(args[0]), Clock.systemUTC())) {
            out.println("opened " + db.schemaVersion() + " " + (System.nanoTime() - start) / 1_000_000);
        }
    }

    /** The command that runs this class in a child JVM with {@code args}; its errors are discarded. */
    static ProcessBuilder child(String... args) {
        List<String> line = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xshare:auto",
                "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), OpeningProcess.class.getName()));
        line.addAll(List.of(args));
        return new ProcessBuilder(line).redirectError(ProcessBuilder.Redirect.DISCARD);
    }

    /**
     * Starts the child and, when it says it stopped at {@code moment}, kills it (SIGKILL on Unix: no
     * shutdown hook runs, H2 closes nothing).
     *
     * @throws AssertionError when the child ends without reaching {@code moment}
     */
    static void killAt(ProcessBuilder child, String moment) throws IOException, InterruptedException {
        Process p = child.start();
        List<String> seen = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String l = in.readLine(); l != null; l = in.readLine()) {
                seen.add(l);
                if (l.equals("stopped " + moment)) {
                    kill(p);
                    return;
                }
            }
        }
        p.waitFor(10, TimeUnit.SECONDS);
        throw new AssertionError("the open never reached " + moment + ": " + seen);
    }

    /** Kills the child (SIGKILL) and waits for it to be gone. */
    static void kill(Process p) throws InterruptedException {
        p.destroyForcibly();
        if (!p.waitFor(10, TimeUnit.SECONDS)) {
            throw new AssertionError("the child did not die");
        }
    }
}
