package ca.scalloy.engine.props;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import ca.scalloy.engine.DataTables;

/**
 * What each solute does in aluminium, for the property models: its resistivity increments in and out of
 * solution and how the models find what stays in solution ({@code solutes-resistivity.csv}, Hatch 1984), and its
 * dilute liquidus slope and partition coefficient ({@code solute-melt-data.csv}, used for elements outside the
 * thermodynamic data). Read once; immutable.
 */
public final class SoluteTable {

    /** How the models find what of a solute stays in (Al) (see {@code solutes-resistivity.csv}). */
    public enum State {
        /** Sc, Zr: what solidification left, then the precipitation kinetics. */
        PRECIPITATE,
        /** Slow diffusers that form dispersoids on homogenisation (Mn, Fe, Cr). */
        DISPERSOID,
        /** Fast diffusers that follow the equilibrium at the annealing temperature (Mg, Si, Cu, Zn). */
        FAST,
        /** What solidification left (Ti). */
        RETAINED
    }

    /**
     * One solute.
     *
     * @param element                Scalloy symbol
     * @param inMicroOhmCmPerWtPct   resistivity increment in solid solution, µΩ·cm per wt%
     * @param outMicroOhmCmPerWtPct  resistivity increment out of solution (particles), µΩ·cm per wt%
     * @param state                  how what stays in solution is found
     * @param maxWithoutDataWtPct    for an element outside the thermodynamic data, the most counted in solution; null: all
     * @param liquidusSlopeKPerWtPct dilute liquidus slope m, K per wt%, or null
     * @param partitionK             dilute partition coefficient k, or null
     */
    public record Solute(String element, double inMicroOhmCmPerWtPct, double outMicroOhmCmPerWtPct, State state,
                         Double maxWithoutDataWtPct, Double liquidusSlopeKPerWtPct, Double partitionK) {
    }

    private static final SoluteTable STANDARD = load();

    private final Map<String, Solute> byElement;

    private SoluteTable(Map<String, Solute> byElement) {
        this.byElement = Collections.unmodifiableMap(byElement);
    }

    /** The table shipped with Scalloy. */
    public static SoluteTable standard() {
        return STANDARD;
    }

    /** The solute's data, or null when the table has none. */
    public Solute get(String element) {
        return byElement.get(element);
    }

    private static Map<String, double[]> loadSlopes() {
        Map<String, double[]> map = new LinkedHashMap<>();
        for (String[] f : DataTables.rows("solute-melt-data.csv")) {
            map.put(f[0].strip(), new double[] {Double.parseDouble(f[1].strip()), Double.parseDouble(f[2].strip())});
        }
        return map;
    }

    private static SoluteTable load() {
        Map<String, double[]> slopes = loadSlopes();
        Map<String, Solute> map = new LinkedHashMap<>();
        for (String[] f : DataTables.rows("solutes-resistivity.csv")) {
            if (f.length != 5) {
                throw new IllegalStateException("solutes-resistivity.csv: 5 fields expected for " + f[0]);
            }
            String el = f[0].strip();
            double[] m = slopes.get(el);
            map.put(el, new Solute(el, Double.parseDouble(f[1].strip()), Double.parseDouble(f[2].strip()), State.valueOf(f[3].strip()),
                    f[4].isBlank() ? null : Double.parseDouble(f[4].strip()), m == null ? null : m[0], m == null ? null : m[1]));
        }
        return new SoluteTable(map);
    }
}
