package ca.scalloy.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
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

import ca.scalloy.engine.Composition;
import ca.scalloy.engine.charge.Material;
import ca.scalloy.engine.charge.MaterialKind;
import ca.scalloy.engine.charge.Recipe;
import ca.scalloy.engine.library.LibraryMaterial;
import ca.scalloy.engine.library.RecipeSummary;
import ca.scalloy.engine.props.Ageing;
import ca.scalloy.engine.props.PropertyCalculator;
import ca.scalloy.engine.spec.ComplianceChecker;
import ca.scalloy.engine.spec.ComplianceReport;
import ca.scalloy.engine.spec.Specification;
import ca.scalloy.io.RecipeFiles;
import ca.scalloy.store.Database;

/**
 * The store with a large library: 5,000 recipes of 2 versions each (10,000 recipe versions) and
 * 2,000 materials besides the seed. Lists and searches through the repositories (rows to engine
 * records included), the sector matrix of one product against every seeded specification (property
 * estimates included), opening plus migrating plus seeding a new database file, opening an existing
 * one, and backing up the large one (with its manifest).
 * Run: {@code mvn -Pbench test-compile exec:exec -Dbench=StoreBenchmark}.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class StoreBenchmark {

    static final int RECIPES = 5_000;
    static final int VERSIONS_EACH = 2;
    static final int MATERIALS = 2_000;

    private Path dir;
    private Database db;
    private Composition product;
    private List<Specification> specs;
    private int newDatabases;
    private Recipe example;

    @Setup(Level.Trial)
    public void fill() throws IOException {
        dir = Files.createTempDirectory("scalloy-bench");
        db = Database.open(dir.resolve("large"), Clock.systemUTC());
        Recipe base = readExample();
        for (int i = 0; i < RECIPES; i++) {
            // The example with another name, on the nominal analyses and without property targets.
            Recipe r = base.toBuilder().name((i % 7 == 0 ? "Scalmalloy trial " : "AlSc2 heat ") + i).confidencePct(null)
                    .propertyTargets(List.of()).build();
            for (int v = 0; v < VERSIONS_EACH; v++) {
                db.recipes().save(r.withBatchMassKg(1000.0 + v), "v" + v);
            }
        }
        for (int i = 0; i < MATERIALS; i++) {
            db.materials().add(LibraryMaterial.of(Material.metallic(String.format("LOT-%05d", i), "Scrap lot " + i,
                    MaterialKind.SCRAP, new Composition(Map.of("Mg", 4.5, "Fe", 0.2 + i % 10 / 100.0), "Al"), 1.9, 1.0), "bench", "est"));
        }
        example = base;
        Database.open(dir.resolve("existing/scalloy"), Clock.systemUTC()).close();
        product = new Composition(Map.of("Sc", 2.0, "Fe", 0.0992, "Si", 0.0496), "Al");
        specs = db.specifications().list();
    }

    private static Recipe readExample() throws IOException {
        try {
            return RecipeFiles.read(Path.of("recipes/alsc2-oxide-route.json"));
        } catch (ca.scalloy.io.RecipeFormatException e) {
            throw new IllegalStateException(e);
        }
    }

    @TearDown(Level.Trial)
    public void remove() throws IOException {
        db.close();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    @Benchmark
    public List<RecipeSummary> listRecipes() {
        return db.recipes().list();
    }

    /**
     * H2 hands back the kept result of an unchanged query, so {@link #listRecipes} mostly measures
     * that; here a new version of one recipe first (H2 tracks changes per table) makes the listing run
     * in full. The time includes that save.
     */
    @Benchmark
    public List<RecipeSummary> listRecipesAfterASave() {
        db.recipes().save(example, "bench");
        return db.recipes().list();
    }

    @Benchmark
    public List<RecipeSummary> searchRecipes() {
        return db.recipes().search("scalmalloy trial 4");
    }

    @Benchmark
    public List<LibraryMaterial> listMaterials() {
        return db.materials().list(false);
    }

    @Benchmark
    public List<LibraryMaterial> searchMaterials() {
        return db.materials().search("lot 12");
    }

    @Benchmark
    public List<ComplianceReport> sectorMatrix() {
        return new ComplianceChecker().checkAll(product, specs, new PropertyCalculator().compute(product, Ageing.asCast(), null));
    }

    @Benchmark
    public List<Specification> openMigrateAndSeedANewDatabase() {
        try (Database fresh = Database.open(dir.resolve("new-" + newDatabases++ + "/scalloy"), Clock.systemUTC())) {
            return new ArrayList<>(fresh.specifications().list());
        }
    }

    /** What every command pays to open a current file: the open lock, the schema check, the connection, the roles and the seed check. */
    @Benchmark
    public String openAnExistingDatabase() {
        try (Database existing = Database.open(dir.resolve("existing/scalloy"), Clock.systemUTC())) {
            return existing.databaseUser();
        }
    }

    /** {@code db backup} of the large database: H2's BACKUP TO, then the manifest (every table's rows and checksum) and the zip. */
    @Benchmark
    public Path backUpTheLargeDatabase() {
        Path backup = dir.resolve("backup.zip");
        db.backup(backup);
        return backup;
    }
}
