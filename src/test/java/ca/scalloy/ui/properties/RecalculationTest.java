package ca.scalloy.ui.properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

import ca.scalloy.engine.Progress;
import ca.scalloy.ui.common.BackgroundExecutor;

class RecalculationTest {

    /** Holds work until the test runs it, like a busy worker. */
    private static final class Held implements BackgroundExecutor {
        final List<Runnable> held = new ArrayList<>();

        @Override
        public <T> void run(Callable<T> work, Consumer<T> onDone, Consumer<Throwable> onError) {
            held.add(() -> {
                try {
                    onDone.accept(work.call());
                } catch (Exception e) {
                    onError.accept(e);
                }
            });
        }

        void next() {
            held.remove(0).run();
        }
    }

    private final Held executor = new Held();
    private final List<String> shown = new ArrayList<>();
    private final List<String> started = new ArrayList<>();
    private final Recalculation<String, String> r = new Recalculation<>(executor, (String in, Progress p) -> {
        started.add(in);
        p.checkCancelled();
        if (in.equals("bad")) {
            throw new IllegalArgumentException("no such alloy");
        }
        return in.toUpperCase();
    }, shown::add, e -> "failed: " + e.getMessage());

    @Test
    void waitsUntilShownThenCalculatesTheNewestInputOnly() {
        r.input("a");
        r.input("b");
        assertTrue(executor.held.isEmpty(), "nothing while off screen");
        assertTrue(r.staleProperty().get());

        r.activeProperty().set(true);
        r.input("c");
        executor.next();
        assertEquals(List.of("b"), started, "b started, then was cancelled by c before it delivered");
        executor.next();
        assertEquals(List.of("C"), shown);
        assertFalse(r.staleProperty().get());
        assertFalse(r.calculatingProperty().get());

        r.input("c");
        assertTrue(executor.held.isEmpty(), "the outcome shown is that input's");
    }

    @Test
    void aFailureIsExplainedAndWhatWasShownStaysStale() {
        r.activeProperty().set(true);
        r.input("a");
        executor.next();
        r.input("bad");
        executor.next();
        assertEquals("failed: no such alloy", r.problemProperty().get());
        assertEquals(List.of("A"), shown);
        assertTrue(r.staleProperty().get());

        r.input("a");
        assertEquals("", r.problemProperty().get());
        assertFalse(r.staleProperty().get(), "back to the input shown");
    }
}
