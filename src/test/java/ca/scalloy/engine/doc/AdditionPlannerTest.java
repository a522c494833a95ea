package ca.scalloy.engine.doc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import ca.scalloy.engine.Composition;
import ca.scalloy.engine.charge.ChargeCalculator;
import ca.scalloy.engine.charge.ChargeResult;
import ca.scalloy.engine.charge.Objective;
import ca.scalloy.engine.charge.Recipe;
import ca.scalloy.engine.charge.WorkedExamples;
import ca.scalloy.solver.OjalgoSolver;

class AdditionPlannerTest {

    private final ChargeCalculator calc = new ChargeCalculator(new OjalgoSolver());

    /*
     * Oxide route (worked example 1): aluminium melted down first at 740 °C, then the cryolite flux and
     * the Sc2O3 under it at the oxide reduction temperature, 950 °C (process-temperatures.csv).
     */
    @Test
    void oxideRouteMeltsAluminiumThenFluxThenOxide() {
        Recipe r = WorkedExamples.alSc2OxideRoute(Objective.AIM);
        ChargeResult c = calc.solve(r);
        List<AdditionStep> steps = AdditionPlanner.plan(r, c, 760.4, 50);
        assertEquals(List.of("AL-P1020", "FLUX-CRYO", "SC2O3-999"), steps.stream().map(s -> s.material().id()).toList());
        assertEquals(740, steps.get(0).tempC());
        assertEquals(950, steps.get(1).tempC());
        assertEquals(950, steps.get(2).tempC());
        assertEquals(85.0, steps.get(2).recoveryPct(), 1e-9);
        assertEquals(null, steps.get(1).recoveryPct());
        assertEquals(36.12608, steps.get(2).plannedKg(), 5e-5);
    }

    /*
     * 5028-type (worked example 2, MIN_COST: P1020, AlSc2, AlMn20, AlZr10, Mg): P1020 first; the master
     * alloys at the holding temperature; magnesium last. Liquidus 632 + 50 superheat = 682, below the
     * 720 °C minimum holding temperature, so 720 °C.
     */
    @Test
    void masterAlloysGoInAtHoldingTemperatureAndMagnesiumLast() {
        Recipe r = WorkedExamples.alMgSc5028(Objective.MIN_COST);
        List<AdditionStep> steps = AdditionPlanner.plan(r, calc.solve(r), 632, 50);
        assertEquals("P1020", steps.get(0).material().id());
        assertEquals("MG999", steps.get(steps.size() - 1).material().id());
        assertEquals("note.magnesium", steps.get(steps.size() - 1).note());
        assertEquals(720, steps.get(1).tempC());
        assertEquals(97.0, steps.get(steps.size() - 1).recoveryPct(), 1e-9);
        assertEquals(790, AdditionPlanner.holdingTempC(740, 50));
    }

    /*
     * Al-0.42Zr: issue 12 - "the Al-Zr diagram puts it near 800 °C" (the old dilute slope gave 662 °C); primary
     * Al3Zr. Holding = liquidus + the 50 °C default superheat of process-temperatures.csv, whose row is cited.
     */
    @Test
    void aZirconiumMeltIsHeldAboveItsAl3ZrLiquidus() {
        MeltHolding h = AdditionPlanner.holding(new Composition(Map.of("Zr", 0.42), "Al"), AdditionPlanner.defaultSuperheatC());
        assertEquals(MeltHolding.LiquidusModel.THERMODYNAMIC_DATA, h.model());
        assertEquals("AL3ZR", h.primaryPhase());
        assertEquals(800, h.liquidusC(), 20);
        assertEquals(50, h.superheatC());
        assertEquals(h.liquidusC() + 50, h.holdingTempC(), 1e-9);
        assertTrue(h.superheatSource().english().startsWith("[est] superheat above the liquidus"), h.superheatSource()::english);
        assertNull(h.liquidusBandC());
        assertTrue(h.database().files().stream().anyMatch(f -> f.startsWith("cost507-light-alloys.tdb")), h.database().files()::toString);
    }

    /* Al-0.2Sc: (Al) first just below 660.32 °C (pure Al); 660 + 50 is under the 720 °C floor. A superheat typed is "as given". */
    @Test
    void aDiluteMeltIsHeldAtTheFloor() {
        MeltHolding h = AdditionPlanner.holding(new Composition(Map.of("Sc", 0.2), "Al"), 30);
        assertEquals("FCC_A1", h.primaryPhase());
        assertEquals(660, h.liquidusC(), 0.5);
        assertTrue(h.floorApplies());
        assertEquals(720, h.holdingTempC());
        assertEquals("as given", h.superheatSource().english());
    }

    /* 4 wt% Cu is outside the thermodynamic data (at most 1 wt% may be left out): the dilute model, its band and why. */
    @Test
    void aMeltTheDataDoNotCoverFallsBackOnTheDiluteModelAndSaysWhy() {
        MeltHolding h = AdditionPlanner.holding(new Composition(Map.of("Cu", 4.0, "Sc", 0.3), "Al"), 50);
        assertEquals(MeltHolding.LiquidusModel.DILUTE_MODEL, h.model());
        assertNull(h.primaryPhase());
        assertTrue(h.liquidusBandC() > 0);
        assertTrue(h.fallbackReason().english().contains("{Cu=4.0} wt% of other elements"), h.fallbackReason().english());
    }
}
