package ca.scalloy.ui.batch;

import java.util.EnumMap;
import java.util.Map;

import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableMap;

/**
 * One editable row of the recipe form: a text per field as the user typed it, the message of
 * each field that cannot be read or that the engine refuses, and the diagnosis of each limit
 * that no charge meets.
 *
 * @param <F> the row's fields
 */
public class FormRow<F extends Enum<F>> {

    private final Map<F, StringProperty> texts;
    private final ObservableMap<F, String> errors = FXCollections.observableHashMap();
    private final ObservableMap<F, String> unmet = FXCollections.observableHashMap();
    private final ObservableMap<F, String> notices = FXCollections.observableHashMap();

    FormRow(Class<F> fields) {
        texts = new EnumMap<>(fields);
        for (F f : fields.getEnumConstants()) {
            texts.put(f, new SimpleStringProperty(this, f.name(), ""));
        }
    }

    /** The text of {@code field} as typed. */
    public StringProperty text(F field) {
        return texts.get(field);
    }

    /** The text of {@code field}, stripped. */
    String value(F field) {
        return texts.get(field).get() == null ? "" : texts.get(field).get().strip();
    }

    /** Field → message for the fields in error (empty when the row is valid). */
    public ObservableMap<F, String> errors() {
        return errors;
    }

    /** Field → diagnosis for the valid limits that no charge meets (empty when a charge is found). */
    public ObservableMap<F, String> unmet() {
        return unmet;
    }

    /** Field → notice for valid values worth a second look (a price that is not the library's, or old). */
    public ObservableMap<F, String> notices() {
        return notices;
    }
}
