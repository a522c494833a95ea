package ca.scalloy.store;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;

import ca.scalloy.engine.charge.Recipe;
import ca.scalloy.engine.library.RecipeVersion;

/**
 * The child process of {@link CrashSafetyTest}: saves versions of a recipe, and of a price, as fast as
 * it can, and prints each one's key only after its transaction committed. Killed by the test; with a
 * third argument it stops after that many and exits (the two-process test).
 */
public final class KillTestWriter {

    private KillTestWriter() {
    }

    public static void main(String[] args) {
        Path path = Path.of(args[0]);
        String tag = args[1];
        PrintStream out = new PrintStream(System.out, true);
        Recipe base = StoreFixtures.oxideRouteRecipe();
        try (Database db = Database.open(path, Clock.systemUTC())) {
            out.println("ready");
            int count = args.length > 2 ? Integer.parseInt(args[2]) : Integer.MAX_VALUE;
            for (int i = 1; i <= count; i++) {
                RecipeVersion v = db.recipes().save(base.withBatchMassKg(1000.0 + i), tag + " " + i);
                db.materials().setPrice("P1020", 2.0 + i / 1000.0, 4.0, tag + " " + i);
                out.println("committed " + v.version() + " " + i);
            }
        }
    }
}
