package ca.scalloy.app;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import javafx.application.Platform;
import javafx.stage.Window;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ca.scalloy.ui.common.ErrorReportDialog;
import ca.scalloy.ui.common.Messages;

/**
 * The workbench's handler of uncaught exceptions, on every thread (the JavaFX thread, the workers, the
 * store's executor): logs the whole error, then shows a short message with "Copy report" and "Open log
 * folder" over the window. One dialog at a time: errors that come while one is open are logged only.
 */
final class CrashHandler implements Thread.UncaughtExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(CrashHandler.class);

    private final Window owner;
    private final Supplier<Messages> messages;
    private final Runnable openLogFolder;
    private final Clock clock;
    private final AtomicBoolean showing = new AtomicBoolean();

    CrashHandler(Window owner, Supplier<Messages> messages, Runnable openLogFolder, Clock clock) {
        this.owner = owner;
        this.messages = messages;
        this.openLogFolder = openLogFolder;
        this.clock = clock;
    }

    @Override
    public void uncaughtException(Thread thread, Throwable error) {
        LOG.error("uncaught exception in thread {}", thread.getName(), error);
        if (!showing.compareAndSet(false, true)) {
            return;
        }
        String report = CrashReport.text(thread, error, Logs.recentLines(), clock.instant());
        Runnable show = () -> {
            try {
                ErrorReportDialog.showError(owner, messages.get(), error.getClass().getSimpleName(), report, openLogFolder,
                        () -> showing.set(false));
            } catch (RuntimeException | Error e) {
                showing.set(false);
                LOG.error("cannot show the error dialog", e);
            }
        };
        try {
            // later, on the JavaFX thread: from a worker, or after the event handler that failed
            Platform.runLater(show);
        } catch (IllegalStateException toolkitGone) {
            showing.set(false);
        }
    }
}
