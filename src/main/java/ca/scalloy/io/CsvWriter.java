package ca.scalloy.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.QuoteMode;

/**
 * Writes CSV for spreadsheets: UTF-8 with a byte-order mark (so Excel reads accents right), a
 * separator of the user's choice (";" where the decimal mark is a comma, as in French locales),
 * numbers in the locale's format without grouping, and fields quoted when they need it (Apache Commons
 * CSV does the quoting). Every CSV Scalloy writes goes through here.
 *
 * <p>Safe to open in a spreadsheet: a text cell that begins with {@code =}, {@code +}, {@code -},
 * {@code @}, a tab or a carriage return (which a spreadsheet would run as a formula) is neutralised as the
 * OWASP CSV-injection cheat sheet recommends: a single quote is put before it and the cell is quoted.
 * Numbers (Double, Integer …) stay numbers, a negative one included.
 */
public final class CsvWriter {

    /** The characters a spreadsheet reads as the start of a formula (OWASP CSV injection). */
    private static final String FORMULA_STARTS = "=+-@\t\r";

    private final char separator;
    private final CSVFormat plain;
    private final CSVFormat quoted;
    private final NumberFormat numbers;
    private final StringBuilder out = new StringBuilder("\uFEFF");

    /**
     * @param separator the field separator, ',' ';' or tab
     * @param locale    the locale whose decimal mark numbers use
     * @throws IllegalArgumentException for another separator, or ',' with a decimal-comma locale
     */
    public CsvWriter(char separator, Locale locale) {
        if (separator != ',' && separator != ';' && separator != '\t') {
            throw new IllegalArgumentException("separator must be ',', ';' or a tab, was '" + separator + "'");
        }
        numbers = NumberFormat.getNumberInstance(locale);
        numbers.setGroupingUsed(false);
        numbers.setMaximumFractionDigits(6);
        if (separator == ',' && numbers.format(0.5).contains(",")) {
            throw new IllegalArgumentException("separator ',' clashes with the decimal comma of " + locale + "; use ';'");
        }
        this.separator = separator;
        this.plain = CSVFormat.DEFAULT.builder().setDelimiter(separator).setRecordSeparator("\r\n").setQuoteMode(QuoteMode.MINIMAL).get();
        this.quoted = plain.builder().setQuoteMode(QuoteMode.ALL).get();
    }

    /** The separator that suits {@code locale}: ';' where the decimal mark is a comma, else ','. */
    public static char separatorFor(Locale locale) {
        return NumberFormat.getNumberInstance(locale).format(0.5).contains(",") ? ';' : ',';
    }

    /**
     * Appends one row; numbers (Double, Integer …) are formatted, null is an empty field, and a text cell that a
     * spreadsheet would take for a formula is neutralised (see the class comment).
     */
    public CsvWriter row(List<?> fields) {
        try {
            for (int i = 0; i < fields.size(); i++) {
                Object f = fields.get(i);
                if (f instanceof Number n) {
                    plain.print(numbers.format(n), out, i == 0);
                } else {
                    String s = f == null ? "" : f.toString();
                    if (!s.isEmpty() && FORMULA_STARTS.indexOf(s.charAt(0)) >= 0) {
                        quoted.print("'" + s, out, i == 0);
                    } else {
                        plain.print(s, out, i == 0);
                    }
                }
            }
            plain.println(out);
        } catch (IOException e) {
            throw new UncheckedIOException("a StringBuilder does not fail", e);
        }
        return this;
    }

    /** The separator of this writer. */
    public char separator() {
        return separator;
    }

    /** The CSV text, BOM first. */
    public String text() {
        return out.toString();
    }

    /** Writes the CSV to {@code file} through a temporary file. */
    public void write(Path file) throws IOException {
        AtomicFiles.writeString(file, out);
    }

}
