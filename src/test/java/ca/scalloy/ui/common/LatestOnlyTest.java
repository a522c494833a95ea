package ca.scalloy.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

import ca.scalloy.engine.Progress;

class LatestOnlyTest {

    /** Holds each piece of work until the test runs it, like a busy worker thread. */
    private static final class HeldExecutor implements BackgroundExecutor {
        final List<Runnable> held = new ArrayList<>();

        @Override
        public <T> void run(Callable<T> work, Consumer<T> onDone, Consumer<Throwable> onError) {
            held.add(() -> {
                T value;
                try {
                    value = work.call();
                } catch (Exception e) {
                    onError.accept(e);
                    return;
                }
                onDone.accept(value);
            });
        }

        void runNext() {
            held.remove(0).run();
        }
    }

    private final HeldExecutor executor = new HeldExecutor();
    private final List<String> delivered = new ArrayList<>();
    private final List<Throwable> failed = new ArrayList<>();
    private final List<Progress> seen = new ArrayList<>();

    /** A calculation in two halves that reports after the first and checks whether it is still wanted before the second. */
    private final LatestOnly<String, String> latest = new LatestOnly<>(executor, (String input, Progress p) -> {
        seen.add(p);
        p.done(0.5);
        p.checkCancelled();
        return input.toUpperCase();
    }, delivered::add, failed::add);

    @Test
    void aNewerRequestCancelsTheOneUnderWayWhichReportsNothing() {
        latest.request("a");
        latest.request("b");
        latest.request("c");
        assertEquals(1, executor.held.size(), "one calculation at a time");

        executor.runNext();
        assertTrue(seen.get(0).cancelled());
        assertTrue(delivered.isEmpty());
        assertTrue(failed.isEmpty(), "the cancelled calculation's stop is not a failure");
        assertEquals(1, executor.held.size(), "the newest waiting one starts; 'b' was replaced");

        executor.runNext();
        assertEquals(List.of("C"), delivered);
        assertFalse(seen.get(1).cancelled());
        assertFalse(latest.running());
    }

    @Test
    void cancelAllStopsTheCalculationUnderWayAndDropsTheWaitingOne() {
        latest.request("a");
        latest.request("b");
        latest.cancelAll();
        executor.runNext();
        assertTrue(executor.held.isEmpty());
        assertTrue(delivered.isEmpty());
        assertTrue(failed.isEmpty());
    }

    @Test
    void progressIsShownWhileTheCalculationRunsAndIdleAfter() {
        List<Double> shown = new ArrayList<>();
        latest.progressProperty().addListener((o, a, b) -> shown.add(b.doubleValue()));
        latest.request("a");
        assertEquals(0.0, latest.progressProperty().get());
        executor.runNext();
        assertEquals(List.of(0.0, 0.5, LatestOnly.IDLE), shown);
        assertEquals(List.of("A"), delivered);
    }

    @Test
    void aCalculationThatFailsIsReportedWithItsError() {
        LatestOnly<String, String> failing = new LatestOnly<>(executor, (String s) -> {
            throw new IllegalArgumentException("bad " + s);
        }, delivered::add, failed::add);
        failing.request("x");
        executor.runNext();
        assertEquals("bad x", failed.get(0).getMessage());
    }
}
