package ca.scalloy.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import ca.scalloy.engine.Message;
import ca.scalloy.engine.Quantities;
import ca.scalloy.engine.charge.ChargeCalculator;
import ca.scalloy.engine.charge.ChargeLine;
import ca.scalloy.engine.charge.ChargeResult;
import ca.scalloy.engine.charge.Diagnosis;
import ca.scalloy.engine.charge.Recipe;
import ca.scalloy.engine.charge.TrimCalculator;
import ca.scalloy.engine.heat.BelowDetection;
import ca.scalloy.engine.heat.ElementStatus;
import ca.scalloy.engine.heat.Heat;
import ca.scalloy.engine.heat.HeatCorrection;
import ca.scalloy.engine.heat.HeatLine;
import ca.scalloy.engine.heat.HeatMelt;
import ca.scalloy.engine.heat.HeatRecord;
import ca.scalloy.engine.heat.HeatSample;
import ca.scalloy.engine.heat.HeatStatus;
import ca.scalloy.engine.heat.Lot;
import ca.scalloy.engine.heat.RecoveryPoint;
import ca.scalloy.engine.heat.SampleAnalysis;
import ca.scalloy.engine.heat.SampleCheck;
import ca.scalloy.engine.heat.SampleImportLog;
import ca.scalloy.engine.heat.StatusMove;
import ca.scalloy.engine.library.RecipeVersion;
import ca.scalloy.io.ChargeResultJson;
import ca.scalloy.io.ColumnMapping;
import ca.scalloy.io.HeatJson;
import ca.scalloy.io.SpectrometerCsv;
import ca.scalloy.io.SpectrometerFormatException;
import ca.scalloy.io.SpectrometerImport;
import ca.scalloy.solver.OjalgoSolver;
import ca.scalloy.store.Database;
import ca.scalloy.store.HeatRepository;
import ca.scalloy.store.StoreException;

/** {@code scalloy heats create|list|show|move|weigh|sample|trim|recovery}: heats in the database. */
@Command(name = "heats", mixinStandardHelpOptions = true, description = "Heats: planned charges, samples, corrections, status.",
        subcommands = {HeatsCommand.Create.class, HeatsCommand.ListHeats.class, HeatsCommand.Show.class, HeatsCommand.Move.class,
            HeatsCommand.Weigh.class, HeatsCommand.Sample.class, HeatsCommand.Trim.class, HeatsCommand.Recovery.class,
            CastCommand.class})
final class HeatsCommand extends CommandGroup {

    /** Numbers as the command line prints them (a point for decimals, whatever the system's language). */
    private static final Quantities ROOT_NUMBERS = Quantities.of(Locale.ROOT);

    /** A heat command: store failures (an unknown heat, a refused move) are one line and exit 2. */
    abstract static class HeatCommand extends StoreCommand {

        abstract int work(Database database) throws IOException;

        @Override
        int run(Database database) {
            try {
                return work(database);
            } catch (StoreException | IllegalArgumentException e) {
                err().println("scalloy: " + e.getMessage());
                return ScalloyCli.INVALID_INPUT;
            } catch (IOException e) {
                err().println("scalloy: " + e.getMessage());
                return ScalloyCli.INVALID_INPUT;
            }
        }
    }

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Plan a heat: the charge of a stored recipe (or a recipe file, stored when new) with the chosen lots' assays.",
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:heat planned", "2:invalid input", "3:no charge meets the recipe (diagnosis given)"})
    static final class Create extends HeatCommand {

        @Option(names = "--recipe", required = true, paramLabel = "NAME|FILE", description = "A stored recipe's name, or a recipe file.")
        String recipe;

        @Option(names = "--spec", required = true, paramLabel = "NAME", description = "The specification agreed with the customer.")
        String spec;

        @Option(names = "--furnace", paramLabel = "F", description = "The furnace.")
        String furnace = "";

        @Option(names = "--operator", paramLabel = "O", description = "The operator.")
        String operator = "";

        @Option(names = "--lot", paramLabel = "LOT", description = "A lot to charge (its certificate assay replaces the nominal one); repeatable.")
        List<String> lots = new ArrayList<>();

