package ca.scalloy.ui.common;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/** Runs the work at once on the calling thread: view-model tests need no UI thread. */
public final class SameThreadExecutor implements BackgroundExecutor {

    private int runs;

    @Override
    public <T> void run(Callable<T> work, Consumer<T> onDone, Consumer<Throwable> onError) {
        runs++;
        T value;
        try {
            value = work.call();
        } catch (Exception | Error e) {
            onError.accept(e);
            return;
        }
        onDone.accept(value);
    }

    /** How many pieces of work were started. */
    public int runs() {
        return runs;
    }
}
