package ca.scalloy.store;

import java.util.function.Consumer;

/**
 * Named moments of opening, creating, upgrading and restoring an embedded database ("upgrade:copied",
 * "migrate:before:4", …) where a test can stop the process to kill it there. Nothing in Scalloy sets
 * the hook: only the kill tests do (in this package), so in use every {@link #reach} is a read of a
 * null field.
 */
final class FaultPoints {

    private static volatile Consumer<String> hook;

    private FaultPoints() {
    }

    /** Calls the test's hook, if one is set, with the moment reached. */
    static void reach(String point) {
        Consumer<String> h = hook;
        if (h != null) {
            h.accept(point);
        }
    }

    /** Whether a test set a hook (then Flyway reports each migration and statement too). */
    static boolean active() {
        return hook != null;
    }

    /** For the kill tests: the hook to call at every moment, or null for none. */
    static void set(Consumer<String> h) {
        hook = h;
    }
}
