package ca.scalloy.ui.heats;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

import ca.scalloy.engine.Quantities;
import ca.scalloy.engine.heat.HeatCorrection;
import ca.scalloy.engine.heat.HeatLine;
import ca.scalloy.engine.heat.HeatRecord;
import ca.scalloy.engine.heat.HeatStatus;
import ca.scalloy.engine.heat.StatusMove;
import ca.scalloy.engine.library.AuditEntry;
import ca.scalloy.ui.common.AuditHistory;
import ca.scalloy.ui.common.Messages;
import ca.scalloy.ui.common.ViewLifetime;
import ca.scalloy.ui.common.Widgets;
import ca.scalloy.ui.lots.LotEditorView;

/** The Heats screen, built in code and bound to {@link HeatsViewModel} and its heat page. */
public final class HeatsView {

    private static final List<String> VERDICT_CLASSES = List.of("verdict-PASS", "verdict-MARGINAL", "verdict-FAIL", "verdict-INCOMPLETE",
            "verdict-NOT_REPORTED");

    private final HeatsViewModel vm;
    private final HeatPageViewModel page;
    private final Messages m;
    private final Quantities q;
    /** The listeners on the view models, taken off when a language switch drops this view. */
    private final ViewLifetime life = new ViewLifetime();

    public HeatsView(HeatsViewModel vm, Messages messages) {
        this.vm = vm;
        this.page = vm.page();
        this.m = messages;
        this.q = messages.quantities();
    }

    public Parent build() {
        SplitPane split = new SplitPane(list(), heatPage());
        // The list's seven columns fit at their minimums in a little over half of a 1280-pixel window's content.
        split.setDividerPositions(0.52);
        Label status = new Label();
        status.setId("heatsStatus");
        status.textProperty().bind(vm.statusProperty());
        BorderPane content = new BorderPane(split);
        content.setBottom(status);
        // A weighing that names an unknown lot offers to create it in a window of its own; only the view on screen opens it.
        life.listen(page.lotEditor().shownProperty(), (o, a, shown) -> {
            if (shown && content.getScene() != null) {
                LotEditorView.showAsDialog(content.getScene().getWindow(), page.lotEditor(), m);
            }
        });
        return life.attachTo(Widgets.needsDatabase(content, vm.availableProperty(), vm.store().messageProperty(), "heatsScreen",
                vm::refresh));
    }

    // ------------------------------------------------------------------ the list and a new heat

