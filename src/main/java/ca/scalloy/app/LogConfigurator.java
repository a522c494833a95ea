package ca.scalloy.app;

import java.nio.charset.StandardCharsets;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.jul.LevelChangePropagator;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import ch.qos.logback.core.read.CyclicBufferAppender;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.TimeBasedRollingPolicy;
import ch.qos.logback.core.spi.ContextAwareBase;
import ch.qos.logback.core.status.NopStatusListener;
import ch.qos.logback.core.util.FileSize;

/**
 * Logback's configuration, in code (found through {@code META-INF/services}; no XML to parse at start-up):
 * one file a day in {@link Logs#folder()}, {@code scalloy-YYYY-MM-DD.log}, kept {@value #DAYS_KEPT} days and
 * at most {@value #TOTAL_CAP} in all; written in prudent mode, because two workbenches and a command may
 * run at once and write the same file. Nothing goes to the terminal: the command line prints only its
 * own messages there. Every line passes through {@link Redaction}. The last {@value #RECENT_EVENTS} events
 * are also kept in memory for a crash report ({@link Logs#recentLines()}).
 */
public final class LogConfigurator extends ContextAwareBase implements Configurator {

    /** The appender that keeps the last events in memory. */
    static final String RECENT = "recent";
    static final int RECENT_EVENTS = 200;
    static final String PATTERN = "%d{yyyy-MM-dd HH:mm:ss.SSS} %-5level [%thread] %logger{36} - %msg%n";
    private static final int DAYS_KEPT = 14;
    private static final String TOTAL_CAP = "50MB";

    public LogConfigurator() {
        // for the ServiceLoader
    }

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        // Logback's own troubles (a log folder that cannot be written) must not reach the terminal: Logback
        // prints them on standard output unless a status listener is there, and a command's output is a contract
        NopStatusListener quiet = new NopStatusListener();
        context.getStatusManager().add(quiet);
        // java.util.logging levels follow ours, so that JUL does not build records nobody will write
        LevelChangePropagator propagator = new LevelChangePropagator();
        propagator.setContext(context);
        propagator.setResetJUL(true);
        propagator.start();
        context.addListener(propagator);

        RollingFileAppender<ILoggingEvent> file = new RollingFileAppender<>();
        file.setContext(context);
        file.setName("file");
        file.setPrudent(true);
        file.setAppend(true);
        TimeBasedRollingPolicy<ILoggingEvent> daily = new TimeBasedRollingPolicy<>();
        daily.setContext(context);
        daily.setParent(file);
        // forward slashes: a backslash is an escape in Logback's file name pattern
        daily.setFileNamePattern(Logs.folder().toAbsolutePath().toString().replace('\\', '/') + "/scalloy-%d{yyyy-MM-dd}.log");
        daily.setMaxHistory(DAYS_KEPT);
        daily.setTotalSizeCap(FileSize.valueOf(TOTAL_CAP));
        daily.start();
        file.setRollingPolicy(daily);
        file.setEncoder(encoder(context));
        file.start();

        CyclicBufferAppender<ILoggingEvent> recent = new CyclicBufferAppender<>();
        recent.setContext(context);
        recent.setName(RECENT);
        recent.setMaxSize(RECENT_EVENTS);
        recent.start();

        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        root.addAppender(file);
        root.addAppender(recent);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    private static LayoutWrappingEncoder<ILoggingEvent> encoder(LoggerContext context) {
        LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
        encoder.setContext(context);
        encoder.setCharset(StandardCharsets.UTF_8);
        encoder.setLayout(layout(context));
        encoder.start();
        return encoder;
    }

    /** The line layout of the file, also used for the crash report's last lines. */
    static PatternLayout layout(LoggerContext context) {
        PatternLayout layout = new RedactingLayout();
        layout.setContext(context);
        layout.setPattern(PATTERN);
        layout.start();
        return layout;
    }

    /** A pattern layout whose every line, stack traces included, goes through {@link Redaction}. */
    private static final class RedactingLayout extends PatternLayout {
        @Override
        public String doLayout(ILoggingEvent event) {
            return Redaction.redact(super.doLayout(event));
        }
    }
}
