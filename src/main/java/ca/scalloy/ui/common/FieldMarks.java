package ca.scalloy.ui.common;

import javafx.collections.MapChangeListener;
import javafx.collections.ObservableMap;
import javafx.collections.WeakMapChangeListener;
import javafx.scene.control.Control;
import javafx.scene.control.Tooltip;

/**
 * Marks an input control while its field has a message, with the message as tooltip: the
 * {@code invalid} style class (red) for a value that cannot be used, else the {@code unmet} style
 * class (amber) for a valid limit that no charge can meet, else the {@code notice} style class (blue) for a valid
 * value worth a second look (a price that is not the library's).
 */
public final class FieldMarks<K> {

    private final Control control;
    private final K key;
    private final MapChangeListener<K, String> listener = change -> refresh();
    /**
     * What the maps hold: weak, so that a control dropped with its view (a language switch) is not kept by a view
     * model's map; the control holds this instance instead.
     */
    private final WeakMapChangeListener<K, String> weak = new WeakMapChangeListener<>(listener);
    private ObservableMap<K, String> errors;
    private ObservableMap<K, String> unmet;
    private ObservableMap<K, String> notices;

    public FieldMarks(Control control, K key) {
        this.control = control;
        this.key = key;
        control.getProperties().put(this, this);
    }

    /** Follows these maps (null: none) of field → message instead of those followed so far. */
    public void follow(ObservableMap<K, String> newErrors, ObservableMap<K, String> newUnmet) {
        follow(newErrors, newUnmet, null);
    }

    /** Follows these maps (null: none) of field → message, the notices' too, instead of those followed so far. */
    public void follow(ObservableMap<K, String> newErrors, ObservableMap<K, String> newUnmet, ObservableMap<K, String> newNotices) {
        listen(errors, false);
        listen(unmet, false);
        listen(notices, false);
        errors = newErrors;
        unmet = newUnmet;
        notices = newNotices;
        listen(errors, true);
        listen(unmet, true);
        listen(notices, true);
        refresh();
    }

    private void listen(ObservableMap<K, String> map, boolean on) {
        if (map == null) {
            return;
        }
        if (on) {
            map.addListener(weak);
        } else {
            map.removeListener(weak);
        }
    }

    private void refresh() {
        String error = errors == null ? null : errors.get(key);
        String limit = unmet == null ? null : unmet.get(key);
        String notice = notices == null ? null : notices.get(key);
        control.getStyleClass().removeAll("invalid", "unmet", "notice");
        String message = error != null ? error : limit != null ? limit : notice;
        if (message == null) {
            control.setTooltip(null);
            return;
        }
        control.getStyleClass().add(error != null ? "invalid" : limit != null ? "unmet" : "notice");
        control.setTooltip(new Tooltip(message));
    }
}
