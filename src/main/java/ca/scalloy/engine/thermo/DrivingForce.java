package ca.scalloy.engine.thermo;

import java.util.Map;

/**
 * The driving force for a precipitate to form from (Al) of a given composition.
 *
 * @param phase                     the precipitate
 * @param tempC                     temperature, degrees C
 * @param jPerMolAtoms              largest decrease of Gibbs energy per mole of atoms of precipitate
 *                                  formed (parallel-tangent construction), J/mol; positive when it can form
 * @param nucleusCompositionAtPct   the precipitate composition at that largest decrease, at%
 * @param matrixPotentialsJPerMol   the chemical potentials of the (Al), J/mol (SER reference)
 * @param database                  where the data came from
 */
public record DrivingForce(String phase, double tempC, double jPerMolAtoms, Map<String, Double> nucleusCompositionAtPct,
        Map<String, Double> matrixPotentialsJPerMol, DatabaseUse database) {

    public DrivingForce {
        nucleusCompositionAtPct = Map.copyOf(nucleusCompositionAtPct);
        matrixPotentialsJPerMol = Map.copyOf(matrixPotentialsJPerMol);
    }
}
