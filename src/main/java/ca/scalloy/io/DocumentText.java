package ca.scalloy.io;

import java.text.NumberFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/** Formatting shared by the PDF documents: numbers in the document's locale, labelled fields. */
final class DocumentText {

    private DocumentText() {
    }

    /** A number format of the locale with exactly {@code decimals} decimals. */
    static NumberFormat number(Locale locale, int decimals) {
        NumberFormat f = NumberFormat.getNumberInstance(locale);
        f.setMinimumFractionDigits(decimals);
        f.setMaximumFractionDigits(decimals);
        return f;
    }

    /** {label from the bundle, value}. */
    static String[] pair(ResourceBundle b, String key, String value) {
        return new String[] {b.getString(key), value};
    }

    /** {@code v} formatted, or "" when absent. */
    static String fmt(NumberFormat f, Double v) {
        return v == null ? "" : f.format(v);
    }
}