        @Override
        int work(Database database) {
            Optional<RecipeVersion> version = storedVersion(database);
            if (version.isEmpty()) {
                return ScalloyCli.INVALID_INPUT;
            }
            Recipe r = version.get().recipe();
            Map<String, Lot> chosen = database.lots().lotsFor(r, lots);
            ChargeResult charge = new ChargeCalculator(new OjalgoSolver()).solve(database.lots().applyTo(r, lots));
            if (!charge.solved()) {
                err().println("scalloy: no charge meets recipe \"" + r.name() + "\":");
                charge.diagnosis().stream().map(Diagnosis::message).forEach(m -> err().println("  - " + m));
                return ScalloyCli.INFEASIBLE;
            }
            Map<String, String> lotNumbers = new LinkedHashMap<>();
            chosen.forEach((m, l) -> lotNumbers.put(m, l.lotNumber()));
            Heat h = database.heats().create(r.name(), version.get().version(), spec, furnace, operator, charge, lotNumbers);
            HeatRecord record = database.heats().find(h.number()).orElseThrow();
            if (json) {
                out().print(HeatJson.heat(record));
            } else {
                out().printf(Locale.ROOT, "planned heat %s: \"%s\" version %d, %s, %.2f kg%n", h.number(), h.recipeName(), h.recipeVersion(),
                        h.specName(), h.plannedKg());
                printLines(out(), record.lines());
            }
            return ScalloyCli.OK;
        }

        private Optional<RecipeVersion> storedVersion(Database database) {
            Path file = Path.of(recipe);
            if (!Files.isRegularFile(file)) {
                Optional<RecipeVersion> stored = database.recipes().latest(recipe);
                if (stored.isEmpty()) {
                    err().println("scalloy: " + recipe + ": no such file or stored recipe");
                }
                return stored;
            }
            Optional<Recipe> read = RecipeInput.read(file, err());
            if (read.isEmpty()) {
                return Optional.empty();
            }
            Optional<RecipeVersion> latest = database.recipes().latest(read.get().name());
            if (latest.isPresent() && latest.get().recipe().equals(read.get())) {
                return latest;
            }
            return Optional.of(database.recipes().save(read.get(), "planned as a heat from " + file.getFileName()));
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "The newest heats (the first page).")
    static final class ListHeats extends HeatCommand {

        @Option(names = "--status", paramLabel = "S", description = "Only heats in this state (${COMPLETION-CANDIDATES}).")
        HeatStatus status;

        @Option(names = "--search", paramLabel = "TEXT", description = "Only heats whose number, or a lot they charged, starts with TEXT.")
        String search;

        @Option(names = "--limit", paramLabel = "N", description = "At most N heats (default ${DEFAULT-VALUE}).")
        int limit = HeatRepository.PAGE_SIZE;

        @Override
        int work(Database database) {
            if (limit < 1) {
                err().println("scalloy: --limit must be >= 1, was " + limit);
                return ScalloyCli.INVALID_INPUT;
            }
            List<Heat> heats = database.heats().list(status, search, limit);
            PrintWriter out = out();
            if (json) {
                out.print(HeatJson.heats(heats));
                return ScalloyCli.OK;
            }
            out.printf(Locale.ROOT, "%-16s %-10s %-40s %-24s %-8s %10s  %s%n", "number", "status", "recipe", "specification", "furnace",
                    "planned kg", "planned");
            for (Heat h : heats) {
                out.printf(Locale.ROOT, "%-16s %-10s %-40s %-24s %-8s %10.2f  %s%n", h.number(), h.status(),
                        h.recipeName() + " v" + h.recipeVersion(), h.specName(), h.furnace(), h.plannedKg(), h.createdAt());
            }
            return ScalloyCli.OK;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "One heat: charge lines, samples with their verdicts, corrections, status moves, imports, recovery.")
    static final class Show extends HeatCommand {

        @Parameters(index = "0", paramLabel = "NUMBER", description = "The heat number.")
        String number;

