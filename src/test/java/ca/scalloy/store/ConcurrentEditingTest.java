package ca.scalloy.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import ca.scalloy.engine.charge.Recipe;
import ca.scalloy.engine.heat.Heat;
import ca.scalloy.engine.heat.HeatLine;
import ca.scalloy.engine.heat.HeatStatus;
import ca.scalloy.engine.heat.Lot;
import ca.scalloy.engine.library.AuditEntry;
import ca.scalloy.engine.library.LibraryMaterial;
import ca.scalloy.engine.spec.ElementLimit;
import ca.scalloy.engine.spec.Specification;

/**
 * Two workstations on one database (issue 7): saving the same recipe, material, specification or heat
 * at once never silently overwrites; the second is told who changed it and when, and no audit entry is
 * lost. Runs on H2 (two connections to one database) and on PostgreSQL (the second surefire execution).
 */
class ConcurrentEditingTest {

    private static final String RECIPE = StoreFixtures.SC_METAL_RECIPE;
    private static final String SPEC = StoreFixtures.SPEC;

    private Database first;
    private Database second;

    @BeforeEach
    void twoWorkstations() {
        TestDatabases.Shared shared = TestDatabases.shared();
        first = shared.open(new StepClock());
        first.setActor("A. Gagnon");
        second = shared.open(new StepClock());
        second.setActor("B. Roy");
    }

    /** Closes what was opened: nothing when the server was not reachable and the test was skipped. */
    @AfterEach
    void close() {
        if (first != null) {
            first.close();
        }
        if (second != null) {
            second.close();
        }
    }

    @Test
    void theSecondSaveOfARecipeOpenedAtTheSameVersionIsRefusedNamingWhoChangedItAndWhen() {
        Recipe recipe = StoreFixtures.recipe("alsc2-from-sc-metal.json");
        first.recipes().save(recipe, "first", 0);
        int opened = second.recipes().latest(RECIPE).orElseThrow().version();
        int openedToo = first.recipes().latest(RECIPE).orElseThrow().version();

        first.recipes().save(recipe.withBatchMassKg(600.0), "A's change", openedToo);
        ConcurrentChangeException refused = assertThrows(ConcurrentChangeException.class,
                () -> second.recipes().save(recipe.withBatchMassKg(700.0), "B's change", opened));

        // StepClock starts at 08:00 UTC and moves one minute per reading; the message shows the local time.
        assertTrue(refused.getMessage().startsWith("recipe \"" + RECIPE + "\" was changed by A. Gagnon at "), refused.getMessage());
        assertTrue(refused.getMessage().endsWith("reload it, or save yours as a new version"), refused.getMessage());
        assertEquals("A. Gagnon", refused.changedBy().orElseThrow());
        assertEquals(600.0, second.recipes().latest(RECIPE).orElseThrow().recipe().batchMassKg(), "A's version is the newest");

        second.recipes().save(recipe.withBatchMassKg(700.0), "B's change, as a new version", null);
        assertEquals(List.of(1, 2, 3), first.recipes().history(RECIPE).stream().map(v -> v.version()).sorted().toList(),
                "both changes are kept as versions");
        assertEquals(3, first.audit().of(AuditLog.RECIPE, RECIPE).size(), "one audit entry per saved version, none lost");
    }

    @Test
    void aNewRecipeCreatedMeanwhileByAnotherUserIsNotOverwritten() {
        Recipe recipe = StoreFixtures.recipe("alsc2-from-sc-metal.json");
        first.recipes().save(recipe, "A made it", 0);
        ConcurrentChangeException refused = assertThrows(ConcurrentChangeException.class,
                () -> second.recipes().save(recipe, "B made it too", 0));
        assertTrue(refused.getMessage().contains("it was created meanwhile"), refused.getMessage());
    }

    @Test
    void theSecondUpdateOfASpecificationOpenedAtTheSameVersionIsRefused() {
        Specification spec = new Specification(SPEC, "CUSTOMER_X", "A", List.of(new ElementLimit("Sc", 1.9, 2.1)), null, null, List.of(),
                "drawing", "src");
        first.specifications().create(spec);
        first.specifications().update(new Specification(SPEC, "CUSTOMER_X", "B", List.of(new ElementLimit("Sc", 1.95, 2.05)), null, null,
                List.of(), "drawing", "src"), "rev B", 1);
        ConcurrentChangeException refused = assertThrows(ConcurrentChangeException.class,
                () -> second.specifications().update(new Specification(SPEC, "CUSTOMER_X", "C", List.of(new ElementLimit("Sc", 1.8, 2.2)),
                        null, null, List.of(), "drawing", "src"), "rev C", 1));
        assertTrue(refused.getMessage().contains("specification \"" + SPEC + "\" was changed by A. Gagnon"), refused.getMessage());
        assertEquals("B", second.specifications().find(SPEC).orElseThrow().revision());
    }

