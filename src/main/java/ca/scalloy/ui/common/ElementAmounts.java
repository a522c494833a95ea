package ca.scalloy.ui.common;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ca.scalloy.engine.Elements;
import ca.scalloy.engine.heat.BelowDetection;

/**
 * The one-line text form of element amounts that the user edits in a table cell:
 * {@code "Fe=0.10, Si=0.05"} (French: {@code "Fe=0,10 ; Si=0,05"}). Used for assays in wt% and
 * for recoveries in %. An assay may name its balance element when it is not the recipe's, as
 * {@code "Sc=bal, Fe=0.03"} for scandium metal.
 */
public final class ElementAmounts {

    /** Entries are separated by ";" or by a "," that is followed by an element symbol (so "0,10" stays a number). */
    private static final Pattern SEPARATOR = Pattern.compile(";|,(?=\\s*[A-Z])");

    /** {@code Sc=bal} (also {@code bal.}, {@code balance}, {@code reste}): the balance element of an assay. */
    private static final Pattern BALANCE_ENTRY = Pattern.compile(
            "\\s*([A-Z][a-z]?)\\s*[=:]\\s*(?i:bal\\.?|balance|reste)\\s*");
    private static final String BALANCE_WORD = "bal";

    private ElementAmounts() {
    }

    /** An assay as typed: the listed wt% and the balance element. */
    public record Assay(Map<String, Double> wtPct, String balanceElement) {
    }

    /**
     * Reads an assay: like {@link #parse} with at most one entry {@code Element=bal} naming the
     * balance element; without one the balance is {@code defaultBalance}.
     *
     * @throws InputException as {@link #parse}, or when two balance elements are named
     */
    public static Assay parseAssay(String text, String defaultBalance) {
        String balance = null;
        StringBuilder rest = new StringBuilder();
        for (String entry : SEPARATOR.split(text == null ? "" : text)) {
            Matcher m = BALANCE_ENTRY.matcher(entry);
            if (m.matches()) {
                if (balance != null) {
                    throw new InputException("input.twoBalances", "both " + balance + " and " + m.group(1)
                            + " are named as the balance", balance, m.group(1));
                }
                balance = m.group(1);
                if (!Elements.standard().contains(balance)) {
                    throw new InputException("input.unknownElement", "“" + balance + "” is not a known element", balance);
                }
            } else {
                rest.append(entry).append(';');
            }
        }
        return new Assay(parse(rest.toString()), balance == null ? defaultBalance : balance);
    }

    /** Writes an assay; names its balance element first when it is not {@code defaultBalance}. */
    public static String formatAssay(Map<String, Double> wtPct, String balanceElement, String defaultBalance, Locale locale) {
        String listed = format(wtPct, locale);
        if (balanceElement.equals(defaultBalance)) {
            return listed;
        }
        String head = balanceElement + "=" + BALANCE_WORD;
        return listed.isEmpty() ? head : head + ("fr".equals(locale.getLanguage()) ? " ; " : ", ") + listed;
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

    /** A sample as typed: the measured wt% and the elements reported below detection. */
    public record Sample(Map<String, Double> wtPct, Map<String, BelowDetection> belowDetection) {
    }

    /** {@code <0.001}, {@code < 5 ppm}: below a stated detection limit, in wt% or ppm. */
    private static final Pattern BELOW_LIMIT = Pattern.compile("<\\s*(.+?)\\s*(?i:(ppm))?\\s*");

    /**
     * Reads a sample typed by hand, as a spectrometer reports it: {@code "Sc=1.72, Fe=0.11, Na=<5 ppm, Ca=n.d."}
     * (French {@code "Sc=1,72 ; Na=<5 ppm"}). A measured value is wt%; an entry below detection keeps its stated limit
     * (wt%, or ppm when written so) or none ("n.d."), never a 0.
     *
     * @throws InputException as {@link #parse}, or for a detection limit that is not a number
     */
    public static Sample parseSample(String text) {
        Map<String, BelowDetection> below = new LinkedHashMap<>();
        StringBuilder measured = new StringBuilder();
        for (String raw : SEPARATOR.split(text == null ? "" : text)) {
            int eq = raw.indexOf('=');
            String symbol = eq < 0 ? "" : raw.substring(0, eq).strip();
            String value = eq < 0 ? "" : raw.substring(eq + 1).strip();
            Matcher limit = BELOW_LIMIT.matcher(value);
            boolean notDetected = BelowDetection.saysNotDetected(value);
            if (eq > 0 && (notDetected || limit.matches())) {
                if (!Elements.standard().contains(symbol)) {
                    throw new InputException("input.unknownElement", "“" + symbol + "” is not a known element", symbol);
                }
                BelowDetection b;
                if (notDetected) {
                    b = BelowDetection.notDetected();
                } else {
                    Double x;
                    try {
                        x = Numbers.parseOptional(limit.group(1));
                    } catch (InputException notANumber) {
                        x = null;
                    }
                    if (x == null || x <= 0) {
                        throw new InputException("input.badDetectionLimit", symbol + ": “" + value + "” is not a detection limit"
                                + " (a number above 0 after “<”, in wt% or ppm)", symbol, value);
                    }
                    b = BelowDetection.below(limit.group(2) == null ? x : x / 10_000);
                }
                if (below.put(symbol, b) != null) {
                    throw new InputException("input.listedTwice", symbol + " is listed twice", symbol);
                }
            } else {
                measured.append(raw).append(';');
            }
        }
        Map<String, Double> wt = parse(measured.toString());
        for (String symbol : below.keySet()) {
            if (wt.containsKey(symbol)) {
                throw new InputException("input.listedTwice", symbol + " is listed twice", symbol);
            }
        }
        return new Sample(wt, below);
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
