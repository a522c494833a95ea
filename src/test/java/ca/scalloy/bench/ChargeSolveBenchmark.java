package ca.scalloy.bench;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import ca.scalloy.engine.charge.ChargeCalculator;
import ca.scalloy.engine.charge.ChargeResult;
import ca.scalloy.engine.charge.Objective;
import ca.scalloy.engine.charge.Recipe;
import ca.scalloy.engine.charge.WorkedExamples;
import ca.scalloy.solver.OjalgoSolver;

/**
 * Time of one charge calculation, end to end (LP build, ojalgo, result), sampled so the report
 * carries the median and the 99th percentile. Run: {@code mvn -Pbench test-compile exec:exec}.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 10, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class ChargeSolveBenchmark {

    private ChargeCalculator calculator;
    private Recipe example2MinCost;
    private Recipe example2Aim;
    private Recipe generated40x20;

    @Setup
    public void setUp() {
        calculator = new ChargeCalculator(new OjalgoSolver());
        example2MinCost = WorkedExamples.alMgSc5028(Objective.MIN_COST);
        example2Aim = WorkedExamples.alMgSc5028(Objective.AIM);
        generated40x20 = LargeChargeProblem.recipe();
        for (Recipe r : new Recipe[] {example2MinCost, example2Aim, generated40x20}) {
            ChargeResult result = calculator.solve(r);
            if (!result.solved()) {
                throw new IllegalStateException("benchmark recipe '" + r.name() + "' must be feasible: " + result.diagnosis());
            }
        }
    }

    @Benchmark
    public ChargeResult workedExample2MinCost() {
        return calculator.solve(example2MinCost);
    }

    @Benchmark
    public ChargeResult workedExample2Aim() {
        return calculator.solve(example2Aim);
    }

    @Benchmark
    public ChargeResult generated40Materials20ElementsMinCost() {
        return calculator.solve(generated40x20);
    }
}
