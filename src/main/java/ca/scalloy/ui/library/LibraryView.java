package ca.scalloy.ui.library;

import java.util.Comparator;
import java.util.function.Function;

import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

import ca.scalloy.engine.charge.MaterialKind;
import ca.scalloy.engine.library.LibraryMaterial;
import ca.scalloy.engine.library.PricePoint;
import ca.scalloy.ui.common.FieldMarks;
import ca.scalloy.ui.common.Messages;
import ca.scalloy.ui.common.RoleGate;
import ca.scalloy.ui.common.Widgets;

/** The Library screen, built in code and bound to {@link LibraryViewModel}. */
public final class LibraryView {

    private final LibraryViewModel vm;
    private final Messages m;

    public LibraryView(LibraryViewModel vm, Messages messages) {
        this.vm = vm;
        this.m = messages;
    }

    public Parent build() {
        BorderPane content = new BorderPane();
        content.setTop(toolbar());
        // The history below the list, not beside it: the list's nine columns then have the window's whole
        // width (at 1280 x 800 beside a history they were cut to "Fi…" and "Reti…").
        SplitPane split = new SplitPane(table(), side());
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.68);
        content.setCenter(split);
        Label status = new Label();
        status.setId("libraryStatus");
        status.textProperty().bind(vm.statusProperty());
        status.setWrapText(true);
        content.setBottom(status);
        BorderPane.setMargin(status, new Insets(6, 0, 0, 0));
        return Widgets.needsDatabase(content, vm.availableProperty(), vm.store().messageProperty(), "libraryScreen", vm::refresh);
    }

    private Node toolbar() {
        TextField search = new TextField();
        search.setId("librarySearch");
        search.setPromptText(m.get("library.search"));
        search.textProperty().bindBidirectional(vm.searchProperty());
        search.setPrefColumnCount(18);
        CheckBox retired = new CheckBox(m.get("library.showRetired"));
        retired.selectedProperty().bindBidirectional(vm.showRetiredProperty());
        Button add = button("library.add", "libraryAdd", vm::add);
        Button edit = button("library.edit", "libraryEdit", vm::edit);
        Button duplicate = button("library.duplicate", "libraryDuplicate", vm::duplicate);
        Button retire = button("library.retire", "libraryRetire", vm::retire);
        Button history = button("audit.history.button", "libraryAuditHistory", vm::showHistory);
        for (Button b : new Button[] {edit, duplicate, retire, history}) {
            b.disableProperty().bind(vm.selectedProperty().isNull());
        }
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        RoleGate changes = vm.changeGate();
        HBox bar = new HBox(8, search, retired, Widgets.gated(add, changes), Widgets.gated(edit, changes),
                Widgets.gated(duplicate, changes), Widgets.gated(retire, changes), history, spacer,
                Widgets.gated(button("library.import", "libraryImport", vm::importFile), changes),
                button("library.export", "libraryExport", vm::exportFile));
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(0, 0, 8, 0));
        return bar;
    }

    private Button button(String key, String id, Runnable action) {
        return Widgets.button(m.get(key), id, action);
    }

    private Node table() {
        TableView<LibraryMaterial> table = new TableView<>();
        table.setId("libraryTable");
        SortedList<LibraryMaterial> sorted = new SortedList<>(vm.materials());
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        table.getColumns().add(text("library.column.id", LibraryMaterial::id, 110));
        table.getColumns().add(text("library.column.name", l -> l.material().name(), 165));
        table.getColumns().add(text("library.column.kind", l -> m.label("kind", l.material().kind()), 90));
        table.getColumns().add(text("library.column.assay", l -> LibraryViewModel.assayText(l.material(), m.locale()), 190));
        table.getColumns().add(number("library.column.pricePerKg", l -> l.material().pricePerKg(), v -> m.quantities().money(v)));
        table.getColumns().add(number("library.column.co2KgPerKg", l -> l.material().co2KgPerKg(), v -> m.quantities().number(v, 2, 2)));
        table.getColumns().add(priceSetColumn());
        table.getColumns().add(text("library.column.confidence", LibraryMaterial::confidence, 60));
        table.getColumns().add(text("library.column.retired", l -> l.retired() ? m.get("library.retiredYes") : "", 60));
        // Without a sideways scroll at 1280 x 800: below these a price ("235 000,00 $") or a date marked old
        // ("2017-01-03 ⚠") would be cut; names and assays give way first, cut with an ellipsis, whole in their tooltip.
        // The preferred widths leave every header and code whole at 1280 in French ("Analyse (% mass.) / formule" the
        // longest header, "AL-P1020-GLOBAL" the longest seed code).
        Widgets.fitColumns(table, 70, 90, 64, 90, 104, 70, 106, 40, 54);
        table.setPlaceholder(new Label(m.get("library.empty")));
        Widgets.followSelection(table, vm.selectedProperty(), vm::edit);
        return table;
    }

    /** The price's date, marked with the age and a tooltip when older than the plant allows. */
    private TableColumn<LibraryMaterial, String> priceSetColumn() {
        TableColumn<LibraryMaterial, String> c = text("library.column.priceSet",
                l -> l.priceSetAt() == null ? "" : m.quantities().day(l.priceSetAt()), 95);
        c.setCellFactory(col -> new javafx.scene.control.TableCell<>() {
            @Override
            protected void updateItem(String day, boolean empty) {
                super.updateItem(day, empty);
                getStyleClass().remove("notice");
                setTooltip(null);
                LibraryMaterial row = empty || getTableRow() == null ? null : getTableRow().getItem();
                String note = row == null ? "" : vm.priceAgeNote(row);
                setText(empty ? null : note.isEmpty() ? day : day + " \u26a0");
                if (!note.isEmpty()) {
                    getStyleClass().add("notice");
                    setTooltip(new javafx.scene.control.Tooltip(note));
                }
            }
        });
        return c;
    }

    private TableColumn<LibraryMaterial, String> text(String key, Function<LibraryMaterial, String> value, double width) {
        TableColumn<LibraryMaterial, String> c = new TableColumn<>(m.get(key));
        c.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(value.apply(cd.getValue())));
        c.setPrefWidth(width);
        c.setComparator(Comparator.nullsFirst(String.CASE_INSENSITIVE_ORDER));
        return Widgets.wholeTextTips(c);
    }

    private TableColumn<LibraryMaterial, Number> number(String key, Function<LibraryMaterial, Double> value, Function<Double, String> format) {
        TableColumn<LibraryMaterial, Number> c = new TableColumn<>(m.get(key));
        c.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(value.apply(cd.getValue())));
        c.setCellFactory(col -> new javafx.scene.control.TableCell<>() {
            @Override
            protected void updateItem(Number item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : format.apply(item.doubleValue()));
            }
        });
        c.setStyle("-fx-alignment: CENTER-RIGHT;");
        c.setPrefWidth(72);
        return c;
    }

    private Node side() {
        VBox box = new VBox(10, editor(), history());
        VBox.setVgrow(box.getChildren().get(1), Priority.ALWAYS);
        box.setPadding(new Insets(0, 0, 0, 8));
        box.setMinWidth(300);
        return box;
    }

    private Node editor() {
        GridPane g = new GridPane();
        g.setHgap(8);
        g.setVgap(6);
        int row = 0;
        for (MaterialEditField f : MaterialEditField.values()) {
            Label label = new Label(m.label("library.field", f));
            Node input;
            if (f == MaterialEditField.KIND) {
                ComboBox<MaterialKind> kind = new ComboBox<>();
                kind.getItems().setAll(MaterialKind.values());
                kind.setConverter(new StringConverter<>() {
                    @Override
                    public String toString(MaterialKind k) {
                        return k == null ? "" : m.label("kind", k);
                    }

                    @Override
                    public MaterialKind fromString(String s) {
                        return null;
                    }
                });
                kind.valueProperty().bindBidirectional(vm.editKindProperty());
                kind.setId("libraryEdit-KIND");
                kind.setMaxWidth(Double.MAX_VALUE);
                input = kind;
            } else {
                TextField t = new TextField();
                t.setId("libraryEdit-" + f.name());
                t.textProperty().bindBidirectional(vm.text(f));
                String prompt = "library.prompt." + f.name();
                if (m.has(prompt)) {
                    t.setPromptText(m.get(prompt));
                }
                new FieldMarks<>(t, f).follow(vm.errors(), null);
                input = t;
            }
            g.addRow(row++, label, input);
        }
        g.getColumnConstraints().setAll(new ColumnConstraints(), new ColumnConstraints(160, 220, Double.MAX_VALUE));
        Label errors = new Label();
        errors.setId("libraryErrors");
        errors.getStyleClass().add("input-errors");
        errors.setWrapText(true);
        errors.textProperty().bind(Bindings.createStringBinding(() -> String.join("\n", vm.errors().values()), vm.errors()));
        errors.visibleProperty().bind(Bindings.isNotEmpty(vm.errors()));
        errors.managedProperty().bind(errors.visibleProperty());
        Button save = button("library.save", "librarySave", vm::save);
        save.setDefaultButton(true);
        HBox buttons = new HBox(8, Widgets.gated(save, vm.changeGate()), button("library.cancel", "libraryCancel", vm::cancelEdit));
        Label title = new Label();
        title.getStyleClass().add("section-title");
        title.textProperty().bind(Bindings.createStringBinding(() -> m.get(vm.editModeProperty().get() == LibraryViewModel.EditMode.ADD
                ? "library.editor.add" : "library.editor.edit"), vm.editModeProperty()));
        VBox editor = new VBox(6, title, g, errors, buttons);
        editor.getStyleClass().add("section");
        editor.visibleProperty().bind(vm.editModeProperty().isNotEqualTo(LibraryViewModel.EditMode.NONE));
        editor.managedProperty().bind(editor.visibleProperty());
        return editor;
    }

    private Node history() {
        TableView<PricePoint> t = new TableView<>(vm.history());
        t.setId("priceHistory");
        TableColumn<PricePoint, String> when = new TableColumn<>(m.get("library.history.date"));
        when.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(m.quantities().day(cd.getValue().effectiveAt())));
        TableColumn<PricePoint, String> price = new TableColumn<>(m.get("library.column.pricePerKg"));
        price.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(m.quantities().money(cd.getValue().pricePerKg())));
        TableColumn<PricePoint, String> co2 = new TableColumn<>(m.get("library.column.co2KgPerKg"));
        co2.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(m.quantities().number(cd.getValue().co2KgPerKg(), 2, 2)));
        TableColumn<PricePoint, String> note = new TableColumn<>(m.get("library.history.note"));
        note.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(cd.getValue().note()));
        t.getColumns().setAll(java.util.List.of(when, price, co2, note));
        t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        t.setPlaceholder(new Label(m.get("library.history.none")));
        return Widgets.section(m.get("library.history"), t);
    }
}
