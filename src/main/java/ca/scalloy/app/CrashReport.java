package ca.scalloy.app;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * The text of "Copy report": what a developer needs to understand an unexpected error, and nothing
 * that is not theirs to see. Passwords are taken out ({@link Redaction}); the user's name appears only
 * where the system put it in a path.
 */
final class CrashReport {

    private CrashReport() {
    }

    /** Scalloy's version from the jar's manifest, or "development build" when run from classes. */
    static String version() {
        String v = CrashReport.class.getPackage().getImplementationVersion();
        return v == null ? "development build" : v;
    }

    /**
     * @param thread    the thread the error escaped from
     * @param error     the error, whole
     * @param lastLines the last lines of this run's log, oldest first
     */
    static String text(Thread thread, Throwable error, List<String> lastLines, Instant when) {
        StringWriter trace = new StringWriter();
        error.printStackTrace(new PrintWriter(trace));
        StringBuilder b = new StringBuilder();
        b.append("Scalloy error report\n");
        b.append("Scalloy: ").append(version()).append('\n');
        b.append("OS: ").append(System.getProperty("os.name")).append(' ').append(System.getProperty("os.version"))
                .append(" (").append(System.getProperty("os.arch")).append(")\n");
        b.append("Java: ").append(System.getProperty("java.runtime.version", System.getProperty("java.version"))).append(" (")
                .append(System.getProperty("java.vendor")).append(")\n");
        b.append("JavaFX: ").append(System.getProperty("javafx.runtime.version", "not started")).append('\n');
        b.append("Locale: ").append(Locale.getDefault().toLanguageTag()).append('\n');
        b.append("Time (UTC): ").append(when).append('\n');
        b.append("Thread: ").append(thread.getName()).append("\n\n");
        b.append(trace.toString().stripTrailing()).append("\n\n");
        b.append("Last log lines:\n");
        if (lastLines.isEmpty()) {
            b.append("(none)\n");
        }
        lastLines.forEach(l -> b.append(l).append('\n'));
        return Redaction.redact(b.toString());
    }
}
