package ca.scalloy.engine.charge;

import static ca.scalloy.engine.charge.ChargeAssertions.assertInfeasible;
import static ca.scalloy.engine.charge.RecipeBuilder.metal;
import static ca.scalloy.engine.charge.RecipeBuilder.recipe;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import ca.scalloy.solver.OjalgoSolver;

/** An infeasible recipe says which limit fails, whether on its own or only with the others, and by how much. */
class ChargeDiagnosisTest {

    private static final Material P1020 = metal("P1020", MaterialKind.METAL, Map.of("Fe", 0.10), 2.60, 4.0);

    private final ChargeCalculator calculator = new ChargeCalculator(new OjalgoSolver());

    private Diagnosis onlyDiagnosis(RecipeBuilder recipe) {
        ChargeResult r = calculator.solve(recipe.build());
        assertInfeasible(r);
        assertEquals(1, r.diagnosis().size(), () -> r.diagnosis().toString());
        return r.diagnosis().get(0);
    }

    /* P1020 and AlSc2 both hold Fe 0.10 % and lose none: every 1000 kg mix has 1.0 kg Fe = 0.1 %. */
    @Test
    void ironMaximumBelowEveryMaterialIsUnreachableOnItsOwn() {
        Material alSc2 = metal("ALSC2", MaterialKind.MASTER_ALLOY, Map.of("Sc", 2.0, "Fe", 0.10), 200, 10);

        Diagnosis d = onlyDiagnosis(recipe().materials(P1020, alSc2)
                .targets(new ElementTarget("Sc", 0.2, null, 0.3), ElementTarget.max("Fe", 0.05)));

        assertEquals(Diagnosis.Kind.ELEMENT_MAX, d.kind());
        assertEquals("Fe", d.element());
        assertEquals(0.05, d.limit());
        assertEquals(0.1, d.reachable(), 1e-9);
        assertTrue(d.onItsOwn());
        assertEquals("Fe max 0.05 %: the lowest reachable with these materials is 0.1 %", d.message());
        assertEquals(List.of(), d.conflictsWith(), "Sc 0.2-0.3 % does not change the Fe of a charge that is all 0.10 % Fe");
    }

    /* AlSc2 holds 2 % Sc at most, so no 1000 kg charge reaches 3 %. */
    @Test
    void scandiumMinimumAboveTheRichestMaterialIsUnreachableOnItsOwn() {
        Material alSc2 = metal("ALSC2", MaterialKind.MASTER_ALLOY, Map.of("Sc", 2.0), 200, 10);

        Diagnosis d = onlyDiagnosis(recipe().materials(P1020, alSc2).targets(new ElementTarget("Sc", 3.0, null, null)));

        assertEquals(Diagnosis.Kind.ELEMENT_MIN, d.kind());
        assertTrue(d.onItsOwn());
        assertEquals(2.0, d.reachable(), 1e-9);
        assertEquals("Sc min 3 %: the highest reachable with these materials is 2 %", d.message());
    }

    /*
     * AlSc2 (Sc 2 %, Fe 0.15 %) and P1020 (Fe 0.10 %), 1000 kg. Alone, Sc 0.30 % is reachable (150 kg
     * AlSc2) and so is Fe 0.105 % (P1020 alone: 0.10 %). Together: 150 kg AlSc2 gives
     * Fe = (850*0.10 + 150*0.15)/1000 = 0.1075 %. Relaxing Fe costs 0.025 kg, relaxing Sc (to 100 kg
     * AlSc2, where Fe is 0.105 %) 1 kg, so Fe is the limit named. While Sc stays at or above 0.3 % (at
     * least 150 kg AlSc2) the lowest Fe is 0.1075 %, and Sc min is the limit it conflicts with.
     */
    @Test
    void limitsReachableAloneButNotTogetherAreSaidToClash() {
        Material alSc2 = metal("ALSC2", MaterialKind.MASTER_ALLOY, Map.of("Sc", 2.0, "Fe", 0.15), 200, 10);

        Diagnosis d = onlyDiagnosis(recipe().materials(P1020, alSc2)
                .targets(new ElementTarget("Sc", 0.30, null, null), ElementTarget.max("Fe", 0.105)));

        assertEquals(Diagnosis.Kind.ELEMENT_MAX, d.kind());
        assertFalse(d.onItsOwn());
        assertEquals(0.1075, d.reachable(), 1e-9);
        assertEquals("Fe max 0.105 % cannot be met while Sc stays at or above 0.3 %: the lowest Fe then is 0.1075 %",
                d.message());
        assertEquals(List.of(new Diagnosis.Conflict(Diagnosis.Subject.ELEMENT, "Sc", 0.30, null)), d.conflictsWith());
    }