        @Override
        int work(Database database) {
            Optional<HeatRecord> found = database.heats().find(number);
            if (found.isEmpty()) {
                err().println("scalloy: no heat numbered \"" + number + "\"");
                return ScalloyCli.INVALID_INPUT;
            }
            HeatRecord r = found.get();
            PrintWriter out = out();
            if (json) {
                out.print(HeatJson.heat(r));
                return ScalloyCli.OK;
            }
            Heat h = r.heat();
            out.printf(Locale.ROOT, "heat %s  %s  (revision %d%s)%n", h.number(), h.status(), h.revision(),
                    h.updatedBy() == null ? "" : ", last changed by " + h.updatedBy() + " at " + h.updatedAt());
            out.printf(Locale.ROOT, "recipe \"%s\" version %d; specification %s version %d; furnace %s; operator %s; planned %.2f kg%n",
                    h.recipeName(), h.recipeVersion(), h.specName(), h.specVersion(), h.furnace(), h.operator(), h.plannedKg());
            out.println("charge:");
            printLines(out, r.lines());
            out.println("samples:");
            for (HeatSample s : r.samples()) {
                printSample(out, s);
            }
            out.println("corrections:");
            for (HeatCorrection c : r.corrections()) {
                out.printf(Locale.ROOT, "  after %s (melt %.2f kg): %s  %s, %s%s%n", c.sampleNumber(), c.meltKg(), kgText(c.additionsKg()),
                        c.by(), c.at(), c.reason().isEmpty() ? "" : "  (" + c.reason() + ")");
            }
            out.println("moves:");
            for (StatusMove m : r.moves()) {
                out.printf(Locale.ROOT, "  %-9s -> %-9s %s, %s%s%n", m.from() == null ? "" : m.from(), m.to(), m.by(), m.at(),
                        m.reason().isEmpty() ? "" : "  (" + m.reason() + ")");
            }
            for (SampleImportLog i : r.imports()) {
                out.println("import of " + i.fileName() + (i.instrument().isEmpty() ? "" : " (" + i.instrument() + ")") + " by " + i.by()
                        + ", " + i.at() + ":");
                i.log().forEach(l -> out.println("  " + l));
                i.warnings().forEach(w -> out.println("  warning: " + w));
            }
            out.println(h.recoveryPct() == null ? "recovery: not recorded (recorded at release)"
                    : String.format(Locale.ROOT, "recovery of %s: %.2f %%", h.recoveryElement(), h.recoveryPct()));
            return ScalloyCli.OK;
        }
    }

    @Command(name = "move", mixinStandardHelpOptions = true,
            description = "Move a heat to another state (PLANNED -> CHARGED -> SAMPLED -> (CORRECTED -> SAMPLED)* -> CAST -> RELEASED, or REJECTED).")
    static final class Move extends HeatCommand {

        @Parameters(index = "0", paramLabel = "NUMBER", description = "The heat number.")
        String number;

        @Parameters(index = "1", paramLabel = "STATUS", description = "The new state: ${COMPLETION-CANDIDATES}.")
        HeatStatus status;

        @Option(names = "--reason", paramLabel = "R", description = "Why, kept with the move.")
        String reason = "";

        @Option(names = "--expect-revision", paramLabel = "N",
                description = "Refuse (exit 2) when the heat is no longer at revision N (as 'heats show' gave it): someone else changed it.")
        Integer expectRevision;

        @Override
        int work(Database database) {
            Heat h = database.heats().move(number, status, reason, expectRevision);
            out().println("heat " + h.number() + " is " + h.status()
                    + (h.recoveryPct() == null ? "" : String.format(Locale.ROOT, "; %s recovery %.2f %%", h.recoveryElement(), h.recoveryPct())));
            return ScalloyCli.OK;
        }
    }

    @Command(name = "weigh", mixinStandardHelpOptions = true, description = "Record the weighed kg (and lot) of one charge line.")
    static final class Weigh extends HeatCommand {

        @Parameters(index = "0", paramLabel = "NUMBER", description = "The heat number.")
        String number;

        @Parameters(index = "1", paramLabel = "LINE", description = "The charge line, as 'heats show' numbers it.")
        int line;

        @Parameters(index = "2", paramLabel = "KG", description = "The weighed kg.")
        double kg;

        @Option(names = "--lot", paramLabel = "LOT", description = "The lot charged.")
        String lot;

        @Option(names = "--reason", paramLabel = "R", description = "Why (e.g. a correction of an earlier entry).")
        String reason = "";

        @Option(names = "--expect-revision", paramLabel = "N",
                description = "Refuse (exit 2) when someone else weighed this line after revision N of the heat (as 'heats show' gave it).")
        Integer expectRevision;

        @Override
        int work(Database database) {
            HeatLine l = database.heats().weigh(number, line, kg, lot, reason, expectRevision);
            out().printf(Locale.ROOT, "heat %s line %d %s: weighed %.3f kg%s%n", number, l.lineNo(), l.materialId(), l.weighedKg(),
                    l.lotNumber() == null ? "" : ", lot " + l.lotNumber());
            return ScalloyCli.OK;
        }
    }

