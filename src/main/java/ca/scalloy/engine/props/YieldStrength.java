package ca.scalloy.engine.props;

import java.util.List;

/**
 * Yield strength estimate: the linear sum of its contributions (base, solid solution, Al3Sc
 * precipitation, grain size), with a band that sums the contributions' bands.
 */
public record YieldStrength(double valueMPa, double lowMPa, double highMPa, List<StrengthContribution> contributions) {

    public YieldStrength {
        contributions = List.copyOf(contributions);
    }

    /** Sums contributions (value, low and high ends alike). */
    public static YieldStrength of(List<StrengthContribution> contributions) {
        double v = 0;
        double lo = 0;
        double hi = 0;
        for (StrengthContribution c : contributions) {
            v += c.valueMPa();
            lo += c.lowMPa();
            hi += c.highMPa();
        }
        return new YieldStrength(v, lo, hi, contributions);
    }
}
