package ca.scalloy.engine.phase;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import ca.scalloy.engine.DataTables;
import ca.scalloy.engine.Elements;

/**
 * Solubility of a solute X (Sc, Zr) in fcc (Al) in equilibrium with Al3X, from a regular-solution
 * description of the fcc phase and a stoichiometric Al3X:
 * <pre>
 *   μAl − °G_Al = RT ln(1−x) + L x²
 *   μX  − °G_X  = G_fcc(X) + RT ln x + L (1−x)²
 *   3 μAl + μX  = G(Al3X)
 * </pre>
 * solved for the mole fraction x by Newton's method (not tabulated). Parameters and their source
 * are read from {@code solvus-models.csv}.
 */
public final class SolvusModel {

    /** Gas constant, J/(mol·K). */
    public static final double R_J_PER_MOL_K = 8.314462618;
    private static final double KELVIN = 273.15;

    private static final Map<String, SolvusModel> MODELS = load();

    private final String solute;
    private final double l0A;
    private final double l0B;
    private final double gFccA;
    private final double gFccB;
    private final double gCompA;
    private final double gCompB;
    private final double gCompC;
    private final double validMinC;
    private final double validMaxC;
    private final String phase;
    private final String source;

    private SolvusModel(String[] f) {
        solute = f[0];
        l0A = Double.parseDouble(f[1]);
        l0B = Double.parseDouble(f[2]);
        gFccA = Double.parseDouble(f[3]);
        gFccB = Double.parseDouble(f[4]);
        gCompA = Double.parseDouble(f[5]);
        gCompB = Double.parseDouble(f[6]);
        gCompC = Double.parseDouble(f[7]);
        validMinC = Double.parseDouble(f[8]);
        validMaxC = Double.parseDouble(f[9]);
        phase = f[10];
        source = f[11];
    }

    /** The solutes with a solvus model (Sc, Zr). */
    public static Set<String> solutes() {
        return MODELS.keySet();
    }

    /**
     * The model for {@code solute}.
     *
     * @throws IllegalArgumentException naming the solute and those known
     */
    public static SolvusModel of(String solute) {
        SolvusModel m = MODELS.get(solute);
        if (m == null) {
            throw new IllegalArgumentException("element: no solvus model for '" + solute + "'; known: " + MODELS.keySet());
        }
        return m;
    }

    public String solute() {
        return solute;
    }

    /** The precipitate the solute forms, e.g. "Al3Sc (L12)". */
    public String phase() {
        return phase;
    }

    /** Where the parameters come from, with their confidence tag. */
    public String source() {
        return source;
    }

    public double validMinC() {
        return validMinC;
    }

    public double validMaxC() {
        return validMaxC;
    }

    /** Whether {@code tempC} lies in the model's validity range. */
    public boolean valid(double tempC) {
        return tempC >= validMinC && tempC <= validMaxC;
    }

    /**
     * Equilibrium mole fraction of the solute in (Al) against Al3X at {@code tempC}.
     *
     * @param tempC temperature in °C, above −273.15
     * @throws IllegalArgumentException for a temperature at or below absolute zero or not finite
     */
    public double solubilityMoleFraction(double tempC) {
        if (!Double.isFinite(tempC) || tempC <= -KELVIN) {
            throw new IllegalArgumentException("tempC must be a temperature above -273.15 °C, was " + tempC);
        }
        double t = tempC + KELVIN;
        double rt = R_J_PER_MOL_K * t;
        double l = l0A + l0B * t;
        double gFcc = gFccA + gFccB * t;
        double gComp = gCompA + gCompB * t + gCompC * t * Math.log(t);
        // Start from the dilute closed form, where ln(1-x) ≈ 0 and (1-x)² ≈ 1.
        double x = Math.min(0.2, Math.exp((gComp - gFcc - l) / rt));
        for (int i = 0; i < 100; i++) {
            double f = 3 * (rt * Math.log(1 - x) + l * x * x) + gFcc + rt * Math.log(x) + l * (1 - x) * (1 - x) - gComp;
            double df = 3 * (-rt / (1 - x) + 2 * l * x) + rt / x - 2 * l * (1 - x);
            double next = x - f / df;
            if (next <= 0) {
                next = x / 10;
            } else if (next >= 0.25) {
                next = (x + 0.25) / 2;
            }
            if (Math.abs(next - x) <= 1e-15 + 1e-12 * x) {
                return next;
            }
            x = next;
        }
        throw new IllegalStateException("solvus of " + solute + " did not converge at " + tempC + " °C");
    }

    /** Solubility in at% at {@code tempC}. */
    public double solubilityAtPct(double tempC) {
        return 100 * solubilityMoleFraction(tempC);
    }

    /** Solubility in wt% at {@code tempC} (binary Al-X). */
    public double solubilityWtPct(double tempC) {
        double x = solubilityMoleFraction(tempC);
        Elements el = Elements.standard();
        double mX = el.atomicMass(solute);
        double mAl = el.atomicMass("Al");
        return 100 * x * mX / (x * mX + (1 - x) * mAl);
    }

    private static Map<String, SolvusModel> load() {
        Map<String, SolvusModel> map = new LinkedHashMap<>();
        for (String[] f : DataTables.rows("solvus-models.csv")) {
            SolvusModel m = new SolvusModel(f);
            map.put(m.solute, m);
        }
        return Collections.unmodifiableMap(map);
    }
}
