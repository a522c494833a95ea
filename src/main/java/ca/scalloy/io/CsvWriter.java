package ca.scalloy.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;

/**
 * Writes CSV for spreadsheets: UTF-8 with a byte-order mark (so Excel reads accents right), a
 * separator of the user's choice (";" where the decimal mark is a comma, as in French locales),
 * numbers in the locale's format without grouping, and fields quoted when they need it.
 */
public final class CsvWriter {

    private final char separator;
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
    }

    /** The separator that suits {@code locale}: ';' where the decimal mark is a comma, else ','. */
    public static char separatorFor(Locale locale) {
        return NumberFormat.getNumberInstance(locale).format(0.5).contains(",") ? ';' : ',';
    }

    /** Appends one row; numbers (Double, Integer …) are formatted, null is an empty field. */
    public CsvWriter row(List<?> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.append(separator);
            }
            Object f = fields.get(i);
            String s = f == null ? "" : f instanceof Number n ? numbers.format(n) : f.toString();
            out.append(quote(s));
        }
        out.append("\r\n");
        return this;
    }

    /** The CSV text, BOM first. */
    public String text() {
        return out.toString();
    }

    /** Writes the CSV to {@code file} through a temporary file. */
    public void write(Path file) throws IOException {
        AtomicFiles.writeString(file, out);
    }

    private String quote(String s) {
        if (s.indexOf(separator) >= 0 || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
            return "\"" + s.replace("\"", "\"\"") + "\"";
        }
        return s;
    }
}
