package ca.scalloy.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import ca.scalloy.engine.charge.ChargeCalculator;
import ca.scalloy.engine.charge.ChargeResult;
import ca.scalloy.engine.charge.Recipe;
import ca.scalloy.engine.charge.TrimCalculator;
import ca.scalloy.engine.heat.Heat;
import ca.scalloy.engine.heat.HeatRecord;
import ca.scalloy.engine.heat.HeatStatus;
import ca.scalloy.io.RecipeFiles;
import ca.scalloy.solver.OjalgoSolver;
import ca.scalloy.store.Database;

/**
 * Heats at plant scale: 100,000 heats (3 charge lines each, the Sc line with one of 10,000 lots) and
 * 500,000 samples (5 per heat, each with its stored values and element checks), written with JDBC
 * batch inserts straight into the version-2 schema (the repositories would check every sample, which
 * is not what is measured). Then the heat list's first page, the first page of one status, a search
 * by heat number and by lot, one heat whole, and a trim calculation.
 * Run: {@code mvn -Pbench test-compile exec:exec -Dbench=HeatsBenchmark}.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class HeatsBenchmark {

    static final int HEATS = 100_000;
    static final int SAMPLES_EACH = 5;
    static final int LOTS = 10_000;
    static final int PER_YEAR = 5_000;
    private static final String CHECKS = "[{\"element\":\"Sc\",\"minPct\":1.9,\"maxPct\":2.1,\"valuePct\":1.97,\"status\":\"PASS\","
            + "\"marginPct\":0.07},{\"element\":\"Fe\",\"minPct\":null,\"maxPct\":0.15,\"valuePct\":0.1,\"status\":\"PASS\","
            + "\"marginPct\":0.05},{\"element\":\"Si\",\"minPct\":null,\"maxPct\":0.1,\"valuePct\":0.05,\"status\":\"PASS\","
            + "\"marginPct\":0.05},{\"element\":\"others each\",\"minPct\":null,\"maxPct\":0.03,\"valuePct\":0.0,\"status\":\"PASS\","
            + "\"marginPct\":0.03}]";

    private Path dir;
    private Database db;
    private Connection toucher;
    private Recipe recipe;
    private TrimCalculator trim;
    private final Map<String, Double> analysis = Map.of("Sc", 1.80, "Fe", 0.09, "Si", 0.04);
    private int next;

    static String number(int i) {
        return String.format("H-%d-%04d", 2006 + i / PER_YEAR, i % PER_YEAR + 1);
    }

    @Setup(Level.Trial)
    public void fill() throws Exception {
        dir = Files.createTempDirectory("scalloy-heats-bench");
        Path base = dir.resolve("plant");
        recipe = RecipeFiles.read(Path.of("recipes/alsc2-oxide-route.json"));
        try (Database created = Database.open(base, Clock.systemUTC())) {
            created.recipes().save(recipe, "bench");
        }
        long start = System.nanoTime();
        try (Connection c = DriverManager.getConnection(Database.fileLogin(base).url(), "sa", Database.fileLogin(base).password())) {
            populate(c);
        }
        System.err.printf("populated %d heats, %d samples in %.1f s%n", HEATS, HEATS * SAMPLES_EACH, (System.nanoTime() - start) / 1e9);
        db = Database.open(base, Clock.systemUTC());
        toucher = DriverManager.getConnection(Database.fileLogin(base).url(), "sa", Database.fileLogin(base).password());
        trim = new TrimCalculator(new ChargeCalculator(new OjalgoSolver()));
    }

    private static void populate(Connection c) throws SQLException {
        c.setAutoCommit(false);
        Timestamp t0 = Timestamp.from(Instant.parse("2006-01-01T00:00:00Z"));
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO lots (id, lot_number, material_id, assay_wt_pct, purity_pct,"
                + " certificate, received_at) VALUES (?, ?, 'SC2O3-999', '{}', 99.9, '', ?)")) {
            for (int i = 1; i <= LOTS; i++) {
                ps.setLong(1, i);
                ps.setString(2, String.format("OX-%06d", i));
                ps.setTimestamp(3, t0);
                ps.addBatch();
            }
            ps.executeBatch();
        }
        HeatStatus[] states = HeatStatus.values();
        try (PreparedStatement h = c.prepareStatement("INSERT INTO heats (id, heat_number, recipe_name, recipe_version, spec_name,"
                + " spec_version, furnace, operator_name, status, planned_kg, created_at, updated_at) VALUES (?, ?,"
                + " 'AlSc2 master alloy, oxide route', 1, 'AlSc2 aerospace grade', 1, ?, 'bench', ?, 1000, ?, ?)");
             PreparedStatement l = c.prepareStatement("INSERT INTO heat_lines (heat_ref, line_no, material_id, planned_kg, weighed_kg,"
                     + " lot_ref) VALUES (?, ?, ?, ?, ?, ?)");
             PreparedStatement s = c.prepareStatement("INSERT INTO samples (heat_ref, sample_number, taken_at, instrument, method,"
                     + " values_wt_pct, verdict, checks, entered_by, entered_at) VALUES (?, ?, '', 'OES 2', 'OES',"
                     + " '{\"Sc\":1.97,\"Fe\":0.1,\"Si\":0.05}', 'PASS', ?, 'bench', ?)")) {
            for (int i = 0; i < HEATS; i++) {
                long id = i + 1;
                Timestamp at = new Timestamp(t0.getTime() + i * 3_000_000L);
                h.setLong(1, id);
                h.setString(2, number(i));
                h.setString(3, "F" + (i % 4 + 1));
                h.setString(4, i >= HEATS - 20 ? states[i % 5].name() : (i % 50 == 0 ? HeatStatus.REJECTED : HeatStatus.RELEASED).name());
                h.setTimestamp(5, at);
                h.setTimestamp(6, at);
                h.addBatch();
                String[] materials = {"AL-P1020", "SC2O3-999", "FLUX-CRYO"};
                for (int k = 0; k < 3; k++) {
                    l.setLong(1, id);
                    l.setInt(2, k + 1);
                    l.setString(3, materials[k]);
                    l.setDouble(4, k == 1 ? 36.1 : 990);
                    l.setDouble(5, k == 1 ? 36.2 : 991);
                    l.setObject(6, k == 1 ? (Object) (long) (i % LOTS + 1) : null);
                    l.addBatch();
                }
                for (int k = 1; k <= SAMPLES_EACH; k++) {
                    s.setLong(1, id);
                    s.setString(2, number(i) + "-" + k);
                    s.setString(3, CHECKS);
                    s.setTimestamp(4, at);
                    s.addBatch();
                }
                if (i % 2_000 == 1_999) {
                    h.executeBatch();
                    l.executeBatch();
                    s.executeBatch();
                    c.commit();
                }
            }
            h.executeBatch();
            l.executeBatch();
            s.executeBatch();
            c.commit();
        }
        try (Statement st = c.createStatement()) {
            st.execute("ALTER TABLE heats ALTER COLUMN id RESTART WITH " + (HEATS + 1));
            st.execute("ALTER TABLE lots ALTER COLUMN id RESTART WITH " + (LOTS + 1));
        }
        c.commit();
    }

    @TearDown(Level.Trial)
    public void remove() throws Exception {
        toucher.close();
        db.close();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /** A write to the heats table, so that H2 cannot hand back a kept result of the same query; its own cost. */
    @Benchmark
    public int touchHeatsOnly() throws SQLException {
        try (Statement st = toucher.createStatement()) {
            return st.executeUpdate("UPDATE heats SET furnace = furnace WHERE id = 1");
        }
    }

    @Benchmark
    public List<Heat> firstPageAfterAWrite() throws SQLException {
        touchHeatsOnly();
        return db.heats().list(null, null, 50);
    }

    @Benchmark
    public List<Heat> firstPageOfOneStatusAfterAWrite() throws SQLException {
        touchHeatsOnly();
        return db.heats().list(HeatStatus.REJECTED, null, 50);
    }

    @Benchmark
    public List<Heat> searchByHeatNumber() {
        return db.heats().list(null, number(next++ * 7_919 % HEATS), 50);
    }

    @Benchmark
    public List<Heat> searchByLot() {
        return db.heats().list(null, String.format("OX-%06d", next++ * 7_919 % LOTS + 1), 50);
    }

    @Benchmark
    public Optional<HeatRecord> showOneHeat() {
        return db.heats().find(number(next++ * 7_919 % HEATS));
    }

    @Benchmark
    public ChargeResult trimCalculation() {
        return trim.trim(recipe, 1000, analysis, 50.0);
    }
}
