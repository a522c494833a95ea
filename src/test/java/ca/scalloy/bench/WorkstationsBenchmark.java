package ca.scalloy.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import com.sun.management.OperatingSystemMXBean;

import ca.scalloy.bench.WorkstationsWorkload.Kind;
import ca.scalloy.bench.WorkstationsWorkload.Result;
import ca.scalloy.bench.WorkstationsWorkload.Settings;
import ca.scalloy.store.DatabaseLogin;
import ca.scalloy.store.TestDatabases;

/**
 * Simulated workstations against a PostgreSQL server (issue 7): a fixed count of operations, then
 * throughput, latency percentiles per kind of operation, conflicts, errors and the no-lost-update
 * checks (see {@link WorkstationsWorkload}). A plain program, not JMH: the load is a fixed count, not
 * a timed loop. While it runs, a separate connection samples what the workstations' server processes
 * are doing ({@code pg_stat_activity}: on the CPU, waiting for a row lock, for the WAL flush of a
 * commit, or for the workstation) every 5 ms, to show where the time goes.
 *
 * <p>Run: {@code mvn -Pbench test-compile exec:exec -Dbench.main=ca.scalloy.bench.WorkstationsBenchmark}.
 * The server: {@code SCALLOY_BENCH_PG_URL}, {@code _USER}, {@code _PASSWORD} (default: the local test
 * server of {@code scripts/postgres-test-server.sh}); each run makes a new schema in it. The size:
 * {@code SCALLOY_BENCH_WORKSTATIONS} (20), {@code SCALLOY_BENCH_OPS} per workstation (500),
 * {@code SCALLOY_BENCH_HEATS} (20), {@code SCALLOY_BENCH_HOT_HEATS} (0: heat changes spread over all
 * heats; n: only over the first n). The program argument (the profile's JMH regex) is not used.
 * Exits with 1 when an operation failed or an update was lost.
 */
public final class WorkstationsBenchmark {

