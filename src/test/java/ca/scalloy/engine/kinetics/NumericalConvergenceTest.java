package ca.scalloy.engine.kinetics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import ca.scalloy.engine.Composition;
import ca.scalloy.engine.thermo.ProcessRoute;
import ca.scalloy.engine.props.ModelParameters;

/**
 * The shipped time-step and class-count settings are converged: with every numerical tolerance four times
 * finer (radius, supersaturation and log-time steps) and three times the size classes, the state at the end
 * of a schedule moves by little (measured: radius ≤ 6.5 %, number density ≤ 10 %, strength ≤ 3 %).
 */
class NumericalConvergenceTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"0.3|0|300:24", "0.3|0|400:24", "0.3|0.15|300:4,350:8,400:12"})
    void fourTimesFinerNumericsChangeTheResultLittle(double sc, double zr, String schedule) {
        ModelParameters k = KineticParameters.standard();
        ModelParameters fine = k.with("numerics.radiusStep", k.get("numerics.radiusStep") / 4)
                .with("numerics.supersaturationStep", k.get("numerics.supersaturationStep") / 4)
                .with("numerics.logTimeStep", k.get("numerics.logTimeStep") / 4)
                .with("numerics.maxClasses", 3 * k.get("numerics.maxClasses"));
        Composition c = new Composition(Map.of("Sc", sc, "Zr", zr), "Al");
        StartingState start = new StartingStates().of(c, ProcessRoute.CAST);
        AgeingSchedule s = AgeingSchedule.parse(schedule);
        AgeingPoint shipped = new PrecipitationKinetics(ThermoSoluteEquilibrium.standard(), k, ModelParameters.standard()).simulate(c, start, s).last();
        AgeingPoint finer = new PrecipitationKinetics(ThermoSoluteEquilibrium.standard(), fine, ModelParameters.standard()).simulate(c, start, s).last();
        assertEquals(finer.radiusNm(), shipped.radiusNm(), 0.08 * finer.radiusNm(), "radius");
        assertEquals(finer.numberDensityPerM3(), shipped.numberDensityPerM3(), 0.15 * finer.numberDensityPerM3(), "number density");
        assertEquals(finer.yieldStrengthMPa(), shipped.yieldStrengthMPa(), 0.04 * finer.yieldStrengthMPa(), "yield strength");
        assertEquals(finer.scInSolutionWtPct(), shipped.scInSolutionWtPct(), 0.1 * finer.scInSolutionWtPct() + 1e-4, "Sc in solution");
    }
}
