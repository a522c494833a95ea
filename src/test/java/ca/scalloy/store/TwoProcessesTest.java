package ca.scalloy.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ca.scalloy.engine.charge.Recipe;
import ca.scalloy.engine.library.RecipeVersion;

/** Two processes on one database file (H2's automatic mixed mode): both write, nothing is lost or numbered twice. */
@Tag("h2-file")
class TwoProcessesTest {

    private static final int EACH = 25;

    @TempDir
    Path dir;

    @Test
    void twoProcessesSavingTheSameRecipeGetDistinctVersions() throws Exception {
        Path path = dir.resolve("scalloy");
        try (Database db = Database.open(path, new StepClock())) {
            Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), KillTestWriter.class.getName(),
                    path.toString(), "child", String.valueOf(EACH))
                    .redirectErrorStream(true).start();
            Recipe r = StoreFixtures.oxideRouteRecipe();
            for (int i = 1; i <= EACH; i++) {
                db.recipes().save(r.withBatchMassKg(2000.0 + i), "parent " + i);
                Thread.sleep(10);
            }
            String childOutput = new String(child.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            child.waitFor(30, TimeUnit.SECONDS);
            assertEquals(0, child.exitValue(), childOutput);
            List<RecipeVersion> h = db.recipes().history(r.name());
            assertEquals(2 * EACH, h.size());
            for (int v = 1; v <= h.size(); v++) {
                assertEquals(v, h.get(v - 1).version());
            }
            assertEquals(EACH, h.stream().filter(v -> v.note().startsWith("child ")).count());
            assertEquals(1 + EACH, db.materials().priceHistory("P1020").size());
        }
    }
}
