package ca.scalloy.ui.properties;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.RadioButton;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;

import ca.scalloy.engine.thermo.ProcessRoute;
import ca.scalloy.io.AtomicFiles;
import ca.scalloy.ui.common.ChoiceLabels;
import ca.scalloy.ui.common.FieldMarks;
import ca.scalloy.ui.common.Messages;
import ca.scalloy.ui.common.ViewLifetime;
import ca.scalloy.ui.common.Widgets;

/**
 * The Properties screen, built in code: the alloy and its thermal state above; below, one tab each for
 * the table of estimates (with the warnings and the strength chart), the Scheil curve, the equilibrium
 * phase fractions against temperature, the ageing curves and the phase diagram. Each chart tab shows
 * its progress while it is calculated and exports its picture as PNG. Binds to the view models; no
 * logic of its own.
 */
public final class PropertiesView {

    private final PropertiesViewModel vm;
    private final SolidificationViewModel solidification;
    private final AgeingViewModel ageing;
    private final PhaseDiagramViewModel diagramVm;
    private final Messages m;
    /** The listeners on the view models, taken off when a language switch drops this view. */
    private final ViewLifetime life = new ViewLifetime();

    public PropertiesView(PropertiesViewModel vm, SolidificationViewModel solidification, AgeingViewModel ageing,
                          PhaseDiagramViewModel diagramVm, Messages messages) {
        this.vm = vm;
        this.solidification = solidification;
        this.ageing = ageing;
        this.diagramVm = diagramVm;
        this.m = messages;
    }

