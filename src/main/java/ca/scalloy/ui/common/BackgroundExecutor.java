package ca.scalloy.ui.common;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Runs work away from the UI thread and hands the outcome back on it. The application uses
 * {@link FxBackgroundExecutor}; view-model tests use one that runs everything at once on the
 * calling thread.
 */
public interface BackgroundExecutor {

    /**
     * Starts {@code work}; later calls exactly one of {@code onDone} or {@code onError} on the UI thread.
     */
    <T> void run(Callable<T> work, Consumer<T> onDone, Consumer<Throwable> onError);

    /**
     * Runs {@code action} on the UI thread, soon (a calculation's progress, from the worker). This default runs it at
     * once on the calling thread, as the same-thread executors of view-model tests want.
     */
    default void onUiThread(Runnable action) {
        action.run();
    }
}
