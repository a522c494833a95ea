package ca.scalloy.engine.library;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Whether a price is stale: a recipe's price for a material that differs from the library's current
 * price of the same material id, or a library price set longer ago than the plant allows. The Batch
 * screen and the Library screen both ask this one rule.
 *
 * @param kind              why the price is stale
 * @param libraryPricePerKg the library's current price of the material, per kg
 * @param librarySetAt      when the library's price was set (null when it has no date)
 * @param ageDays           the library price's age in whole days at the moment asked (0 without a date)
 */
public record PriceFreshness(Kind kind, double libraryPricePerKg, Instant librarySetAt, long ageDays) {

    /** The price age, in days, past which a library price is stale when the plant has not chosen one. */
    public static final int DEFAULT_MAX_AGE_DAYS = 90;
    /** The longest age a plant may set: ten years. */
    public static final int MAX_MAX_AGE_DAYS = 3650;
    /** Two prices this close (per kg) are the same price: below a hundredth of a cent, what a form can show. */
    private static final double SAME_PRICE_PER_KG = 1e-6;

    /** Why a price is stale. */
    public enum Kind {
        /** The recipe's price is not the library's current price. */
        DIFFERS,
        /** The library's price is older than the plant's limit. */
        OLD
    }

    public PriceFreshness {
        Objects.requireNonNull(kind, "kind");
    }

    /**
     * The recipe's {@code recipePricePerKg} against the library's {@code library} material of the same id at
     * {@code now}: a different price first (updating it from the library is the remedy), else an old library
     * price; empty when fresh.
     *
     * @throws IllegalArgumentException when {@code maxAgeDays} is not from 1 to {@value #MAX_MAX_AGE_DAYS}
     */
    public static Optional<PriceFreshness> ofRecipePrice(double recipePricePerKg, LibraryMaterial library, Instant now,
                                                         int maxAgeDays) {
        checkMaxAge(maxAgeDays);
        double libraryPrice = library.material().pricePerKg();
        if (Math.abs(recipePricePerKg - libraryPrice) > SAME_PRICE_PER_KG) {
            return Optional.of(new PriceFreshness(Kind.DIFFERS, libraryPrice, library.priceSetAt(), ageDays(library, now)));
        }
        return ofLibraryPrice(library, now, maxAgeDays);
    }

    /**
     * The library's price of {@code library} at {@code now}: stale when set more than {@code maxAgeDays} whole days
     * ago; a price without a date (not yet stored) is never old.
     *
     * @throws IllegalArgumentException when {@code maxAgeDays} is not from 1 to {@value #MAX_MAX_AGE_DAYS}
     */
    public static Optional<PriceFreshness> ofLibraryPrice(LibraryMaterial library, Instant now, int maxAgeDays) {
        checkMaxAge(maxAgeDays);
        long age = ageDays(library, now);
        if (library.priceSetAt() == null || age <= maxAgeDays) {
            return Optional.empty();
        }
        return Optional.of(new PriceFreshness(Kind.OLD, library.material().pricePerKg(), library.priceSetAt(), age));
    }

    /**
     * Reads a plant's maximum price age as the settings keep it ("90").
     *
     * @throws IllegalArgumentException naming the value when it is not a whole number of days from 1 to
     *                                  {@value #MAX_MAX_AGE_DAYS}
     */
    public static int parseMaxAgeDays(String text) {
        String s = text == null ? "" : text.strip();
        int days;
        try {
            days = Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("price max age (days): \"" + s + "\" is not a whole number of days from 1 to "
                    + MAX_MAX_AGE_DAYS, e);
        }
        checkMaxAge(days);
        return days;
    }

    private static void checkMaxAge(int maxAgeDays) {
        if (maxAgeDays < 1 || maxAgeDays > MAX_MAX_AGE_DAYS) {
            throw new IllegalArgumentException("price max age (days) must be from 1 to " + MAX_MAX_AGE_DAYS + ", was " + maxAgeDays);
        }
    }

    private static long ageDays(LibraryMaterial library, Instant now) {
        return library.priceSetAt() == null ? 0 : Math.max(0, Duration.between(library.priceSetAt(), now).toDays());
    }
}
