package ca.scalloy.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Issue 14's figures that the wall clock of a shared machine cannot give: the calls of {@link ChargeAnalysisBenchmark}
 * (a solve with and without the sensitivity analysis) and {@link PropertyTargetsBenchmark} (the property-targeted
 * charges), timed by the thread's CPU time. Each is warmed up for a stated CPU time, then timed over a fixed number of
 * samples, each sample a batch of calls (the microsecond calls are below the clock's grain one by one): median and 90th
 * percentile per call. Run with
 * {@code mvn -o -Pbench test-compile exec:exec -Dbench.main=ca.scalloy.bench.ChargeAnalysisCpuTime -Dbench=} ({@code -Dbench=sensitivity}:
 * the solve with and without the sensitivity only).
 */
public final class ChargeAnalysisCpuTime {

    private ChargeAnalysisCpuTime() {
    }

    public static void main(String[] args) throws Exception {
        ChargeAnalysisBenchmark analysis = new ChargeAnalysisBenchmark();
        analysis.setUp();
        PropertyTargetsBenchmark targets = new PropertyTargetsBenchmark();
        targets.setUp();
        for (int round = 0; round < 2; round++) {
            sample("5028 solve, no sensitivity", 5, 200, 500, analysis::solveWithoutSensitivity);
            sample("5028 solve with sensitivity", 5, 200, 500, analysis::solveWithSensitivity);
        }
        if (args.length > 0 && args[0].equals("sensitivity")) {
            return;
        }
        sample("yield-targeted example", 10, 30, 1, targets::yieldTargetedCharge);
        sample("yield-targeted with Zr", 10, 30, 1, targets::yieldTargetedChargeWithZr);
    }

    private static void sample(String what, int warmUpCpuSeconds, int samples, int batch, Supplier<?> call) {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long warmUpEnd = mx.getCurrentThreadCpuTime() + warmUpCpuSeconds * 1_000_000_000L;
        while (mx.getCurrentThreadCpuTime() < warmUpEnd) {
            call.get();
        }
        double[] perCallMicros = new double[samples];
        for (int s = 0; s < samples; s++) {
            long t0 = mx.getCurrentThreadCpuTime();
            for (int i = 0; i < batch; i++) {
                call.get();
            }
            perCallMicros[s] = (mx.getCurrentThreadCpuTime() - t0) / 1e3 / batch;
        }
        Arrays.sort(perCallMicros);
        System.out.printf(Locale.ROOT, "%-30s CPU per call: median %10.1f µs   p90 %10.1f µs   (%d samples of %d calls)%n", what,
                perCallMicros[samples / 2], perCallMicros[(int) (samples * 0.9)], samples, batch);
    }
}
