package ca.scalloy.io;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

import ca.scalloy.engine.heat.BelowDetection;
import ca.scalloy.engine.heat.Heat;
import ca.scalloy.engine.heat.HeatRecord;
import ca.scalloy.engine.heat.HeatSample;

/** Heats and their samples as CSV for spreadsheets (one row per heat, or one per sample). */
public final class HeatsCsv {

    private HeatsCsv() {
    }

    /** One row per heat: number, status, recipe and version, specification and version, furnace, operator, masses, last verdict. */
    public static CsvWriter heats(List<HeatRecord> records, CsvWriter csv) {
        csv.row(List.of("heatNumber", "status", "recipe", "recipeVersion", "specification", "specVersion", "furnace", "operator",
                "plannedKg", "createdAt", "samples", "lastVerdict", "scRecoveryPct"));
        for (HeatRecord r : records) {
            Heat h = r.heat();
            String last = r.samples().isEmpty() ? "" : r.samples().get(r.samples().size() - 1).verdict().name();
            csv.row(Arrays.asList(h.number(), h.status().name(), h.recipeName(), h.recipeVersion(), h.specName(), h.specVersion(),
                    h.furnace(), h.operator(), h.plannedKg(), h.createdAt().toString(), r.samples().size(), last, h.recoveryPct()));
        }
        return csv;
    }

    /**
     * One row per sample: heat, sample, time, method, instrument, verdict, then a column per element (wt%): the measured
     * value as a number, "&lt;x" below the detection limit x, "n.d." when not detected, empty when not reported.
     */
    public static CsvWriter samples(List<HeatRecord> records, CsvWriter csv) {
        TreeSet<String> elements = new TreeSet<>();
        records.forEach(r -> r.samples().forEach(s -> {
            elements.addAll(s.analysis().wtPct().keySet());
            elements.addAll(s.analysis().belowDetection().keySet());
        }));
        List<Object> header = new ArrayList<>(List.of("heatNumber", "sampleNumber", "takenAt", "method", "instrument", "verdict"));
        elements.forEach(e -> header.add(e + "WtPct"));
        csv.row(header);
        for (HeatRecord r : records) {
            for (HeatSample s : r.samples()) {
                List<Object> row = new ArrayList<>(Arrays.asList(r.heat().number(), s.analysis().sampleNumber(), s.analysis().takenAt(),
                        s.analysis().method(), s.instrument(), s.verdict().name()));
                elements.forEach(e -> row.add(cell(s, e)));
                csv.row(row);
            }
        }
        return csv;
    }

    private static Object cell(HeatSample s, String element) {
        Double v = s.analysis().wtPct().get(element);
        if (v != null) {
            return v;
        }
        BelowDetection b = s.analysis().belowDetection().get(element);
        return b == null ? null : b.limitStated() ? "<" + b.limitWtPct() : "n.d.";
    }
}
