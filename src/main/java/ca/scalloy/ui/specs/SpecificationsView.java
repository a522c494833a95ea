package ca.scalloy.ui.specs;

import java.util.List;
import java.util.function.Function;

import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.StringProperty;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
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

import ca.scalloy.engine.Quantities;
import ca.scalloy.engine.library.SpecificationVersion;
import ca.scalloy.engine.spec.PropertyRequirement;
import ca.scalloy.engine.spec.Specification;
import ca.scalloy.ui.common.FieldMarks;
import ca.scalloy.ui.common.Messages;
import ca.scalloy.ui.common.Widgets;

/** The Specifications screen, built in code and bound to {@link SpecificationsViewModel}. */
public final class SpecificationsView {

    private static final double ROW_HEIGHT_PX = 30;
    /** The unit beside a limit typed in ppm: the same word in both languages (as {@code Quantities} writes it). */
    private static final String PPM = "ppm";

    private final SpecificationsViewModel vm;
    private final Messages m;

    public SpecificationsView(SpecificationsViewModel vm, Messages messages) {
        this.vm = vm;
        this.m = messages;
    }

    public Parent build() {
        SplitPane split = new SplitPane(list(), editor());
        split.setDividerPositions(0.36);
        Label status = new Label();
        status.setId("specsStatus");
        status.textProperty().bind(vm.statusProperty());
        BorderPane content = new BorderPane(split);
        content.setBottom(status);
        return Widgets.needsDatabase(content, vm.availableProperty(), vm.store().messageProperty(), "specificationsScreen", vm::refresh);
    }

