package ca.scalloy.ui.common;

import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Runs one calculation at a time through a {@link BackgroundExecutor} and keeps only the newest
 * request that arrives meanwhile: while inputs change quickly, the work done is the first and the
 * last, and only the newest outcome is delivered.
 *
 * @param <I> the input of a calculation
 * @param <O> its outcome
 */
public final class LatestOnly<I, O> {

    private final BackgroundExecutor executor;
    private final Function<I, O> work;
    private final Consumer<O> onDone;
    private final Consumer<Throwable> onError;
    private boolean running;
    private boolean hasWaiting;
    private I waiting;

    /**
     * @param work    runs off the UI thread
     * @param onDone  gets the outcome of the newest request, on the UI thread
     * @param onError gets the failure of the newest request, on the UI thread
     */
    public LatestOnly(BackgroundExecutor executor, Function<I, O> work, Consumer<O> onDone, Consumer<Throwable> onError) {
        this.executor = Objects.requireNonNull(executor, "executor");
        this.work = Objects.requireNonNull(work, "work");
        this.onDone = Objects.requireNonNull(onDone, "onDone");
        this.onError = Objects.requireNonNull(onError, "onError");
    }

    /** Asks for {@code input} to be calculated; replaces any request still waiting. */
    public void request(I input) {
        if (running) {
            waiting = input;
            hasWaiting = true;
            return;
        }
        running = true;
        Callable<O> call = () -> work.apply(input);
        executor.run(call, out -> ended(() -> onDone.accept(out)), e -> ended(() -> onError.accept(e)));
    }

    /** Drops any request that has not started; one under way still reports unless a newer one follows. */
    public void cancelWaiting() {
        waiting = null;
        hasWaiting = false;
    }

    /** Whether a calculation is under way. */
    public boolean running() {
        return running;
    }

    private void ended(Runnable report) {
        running = false;
        if (hasWaiting) {
            I next = waiting;
            cancelWaiting();
            request(next);
            return;
        }
        report.run();
    }
}
