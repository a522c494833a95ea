package ca.scalloy.app;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

class CrashReportTest {

    @Test
    void theReportCarriesVersionSystemJavaTheWholeTraceAndTheLastLinesWithoutPasswords() {
        IllegalStateException cause = new IllegalStateException("cannot connect to jdbc:postgresql://db/scalloy?password=hunter2-in-url");
        RuntimeException error = new RuntimeException("saving the heat failed", cause);

        String report = CrashReport.text(new Thread("scalloy-worker"), error,
                List.of("2026-12-03 10:00:00.000 INFO  [main] x - settings db.password=hunter2-in-log"), Instant.parse("2026-12-03T10:00:01Z"));

        assertTrue(report.contains("Scalloy: "), report);
        assertTrue(report.contains("OS: " + System.getProperty("os.name")), report);
        assertTrue(report.contains("Java: " + System.getProperty("java.runtime.version")), report);
        assertTrue(report.contains("Thread: scalloy-worker"), report);
        assertTrue(report.contains("Time (UTC): 2026-12-03T10:00:01Z"), report);
        // the whole trace: the error, its cause, and the frame that threw it
        assertTrue(report.contains("java.lang.RuntimeException: saving the heat failed"), report);
        assertTrue(report.contains("Caused by: java.lang.IllegalStateException: cannot connect to jdbc:postgresql://db/scalloy?password=***"), report);
        assertTrue(report.contains("at ca.scalloy.app.CrashReportTest.theReportCarries"), report);
        assertTrue(report.contains("Last log lines:\n2026-12-03 10:00:00.000 INFO  [main] x - settings db.password=***"), report);
        assertFalse(report.contains("hunter2"), report);
    }
}
