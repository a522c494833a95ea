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
import ca.scalloy.engine.kinetics.AgeingResult;
import ca.scalloy.engine.kinetics.AgeingSchedule;
import ca.scalloy.engine.kinetics.PrecipitationKinetics;
import ca.scalloy.engine.kinetics.StartingState;
import ca.scalloy.engine.kinetics.StartingStates;
import ca.scalloy.engine.thermo.ProcessRoute;

/**
 * Time to run a three-step ageing schedule through the kinetic model for an alloy of 8 elements
 * (Al-Mg-Mn-Sc-Zr-Fe-Si-Ti): the whole KWN simulation, the strength at every reported point and the
 * result. Target (issue 12): ≤ 50 ms warm.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 10, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class AgeingBenchmark {

    private final PrecipitationKinetics model = new PrecipitationKinetics();
    private final Composition scalmalloyType = new Composition(
            Map.of("Mg", 4.45, "Mn", 0.5, "Sc", 0.7, "Zr", 0.3, "Fe", 0.05, "Si", 0.03, "Ti", 0.01), "Al");
    private final StartingState rapid = new StartingStates().of(scalmalloyType, ProcessRoute.RAPID);
    private final StartingState cast = new StartingStates().of(scalmalloyType, ProcessRoute.CAST);
    private final AgeingSchedule threeSteps = AgeingSchedule.parse("300:4,350:8,400:12");

    @Benchmark
    public AgeingResult threeStepScheduleRapid() {
        return model.simulate(scalmalloyType, rapid, threeSteps);
    }

    @Benchmark
    public AgeingResult threeStepScheduleCast() {
        return model.simulate(scalmalloyType, cast, threeSteps);
    }
}
