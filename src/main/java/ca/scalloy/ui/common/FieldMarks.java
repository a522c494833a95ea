package ca.scalloy.ui.common;

import javafx.collections.MapChangeListener;
import javafx.collections.ObservableMap;
import javafx.scene.control.Control;
import javafx.scene.control.Tooltip;

/**
 * Marks an input control as invalid while its field has an error message: the {@code invalid}
 * style class (red border in scalloy.css) and a tooltip with the message.
 */
public final class FieldMarks<K> {

    private final Control control;
    private final K key;
    private final MapChangeListener<K, String> listener = change -> refresh();
    private ObservableMap<K, String> errors;

    public FieldMarks(Control control, K key) {
        this.control = control;
        this.key = key;
    }

    /** Follows {@code newErrors} (null: none) instead of the map followed so far. */
    public void follow(ObservableMap<K, String> newErrors) {
        if (errors != null) {
            errors.removeListener(listener);
        }
        errors = newErrors;
        if (errors != null) {
            errors.addListener(listener);
        }
        refresh();
    }

    private void refresh() {
        String message = errors == null ? null : errors.get(key);
        control.getStyleClass().remove("invalid");
        if (message == null) {
            control.setTooltip(null);
        } else {
            control.getStyleClass().add("invalid");
            control.setTooltip(new Tooltip(message));
        }
    }
}
