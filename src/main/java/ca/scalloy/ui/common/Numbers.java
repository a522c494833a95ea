package ca.scalloy.ui.common;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

import ca.scalloy.engine.Quantities;

/**
 * Numbers as the user types and reads them. Input accepts a point or a comma as the decimal
 * separator (French keyboards give a comma) and no thousands separator; output follows the locale.
 */
public final class Numbers {

    private Numbers() {
    }

    /**
     * Reads a number typed by the user.
     *
     * @return the value, or null when the text is blank
     * @throws InputException when the text is not a finite number
     */
    public static Double parseOptional(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String s = text.strip().replace('\u00a0', ' ').replace('\u202f', ' ').replace(" ", "").replace(',', '.');
        if (!s.matches("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?")) {
            throw notANumber(text);
        }
        double v = Double.parseDouble(s);
        if (!Double.isFinite(v)) {
            throw notANumber(text);
        }
        return v;
    }

    private static InputException notANumber(String text) {
        String quoted = text.strip();
        return new InputException("input.notANumber", "“" + quoted + "” is not a number", quoted);
    }

    /** A number for an input field: at most six decimals, no trailing zeros, no grouping. */
    public static String forInput(Double value, Locale locale) {
        if (value == null) {
            return "";
        }
        String plain = BigDecimal.valueOf(value).setScale(6, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
        return "fr".equals(locale.getLanguage()) ? plain.replace('.', ',') : plain;
    }

    /**
     * A number for display with exactly {@code decimals} decimals, by the policy of {@link Quantities#number}
     * (grouped, never "-0.00"); prefer the policy's method for the quantity.
     */
    public static String fixed(double value, int decimals, Locale locale) {
        return Quantities.of(locale).number(value, decimals, decimals);
    }

    /** A number for display with between {@code minDecimals} and {@code maxDecimals} decimals, by the policy. */
    public static String flexible(double value, int minDecimals, int maxDecimals, Locale locale) {
        return Quantities.of(locale).number(value, minDecimals, maxDecimals);
    }
}
