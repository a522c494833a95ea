package ca.scalloy.engine.props;

/**
 * One term of the yield-strength estimate.
 *
 * @param name     what it is ("base", "solid solution Mg", "Al3Sc precipitation (shearing)", "grain size")
 * @param valueMPa best estimate, MPa
 * @param lowMPa   low end of its band, MPa
 * @param highMPa  high end of its band, MPa
 */
public record StrengthContribution(String name, double valueMPa, double lowMPa, double highMPa) {
}