    public Parent build() {
        Map<PropertiesViewModel.Tab, Tab> tabs = new EnumMap<>(PropertiesViewModel.Tab.class);
        tabs.put(PropertiesViewModel.Tab.ESTIMATES, new Tab(m.get("properties.tab.table"), estimates()));
        tabs.put(PropertiesViewModel.Tab.SCHEIL, new Tab(m.get("properties.tab.scheil"), plotTab(solidification.scheil(), "scheil", new HBox())));
        tabs.put(PropertiesViewModel.Tab.EQUILIBRIUM, new Tab(m.get("properties.tab.equilibrium"),
                plotTab(solidification.phases(), "equilibrium", new HBox())));
        tabs.put(PropertiesViewModel.Tab.AGEING, new Tab(m.get("properties.tab.ageing"), plotTab(ageing.chart(), "ageing", ageingControls())));
        tabs.put(PropertiesViewModel.Tab.DIAGRAM, new Tab(m.get("properties.tab.diagram"), diagram()));
        TabPane pane = new TabPane();
        tabs.forEach((which, tab) -> {
            tab.setId("tab-" + which.name());
            pane.getTabs().add(tab);
        });
        tabs.get(PropertiesViewModel.Tab.ESTIMATES).setId("tab-properties");
        tabs.get(PropertiesViewModel.Tab.DIAGRAM).setId("tab-diagram");
        pane.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        pane.getSelectionModel().select(tabs.get(vm.tabProperty().get()));
        pane.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> tabs.forEach((which, tab) -> {
            if (tab == b) {
                vm.tabProperty().set(which);
            }
        }));
        life.listen(vm.tabProperty(), (o, a, b) -> pane.getSelectionModel().select(tabs.get(b)));
        VBox.setVgrow(pane, Priority.ALWAYS);
        VBox box = new VBox(8, inputs(), problems(), pane);
        box.setPadding(new Insets(8));
        box.getStyleClass().add("properties-screen");
        // A chart is calculated only while it is on screen: its tab selected and this screen shown.
        BooleanBinding onScreen = box.sceneProperty().isNotNull();
        bindActive(solidification.scheil(), onScreen, pane, tabs.get(PropertiesViewModel.Tab.SCHEIL));
        bindActive(solidification.phases(), onScreen, pane, tabs.get(PropertiesViewModel.Tab.EQUILIBRIUM));
        bindActive(ageing.chart(), onScreen, pane, tabs.get(PropertiesViewModel.Tab.AGEING));
        bindActive(diagramVm.chart(), onScreen, pane, tabs.get(PropertiesViewModel.Tab.DIAGRAM));
        return life.attachTo(box);
    }

    private void bindActive(ChartModel chart, BooleanBinding onScreen, TabPane pane, Tab tab) {
        chart.activeProperty().bind(onScreen.and(pane.getSelectionModel().selectedItemProperty().isEqualTo(tab)));
        // the chart's model would otherwise stay bound to this view's tabs (and keep it) until a new view binds it
        life.onEnd(() -> {
            chart.activeProperty().unbind();
            chart.activeProperty().set(false);
        });
    }

    // ------------------------------------------------------------------ inputs

    private Node inputs() {
        ToggleGroup source = new ToggleGroup();
        RadioButton product = new RadioButton(m.label("properties.input", PropertiesViewModel.Input.RECIPE_PRODUCT));
        product.setId("input-RECIPE_PRODUCT");
        RadioButton typed = new RadioButton(m.label("properties.input", PropertiesViewModel.Input.COMPOSITION));
        typed.setId("input-COMPOSITION");
        product.setToggleGroup(source);
        typed.setToggleGroup(source);
        Runnable showInput = () -> source.selectToggle(vm.inputProperty().get() == PropertiesViewModel.Input.COMPOSITION
                ? typed : product);
        showInput.run();
        life.listen(vm.inputProperty(), (o, a, b) -> showInput.run());
        product.setOnAction(e -> vm.inputProperty().set(PropertiesViewModel.Input.RECIPE_PRODUCT));
        typed.setOnAction(e -> vm.inputProperty().set(PropertiesViewModel.Input.COMPOSITION));

        TextField composition = field(PropertiesViewModel.Field.COMPOSITION, vm.compositionTextProperty(), 260);
        composition.setPromptText(m.get("properties.compositionPrompt"));
        composition.disableProperty().bind(vm.inputProperty().isNotEqualTo(PropertiesViewModel.Input.COMPOSITION));
        Label alloy = new Label();
        alloy.setId("alloyDescription");
        alloy.textProperty().bind(vm.alloyDescriptionProperty());
        alloy.getStyleClass().add("alloy-description");
        alloy.setWrapText(true);
        HBox typedRow = new HBox(8, typed, composition);
        typedRow.setAlignment(Pos.CENTER_LEFT);
        VBox alloyBox = new VBox(6, product, typedRow, alloy);

        CheckBox aged = new CheckBox(m.get("properties.aged"));
        aged.setId("aged");
        aged.selectedProperty().bindBidirectional(vm.agedProperty());
        TextField tempC = field(PropertiesViewModel.Field.AGE_TEMP_C, vm.ageTempTextProperty(), 64);
        TextField hours = field(PropertiesViewModel.Field.AGE_HOURS, vm.ageHoursTextProperty(), 56);
        tempC.disableProperty().bind(vm.agedProperty().not());
        hours.disableProperty().bind(vm.agedProperty().not());
        Label asCast = new Label();
        asCast.textProperty().bind(Bindings.when(vm.agedProperty()).then("").otherwise(m.get("properties.asCast")));
        asCast.getStyleClass().add("alloy-description");
        HBox ageRow = new HBox(6, aged, tempC, new Label(m.get("properties.unit.c")), hours, new Label(m.get("properties.unit.h")),
                asCast);
        ageRow.setAlignment(Pos.CENTER_LEFT);
        // wide enough for its prompt ("facultatif" was cut at 64 px)
        TextField hold = field(PropertiesViewModel.Field.HOLD_TEMP_C, vm.holdTempTextProperty(), 84);
        hold.setPromptText(m.get("properties.holdPrompt"));
        HBox holdRow = new HBox(6, new Label(m.get("properties.hold")), hold);
        holdRow.setAlignment(Pos.CENTER_LEFT);
        VBox stateBox = new VBox(8, ageRow, holdRow);

        Node alloySection = Widgets.section(m.get("properties.section.input"), alloyBox);
        // The thermal state keeps its words whole; the alloy's description wraps instead.
        stateBox.setMinWidth(Region.USE_PREF_SIZE);
        HBox row = new HBox(16, alloySection, Widgets.section(m.get("properties.section.state"), stateBox));
        HBox.setHgrow(alloySection, Priority.ALWAYS);
        return row;
    }

    private TextField field(PropertiesViewModel.Field f, StringProperty text, double width) {
        TextField t = new TextField();
        t.setId("field-" + f.name());
        t.textProperty().bindBidirectional(text);
        t.setPrefWidth(width);
        new FieldMarks<>(t, f).follow(vm.errors(), null);
        return t;
    }

    private Node problems() {
        Label banner = new Label();
        banner.setId("propertiesProblems");
        banner.getStyleClass().addAll("banner", "banner-error");
        banner.setWrapText(true);
        banner.setMaxWidth(Double.MAX_VALUE);
        banner.textProperty().bind(Bindings.createStringBinding(() -> String.join("\n", vm.problems()), vm.problems()));
        banner.visibleProperty().bind(Bindings.isNotEmpty(vm.problems()));
        banner.managedProperty().bind(banner.visibleProperty());
        return banner;
    }

    // ------------------------------------------------------------------ estimates

    private Node estimates() {
        Label note = new Label(m.get("properties.estimatesNote"));
        note.setWrapText(true);
        note.getStyleClass().add("estimates-note");
        VBox top = new VBox(6, note, table());
        VBox.setVgrow(top.getChildren().get(1), Priority.ALWAYS);
        top.opacityProperty().bind(Bindings.when(vm.staleProperty()).then(0.55).otherwise(1.0));

        StrengthChart chart = new StrengthChart();
        chart.setId("strengthChart");
        ListChangeListener<ContributionRow> redraw = c -> chart.show(vm.contributions(), m.locale());
        life.listenToList(vm.contributions(), redraw);
        redraw.onChanged(null);
        Node strength = Widgets.section(m.get("properties.section.strength"), chart);
        Node warnings = Widgets.section(m.get("properties.section.warnings"), warningsList());
        HBox bottom = new HBox(12, strength, warnings);
        HBox.setHgrow(strength, Priority.ALWAYS);
        HBox.setHgrow(warnings, Priority.ALWAYS);
        bottom.opacityProperty().bind(top.opacityProperty());

        SplitPane split = new SplitPane(top, bottom);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.64);
        split.setPadding(new Insets(8, 0, 0, 0));
        return split;
    }

    private Node table() {
        TableView<PropertyRow> t = new TableView<>(vm.rows());
        t.setId("propertiesTable");
        t.getStyleClass().add("properties-table");
        t.getColumns().add(wrapping(Widgets.column(m.get("properties.col.property"), PropertyRow::name, 200)));
        TableColumn<PropertyRow, String> value = wrapping(Widgets.column(m.get("properties.col.value"), PropertyRow::value, 150));
        value.getStyleClass().add("number");
        t.getColumns().add(value);
        t.getColumns().add(Widgets.column(m.get("properties.col.unit"), PropertyRow::unit, 62));
        t.getColumns().add(Widgets.column(m.get("properties.col.confidence"), PropertyRow::confidence, 90));
        t.getColumns().add(wrapping(Widgets.column(m.get("properties.col.model"), PropertyRow::model, 250)));
        t.getColumns().add(wrapping(Widgets.column(m.get("properties.col.source"), PropertyRow::source, 230)));
        t.getColumns().add(wrapping(Widgets.column(m.get("properties.col.validity"), PropertyRow::validity, 200)));
        t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        t.setPlaceholder(new Label(m.get("properties.noEstimate")));
        t.setRowFactory(tv -> new TableRow<>() {
            @Override
            protected void updateItem(PropertyRow r, boolean empty) {
                super.updateItem(r, empty);
                setTooltip(empty || r == null ? null
                        : new Tooltip(m.get("properties.row.tooltip", r.name(), r.value(), r.unit(), r.model(), r.source(), r.validity())));
            }
        });
        return t;
    }

    private Node warningsList() {
        return Widgets.messageList(vm.warnings(), m.get("properties.noWarnings"), "propertiesWarnings", 120);
    }

    // ------------------------------------------------------------------ chart tabs

    /** A chart tab: its controls, the calculation's progress, the export, and the chart (greyed while stale). */
    private Node plotTab(ChartModel model, String id, Node controls) {
        PlotChart chart = new PlotChart(m.locale());
        chart.setId(id + "Chart");
        Runnable redraw = () -> chart.show(model.plotProperty().get(), model.problemProperty().get());
        life.listen(model.plotProperty(), (o, a, b) -> redraw.run());
        life.listen(model.problemProperty(), (o, a, b) -> redraw.run());
        redraw.run();
        return chartPane(model, id, controls, chart);
    }

    private Node chartPane(ChartModel model, String id, Node controls, Region chart) {
        ProgressBar progress = new ProgressBar();
        progress.setId(id + "Progress");
        progress.setPrefWidth(140);
        progress.progressProperty().bind(Bindings.when(model.progressProperty().lessThan(0)).then(ProgressBar.INDETERMINATE_PROGRESS)
                .otherwise(model.progressProperty()));
        Label calculating = new Label(m.get("chart.calculating"));
        HBox busy = new HBox(6, calculating, progress);
        busy.setAlignment(Pos.CENTER_LEFT);
        busy.visibleProperty().bind(model.calculatingProperty());
        busy.managedProperty().bind(busy.visibleProperty());
        Label status = new Label();
        status.textProperty().bind(model.exportStatusProperty());
        status.getStyleClass().add("alloy-description");
        Button export = new Button(m.get("diagram.export"));
        export.setId(id + "Export");
        export.disableProperty().bind(model.plotProperty().isNull());
        export.setOnAction(e -> model.exportPng(file -> writePng(chart, file)));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(8, controls, spacer, busy, status, export);
        bar.setAlignment(Pos.CENTER_LEFT);
        Label problem = new Label();
        problem.setId(id + "Problem");
        problem.getStyleClass().addAll("banner", "banner-error");
        problem.setWrapText(true);
        problem.setMaxWidth(Double.MAX_VALUE);
        problem.textProperty().bind(model.problemProperty());
        problem.visibleProperty().bind(model.problemProperty().isNotEmpty().and(model.plotProperty().isNotNull()));
        problem.managedProperty().bind(problem.visibleProperty());
        chart.opacityProperty().bind(Bindings.when(model.staleProperty().and(model.plotProperty().isNotNull())).then(0.55).otherwise(1.0));
        VBox top = new VBox(6, bar, problem);
        BorderPane pane = new BorderPane(chart);
        pane.setTop(top);
        BorderPane.setMargin(top, new Insets(8, 0, 8, 0));
        return pane;
    }

    /** The chart as shown, to a PNG file written whole or not at all. */
    private static void writePng(Node chart, Path file) throws IOException {
        BufferedImage image = SwingFXUtils.fromFXImage(chart.snapshot(null, null), null);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        if (!ImageIO.write(image, "png", png)) {
            throw new IOException("no PNG writer");
        }
        AtomicFiles.write(file, png.toByteArray());
    }

    private Node ageingControls() {
        TextField schedule = new TextField();
        schedule.setId("ageingSchedule");
        schedule.setPrefWidth(170);
        schedule.setPromptText(m.get("ageing.schedulePrompt"));
        schedule.textProperty().bindBidirectional(ageing.scheduleTextProperty());
        Widgets.markInvalid(schedule, ageing.scheduleErrorProperty(), m.get("ageing.scheduleHint"));
        ComboBox<ProcessRoute> route = new ComboBox<>(FXCollections.observableArrayList(ProcessRoute.values()));
        route.setId("ageingRoute");
        route.setConverter(ChoiceLabels.of(List.of(ProcessRoute.values()), r -> m.label("ageing.route", r)));
        route.valueProperty().bindBidirectional(ageing.routeProperty());
        Label suggestion = new Label();
        suggestion.setId("ageingSuggestion");
        suggestion.textProperty().bind(ageing.suggestionTextProperty());
        suggestion.getStyleClass().add("alloy-description");
        ProgressBar searching = new ProgressBar();
        searching.setPrefWidth(100);
        searching.progressProperty().bind(Bindings.when(ageing.suggestionProgressProperty().lessThan(0))
                .then(ProgressBar.INDETERMINATE_PROGRESS).otherwise(ageing.suggestionProgressProperty()));
        searching.visibleProperty().bind(ageing.suggestionCalculatingProperty());
        searching.managedProperty().bind(searching.visibleProperty());
        Button use = new Button(m.get("ageing.useSuggestion"));
        use.setId("useSuggestion");
        use.disableProperty().bind(ageing.suggestionAvailableProperty().not());
        use.setOnAction(e -> ageing.useSuggestion());
        Label scheduleLabel = new Label(m.get("ageing.schedule"));
        Label routeLabel = new Label(m.get("ageing.route"));
        for (Control c : List.of(scheduleLabel, routeLabel, use, route)) {
            c.setMinWidth(Region.USE_PREF_SIZE);
        }
        HBox settings = new HBox(6, scheduleLabel, schedule, new Separator(), routeLabel, route);
        settings.setAlignment(Pos.CENTER_LEFT);
        HBox suggested = new HBox(6, suggestion, searching, use);
        suggested.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(6, settings, suggested);
        return box;
    }

    private Node diagram() {
        PhaseDiagramChart chart = new PhaseDiagramChart(m);
        chart.setId("phaseDiagram");
        chart.show(diagramVm.diagramProperty().get());
        life.listen(diagramVm.diagramProperty(), (o, a, b) -> chart.show(b));
        chart.setOnScroll(e -> {
            if (e.getDeltaY() > 0) {
                diagramVm.zoomIn();
            } else if (e.getDeltaY() < 0) {
                diagramVm.zoomOut();
            }
        });

        ToggleGroup binaries = new ToggleGroup();
        HBox controls = new HBox(6);
        controls.setAlignment(Pos.CENTER_LEFT);
        for (PhaseDiagramViewModel.Binary b : PhaseDiagramViewModel.Binary.values()) {
            ToggleButton button = new ToggleButton(m.label("diagram.binary", b));
            button.setId("binary-" + b.name());
            button.setToggleGroup(binaries);
            button.setSelected(diagramVm.binaryProperty().get() == b);
            button.setOnAction(e -> {
                button.setSelected(true);
                diagramVm.binaryProperty().set(b);
            });
            controls.getChildren().add(button);
        }
        TextField max = new TextField();
        max.setId("diagramMaxWtPct");
        max.setPrefWidth(64);
        max.textProperty().bindBidirectional(diagramVm.maxWtPctTextProperty());
        Widgets.markInvalid(max, diagramVm.maxWtPctErrorProperty(), null);
        Button zoomOut = button("diagram.zoomOut", diagramVm::zoomOut);
        Button zoomIn = button("diagram.zoomIn", diagramVm::zoomIn);
        zoomOut.setTooltip(new Tooltip(m.get("diagram.zoomHint")));
        zoomIn.setTooltip(new Tooltip(m.get("diagram.zoomHint")));
        Button reset = button("diagram.reset", diagramVm::resetZoom);
        controls.getChildren().addAll(new Separator(), new Label(m.get("diagram.maxWtPct")), max, zoomOut, zoomIn, reset);
        return chartPane(diagramVm.chart(), "diagram", controls, chart);
    }

    private Button button(String key, Runnable action) {
        Button b = new Button(m.get(key));
        b.setId(key.replace('.', '-'));
        b.setOnAction(e -> action.run());
        return b;
    }

    /** A thin vertical rule between groups of controls. */
    private static final class Separator extends javafx.scene.control.Separator {
        Separator() {
            super(Orientation.VERTICAL);
            setPadding(new Insets(0, 4, 0, 4));
        }
    }


    /** Lets long text in the column's cells run onto more lines instead of being cut. */
    private static <R> TableColumn<R, String> wrapping(TableColumn<R, String> column) {
        column.setCellFactory(c -> new TableCell<>() {
            private final Text text = new Text();

            {
                text.wrappingWidthProperty().bind(c.widthProperty().subtract(10));
                text.getStyleClass().add("cell-text");
                setGraphic(text);
                setPrefHeight(Control.USE_COMPUTED_SIZE);
            }

            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                text.setText(empty || item == null ? "" : item);
                text.setTextAlignment(getStyleClass().contains("number") || c.getStyleClass().contains("number")
                        ? TextAlignment.RIGHT : TextAlignment.LEFT);
            }
        });
        return column;
    }

}
