package ca.scalloy.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import ca.scalloy.engine.charge.ChargeCalculator;
import ca.scalloy.engine.charge.ChargeResult;
import ca.scalloy.engine.charge.Recipe;
import ca.scalloy.engine.heat.Heat;
import ca.scalloy.engine.heat.HeatLine;
import ca.scalloy.engine.heat.HeatRecord;
import ca.scalloy.engine.heat.HeatSample;
import ca.scalloy.engine.heat.HeatStatus;
import ca.scalloy.engine.heat.SampleAnalysis;
import ca.scalloy.engine.library.AuditEntry;
import ca.scalloy.engine.library.RecipeVersion;
import ca.scalloy.io.RecipeFiles;
import ca.scalloy.io.RecipeFormatException;
import ca.scalloy.io.SpectrometerCsv;
import ca.scalloy.io.SpectrometerFormatException;
import ca.scalloy.io.SpectrometerImport;
import ca.scalloy.solver.OjalgoSolver;
import ca.scalloy.store.AuditLog;
import ca.scalloy.store.ConcurrentChangeException;
import ca.scalloy.store.Database;
import ca.scalloy.store.DatabaseLogin;

/**
 * Simulated workstations on one database server (issue 7): each a thread with its own {@link Database}
 * (its own connection), doing a fixed number of operations in a fixed mix of recipe saves, heat
 * weighings, samples entered or imported and list queries. A save or weighing names the version it
 * read just before; a refusal because someone else changed it meanwhile is the correct answer, counted
 * as a conflict and retried after reloading. Anything else is an error.
 *
 * <p>Afterwards {@link Result#checks} re-reads the database and confirms that no successful change was
 * lost: recipe versions, weighings in the audit trail (and each one starting from the previous one's
 * value), samples, and each heat's revision counting exactly the changes made to it.
 */
public final class WorkstationsWorkload {

    /** What a workstation does, with its share of operations in per mille. */
    public enum Kind {
        RECIPE_SAVE("recipe save (read version, save)", 150),
        WEIGH("heat weighing (open heat, weigh a line)", 250),
        ADD_SAMPLE("sample entered by hand", 80),
        IMPORT_SAMPLES("spectrometer import (2 samples)", 70),
        LIST_RECIPES("recipes list", 150),
        LIST_HEATS("heats list (first page)", 150),
        HEAT_AUDIT("audit trail of a heat", 150);

        final String label;
        final int perMille;

        Kind(String label, int perMille) {
            this.label = label;
            this.perMille = perMille;
        }

        /** What it does, for a person. */
        public String label() {
            return label;
        }
    }

    /**
     * @param workstations      threads, each with its own connection
     * @param opsPerWorkstation operations each does
     * @param heats             heats planned beforehand (every second one CHARGED, so samples can be added)
     * @param hotHeats          when &gt; 0, heat changes go to only the first this-many heats (contention on purpose)
     * @param seed              the random seed of the mix
     */
    public record Settings(int workstations, int opsPerWorkstation, int heats, int hotHeats, long seed) {

        public Settings {
            if (workstations < 1 || opsPerWorkstation < 1 || heats < 2 || hotHeats < 0) {
                throw new IllegalArgumentException("workstations and opsPerWorkstation must be >= 1, heats >= 2, hotHeats >= 0, were "
                        + workstations + ", " + opsPerWorkstation + ", " + heats + ", " + hotHeats);
            }
        }
    }

    static final String SPEC = "AlSc2 aerospace grade";
    static final String HEAT_RECIPE = "alsc2-from-sc-metal.json";
    static final List<String> RECIPE_FILES = List.of("alsc2-oxide-route.json", "alsc2-fluoride-route.json", "alsc2-from-sc-metal.json",
            "alsc2zr1-k2zrf6.json");
    /** Attempts of one change before the workstation gives up (an error): conflicts should settle long before. */
    static final int MAX_ATTEMPTS = 200;
    private static final int SAMPLES_PER_IMPORT = 2;

