package ca.scalloy.ui.properties;

import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;

import ca.scalloy.engine.Progress;
import ca.scalloy.ui.common.BackgroundExecutor;
import ca.scalloy.ui.common.LatestOnly;

/**
 * A chart's calculation kept up to date with its input: off the UI thread, the newest input winning
 * (the calculation under way is cancelled), and only while the chart is {@linkplain #activeProperty()
 * shown}: an input that arrives while it is hidden waits until it is shown. What is shown stays until a
 * newer outcome replaces it, marked stale meanwhile.
 *
 * @param <I> the input
 * @param <O> the outcome
 */
final class Recalculation<I, O> {

    private final LatestOnly<I, O> work;
    private final Consumer<O> show;
    private final Function<Throwable, String> explain;
    private final BooleanProperty active = new SimpleBooleanProperty(this, "active");
    private final ReadOnlyBooleanWrapper calculating = new ReadOnlyBooleanWrapper(this, "calculating");
    private final ReadOnlyBooleanWrapper stale = new ReadOnlyBooleanWrapper(this, "stale", true);
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private I wanted;
    private I requested;
    private I shown;
    private boolean hasShown;

    /**
     * @param compute runs off the UI thread, checking its {@link Progress}
     * @param show    takes the outcome of the newest input, on the UI thread
     * @param explain says in the user's words why a calculation failed
     */
    Recalculation(BackgroundExecutor executor, BiFunction<I, Progress, O> compute, Consumer<O> show, Function<Throwable, String> explain) {
        this.show = Objects.requireNonNull(show, "show");
        this.explain = Objects.requireNonNull(explain, "explain");
        this.work = new LatestOnly<>(executor, compute, this::done, this::failed);
        active.addListener((o, a, b) -> {
            if (b) {
                startIfNeeded();
            }
        });
    }

    /** The input to show now; null when there is none (what is shown stays, stale). */
    void input(I in) {
        wanted = in;
        if (in == null) {
            work.cancelAll();
            calculating.set(false);
            stale.set(hasShown);
            return;
        }
        boolean current = hasShown && in.equals(shown);
        stale.set(!current);
        if (current) {
            work.cancelAll();
            calculating.set(false);
            problem.set("");
            return;
        }
        startIfNeeded();
    }

    /** The input last given. */
    I input() {
        return wanted;
    }

    private void startIfNeeded() {
        if (!active.get() || wanted == null || (hasShown && wanted.equals(shown)) || (calculating.get() && wanted.equals(requested))) {
            return;
        }
        requested = wanted;
        calculating.set(true);
        problem.set("");
        work.request(wanted);
    }

    private void done(O outcome) {
        calculating.set(false);
        shown = requested;
        hasShown = true;
        stale.set(!requested.equals(wanted));
        show.accept(outcome);
    }

    private void failed(Throwable error) {
        calculating.set(false);
        stale.set(true);
        problem.set(explain.apply(error));
    }

    /** Whether the chart is shown: calculations wait for it. */
    BooleanProperty activeProperty() {
        return active;
    }

    ReadOnlyBooleanProperty calculatingProperty() {
        return calculating.getReadOnlyProperty();
    }

    /** True while what is shown is not the outcome of the input given (or there is nothing). */
    ReadOnlyBooleanProperty staleProperty() {
        return stale.getReadOnlyProperty();
    }

    /** How far the calculation under way got, 0..1, or {@link LatestOnly#IDLE}. */
    ReadOnlyDoubleProperty progressProperty() {
        return work.progressProperty();
    }

    /** Why the newest input could not be calculated, in words; empty when it could. */
    ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }
}
