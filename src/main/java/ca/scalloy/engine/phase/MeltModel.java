package ca.scalloy.engine.phase;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ca.scalloy.engine.Composition;
import ca.scalloy.engine.DataTables;
import ca.scalloy.engine.Message;

/**
 * The tabulated liquidus of Al-Sc based alloys.
 *
 * <p>Liquidus: the binary Al-Sc liquidus (linear interpolation in {@code liquidus-al-sc.csv}, with
 * its uncertainty band), shifted by each other solute's liquidus slope times its content
 * ({@code solute-melt-data.csv}). The property models use the CALPHAD core ({@code engine.thermo}); this
 * table remains for the Al-Sc phase diagram drawn by {@link PhaseDiagram}.
 */
public final class MeltModel {

    /** The Al-Sc eutectic L → (Al) + Al3Sc, °C (ASM binary assessment, 1989). */
    public static final double EUTECTIC_C = 655.0;
    /** Sc content of the eutectic, wt% (ASM 1989). */
    public static final double EUTECTIC_SC_WT_PCT = 0.60;

    private static final double[][] LIQUIDUS = loadLiquidus();
    private static final Map<String, double[]> SOLUTES = loadSolutes();

    private MeltModel() {
    }

    /**
     * Liquidus estimate.
     *
     * @param valueC         liquidus in °C
     * @param uncertaintyC   half-width of the band in °C
     * @param hypereutectic  Sc above the eutectic composition: primary Al3Sc forms on cooling
     * @param withinValidity Sc within the table's range
     * @param warnings       what the user should know of the estimate
     */
    public record Liquidus(double valueC, double uncertaintyC, boolean hypereutectic, boolean withinValidity,
                           List<Message> warnings) {
        public Liquidus {
            warnings = List.copyOf(warnings);
        }
    }

    /** The liquidus of {@code c} (balance Al). */
    public static Liquidus liquidus(Composition c) {
        double sc = c.pct("Sc");
        double[] binary = binaryLiquidus(sc);
        double shift = 0;
        for (Map.Entry<String, Double> e : c.wtPct().entrySet()) {
            double[] data = SOLUTES.get(e.getKey());
            if (data != null) {
                shift += data[0] * e.getValue();
            }
        }
        double maxSc = LIQUIDUS[LIQUIDUS.length - 1][0];
        boolean valid = sc <= maxSc;
        List<Message> warnings = new ArrayList<>();
        if (!valid) {
            warnings.add(Message.of("warning.liquidusExtrapolated", "Sc " + sc + " wt% is above the liquidus table's range (" + maxSc
                    + " wt%): extrapolated", sc, maxSc));
        }
        if (sc > EUTECTIC_SC_WT_PCT) {
            warnings.add(Message.of("warning.binaryLiquidus", "binary Al-Sc liquidus estimate (no open assessment of liquid Al-Sc): ±"
                    + binary[1] + " °C", binary[1]));
        }
        return new Liquidus(binary[0] + shift, binary[1], sc > EUTECTIC_SC_WT_PCT, valid, warnings);
    }

    /** {liquidus °C, uncertainty °C} of binary Al-Sc at {@code scWtPct}, by linear interpolation (extrapolated past the end). */
    static double[] binaryLiquidus(double scWtPct) {
        if (!Double.isFinite(scWtPct) || scWtPct < 0) {
            throw new IllegalArgumentException("Sc wt% must be a number >= 0, was " + scWtPct);
        }
        int i = 1;
        while (i < LIQUIDUS.length - 1 && LIQUIDUS[i][0] < scWtPct) {
            i++;
        }
        double[] a = LIQUIDUS[i - 1];
        double[] b = LIQUIDUS[i];
        double f = (scWtPct - a[0]) / (b[0] - a[0]);
        return new double[] {a[1] + f * (b[1] - a[1]), Math.max(a[2], b[2])};
    }

    private static double[][] loadLiquidus() {
        List<String[]> rows = DataTables.rows("liquidus-al-sc.csv");
        double[][] t = new double[rows.size()][];
        for (int i = 0; i < t.length; i++) {
            String[] f = rows.get(i);
            t[i] = new double[] {Double.parseDouble(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2])};
            if (i > 0 && t[i][0] <= t[i - 1][0]) {
                throw new IllegalStateException("liquidus-al-sc.csv: Sc wt% must rise row by row, row " + (i + 1));
            }
        }
        return t;
    }

    private static Map<String, double[]> loadSolutes() {
        Map<String, double[]> map = new LinkedHashMap<>();
        for (String[] f : DataTables.rows("solute-melt-data.csv")) {
            map.put(f[0], new double[] {Double.parseDouble(f[1]), Double.parseDouble(f[2])});
        }
        return Collections.unmodifiableMap(map);
    }
}