    private final DatabaseLogin login;
    private final Settings settings;
    private final Map<String, Recipe> recipes = new LinkedHashMap<>();
    private final List<String> heatNumbers = new ArrayList<>();
    private final List<String> chargedHeats = new ArrayList<>();
    private final Map<String, Integer> lineCounts = new HashMap<>();
    private final Map<String, Integer> initialRevisions = new HashMap<>();
    private SpectrometerImport importTemplate;

    /**
     * @param login an empty database (schema) on the server; {@link #prepare} migrates, seeds and fills it
     */
    public WorkstationsWorkload(DatabaseLogin login, Settings settings) {
        this.login = login;
        this.settings = settings;
    }

    /** Saves the recipes (version 1 each) and plans the heats, every second one moved to CHARGED. */
    public void prepare() {
        try {
            for (String f : RECIPE_FILES) {
                Recipe r = RecipeFiles.read(Path.of("recipes", f));
                recipes.put(r.name(), r);
            }
            importTemplate = SpectrometerCsv.read(Path.of("recipes/analyses/oes-alsc2-heat.csv"));
        } catch (IOException | RecipeFormatException | SpectrometerFormatException e) {
            throw new IllegalStateException("cannot read the example files (run from the repository root): " + e.getMessage(), e);
        }
        try (Database db = Database.connect(login, Clock.systemUTC())) {
            db.setActor("bench setup");
            // The workload weighs random masses (100 to 1,100 kg), not real ones: the plant's weighing tolerance is widened.
            db.settings().set("heat.plausibility.weighedDeviationPct", "100000", "bench weighs random masses");
            for (Recipe r : recipes.values()) {
                db.recipes().save(r, "bench setup", 0);
            }
            Recipe heatRecipe = recipes.values().stream().filter(r -> r.name().equals(heatRecipeName())).findFirst().orElseThrow();
            ChargeResult charge = new ChargeCalculator(new OjalgoSolver()).solve(heatRecipe);
            for (int i = 0; i < settings.heats(); i++) {
                Heat h = db.heats().create(heatRecipe.name(), 1, SPEC, "F" + (i % 4 + 1), "bench", charge, Map.of());
                if (i % 2 == 0) {
                    h = db.heats().move(h.number(), HeatStatus.CHARGED, "bench setup");
                    chargedHeats.add(h.number());
                }
                heatNumbers.add(h.number());
                HeatRecord r = db.heats().find(h.number()).orElseThrow();
                lineCounts.put(h.number(), r.lines().size());
                initialRevisions.put(h.number(), r.heat().revision());
            }
        }
    }

