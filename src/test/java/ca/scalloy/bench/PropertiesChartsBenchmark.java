package ca.scalloy.bench;

import java.util.LinkedHashMap;
import java.util.List;
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
import ca.scalloy.engine.Progress;
import ca.scalloy.engine.kinetics.AgeingDesign;
import ca.scalloy.engine.kinetics.AgeingResult;
import ca.scalloy.engine.kinetics.PrecipitationKinetics;
import ca.scalloy.engine.kinetics.StartingState;
import ca.scalloy.engine.kinetics.StartingStates;
import ca.scalloy.engine.thermo.ProcessRoute;
import ca.scalloy.engine.props.PropertyCalculator;
import ca.scalloy.engine.thermo.BinaryDiagram;
import ca.scalloy.engine.thermo.PhaseDiagrams;
import ca.scalloy.engine.thermo.PhaseFractionCurves;
import ca.scalloy.engine.thermo.ThermoCalculator;
import ca.scalloy.ui.batch.KeyProperties;
import ca.scalloy.ui.properties.AgeingViewModel;

/**
 * What the Batch and Properties screens calculate off the UI thread, warm, for the Scalmalloy-type product of
 * {@code recipes/scalmalloy-type.json} (Al-4.45Mg-0.5Mn-0.7Sc-0.3Zr-0.05Fe-0.025Si): the Batch screen's key properties
 * (liquidus with its primary phase and holding temperature, properties as cast and aged), the phase fractions against
 * temperature, the ageing curves and the suggested schedule, and a binary phase diagram computed from nothing (a fresh
 * cache each time; the screens compute each diagram once per session).
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class PropertiesChartsBenchmark {

    private final ThermoCalculator thermo = ThermoCalculator.alRichCorner();
    private final PropertyCalculator properties = new PropertyCalculator();
    private final PrecipitationKinetics kinetics = new PrecipitationKinetics();
    private final AgeingDesign design = new AgeingDesign(kinetics);
    private final Composition scalmalloy = scalmalloy();
    private final StartingState cast = new StartingStates().of(scalmalloy, ProcessRoute.CAST);

    static Composition scalmalloy() {
        Map<String, Double> wt = new LinkedHashMap<>();
        wt.put("Mg", 4.45);
        wt.put("Mn", 0.5);
        wt.put("Sc", 0.7);
        wt.put("Zr", 0.3);
        wt.put("Fe", 0.05);
        wt.put("Si", 0.025);
        return new Composition(wt, "Al");
    }

    @Benchmark
    public KeyProperties batchKeyProperties() {
        return KeyProperties.estimate(scalmalloy, properties, Progress.NONE);
    }

    @Benchmark
    public PhaseFractionCurves phaseFractionsAgainstTemperature() {
        return PhaseFractionCurves.sweep(thermo, scalmalloy, PhaseFractionCurves.DEFAULT_FROM_C, Progress.NONE);
    }

    @Benchmark
    public List<AgeingResult> ageingCurves() {
        return design.curves(scalmalloy, cast, AgeingViewModel.CURVE_TEMPS_C, 100, Progress.NONE);
    }

    @Benchmark
    public AgeingDesign.Suggestion suggestedScheduleWithinADay() {
        return design.suggest(scalmalloy, cast, 24, Progress.NONE);
    }

    @Benchmark
    public BinaryDiagram alScDiagramFromNothing() {
        return new PhaseDiagrams(thermo).of("Sc", Progress.NONE);
    }

    @Benchmark
    public BinaryDiagram alZrDiagramFromNothing() {
        return new PhaseDiagrams(thermo).of("Zr", Progress.NONE);
    }
}
