package ca.scalloy.engine.charge;

import static ca.scalloy.engine.charge.ChargeAssertions.assertInfeasible;
import static ca.scalloy.engine.charge.ChargeAssertions.assertKg;
import static ca.scalloy.engine.charge.ChargeAssertions.assertSolved;
import static ca.scalloy.engine.charge.RecipeBuilder.inPieces;
import static ca.scalloy.engine.charge.RecipeBuilder.metal;
import static ca.scalloy.engine.charge.RecipeBuilder.recipe;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import ca.scalloy.solver.OjalgoSolver;

/** Materials that come in pieces are charged in whole pieces when the recipe asks for it. */
class WholePiecesTest {

    private static final Material ALSC2_PLATES =
            inPieces(metal("ALSC2", MaterialKind.MASTER_ALLOY, Map.of("Sc", 2.0), 200, 10), 10);
    private static final Material P1020 = metal("P1020", MaterialKind.METAL, Map.of(), 2.60, 4.0);
    private static final ElementTarget SC = new ElementTarget("Sc", 0.27, null, 0.35);

    private final ChargeCalculator calculator = new ChargeCalculator(new OjalgoSolver());

    /* In part pieces: 0.27 % of 1000 kg = 2.7 kg Sc = 135 kg AlSc2 = 13.5 plates of 10 kg. */
    @Test
    void partPiecesAreReportedAsAFraction() {
        ChargeResult r = calculator.solve(recipe().targets(SC).materials(P1020, ALSC2_PLATES).build());

        assertSolved(r);
        assertKg(135, r, "ALSC2");
        assertEquals(13.5, pieces(r, "ALSC2"), 1e-6);
    }

    /*
     * Whole 10 kg plates, 1000 kg ± 2 % (980-1020 kg product), Sc 0.27-0.35 %:
     *   13 plates = 2.6 kg Sc: even at 980 kg that is 0.2653 % < 0.27 -> not enough.
     *   14 plates = 2.8 kg Sc, then the least (cheapest) P1020 that reaches 980 kg: 840 kg;
     *   Sc = 2.8/980 = 0.285714 %;  cost = 840*2.60 + 140*200 = 30184.
     */
    @Test
    void wholePlatesRoundUpAndTheBatchUsesItsTolerance() {
        ChargeResult r = calculator.solve(recipe().wholePieces(2).targets(SC).materials(P1020, ALSC2_PLATES).build());

        assertSolved(r);
        assertEquals(14.0, pieces(r, "ALSC2"));
        assertKg(140, r, "ALSC2");
        assertKg(840, r, "P1020");
        assertEquals(980, r.productMassKg(), 1e-6);
        assertEquals(0.285714, r.productPct("Sc"), 1e-6);
        assertEquals(30184, r.costTotal(), 1e-3);
    }

    /*
     * Add P1020 in 25 kg ingots and hold 1000 kg exactly, Sc 0.27-0.28 %: Sc 2.7-2.8 kg needs
     * 13.5-14 plates, so 14 plates (140 kg), leaving 860 kg = 34.4 ingots: no whole answer, though
     * 13.5 plates + 34.6 ingots is one in part pieces.
     */
    @Test
    void noWholeNumberOfPiecesIsDiagnosedAsSuch() {
        Recipe recipe = recipe().wholePieces(0).targets(new ElementTarget("Sc", 0.27, null, 0.28))
                .materials(inPieces(P1020, 25), ALSC2_PLATES).build();

        ChargeResult r = calculator.solve(recipe);

        assertInfeasible(r);
        assertEquals(List.of(Diagnosis.Kind.WHOLE_PIECES), r.diagnosis().stream().map(Diagnosis::kind).toList());
        assertEquals("No charge in whole pieces meets every limit at 1000 kg ± 0 %; a charge in part pieces does:"
                + " widen batchMassTolerancePct or allow part pieces", r.diagnosis().get(0).message());
    }

    private static double pieces(ChargeResult r, String materialId) {
        return r.charge().stream().filter(l -> l.materialId().equals(materialId)).findFirst().orElseThrow().pieces();
    }
}
