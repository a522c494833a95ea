package ca.scalloy.engine.doc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

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
}
