package ca.scalloy.ui.common;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

import javafx.application.Platform;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs work on one daemon worker thread and reports back with {@link Platform#runLater}. */
public final class FxBackgroundExecutor implements BackgroundExecutor {

    private static final Logger LOG = LoggerFactory.getLogger(FxBackgroundExecutor.class);

    private final ExecutorService worker;

    /** A worker thread named {@code scalloy-worker}. */
    public FxBackgroundExecutor() {
        this("scalloy-worker");
    }

    /** A worker thread of that name (one per kind of work, so that slow models never hold up the charge). */
    public FxBackgroundExecutor(String threadName) {
        worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public <T> void run(Callable<T> work, Consumer<T> onDone, Consumer<Throwable> onError) {
        worker.execute(() -> {
            try {
                T value = work.call();
                Platform.runLater(() -> onDone.accept(value));
            } catch (Exception | Error e) {
                // the screen turns it into a message; the log keeps the whole error
                LOG.warn("background work failed", e);
                Platform.runLater(() -> onError.accept(e));
            }
        });
    }

    @Override
    public void onUiThread(Runnable action) {
        Platform.runLater(action);
    }

    /** Stops the worker thread; work already started finishes. */
    public void shutdown() {
        worker.shutdown();
    }
}
