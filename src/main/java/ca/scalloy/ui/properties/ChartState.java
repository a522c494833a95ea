package ca.scalloy.ui.properties;

import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;

import ca.scalloy.ui.common.DialogService;
import ca.scalloy.ui.common.Messages;

/**
 * One chart of a view model: its plot, why there is none, and its export, with the calculation
 * state of the {@link Recalculation} behind it (several charts may share one calculation; it runs
 * while any of them is on screen).
 */
final class ChartState implements ChartModel {

    private final Recalculation<?, ?> calculation;
    private final Supplier<Messages> messages;
    private final Supplier<String> fileName;
    private final PngExport export;
    private final ReadOnlyObjectWrapper<Plot> plot = new ReadOnlyObjectWrapper<>(this, "plot");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final BooleanProperty active = new SimpleBooleanProperty(this, "active");

    /**
     * @param fileName the name suggested for its PNG
     */
    ChartState(Recalculation<?, ?> calculation, DialogService dialogs, Supplier<Messages> messages, Supplier<String> fileName) {
        this.calculation = Objects.requireNonNull(calculation, "calculation");
        this.messages = Objects.requireNonNull(messages, "messages");
        this.fileName = Objects.requireNonNull(fileName, "fileName");
        this.export = new PngExport(dialogs);
    }

    /** Makes {@code calculation} run while any of {@code charts} is on screen. */
    static void activeWhileShown(Recalculation<?, ?> calculation, List<ChartState> charts) {
        javafx.beans.binding.BooleanExpression any = Bindings.createBooleanBinding(() -> false);
        for (ChartState c : charts) {
            any = any.or(c.active);
        }
        calculation.activeProperty().bind(any);
    }

    void show(Plot p) {
        plot.set(p);
    }

    void problem(String text) {
        problem.set(text == null ? "" : text);
    }

    @Override
    public ReadOnlyObjectProperty<Plot> plotProperty() {
        return plot.getReadOnlyProperty();
    }

    @Override
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    @Override
    public ReadOnlyBooleanProperty calculatingProperty() {
        return calculation.calculatingProperty();
    }

    @Override
    public ReadOnlyDoubleProperty progressProperty() {
        return calculation.progressProperty();
    }

    @Override
    public ReadOnlyBooleanProperty staleProperty() {
        return calculation.staleProperty();
    }

    @Override
    public BooleanProperty activeProperty() {
        return active;
    }

    @Override
    public void exportPng(PngWriter writer) {
        export.export(messages.get(), fileName.get(), writer);
    }

    @Override
    public ReadOnlyStringProperty exportStatusProperty() {
        return export.statusProperty();
    }
}
