package ca.scalloy.engine.phase;

import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;

class SolvusModelProperties {

    @Property(tries = 200)
    void solubilityRisesWithTemperature(@ForAll @DoubleRange(min = 150, max = 650) double tempC,
                                        @ForAll @DoubleRange(min = 1, max = 50) double stepC) {
        for (String solute : SolvusModel.solutes()) {
            SolvusModel m = SolvusModel.of(solute);
            assertTrue(m.solubilityWtPct(tempC + stepC) > m.solubilityWtPct(tempC),
                    () -> solute + " at " + tempC + " and +" + stepC);
        }
    }
}
