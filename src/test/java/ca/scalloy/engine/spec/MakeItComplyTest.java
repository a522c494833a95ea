package ca.scalloy.engine.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import ca.scalloy.engine.charge.ChargeCalculator;
import ca.scalloy.engine.charge.ElementTarget;
import ca.scalloy.engine.charge.Objective;
import ca.scalloy.engine.charge.Recipe;
import ca.scalloy.io.RecipeFiles;
import ca.scalloy.solver.OjalgoSolver;

class MakeItComplyTest {

    /** "AlSc2 aerospace grade" of sectors.md. */
    private static final Specification AEROSPACE = new Specification("AlSc2 aerospace grade", "MASTER_ALLOY", "",
            List.of(new ElementLimit("Sc", 1.90, 2.10), new ElementLimit("Fe", null, 0.10), new ElementLimit("Si", null, 0.06),
                    new ElementLimit("Cu", null, 0.01), new ElementLimit("Zn", null, 0.02), new ElementLimit("Ti", null, 0.02),
                    new ElementLimit("Ca", null, 0.005), new ElementLimit("Na", null, 0.005)),
            0.02, 0.08, List.of(), "", "est");

    private final MakeItComply comply = new MakeItComply(new ChargeCalculator(new OjalgoSolver()), new ComplianceChecker());

    /*
     * The oxide-route recipe at MIN_COST makes Sc 1.80 (least Sc2O3), below the aerospace 1.90. Made to
     * comply, Sc rises to 1.90: 1 kg more Sc in the 1000 kg product. Per kg of Sc reduced:
     *   Sc2O3 charged = 1 / (0.651965 · 0.999 · 0.85) = 1.806303 kg  (Sc share 2·44.955908/137.908816,
     *     purity 99.9 %, recovery 85 %), at 1500 + 3.0 kg flux · 1.50 = 1504.50 per kg -> 2717.58;
     *   P1020 needed falls by 1 − 0.600182 (Al leaving per kg Sc: 26.9815385/44.955908) = 0.399818 kg,
     *     at 2.60 -> −1.04.
     * Cost difference = 2716.54 per batch. Fe stays 0.0992 ≤ 0.10, so nothing else binds.
     */
    @Test
    void theMinCostOxideRouteRaisedToTheAerospaceScandiumCostsWhatTheHandCalculationSays() throws Exception {
        Recipe r = RecipeFiles.read(Path.of("recipes/alsc2-oxide-route.json")).withObjective(Objective.MIN_COST);
        MakeItComply.Outcome o = comply.run(r, AEROSPACE);
        assertEquals(1.80, o.before().productPct("Sc"), 1e-6);
        assertEquals(1.90, o.after().productPct("Sc"), 1e-6);
        assertEquals(2716.54, o.costDifference(), 0.05);
        assertTrue(o.reportAfter().verdict() != ComplianceStatus.FAIL);
        ElementTarget sc = o.constrained().target("Sc").orElseThrow();
        assertEquals(new ElementTarget("Sc", 1.90, 2.00, 2.10), sc);
        assertEquals(new ElementTarget("Fe", null, null, 0.10), o.constrained().target("Fe").orElseThrow());
    }

    @Test
    void aSpecificationThatCannotOverlapTheRecipesTargetIsRefusedWithBothRanges() throws Exception {
        Recipe r = RecipeFiles.read(Path.of("recipes/alsc2-oxide-route.json"));
        Specification alsc1 = new Specification("AlSc1", "MASTER_ALLOY", "", List.of(new ElementLimit("Sc", 0.90, 1.10)),
                null, null, List.of(), "", "");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MakeItComply.constrain(r, alsc1));
        assertEquals("Sc: the recipe's target 1.8 to 2.2 % and AlSc1's limit 0.9 to 1.1 % do not overlap", e.getMessage());
    }
}