    private static String heatRecipeName() {
        try {
            return RecipeFiles.read(Path.of("recipes", HEAT_RECIPE)).name();
        } catch (IOException | RecipeFormatException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Connects every workstation, starts them together and waits for all to finish, then checks the
     * database for lost updates.
     */
    public Result run() throws InterruptedException {
        return run(() -> { }, () -> { });
    }

    /**
     * As {@link #run()}, calling {@code started} once every workstation is connected, just before they
     * start, and {@code finished} when the last one is done (before the checks): to observe the server
     * during the work only.
     */
    public Result run(Runnable started, Runnable finished) throws InterruptedException {
        if (heatNumbers.isEmpty()) {
            throw new IllegalStateException("prepare() first");
        }
        List<Workstation> stations = new ArrayList<>();
        try {
            for (int w = 0; w < settings.workstations(); w++) {
                stations.add(new Workstation(w, Database.connect(login, Clock.systemUTC())));
            }
            CountDownLatch start = new CountDownLatch(1);
            List<Thread> threads = new ArrayList<>();
            for (Workstation s : stations) {
                Thread t = new Thread(() -> s.work(start), "workstation-" + s.index);
                t.start();
                threads.add(t);
            }
            started.run();
            long t0 = System.nanoTime();
            start.countDown();
            for (Thread t : threads) {
                t.join();
            }
            long wall = System.nanoTime() - t0;
            finished.run();
            return new Result(settings, wall, stations, check(stations));
        } finally {
            for (Workstation s : stations) {
                s.db.close();
            }
        }
    }

    /** The heats a heat change may pick (the hot ones when there are hot ones). */
    private List<String> heatsInPlay(List<String> from) {
        if (settings.hotHeats() == 0) {
            return from;
        }
        Set<String> hot = new HashSet<>(heatNumbers.subList(0, Math.min(settings.hotHeats(), heatNumbers.size())));
        List<String> in = from.stream().filter(hot::contains).toList();
        return in.isEmpty() ? from.subList(0, 1) : in;
    }

    /** One simulated workstation: its connection, its random mix, what it did. */
    private final class Workstation {

        final int index;
        final Database db;
        final Random random;
        final Map<Kind, long[]> latencies = new EnumMap<>(Kind.class);
        /** Attempts of each completed operation, parallel to {@link #latencies} (more than 1 after refusals). */
        final Map<Kind, int[]> attempts = new EnumMap<>(Kind.class);
        private int attempt;
        final Map<Kind, Integer> counts = new EnumMap<>(Kind.class);
        final Map<Kind, Integer> conflicts = new EnumMap<>(Kind.class);
        final List<String> errors = new ArrayList<>();
        /** Successful saves: recipe name to the notes saved (each note names the operation). */
        final Map<String, List<String>> saves = new HashMap<>();
        /** Successful weighings per heat: the reasons given (each names the operation). */
        final Map<String, List<String>> weighs = new HashMap<>();
        final Map<String, List<String>> samples = new HashMap<>();
        /** Changes per heat (each locks the heat row and adds one to its revision). */
        final Map<String, Integer> heatChanges = new HashMap<>();
        private final List<String> weighHeats = heatsInPlay(heatNumbers);
        private final List<String> sampleHeats = heatsInPlay(chargedHeats);

        Workstation(int index, Database db) {
            this.index = index;
            this.db = db;
            this.random = new Random(settings.seed() * 1_000_003L + index);
            db.setActor(String.format(Locale.ROOT, "workstation %02d", index + 1));
            for (Kind k : Kind.values()) {
                latencies.put(k, new long[settings.opsPerWorkstation()]);
                attempts.put(k, new int[settings.opsPerWorkstation()]);
                counts.put(k, 0);
                conflicts.put(k, 0);
            }
        }

        void work(CountDownLatch start) {
            try {
                start.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            for (int op = 0; op < settings.opsPerWorkstation(); op++) {
                Kind kind = pick();
                String id = String.format(Locale.ROOT, "w%02d-%05d", index + 1, op);
                attempt = 1;
                long t0 = System.nanoTime();
                try {
                    perform(kind, id);
                    long took = System.nanoTime() - t0;
                    int n = counts.merge(kind, 1, Integer::sum);
                    latencies.get(kind)[n - 1] = took;
                    attempts.get(kind)[n - 1] = attempt;
                } catch (RuntimeException e) {
                    errors.add(kind + " " + id + ": " + e);
                }
            }
        }

        private Kind pick() {
            int r = random.nextInt(1000);
            for (Kind k : Kind.values()) {
                r -= k.perMille;
                if (r < 0) {
                    return k;
                }
            }
            return Kind.LIST_HEATS;
        }

        private <T> T any(List<T> from) {
            return from.get(random.nextInt(from.size()));
        }

        private void perform(Kind kind, String id) {
            switch (kind) {
                case RECIPE_SAVE -> saveRecipe(id);
                case WEIGH -> weigh(id);
                case ADD_SAMPLE -> {
                    String heat = any(sampleHeats);
                    db.heats().addSample(heat, analysis(id), "OES bench");
                    samples.computeIfAbsent(heat, h -> new ArrayList<>()).add(id);
                    heatChanges.merge(heat, 1, Integer::sum);
                }
                case IMPORT_SAMPLES -> {
                    String heat = any(sampleHeats);
                    List<SampleAnalysis> list = new ArrayList<>();
                    for (int k = 0; k < SAMPLES_PER_IMPORT; k++) {
                        list.add(analysis(id + "-" + (char) ('a' + k)));
                    }
                    SpectrometerImport imported = new SpectrometerImport(importTemplate.instrument(), importTemplate.mapping(), list,
                            importTemplate.warningMessages(), importTemplate.logMessages());
                    List<HeatSample> added = db.heats().importSamples(heat, imported, id + ".csv", importTemplate.instrument());
                    for (HeatSample s : added) {
                        samples.computeIfAbsent(heat, h -> new ArrayList<>()).add(s.analysis().sampleNumber());
                    }
                    heatChanges.merge(heat, 1, Integer::sum);
                }
                case LIST_RECIPES -> db.recipes().list();
                case LIST_HEATS -> db.heats().list(null, null, 50);
                case HEAT_AUDIT -> db.audit().of(AuditLog.HEAT, any(heatNumbers));
            }
        }

        private SampleAnalysis analysis(String number) {
            return new SampleAnalysis(number, "", "OES", Map.of("Sc", 1.90 + random.nextInt(20) / 100.0, "Fe", 0.08, "Si", 0.04));
        }

        private void saveRecipe(String id) {
            List<String> names = new ArrayList<>(recipes.keySet());
            String name = any(names);
            for (attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
                int read = db.recipes().latest(name).orElseThrow().version();
                try {
                    db.recipes().save(recipes.get(name), id, read);
                    saves.computeIfAbsent(name, n -> new ArrayList<>()).add(id);
                    return;
                } catch (ConcurrentChangeException e) {
                    refusedOrRethrow(Kind.RECIPE_SAVE, e);
                }
            }
            throw new IllegalStateException("recipe save refused " + MAX_ATTEMPTS + " times in a row");
        }

        private void weigh(String id) {
            String heat = any(weighHeats);
            int line = 1 + random.nextInt(lineCounts.get(heat));
            double kg = 100 + random.nextInt(100_000) / 100.0;
            for (attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
                int read = db.heats().find(heat).orElseThrow().heat().revision();
                try {
                    db.heats().weigh(heat, line, kg, null, id, read);
                    weighs.computeIfAbsent(heat, h -> new ArrayList<>()).add(id);
                    heatChanges.merge(heat, 1, Integer::sum);
                    return;
                } catch (ConcurrentChangeException e) {
                    refusedOrRethrow(Kind.WEIGH, e);
                }
            }
            throw new IllegalStateException("weighing refused " + MAX_ATTEMPTS + " times in a row");
        }

        /**
         * A refusal of the optimistic check is correct behaviour. The same exception also carries the
         * database's own refusals (deadlock 40P01, serialization 40001) with the SQLException as cause:
         * those are not expected under this workload, so they count as errors.
         */
        private void refusedOrRethrow(Kind kind, ConcurrentChangeException e) {
            if (e.getCause() instanceof SQLException) {
                throw e;
            }
            conflicts.merge(kind, 1, Integer::sum);
        }
    }

    /** Re-reads the database and lists every lost or doubled update found (empty: none). */
    private List<String> check(List<Workstation> stations) {
        List<String> failures = new ArrayList<>();
        try (Database db = Database.connect(login, Clock.systemUTC())) {
            for (String name : recipes.keySet()) {
                List<String> saved = stations.stream().flatMap(s -> s.saves.getOrDefault(name, List.of()).stream()).toList();
                List<RecipeVersion> history = db.recipes().history(name);
                if (history.size() != 1 + saved.size()) {
                    failures.add("recipe \"" + name + "\": " + history.size() + " versions, expected 1 + " + saved.size() + " saves");
                }
                for (int v = 1; v <= history.size(); v++) {
                    if (history.get(v - 1).version() != v) {
                        failures.add("recipe \"" + name + "\": versions not consecutive at " + v + " (found " + history.get(v - 1).version() + ")");
                        break;
                    }
                }
                List<String> notes = history.stream().skip(1).map(RecipeVersion::note).sorted().toList();
                if (!notes.equals(saved.stream().sorted().toList())) {
                    failures.add("recipe \"" + name + "\": the versions' notes are not exactly the successful saves");
                }
                int latest = db.recipes().latest(name).orElseThrow().version();
                if (latest != history.size()) {
                    failures.add("recipe \"" + name + "\": current version " + latest + " but " + history.size() + " versions");
                }
            }
            for (String heat : heatNumbers) {
                checkHeat(db, heat, stations, failures);
            }
        }
        return failures;
    }

    private void checkHeat(Database db, String heat, List<Workstation> stations, List<String> failures) {
        HeatRecord r = db.heats().find(heat).orElseThrow();
        List<AuditEntry> audit = db.audit().of(AuditLog.HEAT, heat);
        List<String> weighed = stations.stream().flatMap(s -> s.weighs.getOrDefault(heat, List.of()).stream()).sorted().toList();
        List<AuditEntry> weighEntries = audit.stream().filter(e -> e.change().startsWith("weigh line ")).toList();
        if (!weighEntries.stream().map(AuditEntry::reason).sorted().toList().equals(weighed)) {
            failures.add("heat " + heat + ": " + weighEntries.size() + " weighings in the audit trail, " + weighed.size()
                    + " succeeded (or not the same ones)");
        }
        // Each weighing of a line must start from what the previous one left: otherwise one overwrote another unseen.
        Map<String, List<AuditEntry>> byLine = weighEntries.stream().collect(Collectors.groupingBy(AuditEntry::change, TreeMap::new,
                Collectors.toList()));
        for (Map.Entry<String, List<AuditEntry>> e : byLine.entrySet()) {
            List<AuditEntry> chain = e.getValue();
            for (int i = 1; i < chain.size(); i++) {
                if (!chain.get(i).oldValue().equals(chain.get(i - 1).newValue())) {
                    failures.add("heat " + heat + " " + e.getKey() + ": entry " + chain.get(i).id() + " started from \"" + chain.get(i).oldValue()
                            + "\", but the weighing before left \"" + chain.get(i - 1).newValue() + "\"");
                    break;
                }
            }
            int lineNo = Integer.parseInt(e.getKey().substring("weigh line ".length()));
            HeatLine line = r.lines().get(lineNo - 1);
            String last = chain.get(chain.size() - 1).newValue();
            if (line.weighedKg() == null || !last.contains("weighed " + line.weighedKg() + " kg")) {
                failures.add("heat " + heat + " line " + lineNo + ": stored " + line.weighedKg() + " kg, the last weighing recorded \"" + last + "\"");
            }
        }
        List<String> sampled = stations.stream().flatMap(s -> s.samples.getOrDefault(heat, List.of()).stream()).sorted().toList();
        List<String> stored = r.samples().stream().map(s -> s.analysis().sampleNumber()).sorted().toList();
        if (!stored.equals(sampled)) {
            failures.add("heat " + heat + ": " + stored.size() + " samples stored, " + sampled.size() + " added (or not the same ones)");
        }
        long sampleEntries = audit.stream().filter(e -> e.change().equals("sample")).count();
        if (sampleEntries != sampled.size()) {
            failures.add("heat " + heat + ": " + sampleEntries + " sample entries in the audit trail, " + sampled.size() + " added");
        }
        int changes = stations.stream().mapToInt(s -> s.heatChanges.getOrDefault(heat, 0)).sum();
        int expected = initialRevisions.get(heat) + changes;
        if (r.heat().revision() != expected) {
            failures.add("heat " + heat + ": revision " + r.heat().revision() + ", expected " + initialRevisions.get(heat) + " + " + changes
                    + " changes = " + expected);
        }
    }

    /** What the run measured and found. */
    public static final class Result {

        private final Settings settings;
        private final long wallNanos;
        private final Map<Kind, long[]> latencies = new EnumMap<>(Kind.class);
        private final Map<Kind, long[]> firstTry = new EnumMap<>(Kind.class);
        private final Map<Kind, Integer> mostAttempts = new EnumMap<>(Kind.class);
        private final Map<Kind, Integer> conflicts = new EnumMap<>(Kind.class);
        private final List<String> errors = new ArrayList<>();
        private final List<String> checks;

        Result(Settings settings, long wallNanos, List<Workstation> stations, List<String> checks) {
            this.settings = settings;
            this.wallNanos = wallNanos;
            this.checks = List.copyOf(checks);
            for (Kind k : Kind.values()) {
                latencies.put(k, stations.stream().flatMapToLong(s -> Arrays.stream(s.latencies.get(k), 0, s.counts.get(k))).sorted().toArray());
                conflicts.put(k, stations.stream().mapToInt(s -> s.conflicts.get(k)).sum());
                firstTry.put(k, stations.stream().flatMapToLong(s -> IntStream.range(0, s.counts.get(k))
                        .filter(i -> s.attempts.get(k)[i] == 1).mapToLong(i -> s.latencies.get(k)[i])).sorted().toArray());
                mostAttempts.put(k, stations.stream().flatMapToInt(s -> Arrays.stream(s.attempts.get(k), 0, s.counts.get(k))).max().orElse(0));
            }
            stations.forEach(s -> errors.addAll(s.errors));
        }

        public Settings settings() {
            return settings;
        }

        /** From the start signal to the last workstation's end, ns. */
        public long wallNanos() {
            return wallNanos;
        }

        /** Operations completed (without error). */
        public int completed() {
            return latencies.values().stream().mapToInt(a -> a.length).sum();
        }

        /** Completed operations per second of wall time. */
        public double throughputPerSecond() {
            return completed() / (wallNanos / 1e9);
        }

        /** Latencies of one kind's completed operations, ns, sorted. */
        public long[] latencies(Kind kind) {
            return latencies.get(kind).clone();
        }

        /** Latencies of one kind's operations that succeeded at the first attempt (no refusal), ns, sorted. */
        public long[] firstTryLatencies(Kind kind) {
            return firstTry.get(kind).clone();
        }

        /** The most attempts one operation of this kind needed (1: never refused). */
        public int mostAttempts(Kind kind) {
            return mostAttempts.get(kind);
        }

        /** Every completed operation's latency, ns, sorted. */
        public long[] allLatencies() {
            return latencies.values().stream().flatMapToLong(Arrays::stream).sorted().toArray();
        }

        /** Refused because someone changed the same thing first (then retried): correct behaviour. */
        public int conflicts(Kind kind) {
            return conflicts.get(kind);
        }

        public int conflicts() {
            return conflicts.values().stream().mapToInt(Integer::intValue).sum();
        }

        /** Operations that failed for any other reason. */
        public List<String> errors() {
            return List.copyOf(errors);
        }

        /** Lost or doubled updates found after the run (empty: none). */
        public List<String> checks() {
            return checks;
        }

        /** No error and no lost update. */
        public boolean passed() {
            return errors.isEmpty() && checks.isEmpty() && completed() == settings.workstations() * settings.opsPerWorkstation();
        }

        /** The nearest-rank percentile of sorted values (0 for none). */
        public static long percentile(long[] sorted, double pct) {
            if (sorted.length == 0) {
                return 0;
            }
            int rank = (int) Math.ceil(pct / 100.0 * sorted.length);
            return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
        }
    }
}
