package ca.scalloy.engine.kinetics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import ca.scalloy.engine.props.ModelParameters;
import ca.scalloy.engine.props.Precipitation;

class DistributionStrengthTest {

    private final DistributionStrength strength = new DistributionStrength(ModelParameters.standard(), KineticParameters.standard());
    private final Precipitation formulas = new Precipitation(ModelParameters.standard());

    /* One size class is the mean-field model: exactly Precipitation.incrementMPa at its volume fraction and radius. */
    @ParameterizedTest
    @CsvSource({"1.0e-9, 1.0e23", "2.0e-9, 2.0e23", "6.0e-9, 5.0e21", "20e-9, 1.0e20"})
    void oneClassGivesTheMeanFieldIncrement(double radiusM, double perM3) {
        double f = perM3 * 4.0 / 3.0 * Math.PI * radiusM * radiusM * radiusM;
        double expected = formulas.incrementMPa(f, radiusM)[0];
        assertEquals(expected, strength.precipitationMPa(new double[] {radiusM}, new double[] {perM3}, 1)[0], 1e-9 * expected);
    }

    /*
     * Two classes of the same radius behave as one class holding both: the split is not seen. A mix of small
     * (sheared) and large (looped) particles lands between the strengths of each alone at the same volume fraction.
     */
    @Test
    void theDistributionWeighsEachClassByWhatASlipPlaneMeets() {
        double[] one = strength.precipitationMPa(new double[] {2e-9}, new double[] {2e23}, 1);
        double[] two = strength.precipitationMPa(new double[] {2e-9, 2e-9}, new double[] {1e23, 1e23}, 2);
        assertEquals(one[0], two[0], 1e-9 * one[0]);
        double[] mixed = strength.precipitationMPa(new double[] {1e-9, 10e-9}, new double[] {1e23, 1e21}, 2);
        assertTrue(mixed[1] > 0 && mixed[1] < 1, "share looped " + mixed[1]);
        assertEquals(0, strength.precipitationMPa(new double[0], new double[0], 0)[0]);
    }
}
