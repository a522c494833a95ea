package ca.scalloy.ui.common;

import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;

import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;

import ca.scalloy.engine.Progress;

/**
 * Runs one calculation at a time through a {@link BackgroundExecutor} and keeps only the newest
 * request that arrives meanwhile: while inputs change quickly, the work done is the first and the
 * last, and only the newest outcome is delivered. A newer request also cancels the calculation under
 * way: a calculation that checks its {@link Progress} stops at its next check, and whatever it
 * would have delivered is dropped.
 *
 * @param <I> the input of a calculation
 * @param <O> its outcome
 */
public final class LatestOnly<I, O> {

    /** {@link #progressProperty()} while nothing is being calculated. */
    public static final double IDLE = -1;

    private final BackgroundExecutor executor;
    private final BiFunction<I, Progress, O> work;
    private final Consumer<O> onDone;
    private final Consumer<Throwable> onError;
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", IDLE);
    private Job running;
    private boolean hasWaiting;
    private I waiting;

    /** What one calculation is told: whether it is still wanted, and where its progress goes (to the UI thread). */
    private final class Job implements Progress {
        private volatile boolean cancelled;

        @Override
        public boolean cancelled() {
            return cancelled;
        }

        @Override
        public void done(double fraction) {
            executor.onUiThread(() -> {
                if (running == this && !cancelled) {
                    progress.set(Math.max(0, Math.min(1, fraction)));
                }
            });
        }
    }

    /**
     * For a calculation that runs to its end once started.
     *
     * @param work    runs off the UI thread
     * @param onDone  gets the outcome of the newest request, on the UI thread
     * @param onError gets the failure of the newest request, on the UI thread
     */
    public LatestOnly(BackgroundExecutor executor, Function<I, O> work, Consumer<O> onDone, Consumer<Throwable> onError) {
        this(executor, (I input, Progress p) -> work.apply(input), onDone, onError);
        Objects.requireNonNull(work, "work");
    }

    /**
     * For a calculation that reports its progress and stops when cancelled (by throwing what
     * {@link Progress#checkCancelled()} throws).
     *
     * @param work    runs off the UI thread with the input and its {@link Progress}
     * @param onDone  gets the outcome of the newest request, on the UI thread
     * @param onError gets the failure of the newest request, on the UI thread
     */
    public LatestOnly(BackgroundExecutor executor, BiFunction<I, Progress, O> work, Consumer<O> onDone, Consumer<Throwable> onError) {
        this.executor = Objects.requireNonNull(executor, "executor");
        this.work = Objects.requireNonNull(work, "work");
        this.onDone = Objects.requireNonNull(onDone, "onDone");
        this.onError = Objects.requireNonNull(onError, "onError");
    }

    /** Asks for {@code input} to be calculated; replaces any request still waiting and cancels the one under way. */
    public void request(I input) {
        if (running != null) {
            running.cancelled = true;
            waiting = input;
            hasWaiting = true;
            return;
        }
        Job job = new Job();
        running = job;
        progress.set(0);
        Callable<O> call = () -> work.apply(input, job);
        executor.run(call, out -> ended(job, () -> onDone.accept(out)), e -> ended(job, () -> onError.accept(e)));
    }

    /**
     * Drops any request that has not started; one under way still reports unless a newer request came
     * meanwhile (that cancelled it).
     */
    public void cancelWaiting() {
        waiting = null;
        hasWaiting = false;
    }

    /** Drops any request that has not started and cancels the one under way: nothing more is reported. */
    public void cancelAll() {
        cancelWaiting();
        if (running != null) {
            running.cancelled = true;
        }
    }

    /** Whether a calculation is under way. */
    public boolean running() {
        return running != null;
    }

    /** How far the calculation under way got, 0..1 (as it reports it), or {@link #IDLE}; on the UI thread. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    private void ended(Job job, Runnable report) {
        running = null;
        progress.set(IDLE);
        if (hasWaiting) {
            I next = waiting;
            cancelWaiting();
            request(next);
            return;
        }
        if (!job.cancelled) {
            report.run();
        }
    }
}
