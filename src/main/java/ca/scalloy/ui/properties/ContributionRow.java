package ca.scalloy.ui.properties;

/**
 * One bar of the yield-strength chart: a contribution, or the total, with its band.
 *
 * @param name     localized
 * @param valueMPa best estimate
 * @param lowMPa   low end of the band
 * @param highMPa  high end of the band
 * @param total    whether this is the sum of the others
 */
public record ContributionRow(String name, double valueMPa, double lowMPa, double highMPa, boolean total) {
}