    @Command(name = "sample", mixinStandardHelpOptions = true,
            description = "Add samples to a heat, by hand or from a spectrometer export; each is checked against the heat's specification.",
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:stored, every limited element of every sample measured and within the specification (PASS or MARGINAL)",
                "2:invalid input (nothing stored)", "3:stored, and at least one sample FAILS the specification or is INCOMPLETE"})
    static final class Sample extends HeatCommand {

        @Parameters(index = "0", paramLabel = "NUMBER", description = "The heat number.")
        String number;

        @ArgGroup(exclusive = true, multiplicity = "1")
        Source source;

        static final class Source {
            @Option(names = "--analysis", paramLabel = "EL=WT%,...",
                    description = "A sample by hand, wt%%, e.g. \"Sc=1.97,Fe=0.10,Na=<0.001,Ca=n.d.\" (<x: below the detection limit x).")
            String analysis;

            @Option(names = "--import", paramLabel = "FILE", description = "A spectrometer export (CSV).")
            Path file;
        }

        @Option(names = "--sample-number", paramLabel = "S", description = "The hand sample's number (default: NUMBER-k, k the next).")
        String sampleNumber;

        @Option(names = "--method", paramLabel = "M", description = "OES or ICP-OES (hand sample).")
        String method = "OES";

        @Option(names = "--taken-at", paramLabel = "T", description = "When the hand sample was taken (ISO 8601).")
        String takenAt = "";

        @Option(names = "--instrument", paramLabel = "I", description = "The instrument (an import: overrides the file's; its column mapping is remembered).")
        String instrument;

        @Option(names = "--accept-other-sample-numbers",
                description = "The import's sample numbers follow another scheme (the laboratory's): accept numbers that look like"
                        + " another heat's (said in the import log). Without it such a file is refused whole.")
        boolean otherNumbering;

        @Override
        int work(Database database) throws IOException {
            List<HeatSample> samples;
            List<String> warnings = List.of();
            if (source.analysis != null) {
                HeatRecord r = database.heats().find(number).orElseThrow(() -> noHeat(number));
                String s = sampleNumber != null ? sampleNumber : number + "-" + (r.samples().size() + 1);
                SampleAnalysis a = handSample(s, source.analysis);
                samples = List.of(database.heats().addSample(number, a, instrument == null ? "" : instrument));
            } else {
                SpectrometerImport imported = read(database);
                if (imported == null) {
                    return ScalloyCli.INVALID_INPUT;
                }
                String inst = instrument != null ? instrument : imported.instrument();
                samples = database.heats().importSamples(number, imported, source.file.getFileName().toString(), inst, otherNumbering);
                warnings = imported.warnings();
            }
            PrintWriter out = out();
            if (json) {
                out.print(HeatJson.samples(samples, warnings));
            } else {
                samples.forEach(s -> printSample(out, s));
                warnings.forEach(w -> out.println("warning: " + w));
            }
            return samples.stream().allMatch(HeatSample::meetsSpecification) ? ScalloyCli.OK : ScalloyCli.INFEASIBLE;
        }

        /** A hand sample: measured values, and entries "El=<x" (below the detection limit x) or "El=n.d.". */
        private SampleAnalysis handSample(String sample, String text) {
            StringBuilder measured = new StringBuilder();
            Map<String, BelowDetection> below = new LinkedHashMap<>();
            for (String raw : text.split(",")) {
                String[] kv = raw.split("=", 2);
                String value = kv.length == 2 ? kv[1].strip() : "";
                boolean notDetected = BelowDetection.saysNotDetected(value);
                if (notDetected || value.startsWith("<")) {
                    below.put(kv[0].strip(), notDetected ? BelowDetection.notDetected()
                            : BelowDetection.below(CompositionText.parse(kv[0].strip() + "=" + value.substring(1), "--analysis").values()
                                    .iterator().next()));
                } else {
                    measured.append(measured.length() == 0 ? "" : ",").append(raw);
                }
            }
            Map<String, Double> wt = measured.toString().isBlank() && !below.isEmpty() ? Map.of()
                    : CompositionText.parse(measured.toString(), "--analysis");
            return new SampleAnalysis(sample, takenAt, method, wt, below);
        }

