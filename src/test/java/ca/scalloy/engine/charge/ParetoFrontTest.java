package ca.scalloy.engine.charge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import ca.scalloy.engine.Composition;
import ca.scalloy.solver.OjalgoSolver;

class ParetoFrontTest {

    private final ChargeCalculator calculator = new ChargeCalculator(new OjalgoSolver());

    /**
     * The ends are the least-CO2 charge (MIN_CO2, cost as its tie-breaker) and the least-cost one; in
     * between, cost falls as CO2 is allowed to rise, and (the least cost being a convex function of the
     * CO2 allowed, as every LP's optimal value is of its right-hand side) it falls less and less.
     */
    @Test
    void costAgainstCo2RunsFromTheLeastCo2ToTheLeastCostCharge() throws Exception {
        Recipe r = ChargeSensitivityTest.file("almgsc-5028-sensitivity.json");
        List<ParetoPoint> front = calculator.pareto(r, ParetoPoint.Axis.CO2, 10);
        assertEquals(10, front.size());
        ChargeResult leastCo2 = calculator.solve(r.withObjective(Objective.MIN_CO2));
        ChargeResult leastCost = calculator.solve(r.withObjective(Objective.MIN_COST));
        assertEquals(leastCo2.co2TotalKg(), front.get(0).co2Kg(), 1e-6);
        assertEquals(leastCo2.costTotal(), front.get(0).cost(), 1e-6);
        // The cheap end holds the least cost to 1e-10 (relative) while it minimises CO2 among those charges.
        assertEquals(leastCost.costTotal(), front.get(9).cost(), 1e-9 * leastCost.costTotal());
        for (int i = 1; i < front.size(); i++) {
            assertTrue(front.get(i).co2Kg() > front.get(i - 1).co2Kg(), "CO2 rises along the front");
            assertTrue(front.get(i).cost() < front.get(i - 1).cost(), "cost falls along the front");
        }
        for (int i = 2; i < front.size(); i++) {
            double slope1 = slope(front.get(i - 2), front.get(i - 1));
            double slope2 = slope(front.get(i - 1), front.get(i));
            assertTrue(slope2 >= slope1 - 1e-6, "the front is convex: " + slope1 + " then " + slope2);
        }
    }

    private static double slope(ParetoPoint a, ParetoPoint b) {
        return (b.cost() - a.cost()) / (b.co2Kg() - a.co2Kg());
    }

    /**
     * Two Sc sources: Sc2O3 (85 % recovery, about 2,700 per kg of Sc delivered) and bought AlSc2 (98 %,
     * 60.00 a kg, about 3,060 per kg of Sc delivered). The cheapest charge takes the oxide and loses more
     * Sc; the leanest in Sc takes the master alloy.
     */
    @Test
    void costAgainstScTradesTheOxideForTheMasterAlloy() throws Exception {
        Recipe oxide = ChargeSensitivityTest.file("alsc2-oxide-route.json").withObjective(Objective.MIN_COST);
        Material alSc2 = new Material("ALSC2-BUY", "AlSc2 bought", MaterialKind.MASTER_ALLOY, new Composition(Map.of("Sc", 2.0), "Al"), null,
                null, null, Map.of("Sc", 98.0), 60.0, 10, null, null, null, null, null);
        List<Material> materials = new ArrayList<>(oxide.materials());
        materials.add(alSc2);
        Recipe r = oxide.withTargets(List.of(ElementTarget.range("Sc", 0.20, 0.25, 0.30))).withMaterials(materials);
        List<ParetoPoint> front = calculator.pareto(r, ParetoPoint.Axis.SC, 5);
        assertEquals(5, front.size());
        // 0.2 % of 1000 kg delivered at 98 % recovery: 2 / 0.98 kg of Sc charged.
        assertEquals(2 / 0.98, front.get(0).scKg(), 1e-6);
        // ... and at the oxide's 85 %: 2 / 0.85 kg.
        assertEquals(2 / 0.85, front.get(4).scKg(), 1e-6);
        assertEquals(calculator.solve(r).costTotal(), front.get(4).cost(), 1e-9 * front.get(4).cost());
        for (int i = 1; i < front.size(); i++) {
            assertTrue(front.get(i).cost() < front.get(i - 1).cost());
        }
    }

    /** P1020 and P0610 both carry 4 kg CO2 a kg in worked example 2: the least cost is also the least CO2. */
    @Test
    void aFrontWithNoTradeIsOnePoint() throws Exception {
        Recipe r = ChargeSensitivityTest.file("almgsc-5028-type.json");
        List<ParetoPoint> front = calculator.pareto(r, ParetoPoint.Axis.CO2, 10);
        assertEquals(1, front.size());
        assertEquals(calculator.solve(r).costTotal(), front.get(0).cost(), 1e-6);
    }

    @Test
    void anInfeasibleRecipeHasNoFront() throws Exception {
        Recipe r = ChargeSensitivityTest.file("alsc2-oxide-route.json")
                .withTargets(List.of(ElementTarget.range("Sc", 1.8, 2.0, 2.2), ElementTarget.max("Fe", 0.05)));
        assertTrue(calculator.pareto(r, ParetoPoint.Axis.CO2, 5).isEmpty());
    }

    @Test
    void aFrontNeedsTwoPoints() throws Exception {
        Recipe r = ChargeSensitivityTest.file("almgsc-5028-type.json");
        assertThrows(IllegalArgumentException.class, () -> calculator.pareto(r, ParetoPoint.Axis.CO2, 1));
    }
}
