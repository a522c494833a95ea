package ca.scalloy.engine.kinetics;

/**
 * What the precipitation-kinetics model asks of thermodynamics: the solubility of Sc and Zr in (Al)
 * against the L1₂ precipitate Al₃(Sc,Zr), and the chemical driving force for forming it. The shipped
 * implementation is {@link ThermoSoluteEquilibrium} (the engine's CALPHAD core); another description can be
 * put in its place without touching the kinetics.
 *
 * <p>Mole fractions are of the (Al) matrix; temperatures in kelvin; energies per mole of atoms of the
 * precipitate. Implementations must be immutable and thread-safe.
 */
public interface SoluteEquilibrium {

    /**
     * Mole fraction of Sc in (Al) in equilibrium with Al₃Sc at {@code tempK}.
     *
     * @param tempK temperature in K, above 0
     */
    double scSolubility(double tempK);

    /**
     * Mole fraction of Zr in (Al) in equilibrium with L1₂ Al₃Zr (the Zr end of Al₃(Sc,Zr), metastable
     * against D0₂₃) at {@code tempK}.
     *
     * @param tempK temperature in K, above 0
     */
    double zrSolubility(double tempK);

    /**
     * Chemical driving force for precipitating Al₃(Sc₁₋ᵧZrᵧ) from (Al) holding {@code xSc} and {@code xZr},
     * J per mole of atoms of the precipitate; positive when the precipitate is stable.
     *
     * @param xSc            Sc mole fraction of the matrix, ≥ 0
     * @param xZr            Zr mole fraction of the matrix, ≥ 0
     * @param zrSiteFraction y, the share of the solute sublattice held by Zr, 0..1
     * @param tempK          temperature in K, above 0
     */
    double drivingForceJPerMol(double xSc, double xZr, double zrSiteFraction, double tempK);

    /** Where the description comes from, for the result's notes. */
    String source();
}
