package ca.scalloy.engine.kinetics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

import ca.scalloy.engine.Composition;
import ca.scalloy.engine.thermo.ProcessRoute;

class PrecipitationKineticsProperties {

    private final PrecipitationKinetics model = new PrecipitationKinetics();
    private final StartingStates routes = new StartingStates();

    /*
     * Mass is conserved: at every point, Sc (and Zr) left in solution plus what the precipitates hold equals what
     * the alloy entered ageing with. The matrix keeps a running account of what each class takes and gives back;
     * the precipitates' content is summed from the size classes: the two must add up.
     */
    @Property(tries = 40)
    void scAndZrInSolutionPlusPrecipitatesEqualTheTotal(@ForAll @DoubleRange(min = 0.02, max = 0.8) double sc,
                                                        @ForAll @DoubleRange(min = 0, max = 0.4) double zr,
                                                        @ForAll @DoubleRange(min = 0, max = 5) double mg,
                                                        @ForAll boolean rapid,
                                                        @ForAll @IntRange(min = 1, max = 3) int stepCount,
                                                        @ForAll @DoubleRange(min = 150, max = 520) double t1,
                                                        @ForAll @DoubleRange(min = 150, max = 520) double t2,
                                                        @ForAll @DoubleRange(min = 0.05, max = 300) double hours) {
        Composition c = new Composition(Map.of("Sc", sc, "Zr", zr, "Mg", mg), "Al");
        StartingState start = routes.of(c, rapid ? ProcessRoute.RAPID : ProcessRoute.CAST);
        List<AgeingStep> steps = new ArrayList<>();
        for (int i = 0; i < stepCount; i++) {
            steps.add(new AgeingStep(i % 2 == 0 ? t1 : t2, hours / (i + 1)));
        }
        AgeingResult r = model.simulate(c, start, new AgeingSchedule(steps));
        for (AgeingPoint p : r.points()) {
            assertEquals(start.scInSolutionWtPct(), p.scInSolutionWtPct() + p.scInPrecipitatesWtPct(), 1e-9 * sc, "Sc at " + p);
            assertEquals(start.zrInSolutionWtPct(), p.zrInSolutionWtPct() + p.zrInPrecipitatesWtPct(), 1e-9 * Math.max(zr, 1e-6), "Zr at " + p);
            assertTrue(p.scInSolutionWtPct() >= 0 && p.zrInSolutionWtPct() >= 0 && p.volumePct() >= 0 && p.radiusNm() >= 0, p.toString());
            assertTrue(p.zrSiteFraction() >= 0 && p.zrSiteFraction() <= 1, p.toString());
            assertTrue(p.yieldStrengthMPa() > 0, p.toString());
        }
    }
}
