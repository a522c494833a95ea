package ca.scalloy.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Supplier;

import ca.scalloy.engine.Composition;
import ca.scalloy.engine.thermo.ThermoCalculator;

/**
 * The calls of {@link ThermoBenchmark} and {@link AgeingBenchmark}, timed by the thread's CPU time rather
 * than the wall clock: on a machine shared with other builds the wall clock measures the queue for a core.
 * Each call is first warmed up for 10 s of CPU time (JMH's warm-up of these benchmarks: 10 iterations of
 * 1 s), then timed over a fixed number of runs: median and 90th percentile. Run with
 * {@code mvn -o -Pbench test-compile exec:exec -Dbench.main=ca.scalloy.bench.ThermoCpuTime -Dbench=}.
 */
public final class ThermoCpuTime {

    private static final long WARM_UP_CPU_NANOS = 10_000_000_000L;

    private ThermoCpuTime() {
    }

    public static void main(String[] args) {
        ThermoCalculator calc = ThermoCalculator.alRichCorner();
        Composition alloy = new ThermoBenchmark().alloy();
        AgeingBenchmark ageing = new AgeingBenchmark();
        time("equilibrium at 500 °C", 600, () -> calc.equilibrium(alloy, 500));
        time("liquidus + solidus", 300, () -> calc.meltingRange(alloy));
        time("Scheil curve", 100, () -> calc.scheil(alloy));
        time("three-step ageing, RAPID", 100, ageing::threeStepScheduleRapid);
        time("three-step ageing, CAST", 100, ageing::threeStepScheduleCast);
    }

    private static void time(String what, int runs, Supplier<?> call) {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long warmUpEnd = mx.getCurrentThreadCpuTime() + WARM_UP_CPU_NANOS;
        int warmUps = 0;
        while (mx.getCurrentThreadCpuTime() < warmUpEnd) {
            call.get();
            warmUps++;
        }
        long[] cpu = new long[runs];
        for (int i = 0; i < runs; i++) {
            long t0 = mx.getCurrentThreadCpuTime();
            call.get();
            cpu[i] = mx.getCurrentThreadCpuTime() - t0;
        }
        Arrays.sort(cpu);
        System.out.printf(Locale.ROOT, "%-26s CPU median %7.3f ms   p90 %7.3f ms   (%d runs after %d warm-up runs)%n", what,
                cpu[runs / 2] / 1e6, cpu[(int) (runs * 0.9)] / 1e6, runs, warmUps);
    }
}
