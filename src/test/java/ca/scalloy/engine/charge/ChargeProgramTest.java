package ca.scalloy.engine.charge;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import ca.scalloy.engine.lp.LinearProgram;

/**
 * The shape of a charge's linear program where it matters beyond the charge it gives: a fixed batch mass is one
 * row at both its bounds, not two rows each at one (which made every optimal vertex degenerate on that row, a pair
 * of active rows one of whose logicals is basic at its bound, and the sensitivity's ranging walked through that
 * degeneracy on every analysis); the diagnosis's elastic program keeps a row for each side, one slack for each
 * way the mass can fall short.
 */
class ChargeProgramTest {

    private static List<LinearProgram.Constraint> batchMassRows(ChargeProgram p) {
        return p.builder.objective(p.cost).build().constraints().stream().filter(c -> c.name().equals("batch mass")).toList();
    }

    @Test
    void aFixedBatchMassIsOneEqualityRow() {
        // 5028-type example: 2000 kg, no heel, part pieces allowed (no tolerance on the mass)
        ChargeProgram p = ChargeProgram.build(new ChargeModel(WorkedExamples.alMgSc5028(Objective.MIN_COST)), false, false);
        List<LinearProgram.Constraint> rows = batchMassRows(p);
        assertEquals(1, rows.size());
        assertEquals(2000.0, rows.get(0).lower());
        assertEquals(2000.0, rows.get(0).upper());
    }

    @Test
    void aBatchOfWholePiecesIsOneRowRangedByItsTolerance() {
        // 1000 kg within ±2 %, a 300 kg heel: the charge brings 1000 − 20 − 300 = 680 to 1000 + 20 − 300 = 720 kg
        Recipe recipe = RecipeBuilder.recipe().wholePieces(2.0).heel(300, Map.of())
                .targets(ElementTarget.max("Fe", 0.2))
                .materials(RecipeBuilder.metal("P1020", MaterialKind.METAL, Map.of("Fe", 0.10), 2.60, 4.0))
                .build();
        List<LinearProgram.Constraint> rows = batchMassRows(ChargeProgram.build(new ChargeModel(recipe), false, false));
        assertEquals(1, rows.size());
        assertEquals(680.0, rows.get(0).lower(), 1e-9);
        assertEquals(720.0, rows.get(0).upper(), 1e-9);
    }

    @Test
    void theDiagnosisKeepsARowForEachSideOfTheBatchMass() {
        ChargeProgram p = ChargeProgram.build(new ChargeModel(WorkedExamples.alMgSc5028(Objective.MIN_COST)), true, false);
        List<LinearProgram.Constraint> rows = batchMassRows(p);
        assertEquals(2, rows.size());
        assertEquals(2, p.slacks.stream().filter(s -> s.kind() == Diagnosis.Kind.PRODUCT_MASS).count());
    }
}
