package ca.scalloy.ui.specs;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * One element limit as edited: element, minimum and maximum as typed, in wt% or, for an element the plant
 * reads in ppm ({@link #inPpmProperty()}), in ppm.
 */
public final class LimitRow {

    private final StringProperty element = new SimpleStringProperty(this, "element", "");
    private final StringProperty minPct = new SimpleStringProperty(this, "minPct", "");
    private final StringProperty maxPct = new SimpleStringProperty(this, "maxPct", "");
    private final ReadOnlyBooleanWrapper inPpm = new ReadOnlyBooleanWrapper(this, "inPpm");

    public StringProperty elementProperty() {
        return element;
    }

    public StringProperty minPctProperty() {
        return minPct;
    }

    public StringProperty maxPctProperty() {
        return maxPct;
    }

    /** Whether the min and max are typed and shown in ppm (the element is in the plant's ppm list), else in wt%. */
    public ReadOnlyBooleanProperty inPpmProperty() {
        return inPpm.getReadOnlyProperty();
    }

    void setInPpm(boolean ppm) {
        inPpm.set(ppm);
    }
}
