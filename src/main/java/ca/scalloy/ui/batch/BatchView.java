package ca.scalloy.ui.batch;

import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.TextAlignment;
import javafx.util.StringConverter;

import ca.scalloy.engine.Quantities;
import ca.scalloy.engine.charge.MaterialKind;
import ca.scalloy.engine.charge.Objective;
import ca.scalloy.engine.library.LibraryMaterial;
import ca.scalloy.engine.doc.MeltHolding;
import ca.scalloy.engine.props.AlloyProperties;
import ca.scalloy.engine.spec.Specification;
import ca.scalloy.ui.common.ChoiceLabels;
import ca.scalloy.ui.common.FieldMarks;
import ca.scalloy.ui.common.MessageWords;
import ca.scalloy.ui.common.Messages;
import ca.scalloy.ui.common.Numbers;
import ca.scalloy.ui.common.PeakAgeing;
import ca.scalloy.ui.common.PhaseLabels;
import ca.scalloy.ui.common.ViewLifetime;
import ca.scalloy.ui.common.Widgets;

/**
 * The Batch screen, built in code: the recipe (header, targets, materials) above, the charge and
 * its checks below. It binds to {@link BatchViewModel} and holds no logic of its own.
 */
public final class BatchView {

    /** Rows of the editable tables: a text field or a choice box plus the cell's padding. */
    private static final double FORM_ROW_HEIGHT_PX = 30;
    /** The totals are laid out in columns of this many lines. */
    private static final int TOTALS_PER_COLUMN = 5;
    /** The first rows of the key properties, which ageing does not change. */
    private static final int SAME_AGED_AS_CAST = 3;

    private final BatchViewModel vm;
    private final Messages m;
    /** The library features (picker, compliance panel), or null without a library. */
    private final BatchLibrary library;
    /** The listeners on the view model, taken off when a language switch drops this view. */
    private final ViewLifetime life = new ViewLifetime();

    public BatchView(BatchViewModel vm, Messages messages) {
        this(vm, messages, null);
    }

    public BatchView(BatchViewModel vm, Messages messages, BatchLibrary library) {
        this.vm = vm;
        this.m = messages;
        this.library = library;
    }

    /**
     * Three panes one above the other, their dividers dragged by the user: the recipe (scrolling when taller than its
     * pane, so that at 1280 x 800 the materials keep their rows instead of being squeezed to two), the charge and its
     * analysis, and the tabs read after them.
     */
    public Parent build() {
        ScrollPane recipe = new ScrollPane(inputs());
        recipe.setFitToWidth(true);
        recipe.setFitToHeight(true);
        recipe.setId("recipePane");
        TabPane details = details();
        SplitPane split = new SplitPane(recipe, results(), details);
        split.setOrientation(Orientation.VERTICAL);
        // At 1280 x 800 the recipe's pane shows the header, the targets, the materials' buttons and five of their rows
        // without scrolling; the charge and the tabs share the rest.
        split.setDividerPositions(0.59, 0.8);
        split.getStyleClass().add("batch-screen");
        return life.attachTo(split);
    }

    // ------------------------------------------------------------------ inputs

    private Node inputs() {
        HBox top = new HBox(12, Widgets.section(m.get("batch.section.recipe"), recipeGrid()), targetsSection());
        HBox.setHgrow(top.getChildren().get(1), Priority.ALWAYS);
        VBox box = new VBox(8, top, materialsSection());
        VBox.setVgrow(box.getChildren().get(1), Priority.ALWAYS);
        box.setPadding(new Insets(8));
        return box;
    }

    private GridPane recipeGrid() {
        GridPane g = new GridPane();
        g.setHgap(8);
        g.setVgap(4);
        g.getStyleClass().add("recipe-grid");
        HeaderField[] left = {HeaderField.NAME, HeaderField.GRADE, HeaderField.BATCH_MASS_KG, HeaderField.FURNACE_CAPACITY_KG,
            HeaderField.MELT_LOSS_PCT, HeaderField.CONFIDENCE_PCT};
        HeaderField[] right = {HeaderField.RECOVERY_PCT, HeaderField.HEEL_MASS_KG, HeaderField.HEEL_COMPOSITION_WT_PCT};
        for (int i = 0; i < left.length; i++) {
            TextField field = headerField(left[i]);
            g.addRow(i, labelFor(left[i], field), field);
        }
        for (int i = 0; i < right.length; i++) {
            TextField field = headerField(right[i]);
            g.add(labelFor(right[i], field), 2, i);
            g.add(field, 3, i);
        }
        ComboBox<Objective> objective = new ComboBox<>();
        objective.getItems().setAll(Objective.values());
        objective.setConverter(ChoiceLabels.of(List.of(Objective.values()), v -> m.label("objective", v)));
        objective.valueProperty().bindBidirectional(vm.form().objectiveProperty());
        objective.setId("objective");
        objective.setMaxWidth(Double.MAX_VALUE);
        Label objectiveLabel = new Label(m.get("header.objective"));
        objectiveLabel.setMinWidth(Region.USE_PREF_SIZE);
        objectiveLabel.setLabelFor(objective);
        g.add(objectiveLabel, 2, right.length);
        g.add(objective, 3, right.length);
        CheckBox whole = new CheckBox(m.get("header.wholePieces"));
        whole.setId("wholePieces");
        whole.selectedProperty().bindBidirectional(vm.form().wholePiecesProperty());
        g.add(whole, 3, right.length + 1);
        ColumnConstraints labels = new ColumnConstraints();
        ColumnConstraints fields = new ColumnConstraints(120, 190, 260);
        ColumnConstraints labels2 = new ColumnConstraints();
        ColumnConstraints fields2 = new ColumnConstraints(140, 190, 260);
        g.getColumnConstraints().setAll(labels, fields, labels2, fields2);
        return g;
    }

