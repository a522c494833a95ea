package ca.scalloy.engine.charge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class NormalTest {

    /** Quantiles of the standard normal to 16 digits (tables of Φ⁻¹, e.g. Wichura's AS 241 test values). */
    @ParameterizedTest
    @CsvSource({"0.5, 0", "0.95, 1.6448536269514722", "0.975, 1.959963984540054", "0.99, 2.3263478740408408",
        "0.999, 3.090232306167813", "0.05, -1.6448536269514722", "0.0001, -3.719016485455709"})
    void quantileMatchesTheTables(double p, double z) {
        assertEquals(z, Normal.quantile(p), 1e-11);
    }

    /** Φ(1.96) = 0.9750021048517795, Φ(−1) = 0.15865525393145707 (tables of the normal CDF). */
    @ParameterizedTest
    @CsvSource({"0, 0.5", "1.96, 0.9750021048517795", "-1, 0.15865525393145707", "3, 0.9986501019683699"})
    void cdfMatchesTheTables(double z, double p) {
        assertEquals(p, Normal.cdf(z), 1e-14);
    }

    @ParameterizedTest
    @ValueSource(doubles = {0, 1, -0.5, 1.5, Double.NaN})
    void quantileRefusesWhatIsNotAProbability(double p) {
        assertThrows(IllegalArgumentException.class, () -> Normal.quantile(p));
    }

    /** Far in the tail Acklam's approximation stands alone: Φ⁻¹(1e-300) = −37.0471 (its relative error 1.2e-9). */
    @ParameterizedTest
    @ValueSource(doubles = {1e-300})
    void farTailsStayFinite(double p) {
        assertEquals(-37.0471, Normal.quantile(p), 1e-3);
    }
}
