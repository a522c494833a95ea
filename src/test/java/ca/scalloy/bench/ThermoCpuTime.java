package ca.scalloy.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Supplier;

import ca.scalloy.engine.Composition;
import ca.scalloy.engine.thermo.ThermoCalculator;

/**
 * The calls of {@link ThermoBenchmark}, timed by the thread's CPU time rather than the wall clock: on a
 * machine shared with other builds the wall clock measures the queue for a core. Warm-up half the
 * runs, then median and 90th percentile of the rest. Run with
 * {@code mvn -o -Pbench test-compile exec:exec -Dbench.main=ca.scalloy.bench.ThermoCpuTime -Dbench=}.
 */
public final class ThermoCpuTime {

    private ThermoCpuTime() {
    }

    public static void main(String[] args) {
        ThermoCalculator calc = ThermoCalculator.alRichCorner();
        Composition alloy = new ThermoBenchmark().alloy();
        time("equilibrium at 500 °C", 600, () -> calc.equilibrium(alloy, 500));
        time("liquidus + solidus", 200, () -> calc.meltingRange(alloy));
        time("Scheil curve", 60, () -> calc.scheil(alloy));
    }

    private static void time(String what, int runs, Supplier<?> call) {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long[] cpu = new long[runs];
        for (int i = 0; i < runs; i++) {
            long t0 = mx.getCurrentThreadCpuTime();
            call.get();
            cpu[i] = mx.getCurrentThreadCpuTime() - t0;
        }
        long[] measured = Arrays.copyOfRange(cpu, runs / 2, runs);
        Arrays.sort(measured);
        System.out.printf(Locale.ROOT, "%-24s CPU median %7.3f ms   p90 %7.3f ms   (%d runs after %d warm-up)%n", what,
                measured[measured.length / 2] / 1e6, measured[(int) (measured.length * 0.9)] / 1e6, measured.length, runs - measured.length);
    }
}
