package ca.scalloy.engine.charge;

import static ca.scalloy.engine.charge.ChargeAssertions.assertKg;
import static ca.scalloy.engine.charge.ChargeAssertions.assertSolved;
import static ca.scalloy.engine.charge.RecipeBuilder.metal;
import static ca.scalloy.engine.charge.RecipeBuilder.recipe;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import ca.scalloy.solver.OjalgoSolver;

/** MIN_COST and MIN_CO2 choose different aluminium when the cheap one is the carbon-heavy one. */
class ChargeObjectivesTest {

    private final ChargeCalculator calculator = new ChargeCalculator(new OjalgoSolver());

    /*
     * 1000 kg, Sc 0.20-0.30 %; AlSc2 (Sc 2 %, 200/kg, 10 kg CO2/kg) is dearest and carbon-heavier than
     * hydro Al, so both objectives use the least AlSc2: 100 kg, and 900 kg of aluminium:
     *   P1020      2.50/kg, 15.1 kg CO2/kg (global average primary)
     *   HYDRO-A    2.70/kg,  4.0 kg CO2/kg;  HYDRO-B 2.65/kg, 4.0 kg CO2/kg (same carbon, cheaper)
     *   MIN_COST: P1020 900 kg;  cost 900*2.50 + 100*200 = 22250;  CO2 900*15.1 + 100*10 = 14590
     *   MIN_CO2: the hydro Al, and of the two the cheaper HYDRO-B (cost breaks the CO2 tie):
     *            cost 900*2.65 + 20000 = 22385;  CO2 900*4.0 + 1000 = 4600
     */
    @ParameterizedTest(name = "{0} charges 900 kg of {1}")
    @CsvSource({
        "MIN_COST, P1020,   22250, 14590",
        "MIN_CO2,  HYDRO-B, 22385,  4600",
    })
    void objectiveChoosesTheAluminium(Objective objective, String aluminium, double cost, double co2Kg) {
        Recipe r = recipe().objective(objective).targets(new ElementTarget("Sc", 0.20, null, 0.30)).materials(
                metal("P1020", MaterialKind.METAL, Map.of("Fe", 0.10), 2.50, 15.1),
                metal("HYDRO-A", MaterialKind.METAL, Map.of("Fe", 0.10), 2.70, 4.0),
                metal("HYDRO-B", MaterialKind.METAL, Map.of("Fe", 0.10), 2.65, 4.0),
                metal("ALSC2", MaterialKind.MASTER_ALLOY, Map.of("Sc", 2.0), 200, 10)).build();

        ChargeResult result = calculator.solve(r);

        assertSolved(result);
        assertKg(900, result, aluminium);
        assertKg(100, result, "ALSC2");
        assertEquals(cost, result.costTotal(), 1e-4);
        assertEquals(co2Kg, result.co2TotalKg(), 1e-4);
        assertEquals(objective, result.objective());
    }
}
