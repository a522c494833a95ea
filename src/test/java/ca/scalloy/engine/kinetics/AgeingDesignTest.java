package ca.scalloy.engine.kinetics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import ca.scalloy.engine.Composition;
import ca.scalloy.engine.Progress;
import ca.scalloy.engine.thermo.ProcessRoute;

class AgeingDesignTest {

    private final PrecipitationKinetics model = new PrecipitationKinetics();
    private final AgeingDesign design = new AgeingDesign(model);
    private final Composition alloy = new Composition(Map.of("Sc", 0.3, "Zr", 0.1), "Al");
    private final StartingState cast = new StartingStates().of(alloy, ProcessRoute.CAST);

    /* The suggestion fits the time allowed and is at least as strong as every single step it tried, e.g. 300 °C held to its peak. */
    @Test
    void suggestedScheduleFitsTheTimeAndBeatsTheSingleStepsAtTheirPeak() {
        AgeingDesign.Suggestion s = design.suggest(alloy, cast, 24);
        assertTrue(s.schedule().totalHours() <= 24 + 1e-9, s.schedule().toString());
        AgeingPoint at300 = design.peakAt(alloy, cast, 300, 24);
        assertTrue(s.end().yieldStrengthMPa() >= at300.yieldStrengthMPa() * 0.99, s + " against " + at300.yieldStrengthMPa());
        assertEquals(s.end().yieldStrengthMPa(), model.simulate(alloy, cast, s.schedule()).last().yieldStrengthMPa(), 1e-9);
    }

    @Test
    void curvesGiveOneIsothermalResultPerTemperature() {
        List<AgeingResult> curves = design.curves(alloy, cast, List.of(300.0, 400.0), 10);
        assertEquals(2, curves.size());
        assertEquals(400.0, curves.get(1).last().tempC());
        assertEquals(10.0, curves.get(1).last().hours(), 1e-9);
    }

    @ParameterizedTest
    @CsvSource({"1.585, 1.6", "24.0, 24", "7.549, 7.5", "0.05, 0.1", "151, 150"})
    void peakTimesAreRoundedToWhatAFurnaceCrewSets(double hours, double expected) {
        assertEquals(expected, AgeingDesign.roundHours(hours), 1e-12);
    }

    /** Records what was reported and cancels once told to. */
    private static final class Recorded implements Progress {
        final List<Double> reported = new ArrayList<>();
        int cancelAfter = Integer.MAX_VALUE;

        @Override
        public boolean cancelled() {
            return reported.size() >= cancelAfter;
        }

        @Override
        public void done(double fraction) {
            reported.add(fraction);
        }
    }

    @Test
    void curvesReportEachTemperatureAndStopWhenNoLongerWanted() {
        Recorded p = new Recorded();
        design.curves(alloy, cast, List.of(300.0, 350.0, 400.0, 450.0), 10, p);
        assertEquals(List.of(0.25, 0.5, 0.75, 1.0), p.reported);

        Recorded stop = new Recorded();
        stop.cancelAfter = 1;
        assertThrows(CancellationException.class, () -> design.curves(alloy, cast, List.of(300.0, 350.0, 400.0), 10, stop));
        assertEquals(List.of(1.0 / 3), stop.reported, "stopped before the second temperature");
    }

    @Test
    void aSuggestionReportsRisingProgressToTheEndAndCanBeStopped() {
        Recorded p = new Recorded();
        AgeingDesign.Suggestion withProgress = design.suggest(alloy, cast, 24, p);
        assertEquals(design.suggest(alloy, cast, 24).schedule(), withProgress.schedule());
        for (int i = 1; i < p.reported.size(); i++) {
            assertTrue(p.reported.get(i) >= p.reported.get(i - 1));
        }
        assertEquals(1.0, p.reported.get(p.reported.size() - 1));

        Recorded stop = new Recorded();
        stop.cancelAfter = 5;
        assertThrows(CancellationException.class, () -> design.suggest(alloy, cast, 24, stop));
        assertEquals(5, stop.reported.size());
    }
}
