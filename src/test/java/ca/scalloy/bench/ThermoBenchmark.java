package ca.scalloy.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import ca.scalloy.engine.Composition;
import ca.scalloy.engine.thermo.Equilibrium;
import ca.scalloy.engine.thermo.MeltingRange;
import ca.scalloy.engine.thermo.ScheilCurve;
import ca.scalloy.engine.thermo.ThermoCalculator;

/**
 * The thermodynamic core on an 8-element alloy (5083+Sc marine plate with Ti: Al-Mg-Mn-Sc-Zr-Fe-Si-Ti),
 * warm. Targets (issue 12): equilibrium at one temperature ≤ 2 ms, liquidus + solidus ≤ 5 ms, a Scheil
 * curve ≤ 20 ms. Each sample is a whole call from the composition: no result is reused between calls.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 10, time = 1)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class ThermoBenchmark {

    private final ThermoCalculator calc = ThermoCalculator.alRichCorner();
    private final Composition marine = alloy();

    /** 5083+Sc marine plate with Ti, mid-range: Al-4.5Mg-0.7Mn-0.2Sc-0.15Zr-0.25Fe-0.2Si-0.05Ti. */
    Composition alloy() {
        Map<String, Double> wt = new LinkedHashMap<>();
        wt.put("Mg", 4.5);
        wt.put("Mn", 0.7);
        wt.put("Sc", 0.2);
        wt.put("Zr", 0.15);
        wt.put("Fe", 0.25);
        wt.put("Si", 0.2);
        wt.put("Ti", 0.05);
        return new Composition(wt, "Al");
    }

    @Benchmark
    public Equilibrium equilibriumAt500C() {
        return calc.equilibrium(marine, 500);
    }

    @Benchmark
    public MeltingRange liquidusAndSolidus() {
        return calc.meltingRange(marine);
    }

    @Benchmark
    public ScheilCurve scheilCurve() {
        return calc.scheil(marine);
    }
}
