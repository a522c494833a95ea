package ca.scalloy.engine.thermo;

/**
 * The temperature above which a precipitate dissolves in the solid alloy (equilibrium).
 *
 * @param phase    the precipitate ({@code AL3SC}, {@code AL3ZR}, {@code MG2SI}, ...)
 * @param tempC    the solvus temperature, degrees C; null when there is none below the solidus
 * @param note     why there is no value (e.g. "stable up to the solidus: primary or eutectic"), or null
 */
public record Solvus(String phase, Double tempC, String note) {
}
