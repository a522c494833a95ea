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
 * percentile per call. The solve with and without the sensitivity is also timed in alternating batches, whose paired
 * differences are what issue 14's "adds at most 10 %" is read from (the line "paired batches"). Run with
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
        paired("5028 solve", 5, 400, 500, analysis::solveWithoutSensitivity, "with sensitivity", analysis::solveWithSensitivity);
        if (args.length > 0 && args[0].equals("sensitivity")) {
            return;
        }
        sample("yield-targeted example", 10, 30, 1, targets::yieldTargetedCharge);
        sample("yield-targeted with Zr", 10, 30, 1, targets::yieldTargetedChargeWithZr);
    }

    /**
     * {@code base} and {@code extra} timed in alternating batches, so that the machine's drift (other load, the clock's
     * frequency) falls on both alike: the median of each, and the median of the batches' paired differences.
     */
    private static void paired(String what, int warmUpCpuSeconds, int samples, int batch, Supplier<?> base, String extraName,
                               Supplier<?> extra) {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long warmUpEnd = mx.getCurrentThreadCpuTime() + warmUpCpuSeconds * 1_000_000_000L;
        while (mx.getCurrentThreadCpuTime() < warmUpEnd) {
            base.get();
            extra.get();
        }
        double[] baseMicros = new double[samples];
        double[] extraMicros = new double[samples];
        double[] differenceMicros = new double[samples];
        for (int s = 0; s < samples; s++) {
            baseMicros[s] = batchMicros(mx, batch, base);
            extraMicros[s] = batchMicros(mx, batch, extra);
            differenceMicros[s] = extraMicros[s] - baseMicros[s];
        }
        Arrays.sort(baseMicros);
        Arrays.sort(extraMicros);
        Arrays.sort(differenceMicros);
        double median = baseMicros[samples / 2];
        double difference = differenceMicros[samples / 2];
        System.out.printf(Locale.ROOT, "%s, paired batches: median %.2f µs, %s %.2f µs; median paired difference %+.2f µs"
                        + " (%+.1f %%; quartiles %+.2f to %+.2f µs), %d pairs of %d calls%n", what, median, extraName,
                extraMicros[samples / 2], difference, 100 * difference / median, differenceMicros[samples / 4],
                differenceMicros[3 * samples / 4], samples, batch);
    }

    /** The CPU time per call of {@code batch} calls, µs. */
    private static double batchMicros(ThreadMXBean mx, int batch, Supplier<?> call) {
        long t0 = mx.getCurrentThreadCpuTime();
        for (int i = 0; i < batch; i++) {
            call.get();
        }
        return (mx.getCurrentThreadCpuTime() - t0) / 1e3 / batch;
    }

    private static void sample(String what, int warmUpCpuSeconds, int samples, int batch, Supplier<?> call) {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long warmUpEnd = mx.getCurrentThreadCpuTime() + warmUpCpuSeconds * 1_000_000_000L;
        while (mx.getCurrentThreadCpuTime() < warmUpEnd) {
            call.get();
        }
        double[] perCallMicros = new double[samples];
        for (int s = 0; s < samples; s++) {
            perCallMicros[s] = batchMicros(mx, batch, call);
        }
        Arrays.sort(perCallMicros);
        System.out.printf(Locale.ROOT, "%-30s CPU per call: median %10.1f µs   p90 %10.1f µs   (%d samples of %d calls)%n", what,
                perCallMicros[samples / 2], perCallMicros[(int) (samples * 0.9)], samples, batch);
    }
}
