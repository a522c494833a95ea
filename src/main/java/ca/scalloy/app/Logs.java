package ca.scalloy.app;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.read.CyclicBufferAppender;

import ca.scalloy.store.DatabaseLogin;

/**
 * Scalloy's log: where it is, starting it, and its last lines for a crash report. The file is written by
 * Logback as {@link LogConfigurator} sets it up.
 */
public final class Logs {

    /** The system property naming the log folder; tests and scripted runs point it away from the user's home. */
    public static final String FOLDER_PROPERTY = "scalloy.logDir";
    /** Environment variables that may carry a password, remembered by {@link Redaction} at start. */
    private static final List<String> PASSWORD_VARIABLES = List.of(DatabaseLogin.PASSWORD_VARIABLE, "SCALLOY_FROM_DB_PASSWORD",
            "SCALLOY_NEW_USER_PASSWORD", "SCALLOY_TEST_PG_PASSWORD", "PGPASSWORD");

    private Logs() {
    }

    /** The log folder: {@code scalloy.logDir}, else {@code ~/.scalloy/logs} beside the settings and the database. */
    public static Path folder() {
        String set = System.getProperty(FOLDER_PROPERTY);
        if (set != null && !set.isBlank()) {
            return Path.of(set.strip());
        }
        return Path.of(System.getProperty("user.home"), ".scalloy", "logs");
    }

    /**
     * Starts logging for a workbench or a command: remembers the environment's passwords so that they never
     * reach the file, routes java.util.logging (JavaFX, the PostgreSQL driver, Flyway's warnings) into
     * SLF4J instead of the terminal, and logs every uncaught exception of every thread with its stack trace
     * (the workbench adds a dialog on top, {@link CrashHandler}).
     */
    public static void start() {
        PASSWORD_VARIABLES.forEach(v -> Redaction.remember(System.getenv(v)));
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
        Thread.setDefaultUncaughtExceptionHandler((thread, error) ->
                LoggerFactory.getLogger(Logs.class).error("uncaught exception in thread {}", thread.getName(), error));
    }

    /** The last lines this process logged, oldest first, passwords taken out; empty when Logback is not the backend. */
    public static List<String> recentLines() {
        ILoggerFactory factory = LoggerFactory.getILoggerFactory();
        if (!(factory instanceof LoggerContext context)) {
            return List.of();
        }
        Appender<ILoggingEvent> appender = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).getAppender(LogConfigurator.RECENT);
        if (!(appender instanceof CyclicBufferAppender<ILoggingEvent> recent)) {
            return List.of();
        }
        PatternLayout layout = LogConfigurator.layout(context);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < recent.getLength(); i++) {
            lines.add(layout.doLayout(recent.get(i)).stripTrailing());
        }
        layout.stop();
        return lines;
    }
}