    /*
     * The same two materials, with Sc held within 0.30-0.40 % and Fe max 0.105 %: less AlSc2 lowers both
     * Sc and Fe, so the lowest Fe while Sc stays within 0.3-0.4 % is at Sc 0.30 % (150 kg AlSc2),
     * 0.1075 % as above; the Sc maximum does not bind, but the conflict names Sc's whole range.
     * Dropping Fe's limit, the charge meets Sc: the other limits hold together.
     */
    @Test
    void theClosestValueIsTheOneReachableWhileEveryOtherLimitHolds() {
        Material alSc2 = metal("ALSC2", MaterialKind.MASTER_ALLOY, Map.of("Sc", 2.0, "Fe", 0.15), 200, 10);

        Diagnosis d = onlyDiagnosis(recipe().materials(P1020, alSc2)
                .targets(new ElementTarget("Sc", 0.30, null, 0.40), ElementTarget.max("Fe", 0.105)));

        assertEquals(0.1075, d.reachable(), 1e-9);
        assertEquals(List.of(new Diagnosis.Conflict(Diagnosis.Subject.ELEMENT, "Sc", 0.30, 0.40)), d.conflictsWith());
        assertEquals("Fe max 0.105 % cannot be met while Sc stays within 0.3-0.4 %: the lowest Fe then is 0.1075 %",
                d.message());
    }

    @Test
    void heelHeavierThanTheBatchIsAProductMassFailure() {
        Diagnosis d = onlyDiagnosis(recipe().heel(1200, Map.of("Fe", 0.1)).materials(P1020));

        assertEquals(Diagnosis.Kind.PRODUCT_MASS, d.kind());
        assertEquals(1000, d.limit());
        assertEquals(1200, d.reachable(), 1e-6);
        assertEquals("Batch mass 1000 kg: the closest reachable product mass with these materials, heel and fixed charges is 1200 kg",
                d.message());
    }

    /* 100 kg of P1020 in stock can make at most 100 kg of a 1000 kg batch. */
    @Test
    void stockTooSmallForTheBatchIsAProductMassFailure() {
        Diagnosis d = onlyDiagnosis(recipe().materials(P1020.withBounds(null, 100.0, null)));

        assertEquals(Diagnosis.Kind.PRODUCT_MASS, d.kind());
        assertEquals(100, d.reachable(), 1e-6);
    }

    /*
     * 500 kg Sc2O3 fixed (Sc2O3 100 %, recovery 100 %) reduces 500*0.6519657 = 325.98 kg Sc, which takes
     * 325.98*0.6001778 = 195.65 kg Al; with only 100 kg of P1020 in stock the metal would need negative Al.
     */
    @Test
    void reductionTakingMoreAluminiumThanChargedIsDiagnosed() {
        Material sc2o3 = Material.compound("SC2O3", null, "Sc2O3", 100, Map.of("Sc", 100.0), 1500, 0, null)
                .withBounds(null, null, 500.0);

        ChargeResult r = calculator.solve(recipe().freeMass().materials(P1020.withBounds(null, 100.0, null), sc2o3).build());

        assertInfeasible(r);
        assertEquals(Diagnosis.Kind.ELEMENT_NEGATIVE, r.diagnosis().get(0).kind());
        assertEquals("Al", r.diagnosis().get(0).element());
    }
}
