package ca.scalloy.bench;

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
import ca.scalloy.engine.props.Ageing;
import ca.scalloy.engine.props.AlloyProperties;
import ca.scalloy.engine.props.PropertyCalculator;

/**
 * Time to compute every property of one composition (density, liquidus, solidus, the Sc and Zr
 * solvus solves and full-dissolution bisections, Al3Sc partition and coarsening, strength,
 * resistivity, warnings): what the workbench does on every keystroke. Target: median ≤ 200 µs.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 10, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class PropertiesBenchmark {

    private final PropertyCalculator calculator = new PropertyCalculator();
    private final Composition scalmalloyType = new Composition(Map.of("Mg", 4.45, "Mn", 0.5, "Sc", 0.7, "Zr", 0.3, "Fe", 0.05, "Si", 0.03), "Al");
    private final Composition alSc2 = new Composition(Map.of("Sc", 2.0, "Fe", 0.0992, "Si", 0.0496), "Al");

    @Benchmark
    public AlloyProperties scalmalloyTypeAged() {
        return calculator.compute(scalmalloyType, Ageing.aged(325, 4), 780.0);
    }

    @Benchmark
    public AlloyProperties alSc2AsCast() {
        return calculator.compute(alSc2, Ageing.asCast(), null);
    }
}
