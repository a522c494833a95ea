package ca.scalloy.ui.common;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import ca.scalloy.engine.Elements;

/**
 * The one-line text form of element amounts that the user edits in a table cell:
 * {@code "Fe=0.10, Si=0.05"} (French: {@code "Fe=0,10 ; Si=0,05"}). Used for assays in wt% and
 * for recoveries in %.
 */
public final class ElementAmounts {

    /** Entries are separated by ";" or by a "," that is followed by an element symbol (so "0,10" stays a number). */
    private static final Pattern SEPARATOR = Pattern.compile(";|,(?=\\s*[A-Z])");

    private ElementAmounts() {
    }

    /**
     * Reads {@code "Fe=0.10, Si=0.05"} into an ordered map.
     *
     * @throws InputException naming the faulty entry: not "symbol=number", an unknown element,
     *                        a value that is not a number, or an element listed twice
     */
    public static Map<String, Double> parse(String text) {
        Map<String, Double> out = new LinkedHashMap<>();
        if (text == null || text.isBlank()) {
            return out;
        }
        for (String raw : SEPARATOR.split(text)) {
            String entry = raw.strip();
            if (entry.isEmpty()) {
                continue;
            }
            int eq = entry.indexOf('=');
            if (eq < 0) {
                eq = entry.indexOf(':');
            }
            if (eq <= 0) {
                throw new InputException("input.notAnAmount", "“" + entry + "” is not of the form Element=number", entry);
            }
            String symbol = entry.substring(0, eq).strip();
            if (!Elements.standard().contains(symbol)) {
                throw new InputException("input.unknownElement", "“" + symbol + "” is not a known element", symbol);
            }
            Double value = Numbers.parseOptional(entry.substring(eq + 1));
            if (value == null) {
                throw new InputException("input.noValue", symbol + ": no value after “=”", symbol);
            }
            if (out.put(symbol, value) != null) {
                throw new InputException("input.listedTwice", symbol + " is listed twice", symbol);
            }
        }
        return out;
    }

    /** Writes amounts in the form {@link #parse} reads, in the locale's decimal style. */
    public static String format(Map<String, Double> amounts, Locale locale) {
        String separator = "fr".equals(locale.getLanguage()) ? " ; " : ", ";
        StringBuilder b = new StringBuilder();
        for (Map.Entry<String, Double> e : amounts.entrySet()) {
            if (b.length() > 0) {
                b.append(separator);
            }
            b.append(e.getKey()).append('=').append(Numbers.forInput(e.getValue(), locale));
        }
        return b.toString();
    }
}
