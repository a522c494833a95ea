package ca.scalloy.io;

import java.util.ResourceBundle;

/** Labelled fields shared by the PDF documents (numbers go through {@link ca.scalloy.engine.Quantities}). */
final class DocumentText {

    private DocumentText() {
    }

    /** {label from the bundle, value}. */
    static String[] pair(ResourceBundle b, String key, String value) {
        return new String[] {b.getString(key), value};
    }
}
