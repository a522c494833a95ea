package ca.scalloy.ui.specs;

import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** One element limit as edited: element, minimum and maximum wt%, as typed. */
public final class LimitRow {

    private final StringProperty element = new SimpleStringProperty(this, "element", "");
    private final StringProperty minPct = new SimpleStringProperty(this, "minPct", "");
    private final StringProperty maxPct = new SimpleStringProperty(this, "maxPct", "");

    public StringProperty elementProperty() {
        return element;
    }

    public StringProperty minPctProperty() {
        return minPct;
    }

    public StringProperty maxPctProperty() {
        return maxPct;
    }
}