    private Node list() {
        ComboBox<String> sector = new ComboBox<>(vm.sectors());
        sector.setId("specsSector");
        sector.setConverter(new StringConverter<>() {
            @Override
            public String toString(String s) {
                return s == null || s.isEmpty() ? m.get("specs.allSectors") : m.sector(s);
            }

            @Override
            public String fromString(String s) {
                return s;
            }
        });
        sector.valueProperty().bindBidirectional(vm.sectorProperty());
        Button add = button("specs.new", "specsNew", vm::newSpecification);
        HBox bar = new HBox(8, new Label(m.get("specs.sector")), sector, add);
        bar.setAlignment(Pos.CENTER_LEFT);
        TableView<Specification> table = new TableView<>();
        SortedList<Specification> sorted = new SortedList<>(vm.specifications());
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        table.setId("specsTable");
        table.getColumns().setAll(List.of(column(m.get("specs.column.name"), Specification::name, 190),
                column(m.get("specs.column.sector"), (Specification s) -> m.sector(s.sector()), 100),
                column(m.get("specs.column.revision"), Specification::revision, 70),
                column(m.get("specs.column.confidence"), Specification::confidence, 60)));
        // The list's columns share its width at 1280 x 800, names giving way first (whole in their tooltips).
        Widgets.fitColumns(table, 110, 92, 64, 66);
        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null) {
                vm.selectedProperty().set(b);
            }
        });
        Widgets.heldBy(table, vm.selectedProperty(), (o, a, b) -> table.getSelectionModel().select(b));
        HBox files = new HBox(8, Widgets.gated(button("specs.import", "specsImport", vm::importFile), vm.changeGate()),
                button("specs.export", "specsExport", vm::exportFile));
        VBox box = new VBox(6, bar, table, files);
        VBox.setVgrow(table, Priority.ALWAYS);
        box.setPadding(new Insets(0, 8, 0, 0));
        return box;
    }

    private Node editor() {
        Label banner = new Label();
        banner.setId("specsProvenance");
        banner.getStyleClass().add("provenance-banner");
        banner.textProperty().bind(vm.provenanceProperty());
        banner.setWrapText(true);
        banner.setMaxWidth(Double.MAX_VALUE);

        GridPane g = new GridPane();
        g.setHgap(8);
        g.setVgap(6);
        SpecField[] left = {SpecField.NAME, SpecField.SECTOR, SpecField.REVISION, SpecField.OTHERS_EACH_MAX_PCT};
        SpecField[] right = {SpecField.SOURCE, SpecField.CONFIDENCE, SpecField.OTHERS_TOTAL_MAX_PCT};
        for (int i = 0; i < left.length; i++) {
            g.addRow(i, fieldLabel(left[i]), left[i] == SpecField.SECTOR ? sectorField() : field(left[i]));
        }
        for (int i = 0; i < right.length; i++) {
            g.add(fieldLabel(right[i]), 2, i);
            g.add(field(right[i]), 3, i);
        }
        g.getColumnConstraints().setAll(new ColumnConstraints(), new ColumnConstraints(120, 200, Double.MAX_VALUE),
                new ColumnConstraints(), new ColumnConstraints(120, 200, Double.MAX_VALUE));

        TableView<LimitRow> limits = new TableView<>(vm.limits());
        limits.setId("specsLimits");
        limits.getColumns().setAll(List.of(editable(m.get("specs.limit.element"), LimitRow::elementProperty, "limit-element", 90, false),
                editable(m.get("specs.limit.min"), LimitRow::minPctProperty, "limit-min", 110, true),
                editable(m.get("specs.limit.max"), LimitRow::maxPctProperty, "limit-max", 110, true)));
        limits.setFixedCellSize(ROW_HEIGHT_PX);
        limits.setPlaceholder(new Label(m.get("specs.limit.none")));
        limits.setPrefHeight(280);
        limits.setMinHeight(140);
        Button addLimit = button("specs.addLimit", "specsAddLimit", vm::addLimit);
        Button removeLimit = button("specs.removeLimit", "specsRemoveLimit",
                () -> vm.removeLimit(limits.getSelectionModel().getSelectedItem()));
        removeLimit.disableProperty().bind(limits.getSelectionModel().selectedItemProperty().isNull());
        VBox limitBox = new VBox(4, limits, new HBox(8, addLimit, removeLimit));

        GridPane props = new GridPane();
        props.setHgap(8);
        props.setVgap(6);
        int row = 0;
        for (PropertyRequirement.Property p : PropertyRequirement.Property.values()) {
            TextField t = new TextField();
            t.setId("specsProperty-" + p.name());
            t.setPrefColumnCount(5);
            t.setMinWidth(70);
            t.textProperty().bindBidirectional(vm.propertyText(p));
            props.addRow(row++, new Label(m.label("specs.property", p)), t);
        }
        HBox limitsAndProps = new HBox(12, Widgets.section(m.get("specs.limits"), limitBox),
                Widgets.section(m.get("specs.properties"), props));
        limitBox.setPrefWidth(330);

        Label errors = new Label();
        errors.setId("specsErrors");
        errors.getStyleClass().add("input-errors");
        errors.setWrapText(true);
        errors.textProperty().bind(Bindings.createStringBinding(() -> String.join("\n", vm.allErrors()), vm.allErrors()));
        errors.visibleProperty().bind(Bindings.isNotEmpty(vm.allErrors()));
        errors.managedProperty().bind(errors.visibleProperty());
        Button save = button("specs.save", "specsSave", vm::save);
        save.setDefaultButton(true);

        TableView<SpecificationVersion> history = new TableView<>(vm.history());
        history.setId("specsHistory");
        history.getColumns().setAll(List.of(
                column(m.get("specs.history.version"), (SpecificationVersion v) -> String.valueOf(v.version()), 70),
                column(m.get("specs.history.saved"), (SpecificationVersion v) -> m.quantities().dateTime(v.savedAt()), 140),
                column(m.get("specs.column.revision"), (SpecificationVersion v) -> v.specification().revision(), 80),
                column(m.get("specs.history.limits"), (SpecificationVersion v) -> limitsText(v.specification(), m.quantities()), 300)));
        history.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        history.setPrefHeight(150);
        history.setPlaceholder(new Label(m.get("specs.history.none")));

        VBox box = new VBox(8, banner, g, limitsAndProps, errors, Widgets.gated(save, vm.changeGate()), Widgets.section(m.get("specs.history"), history));
        box.setPadding(new Insets(0, 0, 0, 8));
        ScrollPane scroll = new ScrollPane(box);
        scroll.setFitToWidth(true);
        return scroll;
    }

    /** "Sc 1.80–2.20 %, Fe ≤ 0.15 %, Na ≤ 50 ppm": never "Fe –0.15", which reads as a negative limit. */
    static String limitsText(Specification s, Quantities q) {
        return String.join(", ", s.limits().stream().map(l -> l.element() + " " + q.limit(l.element(), l.minPct(), l.maxPct())).toList());
    }

    private Label fieldLabel(SpecField f) {
        Label l = new Label(m.label("specs.field", f));
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    private TextField field(SpecField f) {
        TextField t = new TextField();
        t.setId("specsField-" + f.name());
        t.textProperty().bindBidirectional(vm.text(f));
        new FieldMarks<>(t, f).follow(vm.errors(), null);
        return t;
    }

    /**
     * The sector: a choice of the known sectors in the user's words ("Alliage mère", not {@code MASTER_ALLOY}), or a new
     * one typed in (kept as typed, made a code by the view model, which says what a sector may be). The view model
     * holds the code.
     */
    private ComboBox<String> sectorField() {
        ComboBox<String> c = new ComboBox<>(vm.sectors().filtered(code -> !code.isEmpty()));
        c.setId("specsField-" + SpecField.SECTOR.name());
        c.setEditable(true);
        c.setMaxWidth(Double.MAX_VALUE);
        c.setConverter(new StringConverter<>() {
            @Override
            public String toString(String code) {
                return code == null ? "" : m.sector(code);
            }

            @Override
            public String fromString(String typed) {
                String t = typed == null ? "" : typed.strip();
                for (String code : vm.sectors()) {
                    if (!code.isEmpty() && (m.sector(code).equalsIgnoreCase(t) || code.equalsIgnoreCase(t))) {
                        return code;
                    }
                }
                return t;
            }
        });
        c.valueProperty().bindBidirectional(vm.text(SpecField.SECTOR));
        new FieldMarks<>(c, SpecField.SECTOR).follow(vm.errors(), null);
        return c;
    }

    private Button button(String key, String id, Runnable action) {
        return Widgets.button(m.get(key), id, action);
    }

    private static <R> TableColumn<R, String> column(String title, Function<R, String> text, double width) {
        TableColumn<R, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(text.apply(cd.getValue())));
        c.setPrefWidth(width);
        return Widgets.wholeTextTips(c);
    }

    /**
     * A column whose cells are text fields bound both ways to the row's property; with {@code content}, the field of a
     * row in ppm says "ppm" beside it (the header's wt% is for the others, as in the Batch screen's composition table).
     */
    private static TableColumn<LimitRow, LimitRow> editable(String title, Function<LimitRow, StringProperty> property, String styleId,
                                                            double width, boolean content) {
        TableColumn<LimitRow, LimitRow> c = new TableColumn<>(title);
        c.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(cd.getValue()));
        c.setCellFactory(col -> new TableCell<>() {
            private final TextField field = new TextField();
            private final Label unit = new Label(PPM);
            private final Node graphic = content ? new HBox(4, field, unit) : field;
            private StringProperty bound;

            {
                field.getStyleClass().add(styleId);
                unit.getStyleClass().add(styleId + "-unit");
                unit.managedProperty().bind(unit.visibleProperty());
                unit.setMinWidth(Region.USE_PREF_SIZE);
                if (graphic instanceof HBox box) {
                    box.setAlignment(Pos.CENTER_LEFT);
                    HBox.setHgrow(field, Priority.ALWAYS);
                }
            }

            @Override
            protected void updateItem(LimitRow row, boolean empty) {
                super.updateItem(row, empty);
                if (bound != null) {
                    field.textProperty().unbindBidirectional(bound);
                    bound = null;
                }
                if (empty || row == null) {
                    setGraphic(null);
                    return;
                }
                bound = property.apply(row);
                field.textProperty().bindBidirectional(bound);
                unit.visibleProperty().bind(row.inPpmProperty());
                setGraphic(graphic);
            }
        });
        c.setPrefWidth(width);
        c.setSortable(false);
        return c;
    }
}
