package ca.scalloy.engine.kinetics;

import ca.scalloy.engine.phase.SolvusModel;
import ca.scalloy.engine.props.ModelParameters;

/**
 * {@link SoluteEquilibrium} from the engine's regular-solution solvus ({@link SolvusModel}: (Al) against
 * Al₃Sc and D0₂₃ Al₃Zr, kawin AlScZr.tdb), with the Zr end moved to L1₂ Al₃Zr by the Gibbs-energy
 * difference of mc_al 2.037, and Sc and Zr mixing ideally on the solute sublattice of Al₃(Sc,Zr).
 *
 * <p>Driving force, dilute solution (Aaronson; the KWN literature), per mole of atoms of precipitate
 * with solute site fraction xₚ = 0.25:
 * <pre>
 *   Δg/RT = xₚ[(1−y) ln(x_Sc / ((1−y) x_Sc,eq)) + y ln(x_Zr / (y x_Zr,eq))] + (1−xₚ) ln((1−x_Sc−x_Zr) / (1−x'_Sc−x'_Zr))
 * </pre>
 * with x' the matrix in equilibrium with that precipitate ((1−y)x_Sc,eq and y x_Zr,eq; a solute the
 * precipitate does not hold, y = 0 or 1, keeps its content and its term drops out). Below the solvus model's stated range (200 °C) the regular
 * solution is extrapolated.
 */
public final class SolvusEquilibrium implements SoluteEquilibrium {

    private static final double KELVIN = 273.15;

    private final SolvusModel sc = SolvusModel.of("Sc");
    private final SolvusModel zr = SolvusModel.of("Zr");
    private final double l12A;
    private final double l12B;
    private final double xp;

    /** With the shipped parameters ({@code precipitation-kinetics.csv}). */
    public SolvusEquilibrium() {
        this(KineticParameters.standard());
    }

    SolvusEquilibrium(ModelParameters k) {
        l12A = k.get("zr.l12MinusD023A");
        l12B = k.get("zr.l12MinusD023B");
        xp = k.get("al3sc.soluteSiteFraction");
    }

    @Override
    public double scSolubility(double tempK) {
        return sc.solubilityMoleFraction(tempK - KELVIN);
    }

    @Override
    public double zrSolubility(double tempK) {
        // Dilute solution: the solubility scales with exp(ΔG/RT) of the compound per formula unit.
        double shift = (l12A + l12B * tempK) / (SolvusModel.R_J_PER_MOL_K * tempK);
        return Math.min(0.2, zr.solubilityMoleFraction(tempK - KELVIN) * Math.exp(shift));
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
        return SolvusModel.R_J_PER_MOL_K * tempK * sum;
    }

    @Override
    public String source() {
        return "regular-solution solvus of (Al)/Al3Sc and (Al)/Al3Zr (kawin AlScZr.tdb), Zr end moved to L12 by mc_al 2.037;"
                + " ideal Sc-Zr mixing on the solute sublattice; dilute driving force";
    }
}
