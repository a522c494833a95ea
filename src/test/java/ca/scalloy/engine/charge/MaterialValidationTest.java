package ca.scalloy.engine.charge;

import static ca.scalloy.engine.charge.RecipeBuilder.metal;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import ca.scalloy.engine.Composition;

/** Material, ElementTarget, Heel and FluxLink refuse values no furnace charge can have, naming the value. */
class MaterialValidationTest {

    private static final Material P1020 = metal("P1020", MaterialKind.METAL, Map.of("Fe", 0.10), 2.60, 4.0);

    private static void assertRefused(String message, Executable construction) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, construction).getMessage());
    }

    @ParameterizedTest(name = "min {0}, max {1}, fixed {2}: {3}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        "-1   | -   | -   | minKg must be a number >= 0, was -1.0",
        "-    | -5  | -   | maxKg must be a number >= 0, was -5.0",
        "-    | -   | -2  | fixedKg must be a number >= 0, was -2.0",
        "NaN  | -   | -   | minKg must be a number >= 0, was NaN",
        "-    | NaN | -   | maxKg must be a number >= 0, was NaN",
        "-    | -   | NaN | fixedKg must be a number >= 0, was NaN",
        "10   | 5   | -   | minKg 10.0 is above maxKg 5.0",
        "5    | 20  | 3   | fixedKg 3.0 is below minKg 5.0",
        "5    | 20  | 25  | fixedKg 25.0 is above maxKg 20.0",
    })
    void stockBoundsOutsideTheirRangeAreRefused(Double minKg, Double maxKg, Double fixedKg, String message) {
        assertRefused(message, () -> P1020.withBounds(minKg, maxKg, fixedKg));
    }

    @Test
    void fixedMassInsideItsBoundsIsAccepted() {
        assertEquals(7.0, P1020.withBounds(5.0, 20.0, 7.0).fixedKg());
    }

    @ParameterizedTest(name = "price {0}")
    @CsvSource({"-0.01", "NaN", "Infinity"})
    void priceMustBeAFiniteNonNegativeNumber(double price) {
        assertRefused("pricePerKg must be a number >= 0, was " + price, () -> P1020.withPricePerKg(price));
    }

    @Test
    void negativeCarbonFootprintIsRefused() {
        assertRefused("co2KgPerKg must be a number >= 0, was -1.0",
                () -> metal("HYDRO", MaterialKind.METAL, Map.of(), 2.7, -1.0));
    }

    @ParameterizedTest(name = "purity {0} %")
    @CsvSource({"0", "-5", "100.01", "NaN"})
    void compoundPurityMustBeAbove0AndAtMost100(double purityPct) {
        assertRefused("purityPct must be above 0 and at most 100, was " + purityPct,
                () -> Material.compound("SCF3", null, "ScF3", purityPct, Map.of(), 3000, 0, null));
    }

    @Test
    void compoundOfExactly100PercentPurityIsAccepted() {
        assertEquals(100.0, Material.compound("SCF3", null, "ScF3", 100, Map.of(), 3000, 0, null).purityPct());
    }

    @Test
    void pieceMassMustBePositive() {
        assertRefused("pieceMassKg must be a number > 0, was 0.0", () -> RecipeBuilder.inPieces(P1020, 0));
    }

    @Test
    void recoveryAbove100PercentIsRefusedNamingTheElement() {
        assertRefused("recoveryPct.Sc must be a number from 0 to 100, was 101.0",
                () -> Material.compound("SC2O3", null, "Sc2O3", 99.9, Map.of("Sc", 101.0), 1500, 0, null));
    }

    @Test
    void compoundWithoutAReducibleElementIsRefused() {
        assertRefused("formula 'NaF' has no element that aluminium reduces into the metal",
                () -> Material.compound("NAF", null, "NaF", 99, Map.of(), 1, 0, null));
    }

    @Test
    void fluxLinkOnAMetalIsRefused() {
        assertRefused("flux is only for COMPOUND materials, not METAL",
                () -> new Material("P1020", null, MaterialKind.METAL, null, null, null, null, null, 2.6, 4, null, null,
                        null, null, new FluxLink("FLUX", 1)));
    }

    @Test
    void assayOnACompoundIsRefused() {
        assertRefused("compositionPct is only for metallic materials; a FLUX gets its content from its formula",
                () -> new Material("FLUX", null, MaterialKind.FLUX, new Composition(Map.of("Na", 30.0), "Al"), null, null,
                        null, null, 1, 0, null, null, null, null, null));
    }

    @ParameterizedTest(name = "flux ratio {0}")
    @CsvSource({"-1", "NaN"})
    void fluxRatioMustBeANonNegativeNumber(double kgPerKg) {
        assertRefused("flux.kgPerKg must be a number >= 0, was " + kgPerKg, () -> new FluxLink("FLUX", kgPerKg));
    }

    @ParameterizedTest(name = "heel {0} kg")
    @CsvSource({"-1", "NaN", "Infinity"})
    void heelMassMustBeAFiniteNonNegativeNumber(double massKg) {
        assertRefused("heel.massKg must be a number >= 0, was " + massKg, () -> new Heel(massKg, Composition.pure("Al")));
    }

    @ParameterizedTest(name = "min {0}, aim {1}, max {2}: {3}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        "0.30 | -    | 0.20 | Sc: minPct 0.3 is above maxPct 0.2",
        "0.20 | 0.10 | 0.30 | Sc: aimPct 0.1 is below minPct 0.2",
        "0.20 | 0.40 | 0.30 | Sc: aimPct 0.4 is above maxPct 0.3",
        "-1   | -    | -    | minPct must be a number from 0 to 100, was -1.0",
        "-    | NaN  | -    | aimPct must be a number from 0 to 100, was NaN",
        "-    | -    | 101  | maxPct must be a number from 0 to 100, was 101.0",
    })
    void elementTargetOutsideItsRangeIsRefused(Double minPct, Double aimPct, Double maxPct, String message) {
        assertRefused(message, () -> new ElementTarget("Sc", minPct, aimPct, maxPct));
    }

    @Test
    void targetOnAnUnknownElementIsRefused() {
        assertRefused("element: unknown element 'Qq'", () -> ElementTarget.max("Qq", 1));
    }
}
