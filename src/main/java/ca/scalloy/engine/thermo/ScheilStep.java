package ca.scalloy.engine.thermo;

import java.util.List;

/**
 * One point of a Scheil-Gulliver solidification path.
 *
 * @param tempC         temperature, degrees C
 * @param fractionSolid solid formed so far, mole fraction (atoms), 0..1
 * @param phases        the solid phases forming at this temperature (with the liquid when it remains)
 */
public record ScheilStep(double tempC, double fractionSolid, List<String> phases) {

    public ScheilStep {
        phases = List.copyOf(phases);
    }
}
