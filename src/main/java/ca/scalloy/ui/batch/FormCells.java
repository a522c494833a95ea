package ca.scalloy.ui.batch;

import java.util.function.Consumer;
import java.util.function.Function;

import javafx.beans.property.Property;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ObservableSet;
import javafx.collections.SetChangeListener;
import javafx.collections.WeakSetChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Control;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.util.StringConverter;

import ca.scalloy.ui.common.FieldMarks;

/**
 * Table cells that edit a form row in place: always a text field (or a choice box), bound to the
 * row's property, so that results follow every keystroke and an invalid cell shows its mark.
 */
final class FormCells {

    private FormCells() {
    }

    /** A column editing text field {@code field} of the rows. */
    static <R extends FormRow<F>, F extends Enum<F>> TableColumn<R, R> textColumn(String title, F field, double prefWidth) {
        TableColumn<R, R> column = new TableColumn<>(title);
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        column.setCellFactory(c -> new TextCell<>(field));
        column.setPrefWidth(prefWidth);
        column.setSortable(false);
        column.setId(field.name());
        return column;
    }

    /**
     * A column editing text field {@code field} of the rows whose cell, for a row in {@code offered}, also shows a small
     * button ({@code buttonText}, described by {@code hint}) that does {@code action} on that row.
     */
    static <R extends FormRow<F>, F extends Enum<F>> TableColumn<R, R> textColumnWithAction(String title, F field, double prefWidth,
            ObservableSet<R> offered, Consumer<R> action, String buttonText, String hint) {
        TableColumn<R, R> column = textColumn(title, field, prefWidth);
        column.setCellFactory(c -> new ActionTextCell<>(field, offered, action, buttonText, hint));
        return column;
    }

    /** A column choosing a value from {@code choices} for the property {@code property} of the rows. */
    static <R extends FormRow<F>, F extends Enum<F>, V> TableColumn<R, R> choiceColumn(String title, F errorField,
            Function<R, Property<V>> property, V[] choices, StringConverter<V> converter, double prefWidth) {
        TableColumn<R, R> column = new TableColumn<>(title);
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        column.setCellFactory(c -> new ChoiceCell<>(errorField, property, choices, converter));
        column.setPrefWidth(prefWidth);
        column.setSortable(false);
        return column;
    }

    /** A cell showing {@code control} with its value bound both ways to the row's property. */
    private static class BoundCell<R extends FormRow<F>, F extends Enum<F>, V> extends TableCell<R, R> {
        private final Control control;
        private final Property<V> controlValue;
        private final Function<R, Property<V>> rowValue;
        private final FieldMarks<F> marks;
        private Property<V> bound;

        BoundCell(Control control, Property<V> controlValue, Function<R, Property<V>> rowValue, F errorField) {
            this.control = control;
            this.controlValue = controlValue;
            this.rowValue = rowValue;
            this.marks = new FieldMarks<>(control, errorField);
            control.getStyleClass().add("cell-field");
            control.setMaxWidth(Double.MAX_VALUE);
            setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
        }

        @Override
        protected void updateItem(R row, boolean empty) {
            super.updateItem(row, empty);
            if (bound != null) {
                controlValue.unbindBidirectional(bound);
                bound = null;
            }
            if (empty || row == null) {
                marks.follow(null, null, null);
                setGraphic(null);
                return;
            }
            bound = rowValue.apply(row);
            controlValue.bindBidirectional(bound);
            marks.follow(row.errors(), row.unmet(), row.notices());
            // An unlabeled field in a cell: a screen reader names it by its column.
            TableColumn<R, R> column = getTableColumn();
            if (column != null) {
                control.setAccessibleText(column.getText() != null ? column.getText()
                        : column.getGraphic() instanceof Labeled header ? header.getText() : null);
            }
            setGraphic(graphic());
        }

        /** What the cell shows for a row: the control. */
        Node graphic() {
            return control;
        }
    }

    private static final class ActionTextCell<R extends FormRow<F>, F extends Enum<F>> extends BoundCell<R, F, String> {
        private final ObservableSet<R> offered;
        private final Button button;
        private final HBox box;
        private final SetChangeListener<R> follow = c -> showButton();

        ActionTextCell(F field, ObservableSet<R> offered, Consumer<R> action, String buttonText, String hint) {
            this(new TextField(), field, offered, action, buttonText, hint);
        }

        private ActionTextCell(TextField text, F field, ObservableSet<R> offered, Consumer<R> action, String buttonText, String hint) {
            super(text, text.textProperty(), row -> row.text(field), field);
            this.offered = offered;
            button = new Button(buttonText);
            button.getStyleClass().add("cell-action");
            button.setTooltip(new Tooltip(hint));
            button.setAccessibleText(hint);
            button.managedProperty().bind(button.visibleProperty());
            button.setVisible(false);
            button.setOnAction(e -> {
                R row = getItem();
                if (row != null && !isEmpty()) {
                    action.accept(row);
                }
            });
            box = new HBox(2, text, button);
            box.setAlignment(Pos.CENTER_LEFT);
            HBox.setHgrow(text, Priority.ALWAYS);
            offered.addListener(new WeakSetChangeListener<>(follow));
        }

        @Override
        Node graphic() {
            return box;
        }

        @Override
        protected void updateItem(R row, boolean empty) {
            super.updateItem(row, empty);
            showButton();
        }

        private void showButton() {
            button.setVisible(!isEmpty() && getItem() != null && offered.contains(getItem()));
        }
    }

    private static final class TextCell<R extends FormRow<F>, F extends Enum<F>> extends BoundCell<R, F, String> {
        TextCell(F field) {
            this(new TextField(), field);
        }

        private TextCell(TextField text, F field) {
            super(text, text.textProperty(), row -> row.text(field), field);
        }
    }

    private static final class ChoiceCell<R extends FormRow<F>, F extends Enum<F>, V> extends BoundCell<R, F, V> {
        ChoiceCell(F errorField, Function<R, Property<V>> property, V[] choices, StringConverter<V> converter) {
            this(new ComboBox<>(), errorField, property, choices, converter);
        }

        private ChoiceCell(ComboBox<V> box, F errorField, Function<R, Property<V>> property, V[] choices,
                           StringConverter<V> converter) {
            super(box, box.valueProperty(), property, errorField);
            box.getItems().setAll(choices);
            box.setConverter(converter);
        }
    }
}
