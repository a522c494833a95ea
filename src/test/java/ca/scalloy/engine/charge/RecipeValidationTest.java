package ca.scalloy.engine.charge;

import static ca.scalloy.engine.charge.RecipeBuilder.metal;
import static ca.scalloy.engine.charge.RecipeBuilder.recipe;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A recipe refuses inconsistent parts, naming the offending entry. */
class RecipeValidationTest {

    private static final Material P1020 = metal("P1020", MaterialKind.METAL, Map.of("Fe", 0.10), 2.60, 4.0);
    private static final Material ALSC2 = metal("ALSC2", MaterialKind.MASTER_ALLOY, Map.of("Sc", 2.0), 200, 10);

    private static String refusal(RecipeBuilder builder) {
        return assertThrows(IllegalArgumentException.class, builder::build).getMessage();
    }

    private static Material scandiumOxideUnder(String fluxId) {
        return Material.compound("SC2O3", null, "Sc2O3", 99.9, Map.of("Sc", 85.0), 1500, 50, new FluxLink(fluxId, 3));
    }

    @Test
    void fluxPointingToAMissingMaterialIsRefused() {
        assertEquals("materials[1].flux.materialId: 'CRYOLITE' is not a material of this recipe",
                refusal(recipe().materials(P1020, scandiumOxideUnder("CRYOLITE"))));
    }

    @Test
    void fluxPointingToAMaterialThatIsNotAFluxIsRefused() {
        assertEquals("materials[1].flux.materialId: 'P1020' is a METAL, not a FLUX",
                refusal(recipe().materials(P1020, scandiumOxideUnder("P1020"))));
    }

    @Test
    void twoMaterialsWithTheSameIdAreRefused() {
        assertEquals("materials[2].id: 'P1020' is used by more than one material",
                refusal(recipe().materials(P1020, ALSC2, P1020.withPricePerKg(2.7))));
    }

    @Test
    void twoTargetsOnOneElementAreRefused() {
        assertEquals("targets[1].element: Sc has more than one target",
                refusal(recipe().materials(P1020).targets(ElementTarget.max("Sc", 0.3), ElementTarget.range("Sc", 0.2, 0.25, 0.3))));
    }

    @Test
    void recipeWithoutMaterialsIsRefused() {
        assertEquals("materials: a recipe needs at least one material", refusal(recipe()));
    }

    @ParameterizedTest(name = "batch {0} kg")
    @CsvSource({"0", "-1000", "NaN"})
    void batchMassMustBePositive(double kg) {
        assertEquals("batchMassKg must be a number > 0 (or absent for a free mass), was " + kg,
                refusal(recipe().materials(P1020).batchMassKg(kg)));
    }

    @ParameterizedTest(name = "melt loss {0} %")
    @CsvSource({"-0.5", "100", "NaN"})
    void meltLossMustBeFrom0ToBelow100(double pct) {
        assertEquals("meltLossPct must be a number from 0 to below 100, was " + pct,
                refusal(recipe().materials(P1020).meltLossPct(pct)));
    }

    @Test
    void batchToleranceAbove50PercentIsRefused() {
        assertEquals("batchMassTolerancePct must be a number from 0 to 50, was 60.0",
                refusal(recipe().materials(P1020).wholePieces(60)));
    }

    /*
     * A free product mass with no heel and no fixed or minimum charge has nothing that sets its
     * size: every objective is then met by charging next to nothing (a "charge" of micrograms).
     * A charge tool must refuse that recipe rather than answer it.
     */
    @Test
    void freeProductMassWithNothingAnchoringItIsRefused() {
        assertEquals("batchMassKg: a free product mass needs a heel or a material with a fixed or minimum mass to set its size",
                refusal(recipe().freeMass().maxProductMassKg(3000.0).materials(P1020, ALSC2)
                        .targets(ElementTarget.range("Sc", 0.2, 0.25, 0.3))));
    }

    @Test
    void freeProductMassAnchoredByAMinimumChargeIsAccepted() {
        Recipe r = recipe().freeMass().materials(P1020.withBounds(500.0, null, null), ALSC2).build();

        assertNull(r.batchMassKg());
    }
}
