package ca.scalloy.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import ca.scalloy.bench.WorkstationsWorkload;
import ca.scalloy.bench.WorkstationsWorkload.Kind;
import ca.scalloy.bench.WorkstationsWorkload.Result;
import ca.scalloy.bench.WorkstationsWorkload.Settings;

/**
 * Several workstations, each with its own connection to one PostgreSQL server, saving recipes,
 * weighing, adding samples and listing at once: the workload of the workstations benchmark, small,
 * with the same no-lost-update checks (so the checks themselves run in every build). PostgreSQL only:
 * an in-memory H2 database belongs to one {@code Database}.
 */
class ConcurrentWorkstationsTest {

    @Test
    void workstationsOnOneServerLoseNoUpdates() throws InterruptedException {
        assumeTrue(TestDatabases.postgres(), "several connections to one server: the PostgreSQL run only");
        // Two hot heats make same-heat conflicts likely, so the refusal-and-retry path is exercised too.
        WorkstationsWorkload workload = new WorkstationsWorkload(TestDatabases.freshLogin(), new Settings(4, 25, 4, 2, 11L));
        workload.prepare();
        Result r = workload.run();
        assertEquals(List.of(), r.errors(), "operations that failed");
        assertEquals(List.of(), r.checks(), "lost or doubled updates");
        assertEquals(100, r.completed());
        assertTrue(r.passed());
        int heatChanges = r.latencies(Kind.WEIGH).length + r.latencies(Kind.ADD_SAMPLE).length + r.latencies(Kind.IMPORT_SAMPLES).length;
        assertTrue(heatChanges > 0 && r.latencies(Kind.RECIPE_SAVE).length > 0, "the mix reached the changes it checks");
    }
}
