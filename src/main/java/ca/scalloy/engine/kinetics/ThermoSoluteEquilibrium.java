package ca.scalloy.engine.kinetics;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import ca.scalloy.engine.Elements;
import ca.scalloy.engine.props.ModelParameters;
import ca.scalloy.engine.thermo.ThermoCalculator;

/**
 * {@link SoluteEquilibrium} from the engine's CALPHAD core ({@link ThermoCalculator}, decision 0013): the Sc
 * solubility in (Al) against {@code AL3SC} (mc_al 2.037, whose (Al) and Al₃Sc the core uses), and the Zr solubility
 * against L1₂ Al₃Zr, the metastable solvus the coherent Al₃(Sc,Zr) particles follow: the core's solubility against
 * the stable D0₂₃ {@code AL3ZR} (COST 507, consistent with the core's (Al)) times exp(ΔG/RT), with ΔG = G(L1₂) −
 * G(D0₂₃) per formula unit of mc_al 2.037 ({@code zr.l12MinusD023A/B}). (The Zr end of the core's {@code AL3SC} is
 * mc_al's, but the core's Al-Zr (Al) is COST 507's; against it that end would give a solubility 4.3 times the
 * D0₂₃ one at 400 °C, where mc_al's own difference gives 1.5: decision 0015.) Both are those of the binaries.
 *
 * <p>The driving force is the dilute-solution one of the KWN literature (Aaronson; as kawin and MatCalc
 * use for dilute precipitates), per mole of atoms of precipitate with solute site fraction xₚ = 0.25, Sc and Zr
 * mixing ideally on the solute sublattice:
 * <pre>
 *   Δg/RT = xₚ[(1−y) ln(x_Sc / ((1−y) x_Sc,eq)) + y ln(x_Zr / (y x_Zr,eq))] + (1−xₚ) ln((1−x_Sc−x_Zr) / (1−x'_Sc−x'_Zr))
 * </pre>
 * with x' the matrix in equilibrium with that precipitate ((1−y)x_Sc,eq and y x_Zr,eq; a solute the
 * precipitate does not hold, y = 0 or 1, keeps its content and its term drops out). The KWN run asks for it at
 * every time step, so the solubilities (two equilibrium solves per temperature) are kept per temperature;
 * {@code ThermoSoluteEquilibriumTest} checks the formula against the core's own parallel-tangent driving force.
 */
public final class ThermoSoluteEquilibrium implements SoluteEquilibrium {

    private static final double KELVIN = 273.15;
    private static final double R = 8.314462618;
    /** Temperatures kept at most; past this the memo starts again (a slider could ask for any number). */
    private static final int MAX_KEPT = 512;
    private static final ThermoSoluteEquilibrium STANDARD = new ThermoSoluteEquilibrium(ThermoCalculator.alRichCorner(),
            KineticParameters.standard());

    private final ThermoCalculator thermo;
    private final double xp;
    private final double l12A;
    private final double l12B;
    private final Map<Long, double[]> byMilliKelvin = new ConcurrentHashMap<>();

    ThermoSoluteEquilibrium(ThermoCalculator thermo, ModelParameters kinetics) {
        this.thermo = thermo;
        this.xp = kinetics.get("al3sc.soluteSiteFraction");
        this.l12A = kinetics.get("zr.l12MinusD023A");
        this.l12B = kinetics.get("zr.l12MinusD023B");
    }

    /** On the databases shipped with Scalloy; one instance, so that every simulation shares what it has solved. */
    public static ThermoSoluteEquilibrium standard() {
        return STANDARD;
    }

    @Override
    public double scSolubility(double tempK) {
        return solubilities(tempK)[0];
    }

    @Override
    public double zrSolubility(double tempK) {
        return solubilities(tempK)[1];
    }

    private double[] solubilities(double tempK) {
        if (!(tempK > 0)) {
            throw new IllegalArgumentException("tempK must be above 0, was " + tempK);
        }
        long key = Math.round(tempK * 1000);
        double[] known = byMilliKelvin.get(key);
        if (known != null) {
            return known;
        }
        if (byMilliKelvin.size() >= MAX_KEPT) {
            byMilliKelvin.clear();
        }
        double tempC = tempK - KELVIN;
        double l12Shift = Math.exp((l12A + l12B * tempK) / (R * tempK));
        double[] computed = {
            moleFraction("Sc", thermo.solubilityWtPct("Sc", "AL3SC", tempC)),
            Math.min(0.2, moleFraction("Zr", thermo.solubilityWtPct("Zr", "AL3ZR", tempC)) * l12Shift)};
        byMilliKelvin.put(key, computed);
        return computed;
    }

    private static double moleFraction(String solute, double wtPct) {
        double nX = wtPct / Elements.standard().atomicMass(solute);
        return nX / (nX + (100 - wtPct) / Elements.standard().atomicMass("Al"));
    }

    @Override
    public double drivingForceJPerMol(double xSc, double xZr, double zrSiteFraction, double tempK) {
        double y = zrSiteFraction;
        double eqSc = scSolubility(tempK);
        double eqZr = zrSolubility(tempK);
        double sum = 0;
        if (y < 1) {
            if (xSc <= 0) {
                return Double.NEGATIVE_INFINITY;
            }
            sum += xp * (1 - y) * Math.log(xSc / ((1 - y) * eqSc));
        }
        if (y > 0) {
            if (xZr <= 0) {
                return Double.NEGATIVE_INFINITY;
            }
            sum += xp * y * Math.log(xZr / (y * eqZr));
        }
        // the matrix in equilibrium with this precipitate: a solute it does not hold stays as it is
        double eqMatrixSc = y < 1 ? (1 - y) * eqSc : xSc;
        double eqMatrixZr = y > 0 ? y * eqZr : xZr;
        sum += (1 - xp) * Math.log((1 - xSc - xZr) / (1 - eqMatrixSc - eqMatrixZr));
        return R * tempK * sum;
    }

    @Override
    public String source() {
        return "CALPHAD core: Sc in (Al) against Al3Sc (mc_al 2.037), Zr against D023 Al3Zr (COST 507) moved to L12 by mc_al 2.037's"
                + " Gibbs-energy difference; binary solubilities, ideal Sc-Zr mixing on the solute sublattice; dilute driving force";
    }
}
