package ca.scalloy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * A finished command's process ends even when an exit hook never returns (the embedded database's hook
 * was once seen spinning while closing a file the process served to others): it halts with the
 * command's own status after the patience given.
 */
class ExitWatchdogTest {

    /** A process whose exit hook never returns, ended by {@link ScalloyCli#exitWithin} with status 3 after 300 ms. */
    public static final class HangingHook {
        public static void main(String[] args) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    new CountDownLatch(1).await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
            ScalloyCli.exitWithin(3, 300);
        }
    }

    @Test
    void aProcessWhoseExitHookHangsStillEndsWithTheCommandsStatus() throws Exception {
        Process p = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), HangingHook.class.getName())).inheritIO().start();
        // Without the watchdog the process never ends; with it, 300 ms after the hook starts. A minute
        // is only the test's own limit for a slow machine, not a figure under test.
        try {
            assertTrue(p.waitFor(1, TimeUnit.MINUTES), "the process ended");
            assertEquals(3, p.exitValue());
        } finally {
            p.destroyForcibly();
        }
    }
}
