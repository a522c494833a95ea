package ca.scalloy.store;

import java.io.IOException;
import java.nio.file.Path;

import java.util.List;
import java.util.Map;

import ca.scalloy.engine.charge.ChargeCalculator;
import ca.scalloy.engine.charge.Recipe;
import ca.scalloy.engine.heat.Heat;
import ca.scalloy.engine.spec.ElementLimit;
import ca.scalloy.engine.spec.Specification;
import ca.scalloy.io.RecipeFiles;
import ca.scalloy.io.RecipeFormatException;
import ca.scalloy.solver.OjalgoSolver;

/** Recipes for store tests, read from the example files. */
final class StoreFixtures {

    private StoreFixtures() {
    }

    static Recipe recipe(String file) {
        try {
            return RecipeFiles.read(Path.of("recipes", file));
        } catch (IOException | RecipeFormatException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The recipe of {@link #plannedHeat}. */
    static final String SC_METAL_RECIPE = "AlSc2 master alloy from scandium metal";
    /** The specification of {@link #plannedHeat}. */
    static final String SPEC = "Customer X AlSc2";

    /**
     * Stores the scandium-metal recipe and a customer specification, and plans a heat of them. The concurrency tests that
     * use it weigh round numbers (1, 2, … kg, 100 kg) rather than real masses, so the plant's weighing tolerance is widened
     * to 1000 % (the plausibility rule itself is tested in HeatWorkflowTest and at the screen and the command line).
     */
    static Heat plannedHeat(Database db) {
        db.settings().set("heat.plausibility.weighedDeviationPct", "1000", "tests weigh round numbers, not real masses");
        Recipe recipe = recipe("alsc2-from-sc-metal.json");
        db.recipes().save(recipe, "");
        db.specifications().create(new Specification(SPEC, "CUSTOMER_X", "B", List.of(new ElementLimit("Sc", 1.90, 2.10)), null, null,
                List.of(), "drawing 123", "src"));
        return db.heats().create(SC_METAL_RECIPE, 1, SPEC, "F2", "J. Roy", new ChargeCalculator(new OjalgoSolver()).solve(recipe), Map.of());
    }

    static Recipe oxideRouteRecipe() {
        return recipe("alsc2-oxide-route.json");
    }
}