    /**
     * A field's name, never cut (the field beside it gives way down to its minimum width), and the field's name for a
     * screen reader.
     */
    private Label labelFor(HeaderField f, TextField field) {
        Label l = new Label(m.label("header.field", f));
        l.setLabelFor(field);
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    private TextField headerField(HeaderField f) {
        TextField t = new TextField();
        t.setAccessibleText(m.label("header.field", f));
        t.setId("header-" + f.name());
        t.textProperty().bindBidirectional(vm.form().header().text(f));
        String promptKey = "header.prompt." + f.name();
        if (m.has(promptKey)) {
            t.setPromptText(m.get(promptKey));
        }
        new FieldMarks<>(t, f).follow(vm.form().header().errors(), vm.form().header().unmet());
        return t;
    }

    private Node targetsSection() {
        TableView<FormRow<TargetField>> table = new TableView<>(vm.form().targets());
        table.setId("targetsTable");
        table.getStyleClass().add("form-table");
        for (TargetField f : TargetField.values()) {
            table.getColumns().add(FormCells.textColumn(m.label("target.field", f), f, f == TargetField.ELEMENT ? 70 : 95));
        }
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        Widgets.headerTips(table);
        table.setPrefHeight(150);
        table.setFixedCellSize(FORM_ROW_HEIGHT_PX);
        HBox buttons = (HBox) rowButtons(table, vm::addTarget, vm::removeTarget);
        buttons.setId("targetsTools");
        return Widgets.section(m.get("batch.section.targets"), buttons, table);
    }

    private Node materialsSection() {
        TableView<MaterialRow> table = new TableView<>(vm.form().materials());
        table.setId("materialsTable");
        table.getStyleClass().add("form-table");
        for (MaterialField f : MaterialField.values()) {
            if (f == MaterialField.KIND) {
                table.getColumns().add(FormCells.choiceColumn(m.label("material.field", f), f, MaterialRow::kindProperty,
                        MaterialKind.values(), ChoiceLabels.of(List.of(MaterialKind.values()), v -> m.label("kind", v)), 135));
            } else {
                // A price the library holds another of offers its own "take the library's" button (the row's flag says which).
                TableColumn<MaterialRow, MaterialRow> column = f == MaterialField.PRICE_PER_KG && library != null
                        ? FormCells.textColumnWithAction(m.label("material.field", f), f, materialWidth(f), library.updatablePriceRows(),
                                library::updatePriceFromLibrary, m.get("batch.price.updateRow"), m.get("batch.price.updateRow.hint"))
                        : FormCells.textColumn(m.label("material.field", f), f, materialWidth(f));
                String hintKey = "material.hint." + f.name();
                if (m.has(hintKey)) {
                    Label header = new Label(column.getText());
                    header.setTooltip(new Tooltip(m.get(hintKey)));
                    column.setText(null);
                    column.setGraphic(header);
                }
                table.getColumns().add(column);
            }
        }
        // Five rows, the header and a sideways scroll bar: the recipe pane scrolls rather than squeezing it below that.
        Widgets.headerTips(table);
        table.setMinHeight(5 * FORM_ROW_HEIGHT_PX + 48);
        table.setPrefHeight(table.getMinHeight());
        table.setFixedCellSize(FORM_ROW_HEIGHT_PX);
        HBox buttons = (HBox) rowButtons(table, vm::addMaterial, vm::removeMaterial);
        buttons.setId("materialsTools");
        buttons.setAlignment(Pos.CENTER_LEFT);
        if (library != null) {
            Button update = new Button(m.get("batch.price.update"));
            update.setId("updatePrices");
            update.setTooltip(new Tooltip(m.get("batch.price.update.hint")));
            update.disableProperty().bind(library.updatablePricesProperty().isEqualTo(0));
            update.setOnAction(e -> library.updatePricesFromLibrary());
            buttons.getChildren().addAll(new Separator(Orientation.VERTICAL), libraryPicker(), new Separator(Orientation.VERTICAL),
                    update);
        }
        // The buttons on the title's line: at 1280 x 800 they show with the first five rows, without scrolling.
        return Widgets.section(m.get("batch.section.materials"), buttons, table);
    }

    /** "Add from library…": the library's materials, read again each time the list opens. */
    private Node libraryPicker() {
        ComboBox<LibraryMaterial> picker = new ComboBox<>(library.pickerMaterials());
        picker.setId("libraryPicker");
        picker.setPromptText(m.get("batch.library.pick"));
        picker.setPrefWidth(300);
        picker.setOnShowing(e -> library.refreshPicker());
        picker.setConverter(new StringConverter<>() {
            @Override
            public String toString(LibraryMaterial lm) {
                return lm == null ? "" : lm.id() + " — " + lm.material().name();
            }

            @Override
            public LibraryMaterial fromString(String s) {
                return null;
            }
        });
        Button add = new Button(m.get("batch.library.add"));
        add.setId("libraryPickerAdd");
        add.disableProperty().bind(picker.valueProperty().isNull());
        add.setOnAction(e -> {
            if (library.addToRecipe(picker.getValue())) {
                picker.setValue(null);
            }
        });
        HBox box = new HBox(6, picker, add);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private static double materialWidth(MaterialField f) {
        return switch (f) {
            case ID -> 100;
            case NAME -> 170;
            case ASSAY -> 190;
            case RECOVERY_PCT, ASSAY_SD_PCT, RECOVERY_SD_PCT -> 110;
            case FLUX_ID -> 95;
            default -> 78;
        };
    }

    private <R> Node rowButtons(TableView<R> table, Runnable add, Consumer<R> remove) {
        Button addButton = new Button(m.get("batch.add"));
        addButton.setOnAction(e -> add.run());
        Button removeButton = new Button(m.get("batch.remove"));
        removeButton.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        removeButton.setOnAction(e -> remove.accept(table.getSelectionModel().getSelectedItem()));
        return new HBox(6, addButton, removeButton);
    }

    // ------------------------------------------------------------------ results

    private Node results() {
        Label inputErrors = new Label();
        inputErrors.getStyleClass().addAll("banner", "banner-error");
        inputErrors.textProperty().bind(Bindings.createStringBinding(() -> m.get("batch.section.inputErrors") + "\n"
                + String.join("\n", vm.inputErrors()), vm.inputErrors()));
        showWhen(inputErrors, Bindings.isNotEmpty(vm.inputErrors()));
        inputErrors.setId("inputErrors");
        inputErrors.setWrapText(true);
        inputErrors.setMinHeight(Region.USE_PREF_SIZE);
        Label earlier = new Label();
        earlier.setId("earlierResults");
        earlier.getStyleClass().addAll("banner", "banner-stale");
        earlier.setWrapText(true);
        earlier.setMinHeight(Region.USE_PREF_SIZE);
        earlier.textProperty().bind(vm.earlierResultsProperty());
        showWhen(earlier, vm.earlierResultsProperty().isNotEmpty());

        VBox diagnosis = new VBox(2);
        diagnosis.getStyleClass().addAll("banner", "banner-infeasible");
        diagnosis.setId("diagnosis");
        Label diagnosisTitle = new Label(m.get("batch.section.diagnosis"));
        diagnosisTitle.getStyleClass().add("banner-title");
        ListChangeListener<String> fill = c -> {
            diagnosis.getChildren().setAll(diagnosisTitle);
            for (String line : vm.diagnosis()) {
                Label l = new Label("• " + line);
                l.setWrapText(true);
                // as tall as its wrapped lines (as the banners above): the VBox would otherwise keep it one line high
                // and cut it with "…"
                l.setMinHeight(Region.USE_PREF_SIZE);
                diagnosis.getChildren().add(l);
            }
        };
        life.listenToList(vm.diagnosis(), fill);
        fill.onChanged(null);
        showWhen(diagnosis, Bindings.isNotEmpty(vm.diagnosis()));

        Node chart = Widgets.section(m.get("batch.section.chart"), bandChart());
        // At its narrowest the chart's title goes on two lines rather than losing its end.
        chart.lookupAll(".section-title").forEach(n -> ((Label) n).setWrapText(true));
        HBox tables = new HBox(12, Widgets.section(m.get("batch.section.charge"), chargeTable()),
                Widgets.section(m.get("batch.section.composition"), compositionTable()), chart);
        HBox.setHgrow(tables.getChildren().get(0), Priority.ALWAYS);
        VBox.setVgrow(tables, Priority.ALWAYS);
        tables.setMinHeight(120);
        VBox results = new VBox(8, tables);
        VBox.setVgrow(results, Priority.ALWAYS);
        results.getStyleClass().add("results");
        results.opacityProperty().bind(Bindings.when(Bindings.isNotEmpty(vm.inputErrors())).then(0.45).otherwise(1.0));

        VBox box = new VBox(8, inputErrors, earlier, diagnosis, results);
        box.setPadding(new Insets(8));
        ScrollPane scroll = new ScrollPane(box);
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true);
        scroll.setId("resultsPane");
        return scroll;
    }

    /**
     * What is read after the charge shares one pane of tabs below it, so that at 1280 x 800 the charge table keeps
     * its rows instead of every panel being squeezed to a sliver.
     */
    private TabPane details() {
        // Warnings first, and only when there are some: the row is wider than the window at 1280 x 800, and what is cut
        // at its right end must not be a warning. Their number is on the tab's title, seen from every tab.
        Node warnings = Widgets.section(m.get("batch.section.warnings"), warningsList());
        warnings.setId("batchWarnings");
        warnings.visibleProperty().bind(Bindings.isNotEmpty(vm.warnings()));
        warnings.managedProperty().bind(warnings.visibleProperty());
        HBox summary = new HBox(12, warnings, Widgets.section(m.get("batch.section.totals"), totalsGrid()),
                Widgets.section(m.get("batch.section.keyProperties"), keyPropertiesGrid()));
        HBox.setHgrow(warnings, Priority.ALWAYS);
        Region insights = insightsRow();
        Tab strengthTab = detailTab("batch-tab-strength", m.get("batch.tab.strength"), strengthPanel());
        Tab summaryTab = detailTab("batch-tab-summary", vm.summaryTitleProperty().get(), summary);
        summaryTab.textProperty().bind(vm.summaryTitleProperty());
        life.listenToList(vm.warnings(), (ListChangeListener<String>) c -> markWarned(summaryTab));
        markWarned(summaryTab);
        TabPane details = new TabPane(summaryTab,
                detailTab("batch-tab-propertyTargets", m.get("batch.tab.propertyTargets"), propertyTargetsSection()),
                detailTab("batch-tab-insights", m.get("batch.tab.insights"), insights), strengthTab);
        // The curve costs a property-targeted solve per level: it is swept only while its tab is shown.
        // The chart takes the tab's height: at its own 200 px the cost axis's title was cut to "Coût par char…".
        ((ScrollPane) strengthTab.getContent()).setFitToHeight(true);
        strengthTab.selectedProperty().addListener((o, a, b) -> vm.strengthCost().setShown(b));
        vm.strengthCost().setShown(strengthTab.isSelected());
        if (library != null) {
            details.getTabs().add(detailTab("batch-tab-compliance", m.get("batch.tab.compliance"), compliancePanel()));
        }
        details.setId("batchDetails");
        details.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        details.setMinHeight(110);
        details.opacityProperty().bind(Bindings.when(Bindings.isNotEmpty(vm.inputErrors())).then(0.45).otherwise(1.0));
        return details;
    }

    /** The summary tab's title in the warning colour while the charge has warnings. */
    private void markWarned(Tab tab) {
        tab.getStyleClass().remove("warned");
        if (!vm.warnings().isEmpty()) {
            tab.getStyleClass().add("warned");
        }
    }

    /** A tab of the details pane: {@code content} scrolls when it is taller than the pane. */
    private Tab detailTab(String id, String title, Node content) {
        if (content instanceof Region r) {
            // each tab's sections as far from the edge as the panels above them (their titles sat on the sidebar's edge)
            r.setPadding(new Insets(0, 8, 0, 8));
        }
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("detail-scroll");
        Tab tab = new Tab(title, scroll);
        tab.setId(id);
        return tab;
    }

    /**
     * The property targets as edited (property, min, max, route, ageing) with what the charge reached on each: the
     * value, its band and met or not in words and colour; the diagnosis of a target no charge meets is the cell's tip.
     */
    private Node propertyTargetsSection() {
        TableView<PropertyTargetRow> table = new TableView<>(vm.form().propertyTargets());
        table.setId("propertyTargetsTable");
        table.getStyleClass().add("form-table");
        List<String> properties = ca.scalloy.engine.charge.PropertyTarget.PROPERTIES;
        table.getColumns().add(FormCells.choiceColumn(m.label("propertyTarget.field", PropertyTargetField.PROPERTY),
                PropertyTargetField.PROPERTY, (PropertyTargetRow r) -> r.text(PropertyTargetField.PROPERTY),
                properties.toArray(new String[0]), ChoiceLabels.of(properties, this::propertyChoice), 195));
        for (PropertyTargetField f : List.of(PropertyTargetField.MIN_VALUE, PropertyTargetField.MAX_VALUE)) {
            table.getColumns().add(hinted(FormCells.textColumn(m.label("propertyTarget.field", f), f, 72), "propertyTarget.hint." + f));
        }
        List<String> routes = java.util.Arrays.stream(ca.scalloy.engine.thermo.ProcessRoute.values()).map(Enum::name).toList();
        table.getColumns().add(FormCells.choiceColumn(m.label("propertyTarget.field", PropertyTargetField.PROCESS),
                PropertyTargetField.PROCESS, (PropertyTargetRow r) -> r.text(PropertyTargetField.PROCESS),
                routes.toArray(new String[0]), ChoiceLabels.of(routes, r -> m.get("ageing.route." + r)), 200));
        table.getColumns().add(hinted(FormCells.textColumn(m.label("propertyTarget.field", PropertyTargetField.SCHEDULE),
                PropertyTargetField.SCHEDULE, 105), "propertyTarget.hint." + PropertyTargetField.SCHEDULE));
        table.getColumns().add(reachedColumn("propertyTarget.col.reached", "reached", this::reachedValue, 95));
        table.getColumns().add(reachedColumn("propertyTarget.col.band", "band", this::reachedBand, 85));
        table.getColumns().add(reachedColumn("propertyTarget.col.met", "met", r -> m.get(r.met() ? "propertyTarget.met" : "propertyTarget.notMet"),
                95));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setFixedCellSize(FORM_ROW_HEIGHT_PX);
        table.setPrefHeight(150);
        // As wide as its columns: the results row above may be wider than the window, the verdict column must stay in view.
        double width = table.getColumns().stream().mapToDouble(TableColumn::getPrefWidth).sum() + 18;
        table.setPrefWidth(width);
        table.setMaxWidth(width);
        Label empty = new Label(m.get("propertyTarget.empty"));
        empty.setWrapText(true);
        empty.setPadding(new Insets(12));
        table.setPlaceholder(empty);
        Node buttons = rowButtons(table, vm::addPropertyTarget, vm::removePropertyTarget);
        VBox box = new VBox(4, table, buttons);
        VBox.setVgrow(table, Priority.ALWAYS);
        return Widgets.section(m.get("batch.section.propertyTargets"), box);
    }

    /** "Yield strength (MPa)". */
    private String propertyChoice(String key) {
        return m.get("propertyTarget.choice", m.get("propertyTarget.property." + key), m.get("propertyTarget.unit." + key));
    }

    /** A column whose header explains the field when pointed at. */
    private <R> TableColumn<R, R> hinted(TableColumn<R, R> column, String hintKey) {
        if (m.has(hintKey)) {
            Label header = new Label(column.getText());
            header.setTooltip(new Tooltip(m.get(hintKey)));
            column.setText(null);
            column.setGraphic(header);
        }
        return column;
    }

    /** "420 MPa": the value reached, in the property's unit. */
    private String reachedValue(PropertyTargetRow.Reached r) {
        return Double.isNaN(r.value()) ? m.get("propertyTarget.noValue")
                : m.get("propertyTarget.value", num(r.value(), PropertyTargetRow.decimals(r.property())), m.get("propertyTarget.unit." + r.property()));
    }

    /** "± 18", or "−12 / +20" when the band is not centred on the value. */
    private String reachedBand(PropertyTargetRow.Reached r) {
        if (Double.isNaN(r.low()) || Double.isNaN(r.high()) || Double.isNaN(r.value())) {
            return m.get("propertyTarget.noValue");
        }
        int d = PropertyTargetRow.decimals(r.property());
        String below = num(r.value() - r.low(), d);
        String above = num(r.high() - r.value(), d);
        return below.equals(above) ? m.get("propertyTarget.bandSymmetric", below) : m.get("propertyTarget.bandAsymmetric", below, above);
    }

    /** A result column of the property targets: its text from the row's last reached value, the met column coloured. */
    private TableColumn<PropertyTargetRow, PropertyTargetRow.Reached> reachedColumn(String titleKey, String id,
            Function<PropertyTargetRow.Reached, String> text, double width) {
        TableColumn<PropertyTargetRow, PropertyTargetRow.Reached> c = new TableColumn<>(m.get(titleKey));
        c.setId(id);
        c.setCellValueFactory(cd -> cd.getValue().reachedProperty());
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(PropertyTargetRow.Reached r, boolean empty) {
                super.updateItem(r, empty);
                getStyleClass().removeAll("status-pass", "status-fail");
                setTooltip(null);
                if (empty || r == null) {
                    setText(null);
                    return;
                }
                setText(text.apply(r));
                if (id.equals("met")) {
                    getStyleClass().add(r.met() ? "status-pass" : "status-fail");
                }
                if (r.diagnosis() != null) {
                    setTooltip(new Tooltip(r.diagnosis()));
                }
            }
        });
        c.setSortable(false);
        c.setPrefWidth(width);
        return c;
    }

    /**
     * The least cost against the minimum yield strength asked, the charge on show marked; the levels no charge
     * reaches are said in words under the chart (the axis runs on to them).
     */
    private Node strengthPanel() {
        StrengthCostViewModel sc = vm.strengthCost();
        Label caption = new Label();
        caption.setId("strengthCaption");
        caption.setWrapText(true);
        caption.textProperty().bind(sc.captionProperty());
        caption.setMinHeight(Region.USE_PREF_SIZE);
        Label out = new Label();
        out.setId("strengthOutOfReach");
        out.setWrapText(true);
        out.getStyleClass().add("strength-out-of-reach");
        out.textProperty().bind(sc.outOfReachProperty());
        showWhen(out, sc.outOfReachProperty().isNotEmpty());
        NumberAxis yield = new NumberAxis();
        yield.setLabel(m.get("strength.axis.yield"));
        yield.setForceZeroInRange(false);
        NumberAxis cost = new NumberAxis();
        cost.setLabel(m.get("strength.axis.cost"));
        cost.setForceZeroInRange(false);
        // Tick labels in the user's number style ("30 000" in French), not the machine's.
        yield.setTickLabelFormatter(numberLabels(m));
        cost.setTickLabelFormatter(numberLabels(m));
        LineChart<Number, Number> chart = new LineChart<>(yield, cost);
        chart.setId("strengthChart");
        chart.setAnimated(false);
        chart.setPrefSize(600, 200);
        chart.setLegendSide(javafx.geometry.Side.TOP);
        chart.setMinSize(320, 230);
        Runnable redraw = () -> {
            StrengthCostViewModel.Level c = sc.currentProperty().get();
            double[] range = sc.rangeProperty().get();
            if (range == null) {
                yield.setAutoRanging(true);
            } else {
                // The axis runs to the last level asked, reachable or not, so that where the curve stops shows.
                double span = Math.max(range[1] - range[0], 1);
                double tick = niceTick(span / 6);
                yield.setAutoRanging(false);
                yield.setLowerBound(Math.floor(Math.min(range[0], c == null ? range[0] : c.minYieldMPa()) / tick) * tick);
                yield.setUpperBound(Math.ceil(range[1] / tick) * tick);
                yield.setTickUnit(tick);
            }
            chart.getData().setAll(curveAndCharge(m.get("strength.series"), sc.levels(), m.get("strength.chosen"), c,
                    StrengthCostViewModel.Level::minYieldMPa, StrengthCostViewModel.Level::cost));
        };
        life.listenToList(sc.levels(), (ListChangeListener<StrengthCostViewModel.Level>) ch -> redraw.run());
        life.listen(sc.currentProperty(), (o, a, b) -> redraw.run());
        life.listen(sc.rangeProperty(), (o, a, b) -> redraw.run());
        redraw.run();
        VBox words = new VBox(6, caption, out);
        words.setPrefWidth(300);
        words.setMinWidth(220);
        // Chart and words keep their widths: the results row above may be wider than the window, and this panel must not follow it.
        HBox box = new HBox(12, chart, words);
        box.setId("strengthPanel");
        box.opacityProperty().bind(Bindings.when(sc.staleProperty()).then(0.55).otherwise(1.0));
        return Widgets.section(m.get("batch.section.strength"), box);
    }

    /** A curve and, as a series of its own, the charge on show (none when {@code chosen} is null). */
    private static <P> List<XYChart.Series<Number, Number>> curveAndCharge(String curveName, List<P> curve, String chosenName, P chosen,
                                                                           Function<P, Number> x, Function<P, Number> y) {
        XYChart.Series<Number, Number> line = new XYChart.Series<>();
        line.setName(curveName);
        for (P p : curve) {
            line.getData().add(new XYChart.Data<>(x.apply(p), y.apply(p)));
        }
        XYChart.Series<Number, Number> charge = new XYChart.Series<>();
        charge.setName(chosenName);
        if (chosen != null) {
            charge.getData().add(new XYChart.Data<>(x.apply(chosen), y.apply(chosen)));
        }
        return List.of(line, charge);
    }

    /** 1, 2 or 5 times a power of ten, at least {@code raw}. */
    private static double niceTick(double raw) {
        double p = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double f : new double[] {1, 2, 5, 10}) {
            if (f * p >= raw) {
                return f * p;
            }
        }
        return 10 * p;
    }

    /** Beside the charge: its probability of passing, what its limits cost, and where it sits on the cost-against-CO2 front. */
    private Region insightsRow() {
        ChargeInsightsViewModel in = vm.insights();
        Label pass = new Label();
        pass.setId("passProbability");
        pass.getStyleClass().add("pass-probability");
        pass.setWrapText(true);
        pass.textProperty().bind(in.passTextProperty());
        pass.setMinHeight(Region.USE_PREF_SIZE);
        Label spreads = new Label();
        spreads.setId("spreadsSource");
        spreads.setWrapText(true);
        spreads.textProperty().bind(in.spreadsTextProperty());
        spreads.setMinHeight(Region.USE_PREF_SIZE);
        CategoryAxis elements = new CategoryAxis();
        elements.setLabel(m.get("insight.chart.element"));
        NumberAxis passAxis = new NumberAxis(m.get("insight.chart.passPct"), 0, 100, 20);
        BarChart<String, Number> rates = new BarChart<>(elements, passAxis);
        rates.setId("passChart");
        rates.setLegendVisible(false);
        rates.setAnimated(false);
        rates.setPrefSize(280, 170);
        rates.setMinHeight(150);
        ListChangeListener<ChargeInsightsViewModel.ElementRate> redrawRates = c -> {
            XYChart.Series<String, Number> series = new XYChart.Series<>();
            for (ChargeInsightsViewModel.ElementRate r : in.elementRates()) {
                series.getData().add(new XYChart.Data<>(r.element(), r.passPct()));
            }
            rates.getData().setAll(List.of(series));
        };
        life.listenToList(in.elementRates(), redrawRates);
        redrawRates.onChanged(null);
        VBox certainty = new VBox(4, pass, spreads, rates);
        certainty.setPrefWidth(290);
        certainty.setMinWidth(250);

        ListView<String> limits = Widgets.messageList(in.limitLines(), m.get("totals.none"), "sensitivityLimits", 5 * 24);
        ListView<String> prices = Widgets.messageList(in.priceLines(), m.get("totals.none"), "sensitivityPrices", 4 * 24);
        VBox sensitivity = new VBox(4, limits, prices);
        sensitivity.setMinWidth(240);
        VBox.setVgrow(limits, Priority.ALWAYS);

        NumberAxis co2 = new NumberAxis();
        co2.setLabel(m.get("insight.front.co2"));
        co2.setForceZeroInRange(false);
        NumberAxis cost = new NumberAxis();
        cost.setLabel(m.get("insight.front.cost"));
        cost.setForceZeroInRange(false);
        LineChart<Number, Number> front = new LineChart<>(co2, cost);
        front.setId("frontChart");
        front.setAnimated(false);
        front.setPrefSize(330, 230);
        front.setMinSize(280, 190);
        Runnable redrawFront = () -> front.getData().setAll(curveAndCharge(m.get("insight.front.series"), in.front(),
                m.get("insight.front.chosen"), in.chosenProperty().get(), ChargeInsightsViewModel.FrontPoint::co2Kg,
                ChargeInsightsViewModel.FrontPoint::cost));
        life.listenToList(in.front(), (ListChangeListener<ChargeInsightsViewModel.FrontPoint>) c -> redrawFront.run());
        life.listen(in.chosenProperty(), (o, a, b) -> redrawFront.run());
        redrawFront.run();

        Label frontNote = new Label();
        frontNote.setId("frontNote");
        frontNote.setWrapText(true);
        frontNote.setMaxWidth(330);
        frontNote.textProperty().bind(in.frontNoteProperty());
        showWhen(frontNote, in.frontNoteProperty().isNotEmpty());
        // no axes without a front (empty, they showed made-up ranges)
        showWhen(front, in.frontNoteProperty().isEmpty());
        HBox row = new HBox(12, Widgets.section(m.get("batch.section.certainty"), certainty),
                Widgets.section(m.get("batch.section.sensitivity"), sensitivity),
                Widgets.section(m.get("batch.section.front"), new VBox(4, frontNote, front)));
        HBox.setHgrow(row.getChildren().get(1), Priority.ALWAYS);
        row.setId("insights");
        row.opacityProperty().bind(Bindings.when(in.staleProperty()).then(0.55).otherwise(1.0));
        return row;
    }

    /** The sector matrix for the product (verdict in words and colour) and "make it comply". */
    private Node compliancePanel() {
        TableView<BatchLibrary.ComplianceRow> matrix = new TableView<>(library.matrix());
        matrix.setId("complianceMatrix");
        TableColumn<BatchLibrary.ComplianceRow, BatchLibrary.ComplianceRow> verdict = new TableColumn<>(m.get("compliance.column.verdict"));
        verdict.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(cd.getValue()));
        verdict.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(BatchLibrary.ComplianceRow row, boolean empty) {
                super.updateItem(row, empty);
                getStyleClass().removeAll("verdict-PASS", "verdict-MARGINAL", "verdict-FAIL");
                if (empty || row == null) {
                    setText(null);
                    return;
                }
                setText(row.verdictText());
                getStyleClass().add("verdict-" + row.verdict().name());
            }
        });
        verdict.setPrefWidth(110);
        matrix.getColumns().setAll(List.of(Widgets.column(m.get("compliance.column.spec"), BatchLibrary.ComplianceRow::specification, 220),
                Widgets.column(m.get("compliance.column.sector"), (BatchLibrary.ComplianceRow r) -> m.sector(r.sector()), 100), verdict,
                Widgets.column(m.get("compliance.column.worst"), BatchLibrary.ComplianceRow::worstElement, 150),
                Widgets.column(m.get("compliance.column.margin"), BatchLibrary.ComplianceRow::marginPct, 120)));
        matrix.setPrefHeight(190);
        Label note = new Label();
        note.setId("complianceNote");
        note.textProperty().bind(library.matrixNoteProperty());
        matrix.setPlaceholder(new Label(m.get("compliance.empty")));
        VBox left = new VBox(4, note, matrix);
        HBox.setHgrow(left, Priority.ALWAYS);

        ComboBox<Specification> spec = new ComboBox<>(library.specifications());
        spec.setId("complySpec");
        spec.setPromptText(m.get("comply.spec"));
        spec.setMaxWidth(Double.MAX_VALUE);
        spec.setConverter(new StringConverter<>() {
            @Override
            public String toString(Specification s) {
                return s == null ? "" : m.get("comply.spec.item", s.name(), m.sector(s.sector()));
            }

            @Override
            public Specification fromString(String s) {
                return null;
            }
        });
        spec.valueProperty().bindBidirectional(library.complySpecProperty());
        matrix.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null) {
                library.specifications().stream().filter(x -> x.name().equals(b.specification())).findFirst().ifPresent(spec::setValue);
            }
        });
        Button run = new Button(m.get("comply.run"));
        run.setId("complyRun");
        run.setOnAction(e -> library.makeItComply());
        run.disableProperty().bind(spec.valueProperty().isNull());
        Button apply = new Button(m.get("comply.apply"));
        apply.setId("complyApply");
        apply.disableProperty().bind(library.canApplyProperty().not());
        apply.setOnAction(e -> library.applyComplyTargets());
        Label result = new Label();
        result.setId("complyResult");
        result.setWrapText(true);
        result.textProperty().bind(library.complyResultProperty());
        Label intro = new Label(m.get("comply.intro"));
        intro.setWrapText(true);
        VBox right = new VBox(6, intro, spec, new HBox(6, run, apply), result);
        right.setPrefWidth(380);
        right.setMinWidth(300);
        HBox panel = new HBox(12, left, right);
        return Widgets.section(m.get("batch.section.compliance"), panel);
    }

    private static void showWhen(Region node, BooleanBinding condition) {
        node.visibleProperty().bind(condition);
        node.managedProperty().bind(condition);
    }

    private Node chargeTable() {
        TableView<ChargeRow> t = new TableView<>(vm.chargeRows());
        t.setId("chargeTable");
        // names and kinds give way in a narrow window ("Primary aluminiu…", "Compo…"): whole in their tooltips
        t.getColumns().add(Widgets.wholeTextTips(Widgets.column(m.get("charge.col.material"), ChargeRow::name, 175)));
        t.getColumns().add(Widgets.wholeTextTips(Widgets.column(m.get("charge.col.kind"), r -> m.label("kind", r.kind()), 95)));
        TableColumn<ChargeRow, Number> mass = numberColumn(m.get("charge.col.massKg"), ChargeRow::massKg, 2, 3);
        mass.setPrefWidth(92);
        t.getColumns().add(mass);
        t.getColumns().add(Widgets.column(m.get("charge.col.pieces"),
                r -> r.pieces() == null ? "" : Numbers.flexible(r.pieces(), 0, 1, m.locale()), 60));
        // The plant's currency on the column, as the totals carry it on each amount.
        TableColumn<ChargeRow, Number> cost = numberColumn(m.get("charge.col.cost", m.quantities().currencyCode()),
                ChargeRow::cost, 2, 2);
        t.getColumns().add(cost);
        // What is weighed must never be cut to "713....": the numbers keep their width, the names give way.
        t.getColumns().get(0).setMinWidth(110);
        t.getColumns().get(1).setMinWidth(70);
        mass.setMinWidth(88);
        t.getColumns().get(3).setMinWidth(48);
        cost.setMinWidth(84);
        // The scroll bar and the borders beside the columns.
        t.setMinWidth(110 + 70 + 88 + 48 + 84 + 22);
        // Its share of a narrow window is its minimum; the row's spare width goes to it (it grows, the others do not).
        t.setPrefWidth(t.getMinWidth());
        t.setPlaceholder(noResultLabel());
        t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        t.setPrefHeight(200);
        return t;
    }

    private Node compositionTable() {
        TableView<CompositionRow> t = new TableView<>(vm.compositionRows());
        t.setId("compositionTable");
        t.getColumns().add(Widgets.column(m.get("composition.col.element"), CompositionRow::element, 66));
        // An element the plant reads in ppm shows ppm with its unit in each cell: the header's wt% is for the others.
        Quantities q = m.quantities();
        t.getColumns().add(contentColumn(m.get("composition.col.min"), r -> r.cellText(r.minWtPct(), q), 52));
        t.getColumns().add(contentColumn(m.get("composition.col.aim"), r -> r.cellText(r.aimWtPct(), q), 52));
        t.getColumns().add(contentColumn(m.get("composition.col.max"), r -> r.cellText(r.maxWtPct(), q), 52));
        t.getColumns().add(contentColumn(m.get("composition.col.wtPct"), r -> r.cellText(r.valueWtPct(), q), 80));
        t.getColumns().add(numberColumn(m.get("composition.col.atPct"), CompositionRow::valueAtPct, 3, 4));
        TableColumn<CompositionRow, CompositionRow> status = new TableColumn<>(m.get("composition.col.status"));
        status.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        status.setCellFactory(c -> new StatusCell(m));
        status.setPrefWidth(110);
        status.setSortable(false);
        t.getColumns().add(status);
        // Each header whole at its minimum in both languages ("Élément", "Visée", "% mass."), the full name in a tip.
        double[] minWidthsPx = {62, 48, 52, 48, 64, 58, 100};
        String[] headerKeys = {"composition.col.element", "composition.col.min", "composition.col.aim", "composition.col.max",
            "composition.col.wtPct", "composition.col.atPct", "composition.col.status"};
        for (int i = 0; i < minWidthsPx.length; i++) {
            TableColumn<CompositionRow, ?> c = t.getColumns().get(i);
            c.setMinWidth(minWidthsPx[i]);
            Label header = new Label(c.getText());
            header.setTooltip(new Tooltip(m.get(headerKeys[i] + ".hint")));
            c.setText(null);
            c.setGraphic(header);
        }
        t.setPlaceholder(noResultLabel());
        t.setPrefHeight(200);
        t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        t.setMinWidth(Arrays.stream(minWidthsPx).sum() + 20);
        t.setPrefWidth(t.getMinWidth() + 20);
        return t;
    }

    private Node bandChart() {
        BandChart chart = new BandChart();
        chart.setId("bandChart");
        // A drawing says nothing to a screen reader: it reads the chart's title; the values are in the table beside it.
        chart.setAccessibleText(m.get("batch.section.chart"));
        ListChangeListener<CompositionRow> redraw = c -> chart.show(vm.compositionRows(), m.quantities());
        life.listenToList(vm.compositionRows(), redraw);
        redraw.onChanged(null);
        chart.setPrefWidth(270);
        // Label, a band of 40 px and the value ("4.450 %", "12 ppm"): beside the two tables in 1280 pixels.
        chart.setMinWidth(175);
        return chart;
    }

    private Node totalsGrid() {
        GridPane g = new GridPane();
        g.setHgap(10);
        g.setVgap(3);
        g.setId("totals");
        g.getStyleClass().add("totals");
        String[] keys = {"totals.productKg", "totals.slagKg", "totals.drossKg", "totals.heelKg", "totals.balance",
            "totals.scRecovery", "totals.cost", "totals.costPerKg", "totals.co2", "totals.co2PerKg"};
        Label[] values = new Label[keys.length];
        for (int i = 0; i < keys.length; i++) {
            values[i] = new Label();
            values[i].getStyleClass().add("total-value");
            values[i].setMinWidth(Region.USE_PREF_SIZE);
            Label name = new Label(m.get(keys[i]));
            name.setMinWidth(Region.USE_PREF_SIZE);
            g.add(name, 2 * (i / TOTALS_PER_COLUMN), i % TOTALS_PER_COLUMN);
            g.add(values[i], 2 * (i / TOTALS_PER_COLUMN) + 1, i % TOTALS_PER_COLUMN);
        }
        Runnable fill = () -> {
            Totals t = vm.totalsProperty().get();
            String[] text = t == null ? new String[keys.length] : new String[] {
                kg(t.productKg()), kg(t.slagKg()), kg(t.drossKg()), kg(t.heelKg()),
                m.get("totals.balanceValue", num(t.inKg(), 2), num(t.outKg(), 2)),
                t.scRecoveryPct() == null ? null : m.get("totals.pct", num(t.scRecoveryPct(), 1)),
                m.quantities().money(t.cost()), m.quantities().moneyPerKg(t.costPerKg()), kg(t.co2Kg()),
                m.get("totals.kgPerKg", num(t.co2KgPerKg(), 3))};
            for (int i = 0; i < keys.length; i++) {
                values[i].setText(text[i] == null ? m.get("totals.none") : text[i]);
            }
        };
        life.listen(vm.totalsProperty(), (o, a, b) -> fill.run());
        fill.run();
        return g;
    }

    /** The product's key property estimates, as cast and after the usual ageing, refreshed with each charge. */
    private Node keyPropertiesGrid() {
        GridPane g = new GridPane();
        g.setHgap(12);
        g.setVgap(3);
        g.setId("keyProperties");
        g.getStyleClass().add("totals");
        String[] keys = {"keyProps.density", "keyProps.liquidus", "keyProps.holding", "keyProps.scInSolution", "keyProps.yield",
            "keyProps.conductivity"};
        Label asCastTitle = new Label(m.get("keyProps.asCast"));
        Label agedTitle = new Label(m.get("keyProps.agedTitle", num(PeakAgeing.TEMP_C, 0),
                Numbers.flexible(PeakAgeing.HOURS, 0, 1, m.locale())));
        asCastTitle.getStyleClass().add("subsection-title");
        agedTitle.getStyleClass().add("subsection-title");
        g.add(asCastTitle, 1, 0);
        g.add(agedTitle, 2, 0);
        Label[][] values = new Label[keys.length][2];
        for (int i = 0; i < keys.length; i++) {
            Label name = new Label(m.get(keys[i]));
            name.setMinWidth(Region.USE_PREF_SIZE);
            g.add(name, 0, i + 1);
            for (int j = 0; j < 2; j++) {
                if (j == 1 && i < SAME_AGED_AS_CAST) {
                    // Density, liquidus and holding temperature do not change with ageing: one value across both columns.
                    GridPane.setColumnSpan(values[i][0], 2);
                    continue;
                }
                values[i][j] = new Label();
                values[i][j].getStyleClass().add("key-value");
                values[i][j].setMinWidth(Region.USE_PREF_SIZE);
                values[i][j].setId(keys[i].replace('.', '-') + (j == 0 ? "-asCast" : "-aged"));
                g.add(values[i][j], j + 1, i + 1);
            }
        }
        Tooltip liquidusSource = new Tooltip();
        Tooltip holdingSource = new Tooltip();
        values[1][0].setTooltip(liquidusSource);
        values[2][0].setTooltip(holdingSource);
        Runnable fill = () -> {
            KeyProperties k = vm.keyPropertiesProperty().get();
            for (int j = 0; j < 2; j++) {
                String[] text = k == null ? new String[keys.length] : keyPropertyTexts(k, j == 0 ? k.asCast() : k.aged());
                for (int i = 0; i < keys.length; i++) {
                    if (values[i][j] != null) {
                        values[i][j].setText(text[i] == null ? m.get("totals.none") : text[i]);
                    }
                }
            }
            liquidusSource.setText(k == null ? m.get("keyProps.hint") : liquidusSource(k.melt()));
            holdingSource.setText(k == null ? m.get("keyProps.hint") : m.get("keyProps.holdingSource", num(k.melt().superheatC(), 0),
                    MessageWords.of(k.melt().superheatSource(), m), num(k.melt().minimumHoldingC(), 0)));
        };
        life.listen(vm.keyPropertiesProperty(), (o, a, b) -> fill.run());
        fill.run();
        g.opacityProperty().bind(Bindings.when(vm.keyPropertiesStaleProperty()).then(0.55).otherwise(1.0));
        Tooltip.install(g, new Tooltip(m.get("keyProps.hint")));
        return g;
    }

    private String liquidusSource(MeltHolding melt) {
        return melt.model() == MeltHolding.LiquidusModel.THERMODYNAMIC_DATA
                ? m.get("keyProps.liquidusSource.data", String.join("\n", MessageWords.of(melt.database().citations(), m)))
                : m.get("keyProps.liquidusSource.dilute", MessageWords.of(melt.fallbackReason(), m));
    }

    private String[] keyPropertyTexts(KeyProperties k, AlloyProperties p) {
        MeltHolding melt = k.melt();
        return new String[] {
            m.get("keyProps.densityValue", num(p.densityGPerCm3(), 3)),
            melt.primaryPhase() == null
                    ? m.get("keyProps.liquidusValue", num(melt.liquidusC(), 0), num(melt.liquidusBandC(), 0))
                    : m.get("keyProps.liquidusPrimary", num(melt.liquidusC(), 0), PhaseLabels.of(melt.primaryPhase())),
            melt.floorApplies() ? m.get("keyProps.holdingFloor", num(melt.holdingTempC(), 0))
                    : m.get("keyProps.holdingValue", num(melt.holdingTempC(), 0), num(melt.superheatC(), 0)),
            m.get("keyProps.scValue", num(p.scInSolutionWtPct(), 3)),
            m.get("keyProps.yieldValue", num(p.yieldStrength().valueMPa(), 0), num(p.yieldStrength().lowMPa(), 0),
                    num(p.yieldStrength().highMPa(), 0)),
            m.get("keyProps.conductivityValue", num(p.conductivityPctIACS(), 1))};
    }

    private Node warningsList() {
        ListView<String> list = Widgets.messageList(vm.warnings(), m.get("batch.noWarnings"), "warnings", 4 * 24);
        list.setMinWidth(260);
        return list;
    }

    /** An axis's tick labels as numbers in the user's style. */
    private static StringConverter<Number> numberLabels(Messages m) {
        return new StringConverter<>() {
            @Override
            public String toString(Number n) {
                return n == null ? "" : Numbers.flexible(n.doubleValue(), 0, 2, m.locale());
            }

            @Override
            public Number fromString(String text) {
                return Numbers.parseOptional(text);
            }
        };
    }

    /** What an empty results table says: nothing solved yet, or no charge (the diagnosis says why). */
    private Label noResultLabel() {
        Label l = new Label();
        l.textProperty().bind(Bindings.createStringBinding(() -> m.get(
                vm.resultStateProperty().get() == BatchViewModel.ResultState.INFEASIBLE ? "batch.noCharge" : "batch.noResult"),
                vm.resultStateProperty()));
        l.setWrapText(true);
        l.setTextAlignment(TextAlignment.CENTER);
        l.setPadding(new Insets(12));
        return l;
    }

    private String kg(double v) {
        return m.get("totals.kg", num(v, 2));
    }

    private String num(double v, int decimals) {
        return Numbers.fixed(v, decimals, m.locale());
    }

    // ------------------------------------------------------------------ small builders




    private <R> TableColumn<R, Number> numberColumn(String title, Function<R, Double> value, int minDecimals, int maxDecimals) {
        TableColumn<R, Number> c = new TableColumn<>(title);
        c.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(value.apply(cd.getValue())));
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(Number v, boolean empty) {
                super.updateItem(v, empty);
                setText(empty || v == null ? null : Numbers.flexible(v.doubleValue(), minDecimals, maxDecimals, m.locale()));
            }
        });
        c.getStyleClass().add("number");
        c.setSortable(false);
        c.setPrefWidth(80);
        return c;
    }

    /** A right-aligned column of contents already written in the plant's unit for their element. */
    private static <R> TableColumn<R, String> contentColumn(String title, Function<R, String> text, double prefWidth) {
        TableColumn<R, String> c = Widgets.column(title, text, prefWidth);
        c.getStyleClass().add("number");
        c.setSortable(false);
        return c;
    }

    /** PASS / FAIL in words and colour; a dash for an element without limits. */
    private static final class StatusCell extends TableCell<CompositionRow, CompositionRow> {
        private final Messages m;

        StatusCell(Messages m) {
            this.m = m;
        }

        @Override
        protected void updateItem(CompositionRow r, boolean empty) {
            super.updateItem(r, empty);
            getStyleClass().removeAll("status-pass", "status-fail");
            if (empty || r == null) {
                setText(null);
            } else if (!r.targeted()) {
                setText(m.get("composition.noLimit"));
            } else {
                setText(m.get(r.within() ? "composition.pass" : "composition.fail"));
                getStyleClass().add(r.within() ? "status-pass" : "status-fail");
            }
        }
    }
}