    @Test
    void theSecondEditOfAMaterialStartedFromTheSameVersionIsRefusedAndThePriceHistoryKeepsBoth() {
        Stamped<LibraryMaterial> a = first.materials().findStamped("SC2O3-999").orElseThrow();
        Stamped<LibraryMaterial> b = second.materials().findStamped("SC2O3-999").orElseThrow();
        assertEquals(a.stamp().version(), b.stamp().version());

        first.materials().update(new LibraryMaterial(a.value().material(), "sheet A", "measured", null, false), "A", a.stamp().version());
        ConcurrentChangeException refused = assertThrows(ConcurrentChangeException.class, () -> second.materials().update(
                new LibraryMaterial(b.value().material(), "sheet B", "measured", null, false), "B", b.stamp().version()));
        assertTrue(refused.getMessage().startsWith("material SC2O3-999 was changed by A. Gagnon at "), refused.getMessage());
        assertTrue(refused.getMessage().endsWith("reload it and make your change again"), refused.getMessage());
        assertEquals("sheet A", second.materials().find("SC2O3-999").orElseThrow().source());

        Stamped<LibraryMaterial> reloaded = second.materials().findStamped("SC2O3-999").orElseThrow();
        assertEquals(a.stamp().version() + 1, reloaded.stamp().version());
        assertEquals("A. Gagnon", reloaded.stamp().by());
        second.materials().update(new LibraryMaterial(reloaded.value().material(), "sheet B", "measured", null, false), "B after reload",
                reloaded.stamp().version());
        assertEquals("sheet B", first.materials().find("SC2O3-999").orElseThrow().source());
    }

    @Test
    void weighingALineOfAHeatThatChangedSinceItWasShownIsRefusedAndTheFirstMassStays() {
        Heat heat = plannedHeat();
        first.heats().move(heat.number(), HeatStatus.CHARGED, "", heat.revision());
        Heat shown = second.heats().find(heat.number()).orElseThrow().heat();

        first.heats().weigh(heat.number(), 1, 101.5, null, "A weighed", shown.revision());
        ConcurrentChangeException refused = assertThrows(ConcurrentChangeException.class,
                () -> second.heats().weigh(heat.number(), 1, 99.0, null, "B weighed", shown.revision()));
        assertTrue(refused.getMessage().startsWith("line 1 of heat " + heat.number() + " was changed by A. Gagnon at "), refused.getMessage());
        assertTrue(refused.getMessage().endsWith("reload it and weigh again"), refused.getMessage());

        HeatLine line = second.heats().find(heat.number()).orElseThrow().lines().get(0);
        assertEquals(101.5, line.weighedKg());
        Heat now = second.heats().find(heat.number()).orElseThrow().heat();
        assertEquals(shown.revision() + 1, now.revision());
        assertEquals("A. Gagnon", now.updatedBy());
    }

    @Test
    void aSampleOrAnotherLineWeighedSinceTheHeatWasShownDoesNotRefuseAWeighingButAMoveIs() {
        Heat heat = plannedHeat();
        Heat shown = first.heats().move(heat.number(), HeatStatus.CHARGED, "", heat.revision());
        second.heats().weigh(heat.number(), 2, 20.0, null, "B weighed line 2", shown.revision());

        first.heats().weigh(heat.number(), 1, 101.5, null, "A weighed line 1", shown.revision());
        assertEquals(101.5, second.heats().find(heat.number()).orElseThrow().lines().get(0).weighedKg(), "not refused: line 1 was untouched");
        ConcurrentChangeException move = assertThrows(ConcurrentChangeException.class,
                () -> first.heats().move(heat.number(), HeatStatus.REJECTED, "", shown.revision()));
        assertTrue(move.getMessage().contains("(now revision " + (shown.revision() + 2) + ")"), move.getMessage());
    }

