package ca.scalloy.ui.batch;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

import ca.scalloy.ui.common.BackgroundExecutor;

/** An executor that holds work until the test releases it, like a busy worker thread. */
final class HeldExecutor implements BackgroundExecutor {
    final List<Runnable> held = new ArrayList<>();
    int started;

    @Override
    public <T> void run(Callable<T> work, Consumer<T> onDone, Consumer<Throwable> onError) {
        started++;
        held.add(() -> {
            try {
                onDone.accept(work.call());
            } catch (Exception e) {
                onError.accept(e);
            }
        });
    }

    void releaseAll() {
        while (!held.isEmpty()) {
            held.remove(0).run();
        }
    }
}