        /** The import with the instrument's remembered mapping (remembering the detected one the first time), or null. */
        private SpectrometerImport read(Database database) throws IOException {
            try {
                SpectrometerImport detected = SpectrometerCsv.read(source.file);
                String inst = instrument != null ? instrument : detected.instrument();
                if (inst.isEmpty()) {
                    return detected;
                }
                Optional<ColumnMapping> remembered = database.heats().instrumentMapping(inst);
                if (remembered.isEmpty()) {
                    database.heats().rememberMapping(inst, detected.mapping());
                    return detected;
                }
                return SpectrometerCsv.read(source.file, remembered.get());
            } catch (NoSuchFileException e) {
                err().println("scalloy: " + source.file + ": no such file");
            } catch (SpectrometerFormatException e) {
                err().println("scalloy: " + e.getMessage());
            }
            return null;
        }
    }

    @Command(name = "trim", mixinStandardHelpOptions = true,
            description = "The correction of a heat from its last sample (its recipe's limits and materials, the lots' assays); --accept records it.",
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:correction found (and recorded with --accept)", "2:invalid input",
                "3:no correction can meet the limits (diagnosis given)"})
    static final class Trim extends HeatCommand {

        @Parameters(index = "0", paramLabel = "NUMBER", description = "The heat number.")
        String number;

        @Option(names = "--capacity-kg", paramLabel = "KG", description = "The furnace's free capacity: the most kg that may be added.")
        Double capacityKg;

        @Option(names = "--melt-kg", paramLabel = "KG",
                description = "Metal in the furnace now (default: the planned kg, or the metal after the last accepted correction).")
        Double meltKg;

        @Option(names = "--accept", description = "Record the correction on the heat (it moves from SAMPLED to CORRECTED).")
        boolean accept;

        @Override
        int work(Database database) {
            HeatRecord r = database.heats().find(number).orElseThrow(() -> noHeat(number));
            if (r.samples().isEmpty()) {
                err().println("scalloy: heat " + number + " has no sample to correct");
                return ScalloyCli.INVALID_INPUT;
            }
            HeatSample last = r.samples().get(r.samples().size() - 1);
            Recipe recipe = database.heats().recipeOf(number);
            Map<String, Double> analysis = new LinkedHashMap<>(last.analysis().wtPct());
            analysis.remove(recipe.balanceElement());
            TrimCalculator trim = new TrimCalculator(new ChargeCalculator(new OjalgoSolver()));
            double melt = meltKg != null ? meltKg : HeatMelt.nowKg(r, recipe, trim);
            ChargeResult result = trim.trim(recipe, melt, analysis, capacityKg);
            if (json) {
                out().println(ChargeResultJson.trimToJson(result));
            } else {
                out().println("correction of heat " + number + " after sample " + last.analysis().sampleNumber()
                        + String.format(Locale.ROOT, " (melt %.2f kg):", melt));
                TrimCommand.print(out(), result);
            }
            if (!result.solved()) {
                return ScalloyCli.INFEASIBLE;
            }
            if (accept) {
                Map<String, Double> additions = new LinkedHashMap<>();
                for (ChargeLine l : result.charge()) {
                    additions.put(l.materialId(), l.massKg());
                }
                List<String> outside = last.failures().stream().map(SampleCheck::element).toList();
                database.heats().addCorrection(number, last.analysis().sampleNumber(), melt, additions,
                        outside.isEmpty() ? "trim" : "outside the specification: " + String.join(", ", outside));
                if (!json) {
                    out().println("recorded on heat " + number + "; it is CORRECTED");
                }
            }
            return ScalloyCli.OK;
        }
    }

    @Command(name = "recovery", mixinStandardHelpOptions = true,
            description = "A material's actual Sc recovery over released heats, per route; --set-default-pct updates the material's default.")
    static final class Recovery extends HeatCommand {

        @Parameters(index = "0", paramLabel = "MATERIAL", description = "The material id.")
        String materialId;

        @Option(names = "--set-default-pct", paramLabel = "PCT", description = "Set the material's default Sc recovery to PCT %%.")
        Double setDefaultPct;

        @Option(names = "--reason", paramLabel = "R", description = "Why (kept in the audit trail).")
        String reason = "";

