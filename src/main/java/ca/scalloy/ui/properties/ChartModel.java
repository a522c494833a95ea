package ca.scalloy.ui.properties;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;

/** What a chart tab of the Properties screen shows and does, for its view. */
public interface ChartModel {

    /** The chart; null until there is one. */
    ReadOnlyObjectProperty<Plot> plotProperty();

    /** Why there is no chart, or why it is not that of the alloy shown, in words; empty when all is well. */
    ReadOnlyStringProperty problemProperty();

    ReadOnlyBooleanProperty calculatingProperty();

    /** How far the calculation under way got, 0..1, or {@link ca.scalloy.ui.common.LatestOnly#IDLE}. */
    ReadOnlyDoubleProperty progressProperty();

    /** True while the chart shown is not that of the alloy and settings shown. */
    ReadOnlyBooleanProperty staleProperty();

    /** Whether the chart is on screen: it is calculated only then. */
    BooleanProperty activeProperty();

    /** Asks where to save the chart as PNG and has {@code writer} write it. */
    void exportPng(PngWriter writer);

    /** The outcome of the last export, in words. */
    ReadOnlyStringProperty exportStatusProperty();
}
