package ca.scalloy.engine.props;

/**
 * What Al3Sc particles add to the yield strength: order, coherency and modulus-mismatch shearing and Orowan
 * looping. Formulas after Seidman, Marquis &amp; Dunand (2002) and Fuller et al. (2005), parameters from
 * {@link ModelParameters}; the kinetic model ({@code engine.kinetics}) applies them to each size class.
 */
public final class Precipitation {

    private final ModelParameters p;

    public Precipitation(ModelParameters p) {
        this.p = p;
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

    /** Shearing increment, MPa: the stronger of order and coherency + modulus mismatch (Seidman, Marquis &amp; Dunand 2002). */
    public double shearingMPa(double f, double r) {
        return Math.max(orderMPa(f), coherencyMPa(f, r) + modulusMPa(f, r));
    }

    /**
     * The active precipitation increment, MPa: the weaker of shearing ({@link #shearingMPa}) and Orowan looping.
     * 0 when there is nothing precipitated.
     *
     * @return {increment, shearing, orowan}
     */
    public double[] incrementMPa(double f, double r) {
        if (f <= 0 || r <= 0) {
            return new double[] {0, 0, 0};
        }
        double shearing = shearingMPa(f, r);
        double orowan = orowanMPa(f, r);
        return new double[] {Math.min(shearing, orowan), shearing, orowan};
    }
}