        @Override
        int work(Database database) {
            List<RecoveryPoint> history = database.heats().recoveryHistory(materialId);
            PrintWriter out = out();
            Map<String, double[]> byRoute = new LinkedHashMap<>();
            for (RecoveryPoint p : history) {
                double[] sumCount = byRoute.computeIfAbsent(p.route(), k -> new double[2]);
                sumCount[0] += p.recoveryPct();
                sumCount[1]++;
                if (!json) {
                    out.printf(Locale.ROOT, "%-16s %-44s %s %7.2f %%  %s%n", p.heatNumber(), p.route(), p.element(), p.recoveryPct(), p.at());
                }
            }
            if (!json) {
                byRoute.forEach((route, sc) -> {
                    out.printf(Locale.ROOT, "mean over %d heats by \"%s\": %.2f %%%n", (int) sc[1], route, sc[0] / sc[1]);
                    // The spread the Batch screen judges a charge by this route with (issue 14), once 3 heats give one.
                    RecoveryPoint.spreads(history, route, null).forEach((el, s) -> out.printf(Locale.ROOT,
                            "  spread of the %s recovery over %d heats: sd %.2f points (used as the default uncertainty)%n",
                            el, s.heats(), s.sdPct()));
                });
            } else {
                out.print(HeatJson.recoveries(history));
            }
            if (setDefaultPct != null) {
                database.materials().setRecovery(materialId, HeatRepository.RECOVERY_ELEMENT, setDefaultPct, reason);
                if (!json) {
                    out.printf(Locale.ROOT, "default %s recovery of %s set to %.2f %%%n", HeatRepository.RECOVERY_ELEMENT, materialId, setDefaultPct);
                }
            }
            return ScalloyCli.OK;
        }
    }

    static void printLines(PrintWriter out, List<HeatLine> lines) {
        out.printf(Locale.ROOT, "  %4s %-16s %12s %12s  %s%n", "line", "material", "planned kg", "weighed kg", "lot");
        for (HeatLine l : lines) {
            out.printf(Locale.ROOT, "  %4d %-16s %12.3f %12s  %s%n", l.lineNo(), l.materialId(), l.plannedKg(),
                    l.weighedKg() == null ? "-" : String.format(Locale.ROOT, "%.3f", l.weighedKg()), l.lotNumber() == null ? "" : l.lotNumber());
        }
    }

    static void printSample(PrintWriter out, HeatSample s) {
        out.printf(Locale.ROOT, "  %s  %s%s  %s%s  %s%n", s.analysis().sampleNumber(), s.verdict(),
                s.legacyVerdict() ? " (given under earlier rules)" : "", s.analysis().method(),
                s.instrument().isEmpty() ? "" : " " + s.instrument(), s.analysis().takenAt());
        for (SampleCheck c : s.checks()) {
            out.printf(Locale.ROOT, "      %-22s %9s %9s %12s  %-12s%s%n", c.element(), c.minPct() == null ? "" : c.minPct().toString(),
                    c.maxPct() == null ? "" : c.maxPct().toString(), reading(c), c.status(), why(c));
        }
    }

    /** The value as reported: measured, "< x" below a detection limit, "n.d." or "not reported" (never 0). */
    static String reading(SampleCheck c) {
        return switch (c.reading()) {
            case MEASURED -> wtPct(c.valuePct());
            case BELOW_LIMIT -> "< " + wtPct(c.valuePct());
            case NOT_DETECTED -> "n.d.";
            case ABSENT -> "not reported";
        };
    }

    /**
     * A content in wt%, four decimals; a trace above 0 that would print 0.0000 with its first two significant digits
     * (to 0.000001), as the workbench prints it ({@link Quantities#wtPctDecimals}): "0.00004", never 0.0000 for
     * something that is there.
     */
    static String wtPct(double v) {
        return ROOT_NUMBERS.number(v, 4, Quantities.wtPctDecimals(v));
    }

    private static String why(SampleCheck c) {
        if (c.status() != ElementStatus.NOT_REPORTED || c.reading() == SampleCheck.Reading.ABSENT) {
            return "";
        }
        return c.reading() == SampleCheck.Reading.NOT_DETECTED ? "  (not detected, no detection limit stated: cannot be judged)"
                : "  (below a detection limit that cannot settle the limit: cannot be judged)";
    }

    private static String kgText(Map<String, Double> kg) {
        List<String> parts = new ArrayList<>();
        kg.forEach((m, v) -> parts.add(String.format(Locale.ROOT, "%s %.3f kg", m, v)));
        return String.join(", ", parts);
    }

    private static StoreException noHeat(String number) {
        return new StoreException(Message.of("store.heat.none", "no heat numbered \"" + number + "\"", number));
    }
}
