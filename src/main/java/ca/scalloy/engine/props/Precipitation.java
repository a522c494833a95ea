package ca.scalloy.engine.props;

import ca.scalloy.engine.phase.SolvusModel;

/**
 * Al3Sc precipitation: how the alloy's Sc splits between (Al) and Al3Sc, how large the particles
 * grow, and what they add to the yield strength. Formulas after Seidman, Marquis &amp; Dunand (2002)
 * and Fuller et al. (2005), parameters from {@link ModelParameters}. The strength formulas are public so
 * that the kinetic model ({@code engine.kinetics}) applies the same physics to each size class.
 */
public final class Precipitation {

    private final ModelParameters p;

    public Precipitation(ModelParameters p) {
        this.p = p;
    }

    /**
     * The Sc split.
     *
     * @param scInSolutionMoleFraction Sc in (Al), mole fraction of the alloy's atoms in (Al)
     * @param al3ScAtomFraction        mole fraction of the alloy's atoms in Al3Sc
     * @param al3ScVolumeFraction      volume fraction of Al3Sc (0..1)
     * @param scInSolutionShare        share of the alloy's Sc that stays in (Al)
     */
    record Split(double scInSolutionMoleFraction, double al3ScAtomFraction, double al3ScVolumeFraction,
                 double scInSolutionShare) {
    }

    /**
     * Lever rule between (Al) holding {@code solubility} (mole fraction) and Al3Sc (25 at% Sc),
     * for an alloy with Sc mole fraction {@code scTotal}.
     */
    Split split(double scTotal, double solubility) {
        if (scTotal <= solubility || scTotal <= 0) {
            return new Split(scTotal, 0, 0, 1);
        }
        double xP = p.get("al3sc.scAtomFraction");
        double f = (scTotal - solubility) / (xP - solubility);
        double ratio = p.get("al3sc.molarVolumeRatio");
        double vol = f * ratio / (f * ratio + (1 - f));
        return new Split(solubility, f, vol, solubility * (1 - f) / scTotal);
    }

    /** Diffusion coefficient of {@code solute} in Al at {@code tempC}, m²/s (Arrhenius). */
    double diffusivity(String solute, double tempC) {
        double t = tempC + 273.15;
        return p.get("diffusion." + solute + ".d0") * Math.exp(-p.get("diffusion." + solute + ".qJPerMol") / (SolvusModel.R_J_PER_MOL_K * t));
    }

    /**
     * Mean Al3Sc radius after ageing, m: LSW coarsening r³ − r0³ = K·t with
     * K = 8·γ·D·c_e·V_m / (9·R·T·(c_p − c_e)²).
     */
    double radiusM(double tempC, double hours, double solubility) {
        double t = tempC + 273.15;
        double vm = p.get("al3sc.molarVolumeRatio") * p.get("al.molarVolumeM3PerMol");
        double dc = p.get("al3sc.scAtomFraction") - solubility;
        double k = 8 * p.get("coarsening.interfaceEnergyJPerM2") * diffusivity("Sc", tempC) * solubility * vm
                / (9 * SolvusModel.R_J_PER_MOL_K * t * dc * dc);
        double r0 = p.get("coarsening.initialRadiusM");
        return Math.cbrt(r0 * r0 * r0 + k * hours * 3600);
    }

    /** Orowan looping increment, MPa, for volume fraction {@code f} and mean radius {@code r} (m). */
    public double orowanMPa(double f, double r) {
        double m = p.get("strength.taylorFactor");
        double g = p.get("strength.shearModulusPa");
        double b = p.get("strength.burgersM");
        double nu = p.get("strength.poisson");
        double rBar = Math.PI * r / 4;
        double lambda = 2 * rBar * (Math.sqrt(Math.PI / (4 * f)) - 1);
        return m * 0.4 * g * b * Math.log(2 * rBar / b) / (Math.PI * Math.sqrt(1 - nu) * lambda) / 1e6;
    }

    /** Order strengthening, MPa. */
    public double orderMPa(double f) {
        double m = p.get("strength.taylorFactor");
        double b = p.get("strength.burgersM");
        return m * 0.81 * p.get("strength.apbEnergyJPerM2") / (2 * b) * Math.sqrt(3 * Math.PI * f / 8) / 1e6;
    }

    /** Coherency strengthening, MPa. */
    public double coherencyMPa(double f, double r) {
        double m = p.get("strength.taylorFactor");
        double g = p.get("strength.shearModulusPa");
        double b = p.get("strength.burgersM");
        double eps = 2.0 / 3.0 * p.get("strength.misfit");
        return m * 2.6 * Math.pow(g * eps, 1.5) * Math.sqrt(r * f / (0.5 * g * b)) / 1e6;
    }

    /** Modulus-mismatch strengthening, MPa. */
    public double modulusMPa(double f, double r) {
        double m = p.get("strength.taylorFactor");
        double g = p.get("strength.shearModulusPa");
        double b = p.get("strength.burgersM");
        double dg = p.get("strength.modulusMismatchPa");
        double exp = 1.5 * p.get("strength.modulusExponent") - 1;
        return m * 0.0055 * Math.pow(dg, 1.5) * Math.sqrt(2 * f / g) * Math.pow(r / b, exp) / 1e6;
    }

    /**
     * The active precipitation increment, MPa: shearing = max(order, coherency + modulus), and the
     * weaker of shearing and Orowan looping acts. 0 when there is nothing precipitated.
     *
     * @return {increment, shearing, orowan}
     */
    public double[] incrementMPa(double f, double r) {
        if (f <= 0 || r <= 0) {
            return new double[] {0, 0, 0};
        }
        double shearing = Math.max(orderMPa(f), coherencyMPa(f, r) + modulusMPa(f, r));
        double orowan = orowanMPa(f, r);
        return new double[] {Math.min(shearing, orowan), shearing, orowan};
    }
}
