package ca.scalloy.engine.props;

/**
 * The range a property estimate is expected in: [low, high], in the estimate's unit. Calibrated on the
 * validation table (decision 0015); wider outside a model's validity.
 *
 * @param low  low end
 * @param high high end, at least {@code low}
 */
public record Band(double low, double high) {

    public Band {
        if (!(low <= high)) {
            throw new IllegalArgumentException("band low must be <= high, was [" + low + ", " + high + "]");
        }
    }

    /** The band {@code value - below} to {@code value + above}. */
    public static Band around(double value, double below, double above) {
        return new Band(value - below, value + above);
    }

    /** Whether {@code value} lies inside (ends included). */
    public boolean contains(double value) {
        return value >= low && value <= high;
    }

    /** The larger distance from {@code value} to an end: what a ± figure would show. */
    public double halfWidthAround(double value) {
        return Math.max(high - value, value - low);
    }
}
