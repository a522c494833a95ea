package ca.scalloy.cli;

import java.util.LinkedHashMap;
import java.util.Map;

import ca.scalloy.engine.DecimalText;

/** Reads a composition given on the command line: {@code "Sc=0.3,Mg=4.5"} (wt%, decimal point). */
final class CompositionText {

    private CompositionText() {
    }

    /**
     * The element amounts, in order.
     *
     * @throws IllegalArgumentException naming the faulty entry
     */
    static Map<String, Double> parse(String text) {
        return parse(text, "--composition");
    }

    /** As {@link #parse(String)}, naming {@code option} in messages. */
    static Map<String, Double> parse(String text, String option) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (String raw : text.split(",")) {
            String entry = raw.strip();
            if (entry.isEmpty()) {
                continue;
            }
            String[] kv = entry.split("=", -1);
            if (kv.length != 2 || kv[0].isBlank()) {
                throw new IllegalArgumentException(option + ": '" + entry + "' is not ELEMENT=WT% (e.g. Sc=0.3)");
            }
            double v = DecimalText.parse(option + ": " + kv[0].strip(), kv[1]);
            if (out.put(kv[0].strip(), v) != null) {
                throw new IllegalArgumentException(option + ": " + kv[0].strip() + " is listed twice");
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException(option + ": no element given (e.g. \"Sc=0.3,Mg=4.5\")");
        }
        return out;
    }
}
