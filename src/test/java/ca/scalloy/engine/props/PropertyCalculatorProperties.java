package ca.scalloy.engine.props;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;

import ca.scalloy.engine.Composition;
import ca.scalloy.engine.phase.MeltModel;

class PropertyCalculatorProperties {

    private final PropertyCalculator calc = new PropertyCalculator();

    @Property(tries = 150)
    void strengthIsNeverNegative(@ForAll @DoubleRange(min = 0, max = 2.5) double sc,
                                 @ForAll @DoubleRange(min = 0, max = 6.5) double mg,
                                 @ForAll @DoubleRange(min = 0, max = 1.0) double mn,
                                 @ForAll @DoubleRange(min = 0, max = 0.4) double zr,
                                 @ForAll @DoubleRange(min = 200, max = 500) double ageC,
                                 @ForAll @DoubleRange(min = 0, max = 100) double hours) {
        Composition c = new Composition(Map.of("Sc", sc, "Mg", mg, "Mn", mn, "Zr", zr), "Al");
        YieldStrength ys = calc.compute(c, Ageing.aged(ageC, hours), null).yieldStrength();
        assertTrue(ys.lowMPa() >= 0 && ys.valueMPa() >= ys.lowMPa() && ys.highMPa() >= ys.valueMPa(), ys.toString());
    }

    @Property(tries = 150)
    void liquidusRisesWithScandiumAboveTheEutectic(@ForAll @DoubleRange(min = 0.61, max = 7.0) double sc,
                                                   @ForAll @DoubleRange(min = 0.01, max = 0.4) double step) {
        double a = MeltModel.liquidus(new Composition(Map.of("Sc", sc), "Al")).valueC();
        double b = MeltModel.liquidus(new Composition(Map.of("Sc", sc + step), "Al")).valueC();
        assertTrue(b > a, sc + " -> " + a + ", " + (sc + step) + " -> " + b);
    }
}
