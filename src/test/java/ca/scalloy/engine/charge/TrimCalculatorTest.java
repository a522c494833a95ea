package ca.scalloy.engine.charge;

import static ca.scalloy.engine.charge.RecipeBuilder.metal;
import static ca.scalloy.engine.charge.RecipeBuilder.recipe;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import ca.scalloy.engine.Message;
import ca.scalloy.solver.OjalgoSolver;

class TrimCalculatorTest {

    private static final Material AL_SC2 = metal("ALSC2", MaterialKind.MASTER_ALLOY, Map.of("Sc", 2.0), 200, 10);
    private static final Material P0610 = metal("P0610", MaterialKind.METAL, Map.of("Fe", 0.07), 2.75, 4);

    private final TrimCalculator trim = new TrimCalculator(new ChargeCalculator(new OjalgoSolver()));

    /*
     * Addition: 1000 kg at Sc 0.18 %, Sc min 0.20 %, AlSc2 (Sc 2 %) may be added, least cost:
     *   (1.8 + 0.02·x)/(1000 + x) = 0.002  ->  0.018·x = 0.2  ->  x = 11.1111 kg; melt 1011.1111 kg;
     *   cost 11.1111 · 200 = 2222.22
     */
    @Test
    void lowScandiumIsToppedUpWithTheLeastMasterAlloy() {
        Recipe r = recipe().targets(new ElementTarget("Sc", 0.20, null, 0.30)).materials(AL_SC2, P0610).build();
        ChargeResult c = trim.trim(r, 1000, Map.of("Sc", 0.18), null);
        assertTrue(c.solved());
        assertEquals(11.1111, c.massKg("ALSC2"), 1e-4);
        assertEquals(0.0, c.massKg("P0610"), 1e-9);
        assertEquals(1011.1111, c.productMassKg(), 1e-4);
        assertEquals(0.20, c.productPct("Sc"), 1e-9);
        assertEquals(2222.22, c.costTotal(), 0.005);
    }

    /*
     * A recorded correction's metal after: 1000 kg plus 11.1111 kg AlSc2 (all metal, nothing lost) is
     * 1011.1111 kg, the product the trim reported. With an oxide: 10 kg Sc2O3 (100 %, Sc recovery 100 %)
     * and its 30 kg of flux deliver 10 x 0.6519657 = 6.519657 kg Sc and take 0.6001778 of that in Al:
     * 1000 + 6.519657 x 0.3998222 = 1002.6067 kg, not the 1040 kg of everything charged.
     */
    @Test
    void theMetalAfterRecordedAdditionsIsTheTrimsProduct() {
        Recipe r = recipe().targets(new ElementTarget("Sc", 0.20, null, 0.30)).materials(AL_SC2, P0610).build();
        assertEquals(1011.1111, trim.meltAfterKg(r, 1000, Map.of("ALSC2", 11.1111, "P0610", 0.0)), 1e-4);

        Material oxide = Material.compound("SC2O3", null, "Sc2O3", 100, Map.of("Sc", 100.0), 1500, 50, new FluxLink("FLUX", 3.0));
        Recipe withOxide = recipe().materials(P0610, oxide, Material.flux("FLUX", null, 1.5, 0)).build();
        assertEquals(1002.6067, trim.meltAfterKg(withOxide, 1000, Map.of("SC2O3", 10.0, "FLUX", 30.0)), 1e-4);
        assertThrows(IllegalArgumentException.class, () -> trim.meltAfterKg(withOxide, 1000, Map.of("MG999", 1.0)));
    }

    /*
     * Dilution: 1000 kg at Fe 0.20 %, Fe max 0.15 %, P0610 (Fe 0.07 %):
     *   (2 + 0.0007·y)/(1000 + y) = 0.0015  ->  0.0008·y = 0.5  ->  y = 625 kg
     */
    @Test
    void ironOverItsMaximumIsDilutedWithLowIronAluminium() {
        Recipe r = recipe().targets(ElementTarget.max("Fe", 0.15)).materials(AL_SC2, P0610).build();
        ChargeResult c = trim.trim(r, 1000, Map.of("Fe", 0.20), null);
        assertTrue(c.solved());
        assertEquals(625.0, c.massKg("P0610"), 1e-4);
        assertEquals(0.15, c.productPct("Fe"), 1e-9);
    }

    /*
     * The same dilution with 500 kg of free capacity and only P0610 to add: the 625 kg it takes do
     * not fit. (With the Fe-free AlSc2 also on offer, 333 kg of it would dilute Fe within the
     * capacity, at a price: the solver would find that.)
     */
    @Test
    void dilutionBeyondTheFreeCapacityIsDiagnosedWithTheKgItWouldTake() {
        Recipe r = recipe().targets(ElementTarget.max("Fe", 0.15)).materials(P0610).build();
        ChargeResult c = trim.trim(r, 1000, Map.of("Fe", 0.20), 500.0);
        assertFalse(c.solved());
        Diagnosis d = c.diagnosis().get(0);
        assertEquals(Diagnosis.Kind.PRODUCT_MASS_MAX, d.kind());
        assertEquals(625.0, d.reachable(), 1e-4);
        assertEquals("Bringing every element inside its limits takes 625 kg of additions (P0610 625 kg), "
                + "above the furnace's free capacity of 500 kg", d.message());
    }

    @Test
    void aMeltInsideEveryLimitNeedsNothing() {
        Recipe r = recipe().targets(new ElementTarget("Sc", 0.20, null, 0.30)).materials(AL_SC2, P0610).build();
        ChargeResult c = trim.trim(r, 1000, Map.of("Sc", 0.25), 100.0);
        assertTrue(c.solved());
        assertTrue(c.charge().isEmpty());
        assertEquals(1000.0, c.productMassKg(), 1e-9);
    }

    /* The original charge's fixed and minimum masses do not bind a correction. */
    @Test
    void theChargesFixedMassesDoNotApplyToACorrection() {
        Material fixedScrap = metal("SCRAP", MaterialKind.SCRAP, Map.of("Fe", 0.3), 1.0, 1).withBounds(null, null, 300.0);
        Recipe r = recipe().targets(new ElementTarget("Sc", 0.20, null, 0.30)).materials(AL_SC2, fixedScrap).build();
        ChargeResult c = trim.trim(r, 1000, Map.of("Sc", 0.18), null);
        assertEquals(0.0, c.massKg("SCRAP"), 1e-9);
    }

    @Test
    void unmeasuredTargetsAreWarnedAndBadInputRefused() {
        Recipe r = recipe().targets(new ElementTarget("Sc", 0.20, null, 0.30), ElementTarget.max("Fe", 0.2)).materials(AL_SC2).build();
        ChargeResult c = trim.trim(r, 1000, Map.of("Sc", 0.25), null);
        assertTrue(Message.english(c.warnings()).contains("the analysis gives no value for Fe; 0 % assumed"), c.warnings().toString());

        IllegalArgumentException mass = assertThrows(IllegalArgumentException.class, () -> trim.trim(r, -5, Map.of("Sc", 0.2), null));
        assertTrue(mass.getMessage().contains("-5"), mass.getMessage());
        IllegalArgumentException over = assertThrows(IllegalArgumentException.class,
                () -> trim.trim(r, 1000, Map.of("Sc", 60.0, "Mg", 50.0), null));
        assertTrue(over.getMessage().startsWith("analysis:"), over.getMessage());
    }
}