    private Node list() {
        ComboBox<HeatStatus> filter = new ComboBox<>();
        filter.setId("heatsFilter");
        List<HeatStatus> states = new ArrayList<>();
        states.add(null);
        states.addAll(List.of(HeatStatus.values()));
        filter.getItems().setAll(states);
        filter.setConverter(new StringConverter<>() {
            @Override
            public String toString(HeatStatus s) {
                return s == null ? m.get("heats.filter.all") : m.label("heats.status", s);
            }

            @Override
            public HeatStatus fromString(String text) {
                return null;
            }
        });
        filter.setButtonCell(new ListCell<>() {
            @Override
            protected void updateItem(HeatStatus s, boolean empty) {
                super.updateItem(s, empty);
                setText(s == null ? m.get("heats.filter.all") : m.label("heats.status", s));
            }
        });
        filter.valueProperty().bindBidirectional(vm.statusFilterProperty());
        TextField search = new TextField();
        search.setId("heatsSearch");
        search.setPromptText(m.get("heats.search"));
        search.textProperty().bindBidirectional(vm.searchProperty());
        HBox.setHgrow(search, Priority.ALWAYS);
        HBox filters = new HBox(6, filter, search);

        TableView<HeatsViewModel.HeatRow> table = new TableView<>(vm.heats());
        table.setId("heatsTable");
        TableColumn<HeatsViewModel.HeatRow, HeatsViewModel.HeatRow> verdict = verdictColumn(m.get("heats.column.verdict"),
                HeatsViewModel.HeatRow::verdict, HeatsViewModel.HeatRow::verdictText, 125);
        table.getColumns().setAll(List.of(Widgets.column(m.get("heats.column.number"), HeatsViewModel.HeatRow::number, 105),
                Widgets.column(m.get("heats.column.status"), HeatsViewModel.HeatRow::statusText, 115),
                Widgets.wholeTextTips(Widgets.column(m.get("heats.column.grade"), HeatsViewModel.HeatRow::grade, 60)), verdict,
                Widgets.wholeTextTips(Widgets.column(m.get("heats.column.spec"), HeatsViewModel.HeatRow::spec, 90)),
                Widgets.wholeTextTips(Widgets.column(m.get("heats.column.recipe"), HeatsViewModel.HeatRow::recipe, 160)),
                Widgets.column(m.get("heats.column.date"), r -> r.createdAt() == null ? "" : q.day(r.createdAt()), 96)));
        // The columns share the list's width, each giving way in proportion to its width down to its minimum: a heat
        // number ("H-2026-0003"), a status ("Échantillonnée"), a verdict ("Non conforme", bold) and a day are never cut
        // (they fit at 1280 x 800 in both languages); the grade, the specification and the recipe give way first (whole
        // in the detail's title and the cells' tooltips). Narrower than that, the list scrolls sideways.
        Widgets.fitColumns(table, 96, 102, 48, 108, 60, 44, 84);
        Label empty = new Label(m.get("heats.empty"));
        empty.setWrapText(true);
        empty.setPadding(new Insets(12));
        table.setPlaceholder(empty);
        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null && b != vm.selectedProperty().get()) {
                vm.selectedProperty().set(b);
            }
        });
        life.listen(vm.selectedProperty(), (o, a, b) -> table.getSelectionModel().select(b));

        VBox left = new VBox(6, filters, table, newHeat());
        VBox.setVgrow(table, Priority.ALWAYS);
        left.setPadding(new Insets(0, 8, 0, 0));
        return left;
    }

    private Node newHeat() {
        ComboBox<String> spec = new ComboBox<>(vm.specifications());
        spec.setId("heatsNewSpec");
        spec.valueProperty().bindBidirectional(vm.newSpecProperty());
        spec.setMaxWidth(Double.MAX_VALUE);
        TextField furnace = field("heatsNewFurnace", vm.newFurnaceProperty());
        TextField operator = field("heatsNewOperator", vm.newOperatorProperty());
        Button create = Widgets.button(m.get("heats.new.button"), "heatsNew", vm::planFromBatchRecipe);
        create.disableProperty().bind(vm.planningProperty());
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(16, 16);
        busy.visibleProperty().bind(vm.planningProperty());
        GridPane grid = new GridPane();
        grid.setHgap(6);
        grid.setVgap(4);
        grid.addRow(0, label("heats.new.spec"), spec, label("heats.new.furnace"), furnace);
        grid.addRow(1, label("heats.new.operator"), operator);
        GridPane.setHgrow(spec, Priority.ALWAYS);
        GridPane.setHgrow(furnace, Priority.ALWAYS);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox export = new HBox(6, Widgets.gated(create, vm.page().operatorGate()), busy, spacer, Widgets.button(m.get("audit.export.button"), "auditExport", vm::exportAuditLog));
        export.setAlignment(Pos.CENTER_LEFT);
        return Widgets.section(m.get("heats.new.section"), new VBox(6, grid, export));
    }

    // ------------------------------------------------------------------ the heat page

    private Node heatPage() {
        Label header = new Label();
        header.setId("heatHeader");
        header.textProperty().bind(page.headerProperty());
        header.setWrapText(true);
        header.getStyleClass().add("section-title");
        Label state = new Label();
        state.setId("heatStatus");
        state.textProperty().bind(page.statusTextProperty());
        state.getStyleClass().add("provenance-banner");
        state.setMinWidth(Region.USE_PREF_SIZE);
        TextField reason = field("heatMoveReason", page.moveReasonProperty());
        reason.setPromptText(m.get("heats.moveReason"));
        reason.setPrefColumnCount(14);
        HBox moves = new HBox(6);
        moves.setAlignment(Pos.CENTER_LEFT);
        Runnable buttons = () -> {
            List<Node> nodes = new ArrayList<>();
            for (HeatStatus s : page.nextMoves()) {
                nodes.add(Widgets.gated(Widgets.button(m.get("heats.moveTo", m.label("heats.status", s)), "heatMove-" + s.name(),
                        () -> page.move(s)), page.moveGate(s)));
            }
            moves.getChildren().setAll(nodes);
        };
        life.listenToList(page.nextMoves(), (ListChangeListener<HeatStatus>) c -> buttons.run());
        buttons.run();
        reason.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(page.nextMoves()));
        HBox stateRow = new HBox(8, state, moves, reason);
        stateRow.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(reason, Priority.ALWAYS);
        Label message = new Label();
        message.setId("heatMessage");
        message.setWrapText(true);
        message.textProperty().bind(page.messageProperty());

        TabPane tabs = new TabPane(tab("heats.tab.charge", "tabCharge", chargeTab()),
                tab("heats.tab.samples", "tabSamples", samplesTab()),
                tab("heats.tab.corrections", "tabCorrections", correctionsTab()),
                tab("heats.tab.moves", "tabMoves", movesTab()),
                certificateTab(),
                tab("heats.tab.history", "tabHistory", historyTab()));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setId("heatTabs");
        // A failing sample opens its correction where the samples are.
        life.listen(page.correction().shownProperty(), (o, a, b) -> {
            if (b) {
                tabs.getSelectionModel().select(1);
            }
        });
        // Another heat opens where it stands: its samples once it has some, else its charge. So does the heat already shown
        // when the view is built (the newest, chosen as the screen's list was first read; or any, after a language switch).
        life.listen(page.recordProperty(), (o, a, b) -> {
            if (b != null && (a == null || !a.heat().number().equals(b.heat().number()))) {
                openWhereItStands(tabs, b);
            }
        });
        if (page.recordProperty().get() != null) {
            openWhereItStands(tabs, page.recordProperty().get());
        }
        VBox box = new VBox(6, header, stateRow, message, tabs);
        VBox.setVgrow(tabs, Priority.ALWAYS);
        box.setPadding(new Insets(0, 8, 0, 8)); // clear of the window's right edge too (the title, the move reason)
        box.visibleProperty().bind(page.recordProperty().isNotNull());
        Label choose = new Label(m.get("heats.chooseHeat"));
        choose.getStyleClass().add("placeholder-text");
        choose.visibleProperty().bind(page.recordProperty().isNull());
        return new javafx.scene.layout.StackPane(choose, box);
    }

    /** Shows the samples of a heat that has some, else its charge. */
    private static void openWhereItStands(TabPane tabs, HeatRecord heat) {
        tabs.getSelectionModel().select(heat.samples().isEmpty() ? 0 : 1);
    }

    private Tab tab(String key, String id, Node content) {
        Tab t = new Tab(m.get(key), content);
        t.setId(id);
        // Short labels so that the six fit the heat's pane at 1280 x 800 in French; the tooltip says the whole.
        t.setTooltip(new Tooltip(m.get(key + ".tip")));
        return t;
    }

    private Node chargeTab() {
        TableView<HeatLine> lines = new TableView<>(page.lines());
        lines.setId("heatLines");
        lines.getColumns().setAll(List.of(Widgets.column(m.get("heats.line.no"), l -> String.valueOf(l.lineNo()), 40),
                Widgets.wholeTextTips(Widgets.column(m.get("heats.line.material"), HeatLine::materialId, 180)),
                number(Widgets.column(m.get("heats.line.plannedKg"), l -> kg(l.plannedKg()), 100)),
                number(Widgets.column(m.get("heats.line.weighedKg"), l -> l.weighedKg() == null ? "" : kg(l.weighedKg()), 100)),
                Widgets.wholeTextTips(Widgets.column(m.get("heats.line.lot"), l -> l.lotNumber() == null ? "" : l.lotNumber(), 140))));
        // the five within the heat's pane at 1280 x 800 (about 490 px): kg whole, material and lot give way, whole in tooltips
        Widgets.fitColumns(lines, 32, 96, 84, 84, 80);
        lines.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> page.selectedLineProperty().set(b));
        TextField weighed = field("heatWeighedKg", page.weighedKgProperty());
        weighed.setPrefColumnCount(8);
        TextField lot = field("heatLot", page.lotProperty());
        lot.setPrefColumnCount(10);
        Button record = Widgets.button(m.get("heats.weigh.button"), "heatWeigh", page::weigh);
        record.disableProperty().bind(page.selectedLineProperty().isNull());
        HBox edit = new HBox(6, label("heats.line.weighedKg"), weighed, label("heats.line.lot"), lot,
                Widgets.gated(record, page.operatorGate()));
        edit.setAlignment(Pos.CENTER_LEFT);
        Label hint = new Label(m.get("heats.weigh.chooseLine"));
        hint.visibleProperty().bind(page.selectedLineProperty().isNull());
        hint.managedProperty().bind(hint.visibleProperty());
        VBox box = new VBox(6, lines, hint, edit);
        VBox.setVgrow(lines, Priority.ALWAYS);
        box.setPadding(new Insets(6));
        return box;
    }

    private Node samplesTab() {
        TableView<HeatPageViewModel.SampleRow> samples = new TableView<>(page.samples());
        samples.setId("heatSamples");
        samples.getColumns().setAll(List.of(
                Widgets.column(m.get("heats.sample.number"), r -> r.sample().analysis().sampleNumber(), 120),
                verdictColumn(m.get("heats.sample.verdict"), HeatPageViewModel.SampleRow::verdict, HeatPageViewModel.SampleRow::verdictText, 115),
                Widgets.column(m.get("heats.sample.time"), r -> q.isoText(r.sample().analysis().takenAt()), 110),
                Widgets.wholeTextTips(Widgets.column(m.get("heats.sample.source"), HeatPageViewModel.SampleRow::source, 140)),
                Widgets.wholeTextTips(Widgets.column(m.get("heats.sample.entered"),
                        r -> r.sample().enteredBy() + ", " + date(r.sample().enteredAt()), 170))));
        // the five within the heat's pane at 1280 x 800: the sample's number, verdict ("Non conforme", bold) and time
        // ("2026-12-04 14 h 05") whole; method and who entered it give way, whole in tooltips
        Widgets.fitColumns(samples, 116, 108, 118, 60, 70);
        samples.setPlaceholder(new Label(m.get("heats.sample.none")));
        samples.setPrefHeight(120);
        samples.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null) {
                page.selectedSampleProperty().set(b);
            }
        });
        life.listen(page.selectedSampleProperty(), (o, a, b) -> samples.getSelectionModel().select(b));

        TableView<HeatPageViewModel.CheckRow> checks = new TableView<>(page.checks());
        checks.setId("heatChecks");
        // the element's column the widest of the names: "others each (Mg)", "autres, chacun (Mg)" whole where there is room
        checks.getColumns().setAll(List.of(Widgets.wholeTextTips(Widgets.column(m.get("heats.check.element"), HeatPageViewModel.CheckRow::element, 145)),
                number(Widgets.column(m.get("heats.check.min"), HeatPageViewModel.CheckRow::minPct, 85)),
                number(Widgets.column(m.get("heats.check.max"), HeatPageViewModel.CheckRow::maxPct, 90)),
                number(Widgets.wholeTextTips(Widgets.column(m.get("heats.check.value"), HeatPageViewModel.CheckRow::valuePct, 110))),
                verdictColumn(m.get("heats.check.status"), HeatPageViewModel.CheckRow::status, HeatPageViewModel.CheckRow::statusText, 130)));
        // all five at 1280 x 800 with no sideways scroll: "autres, chacun", "≤ 100 ppm", "not reported", "Not reported"
        // (bold italic) and "Non conforme" whole; a long measured text ("n.d. (no limit stated)") gives way, whole in its
        // tooltip
        Widgets.fitColumns(checks, 100, 76, 80, 88, 118);
        checks.setPrefHeight(150);
        checks.setPlaceholder(new Label(m.get("heats.sample.none")));

        TextField number = field("heatSampleNumber", page.sampleNumberProperty());
        number.setPrefColumnCount(10);
        TextField method = field("heatSampleMethod", page.methodProperty());
        method.setPrefColumnCount(5);
        TextField analysis = field("heatSampleAnalysis", page.compositionProperty());
        analysis.setPromptText(m.get("heats.sample.composition"));
        Widgets.markInvalid(analysis, page.compositionErrorProperty(), null);
        analysis.setOnAction(e -> page.addSample());
        HBox.setHgrow(analysis, Priority.ALWAYS);
        // The sample's number and method keep their width; the analysis has a line of its own with its button (on one
        // line with them, a narrow pane cut the number to "H-2026-0003" less its end and the method to "OE").
        number.setMinWidth(Region.USE_PREF_SIZE);
        method.setMinWidth(Region.USE_PREF_SIZE);
        HBox identity = new HBox(6, label("heats.sample.number"), number, label("heats.sample.method"), method);
        identity.setAlignment(Pos.CENTER_LEFT);
        HBox analysisRow = new HBox(6, analysis,
                Widgets.gated(Widgets.button(m.get("heats.sample.add"), "heatAddSample", page::addSample), page.operatorGate()));
        analysisRow.setAlignment(Pos.CENTER_LEFT);
        VBox entry = new VBox(6, identity, analysisRow);
        CheckBox otherNumbering = new CheckBox(m.get("heats.import.otherNumbering"));
        otherNumbering.setId("heatImportOtherNumbering");
        otherNumbering.selectedProperty().bindBidirectional(page.otherNumberingProperty());
        otherNumbering.setTooltip(new Tooltip(m.get("heats.import.otherNumbering.tip")));
        // on two lines rather than cut where the pane is narrow ("Numéros d'échantillon d'un au...")
        otherNumbering.setWrapText(true);
        HBox importRow = new HBox(6, Widgets.gated(Widgets.button(m.get("heats.import.button"), "heatImport", page::importSamples),
                page.operatorGate()), otherNumbering);
        importRow.setAlignment(Pos.CENTER_LEFT);
        Node log = Widgets.section(m.get("heats.import.log"), Widgets.messageList(page.importLog(), m.get("heats.import.noLog"),
                "heatImportLog", 70));

        VBox box = new VBox(6, correctionPanel(), entry, importRow, samples, checks, log);
        box.setPadding(new Insets(6));
        checks.setMinHeight(140);
        VBox.setVgrow(checks, Priority.ALWAYS);
        ScrollPane scroll = new ScrollPane(box);
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true);
        return scroll;
    }

    private Node correctionPanel() {
        CorrectionViewModel c = page.correction();
        Label title = new Label();
        title.setId("correctionTitle");
        title.textProperty().bind(c.titleProperty());
        title.setWrapText(true);
        title.getStyleClass().add("section-title");
        TextField melt = field("correctionMeltKg", c.meltKgProperty());
        melt.setPrefColumnCount(8);
        melt.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        TextField capacity = field("correctionCapacityKg", c.capacityKgProperty());
        capacity.setPrefColumnCount(8);
        capacity.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        GridPane inputs = new GridPane();
        inputs.setHgap(6);
        inputs.setVgap(4);
        inputs.addRow(0, label("heats.correction.meltKg"), melt, label("heats.correction.capacityKg"), capacity,
                Widgets.button(m.get("heats.correction.recalculate"), "correctionRecalculate", c::recalculate));
        TableView<CorrectionViewModel.Addition> additions = new TableView<>(c.additions());
        additions.setId("correctionAdditions");
        // The header and three additions (oxide, its flux, a metal) stay in view beside the summary.
        additions.setMinHeight(100);
        additions.getColumns().setAll(List.of(Widgets.column(m.get("heats.correction.material"), a -> a.materialId() + " — " + a.name(), 300),
                number(Widgets.column(m.get("heats.correction.addKg"), a -> kg(a.massKg()), 110))));
        additions.setPrefHeight(110);
        additions.visibleProperty().bind(javafx.beans.binding.Bindings.isEmpty(c.diagnosis()));
        additions.managedProperty().bind(additions.visibleProperty());
        Label summary = new Label();
        summary.setId("correctionSummary");
        summary.setWrapText(true);
        // Its three lines (added, metal after, cost and CO2) are never cut to one.
        summary.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        summary.textProperty().bind(c.summaryProperty());
        Node diagnosis = Widgets.messageList(c.diagnosis(), "", "correctionDiagnosis", 80);
        diagnosis.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(c.diagnosis()));
        diagnosis.managedProperty().bind(diagnosis.visibleProperty());
        diagnosis.getStyleClass().add("input-errors");
        Button accept = Widgets.button(m.get("heats.correction.accept"), "correctionAccept", c::accept);
        accept.disableProperty().bind(c.canAcceptProperty().not());
        accept.setDefaultButton(false);
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(16, 16);
        busy.visibleProperty().bind(c.calculatingProperty());
        HBox actions = new HBox(6, Widgets.gated(accept, page.operatorGate()), Widgets.button(m.get("heats.correction.dismiss"), "correctionDismiss", c::close), busy);
        VBox box = new VBox(6, title, inputs, additions, summary, diagnosis, actions);
        box.setId("correctionPanel");
        box.getStyleClass().add("correction-panel");
        box.setPadding(new Insets(8));
        box.visibleProperty().bind(c.shownProperty());
        box.managedProperty().bind(c.shownProperty());
        return box;
    }

    /** Cast and certificates: enabled once the heat is cast. */
    private Tab certificateTab() {
        CertificateViewModel c = page.certificate();
        TextField castKg = field("heatCastKg", c.castKgProperty());
        castKg.setPrefColumnCount(8);
        TextField pieces = field("heatCastPieces", c.piecesProperty());
        pieces.setPrefColumnCount(5);
        Label cast = new Label();
        cast.setId("heatCastText");
        cast.textProperty().bind(c.castTextProperty());
        HBox castRow = new HBox(6, label("heats.cast.kg"), castKg, label("heats.cast.pieces"), pieces,
                Widgets.gated(Widgets.button(m.get("heats.cast.button"), "heatRecordCast", c::recordCast), page.operatorGate()));
        castRow.setAlignment(Pos.CENTER_LEFT);
        Node castSection = Widgets.section(m.get("heats.cast.section"), new VBox(6, cast, castRow));

        GridPane grid = new GridPane();
        grid.setHgap(6);
        grid.setVgap(4);
        grid.addRow(0, label("heats.cert.customer"), field("certCustomer", c.customerProperty()),
                label("heats.cert.order"), field("certOrder", c.orderProperty()));
        grid.addRow(1, label("heats.cert.product"), field("certProduct", c.productProperty()));
        grid.addRow(2, label("heats.cert.signatory"), field("certSignatory", c.signatoryProperty()),
                label("heats.cert.role"), field("certRole", c.roleProperty()));
        Label concessionLabel = new Label();
        concessionLabel.setId("certConcessionLabel");
        concessionLabel.textProperty().bind(c.concessionLabelProperty());
        concessionLabel.setWrapText(true);
        Runnable mark = () -> {
            concessionLabel.getStyleClass().remove("input-errors");
            if (c.concessionRequiredProperty().get()) {
                concessionLabel.getStyleClass().add("input-errors");
            }
        };
        life.listen(c.concessionRequiredProperty(), (o, a, b) -> mark.run());
        mark.run();
        TextField concession = field("certConcession", c.concessionProperty());
        HBox.setHgrow(concession, Priority.ALWAYS);
        Button issue = Widgets.button(m.get("heats.cert.button"), "certIssue", c::issue);
        HBox issueRow = new HBox(6, Widgets.gated(issue, page.qualityGate()));
        ListView<String> list = new ListView<>(c.certificates());
        list.setId("certList");
        list.setPrefHeight(90);
        list.setPlaceholder(new Label(m.get("heats.cert.none")));
        Node certSection = Widgets.section(m.get("heats.cert.section"), new VBox(6, grid, concessionLabel, concession, issueRow,
                label("heats.cert.list"), list));

        VBox box = new VBox(8, castSection, certSection);
        box.setPadding(new Insets(6));
        ScrollPane scroll = new ScrollPane(box);
        scroll.setFitToWidth(true);
        Tab t = tab("heats.tab.certificates", "tabCertificates", scroll);
        t.disableProperty().bind(c.availableProperty().not());
        return t;
    }

    private Node correctionsTab() {
        TableView<HeatCorrection> table = new TableView<>(page.corrections());
        table.setId("heatCorrections");
        table.getColumns().setAll(List.of(Widgets.column(m.get("heats.corrections.sample"), c -> c.sampleNumber() == null ? "" : c.sampleNumber(), 110),
                number(Widgets.column(m.get("heats.corrections.meltKg"), c -> kg(c.meltKg()), 90)),
                Widgets.column(m.get("heats.corrections.additions"), c -> additions(c.additionsKg()), 220),
                Widgets.column(m.get("heats.corrections.reason"), HeatCorrection::reason, 160),
                Widgets.column(m.get("heats.corrections.by"), HeatCorrection::by, 80),
                Widgets.column(m.get("heats.corrections.at"), c -> date(c.at()), 120)));
        table.setPlaceholder(new Label(m.get("heats.corrections.none")));
        return padded(table);
    }

    private Node movesTab() {
        TableView<StatusMove> table = new TableView<>(page.moves());
        table.setId("heatMoves");
        table.getColumns().setAll(List.of(Widgets.column(m.get("heats.moves.from"), s -> s.from() == null ? "" : m.label("heats.status", s.from()), 110),
                Widgets.column(m.get("heats.moves.to"), s -> m.label("heats.status", s.to()), 110),
                Widgets.column(m.get("heats.moves.by"), StatusMove::by, 90),
                Widgets.column(m.get("heats.moves.at"), s -> date(s.at()), 130),
                Widgets.column(m.get("heats.moves.reason"), StatusMove::reason, 220)));
        return padded(table);
    }

    private Node historyTab() {
        TableView<AuditEntry> table = new TableView<>(page.history());
        table.setId("heatHistory");
        table.getColumns().setAll(List.of(Widgets.column(m.get("heats.history.at"), e -> date(e.at()), 130),
                Widgets.column(m.get("heats.history.actor"), AuditEntry::actor, 80),
                Widgets.column(m.get("heats.history.change"), e -> page.changeText(e.change()), 110),
                Widgets.column(m.get("heats.history.value"), e -> oldToNew(e, q), 300),
                Widgets.column(m.get("heats.history.reason"), AuditEntry::reason, 160)));
        table.setPlaceholder(new Label(m.get("heats.history.none")));
        return padded(table);
    }

    static String oldToNew(AuditEntry e, Quantities q) {
        String now = e.newValue() == null ? "" : AuditHistory.valueText(e.newValue(), q);
        return e.oldValue() == null ? now : AuditHistory.valueText(e.oldValue(), q) + " → " + now;
    }

    // ------------------------------------------------------------------ small pieces

    private <R> TableColumn<R, R> verdictColumn(String title, Function<R, Enum<?>> verdict, Function<R, String> text, double width) {
        TableColumn<R, R> c = new TableColumn<>(title);
        c.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(cd.getValue()));
        c.setCellFactory(col -> new TableCell<>() {
            private final Tooltip whole = new Tooltip();

            @Override
            protected void updateItem(R row, boolean empty) {
                super.updateItem(row, empty);
                getStyleClass().removeAll(VERDICT_CLASSES);
                if (empty || row == null) {
                    setText(null);
                    setTooltip(null);
                    return;
                }
                setText(text.apply(row));
                // a long verdict ("Not reported: n.d., no detection limit stated") is cut in a narrow pane: whole here
                whole.setText(getText());
                setTooltip(getText() == null || getText().isEmpty() ? null : whole);
                Enum<?> v = verdict.apply(row);
                if (v != null) {
                    getStyleClass().add("verdict-" + v.name());
                }
            }
        });
        c.setPrefWidth(width);
        c.setSortable(false);
        return c;
    }

    private static <R> TableColumn<R, String> number(TableColumn<R, String> c) {
        c.setStyle("-fx-alignment: CENTER-RIGHT;");
        return c;
    }

    private Node padded(Node n) {
        VBox box = new VBox(n);
        VBox.setVgrow(n, Priority.ALWAYS);
        box.setPadding(new Insets(6));
        return box;
    }

    private Label label(String key) {
        Label l = new Label(m.get(key));
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    private static TextField field(String id, javafx.beans.property.StringProperty property) {
        TextField f = new TextField();
        f.setId(id);
        f.textProperty().bindBidirectional(property);
        return f;
    }

    private String kg(double v) {
        return q.kgFineNumber(v);
    }

    private String additions(Map<String, Double> kg) {
        List<String> parts = new ArrayList<>();
        kg.forEach((id, v) -> parts.add(id + " " + kg(v) + " kg"));
        return String.join(", ", parts);
    }

    private String date(Instant at) {
        return at == null ? "" : q.dateTime(at);
    }
}