    @Test
    void twoWorkstationsChangingTwoRecoveriesOfOneMaterialAtOnceKeepBoth() throws Exception {
        CountDownLatch aHoldsTheRow = new CountDownLatch(1);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<Object> a = pool.submit(() -> first.inTransaction(c -> {
                first.materials().setRecovery("P1020", "Sc", 80.0, "A"); // joins this transaction: the row stays locked
                aHoldsTheRow.countDown();
                sleep(400); // B reads and waits meanwhile
                return null;
            }));
            assertTrue(aHoldsTheRow.await(30, TimeUnit.SECONDS));
            second.materials().setRecovery("P1020", "Zr", 70.0, "B"); // waits for A, then must build on A's change
            a.get(60, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
        Map<String, Double> recovery = first.materials().find("P1020").orElseThrow().material().recoveryPct();
        assertEquals(80.0, recovery.get("Sc"), "A's change kept: " + recovery);
        assertEquals(70.0, recovery.get("Zr"), "B's change kept: " + recovery);
    }

    @Test
    void twoWorkstationsAddingTheSameNewLotAtOnceGetOneLotAndAClearRefusal() throws Exception {
        CountDownLatch aInserted = new CountDownLatch(1);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        Lot lot = new Lot("L-2026-001", "SC-999", Map.of(), null, "cert 1", StepClock.START);
        try {
            Future<Object> a = pool.submit(() -> first.inTransaction(c -> {
                first.lots().add(lot, "A");
                aInserted.countDown();
                sleep(400); // B checks (sees no lot yet) and inserts meanwhile
                return null;
            }));
            assertTrue(aInserted.await(30, TimeUnit.SECONDS));
            StoreException refused = assertThrows(StoreException.class, () -> second.lots().add(lot, "B"));
            a.get(60, TimeUnit.SECONDS);
            assertTrue(refused instanceof ConcurrentChangeException || refused.getMessage().contains("already exists"), refused.getMessage());
            assertFalse(refused.getMessage().startsWith("database error"), refused.getMessage());
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, first.lots().of("SC-999").size());
    }

    @Test
    void aClosedDatabaseRefusesWorkInsteadOfReconnecting() {
        second.close();
        StoreException e = assertThrows(StoreException.class, () -> second.recipes().list());
        assertTrue(e.getMessage().endsWith("has been closed"), e.getMessage());
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void twoThreadsChangingTheSameHeatAtOnceQueueAndLoseNoChangeOrAuditEntry() throws Exception {
        Heat heat = plannedHeat();
        first.heats().move(heat.number(), HeatStatus.CHARGED, "", null);
        int before = first.heats().find(heat.number()).orElseThrow().heat().revision();
        int rounds = 15;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> done = new ArrayList<>();
            for (Database db : List.of(first, second)) {
                int line = db == first ? 1 : 2;
                Callable<Integer> work = () -> {
                    start.await();
                    for (int i = 1; i <= rounds; i++) {
                        // No expected revision: each weighing overwrites nothing the other showed (different lines).
                        db.heats().weigh(heat.number(), line, i, null, "round " + i);
                    }
                    return rounds;
                };
                done.add(pool.submit(work));
            }
            start.countDown();
            for (Future<Integer> f : done) {
                assertEquals(rounds, f.get(60, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
        Heat after = first.heats().find(heat.number()).orElseThrow().heat();
        assertEquals(before + 2 * rounds, after.revision(), "every change counted once: none interleaved or lost");
        List<AuditEntry> weighs = first.audit().of(AuditLog.HEAT, heat.number()).stream().filter(e -> e.change().startsWith("weigh")).toList();
        assertEquals(2 * rounds, weighs.size(), "one audit entry per weighing");
        List<HeatLine> lines = first.heats().find(heat.number()).orElseThrow().lines();
        assertEquals((double) rounds, lines.get(0).weighedKg());
        assertEquals((double) rounds, lines.get(1).weighedKg());
    }

    @Test
    void twoThreadsMovingTheSameHeatFromOneStateGetOneMoveAndOneRefusal() throws Exception {
        Heat heat = plannedHeat();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<String>> results = new ArrayList<>();
        try {
            for (Database db : List.of(first, second)) {
                HeatStatus to = db == first ? HeatStatus.CHARGED : HeatStatus.REJECTED;
                results.add(pool.submit(() -> {
                    start.await();
                    try {
                        db.heats().move(heat.number(), to, "", heat.revision());
                        return "moved";
                    } catch (ConcurrentChangeException e) {
                        return "refused";
                    }
                }));
            }
            start.countDown();
            List<String> outcomes = new ArrayList<>();
            for (Future<String> f : results) {
                outcomes.add(f.get(60, TimeUnit.SECONDS));
            }
            assertEquals(List.of("moved", "refused"), outcomes.stream().sorted().toList());
        } finally {
            pool.shutdownNow();
        }
        assertEquals(2, first.heats().find(heat.number()).orElseThrow().moves().size(), "planned, then exactly one move");
    }

    private Heat plannedHeat() {
        return StoreFixtures.plannedHeat(first);
    }
}