    private WorkstationsBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Settings settings = new Settings(intEnv("SCALLOY_BENCH_WORKSTATIONS", 20), intEnv("SCALLOY_BENCH_OPS", 500),
                intEnv("SCALLOY_BENCH_HEATS", 20), intEnv("SCALLOY_BENCH_HOT_HEATS", 0), 7L);
        DatabaseLogin server = new DatabaseLogin(env("SCALLOY_BENCH_PG_URL", "jdbc:postgresql://localhost:5432/scalloy_test"),
                env("SCALLOY_BENCH_PG_USER", "scalloy_test"), env("SCALLOY_BENCH_PG_PASSWORD", "scalloy_test"));
        String schema = "bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try (Connection c = DriverManager.getConnection(server.url(), server.user(), server.password());
             Statement st = c.createStatement()) {
            st.execute("CREATE SCHEMA " + schema);
        }
        DatabaseLogin login = new DatabaseLogin(TestDatabases.withSchema(server.url(), schema), server.user(), server.password());
        System.out.printf(Locale.ROOT, "%d workstations x %d operations, %d heats (hot: %s), server %s, schema %s%n",
                settings.workstations(), settings.opsPerWorkstation(), settings.heats(),
                settings.hotHeats() == 0 ? "none" : String.valueOf(settings.hotHeats()), server.safeUrl(), schema);

        WorkstationsWorkload workload = new WorkstationsWorkload(login, settings);
        long t0 = System.nanoTime();
        workload.prepare();
        System.out.printf(Locale.ROOT, "prepared in %.1f s%n", (System.nanoTime() - t0) / 1e9);

        WaitSampler sampler = new WaitSampler(server);
        Thread sampling = new Thread(sampler, "pg-wait-sampler");
        sampling.setDaemon(true);
        CpuMeter cpu = new CpuMeter();
        Result r = workload.run(() -> {
            cpu.start();
            sampling.start();
        }, () -> {
            sampler.stop();
            cpu.stop();
        });
        sampling.join();

        print(r);
        cpu.print();
        sampler.print();
        try (Connection c = DriverManager.getConnection(server.url(), server.user(), server.password());
             Statement st = c.createStatement()) {
            st.execute("SET lock_timeout = '5s'");
            TestDatabases.dropSchemaAndRoles(st, schema);
        } catch (SQLException e) {
            System.out.println("the schema " + schema + " is left on the server: " + e.getMessage());
        }
        System.exit(r.passed() ? 0 : 1);
    }

    private static void print(Result r) {
        System.out.printf(Locale.ROOT, "%nwall %.2f s, %d operations, throughput %.0f ops/s%n", r.wallNanos() / 1e9, r.completed(),
                r.throughputPerSecond());
        System.out.println("| Operation | count | p50 ms | p90 ms | p99 ms | max ms | conflicts refused | p99 ms, first try only |"
                + " most attempts |");
        System.out.println("|---|---|---|---|---|---|---|---|---|");
        for (Kind k : Kind.values()) {
            row(k.label(), r.latencies(k), r.conflicts(k), String.format(Locale.ROOT, "%.1f (%d) | %d",
                    Result.percentile(r.firstTryLatencies(k), 99) / 1e6, r.firstTryLatencies(k).length, r.mostAttempts(k)));
        }
        row("all operations", r.allLatencies(), r.conflicts(), " | ");
        System.out.printf("%nerrors: %d%n", r.errors().size());
        r.errors().stream().limit(20).forEach(e -> System.out.println("  " + e));
        System.out.printf("conflicts refused (and retried): %d%n", r.conflicts());
        System.out.printf("lost-update checks: %s%n", r.checks().isEmpty() ? "none found" : r.checks().size() + " failures");
        r.checks().stream().limit(20).forEach(e -> System.out.println("  " + e));
        System.out.println(r.passed() ? "PASS" : "FAIL");
    }

    private static void row(String label, long[] sorted, int conflicts, String more) {
        System.out.printf(Locale.ROOT, "| %s | %d | %.1f | %.1f | %.1f | %.1f | %d | %s |%n", label, sorted.length,
                Result.percentile(sorted, 50) / 1e6, Result.percentile(sorted, 90) / 1e6, Result.percentile(sorted, 99) / 1e6,
                Result.percentile(sorted, 100) / 1e6, conflicts, more);
    }

    /** Samples the Scalloy server processes' state and wait event until stopped. */
    private static final class WaitSampler implements Runnable {

        private final DatabaseLogin server;
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final Map<String, Integer> seen = new TreeMap<>();
        private int samples;

        WaitSampler(DatabaseLogin server) {
            this.server = server;
        }

        void stop() {
            running.set(false);
        }

        @Override
        public void run() {
            try (Connection c = DriverManager.getConnection(server.url(), server.user(), server.password());
                 PreparedStatement ps = c.prepareStatement("SELECT state, wait_event_type, wait_event, query FROM pg_stat_activity"
                         + " WHERE application_name = 'Scalloy' AND datname = current_database() AND pid <> pg_backend_pid()")) {
                while (running.get()) {
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            String state = rs.getString(1);
                            String type = rs.getString(2);
                            String key = "active".equals(state)
                                    ? "active: " + (type == null ? "running (CPU, or waiting for one)" : type + ":" + rs.getString(3)
                                            + ("Lock".equals(type) ? lockedRow(rs.getString(4)) : ""))
                                    : state + (type == null ? "" : " (" + type + ":" + rs.getString(3) + ")");
                            synchronized (seen) {
                                seen.merge(key, 1, Integer::sum);
                            }
                        }
                    }
                    samples++;
                    Thread.sleep(5);
                }
            } catch (SQLException e) {
                System.err.println("wait sampling stopped: " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        /** Which row a lock wait is for, from the statement waiting. */
        private static String lockedRow(String query) {
            String q = query == null ? "" : query;
            if (q.contains("FROM heats") && q.contains("FOR UPDATE")) {
                return " on a heat row";
            }
            if (q.contains("FROM recipes") && q.contains("FOR UPDATE")) {
                return " on a recipe row";
            }
            return " (" + (q.length() > 60 ? q.substring(0, 60) + "…" : q) + ")";
        }

        void print() {
            synchronized (seen) {
                int total = seen.values().stream().mapToInt(Integer::intValue).sum();
                System.out.printf(Locale.ROOT, "%nserver processes of the workstations, %d samples every 5 ms (%d process-samples):%n",
                        samples, total);
                seen.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).forEach(e ->
                        System.out.printf(Locale.ROOT, "  %5.1f %%  %s%n", 100.0 * e.getValue() / Math.max(1, total), e.getKey()));
            }
        }
    }

    /**
     * The CPU this JVM, the PostgreSQL processes and the whole machine used during the run (Linux /proc;
     * USER_HZ taken as 100). What is left is other programs on the machine: a run that others shared is
     * not comparable.
     */
    private static final class CpuMeter {

        private final OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        private long wall0;
        private long jvm0;
        private long[] machine0;
        private long wall;
        private long jvm;
        private long[] machine;
        private long postgres0;
        private long postgres;

        void start() {
            machine0 = machineTicks();
            postgres0 = postgresTicks();
            jvm0 = os.getProcessCpuTime();
            wall0 = System.nanoTime();
        }

        void stop() {
            wall = System.nanoTime() - wall0;
            jvm = os.getProcessCpuTime() - jvm0;
            machine = machineTicks();
            postgres = postgresTicks();
        }

        /** User and system jiffies of every running postgres process (those that exited meanwhile are missed). */
        private static long postgresTicks() {
            long sum = 0;
            try (DirectoryStream<Path> procs = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
                for (Path p : procs) {
                    try {
                        String stat = Files.readString(p.resolve("stat"));
                        int close = stat.lastIndexOf(')');
                        if (!stat.substring(stat.indexOf('(') + 1, close).equals("postgres")) {
                            continue;
                        }
                        String[] f = stat.substring(close + 2).split(" ");
                        sum += Long.parseLong(f[11]) + Long.parseLong(f[12]);
                    } catch (IOException | RuntimeException gone) {
                        // the process ended while being read
                    }
                }
            } catch (IOException e) {
                return -1;
            }
            return sum;
        }

        /** Busy and total jiffies of all cores, or null off Linux. */
        private static long[] machineTicks() {
            try {
                String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
                long total = 0;
                for (int i = 1; i < Math.min(f.length, 9); i++) {
                    total += Long.parseLong(f[i]);
                }
                long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
                return new long[] {total - idle, total};
            } catch (IOException | RuntimeException e) {
                return null;
            }
        }

        void print() {
            int cores = Runtime.getRuntime().availableProcessors();
            System.out.printf(Locale.ROOT, "%nCPU during the run: this JVM %.1f s of %.1f s wall x %d cores (%.0f %%)", jvm / 1e9, wall / 1e9,
                    cores, 100.0 * jvm / (wall * (double) cores));
            if (machine0 != null && machine != null) {
                long busy = machine[0] - machine0[0];
                long total = machine[1] - machine0[1];
                double machineSeconds = (double) busy / Math.max(1, total) * cores * wall / 1e9;
                double pg = (postgres - postgres0) / 100.0;
                System.out.printf(Locale.ROOT, "; PostgreSQL %.1f s; whole machine busy %.0f %% (%.1f s), so other programs about %.1f s",
                        pg, 100.0 * busy / Math.max(1, total), machineSeconds, Math.max(0, machineSeconds - jvm / 1e9 - pg));
            }
            System.out.println();
        }
    }

    private static int intEnv(String name, int fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : Integer.parseInt(v.strip());
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
