package ca.scalloy.engine.library;

import java.time.Instant;
import java.util.Objects;

/**
 * A material's price and CO2 from a date on; the history of a material is a list of these.
 *
 * @param pricePerKg  price per kg, &gt;= 0
 * @param co2KgPerKg  kg CO2e per kg, &gt;= 0
 * @param effectiveAt when the figures were set
 * @param note        why they changed (free text), never null
 */
public record PricePoint(double pricePerKg, double co2KgPerKg, Instant effectiveAt, String note) {

    public PricePoint {
        if (!Double.isFinite(pricePerKg) || pricePerKg < 0) {
            throw new IllegalArgumentException("pricePerKg must be a number >= 0, was " + pricePerKg);
        }
        if (!Double.isFinite(co2KgPerKg) || co2KgPerKg < 0) {
            throw new IllegalArgumentException("co2KgPerKg must be a number >= 0, was " + co2KgPerKg);
        }
        Objects.requireNonNull(effectiveAt, "effectiveAt");
        note = note == null ? "" : note;
    }
}
