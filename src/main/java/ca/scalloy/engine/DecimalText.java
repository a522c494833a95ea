package ca.scalloy.engine;

import java.util.regex.Pattern;

/**
 * Reads a number typed or written as text, strictly: plain decimal notation with an optional
 * exponent ("0.18", "-2", "1.5e3"). Java's own parser also takes hexadecimal floating point
 * ("0x1p3" is 8), "Infinity", "NaN" and a trailing "d" or "f", and turns "1e999" into infinity;
 * none of these is a value a user meant, so each is refused naming the field and the value.
 */
public final class DecimalText {

    private static final Pattern DECIMAL = Pattern.compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");

    private DecimalText() {
    }

    /**
     * @param field how the caller names the field in the message (e.g. "--mass", "Sc")
     * @param text  the text
     * @return the finite value
     * @throws IllegalArgumentException naming {@code field} and {@code text} when it is not a plain
     *                                  decimal number or overflows to infinity
     */
    public static double parse(String field, String text) {
        String problem = problem(text);
        if (problem != null) {
            throw new IllegalArgumentException(field + ": " + problem);
        }
        return Double.parseDouble(text.strip());
    }

    /**
     * What is wrong with {@code text} as a number ({@code "0x1p3" is not a decimal number}), or null
     * when {@link #parse} takes it.
     */
    public static String problem(String text) {
        String s = text == null ? "" : text.strip();
        if (!DECIMAL.matcher(s).matches()) {
            return "\"" + s + "\" is not a decimal number";
        }
        if (!Double.isFinite(Double.parseDouble(s))) {
            return "\"" + s + "\" is too large (it overflows to infinity)";
        }
        return null;
    }
}
