package ca.scalloy.ui.lots;

import java.util.List;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;

import ca.scalloy.engine.heat.Lot;
import ca.scalloy.ui.common.Messages;
import ca.scalloy.ui.common.ViewLifetime;
import ca.scalloy.ui.common.Widgets;

/** The Lots screen, built in code and bound to {@link LotsViewModel}. */
public final class LotsView {

    private final LotsViewModel vm;
    private final Messages m;
    /** The listeners on the view model, taken off when a language switch drops this view. */
    private final ViewLifetime life = new ViewLifetime();

    public LotsView(LotsViewModel vm, Messages messages) {
        this.vm = vm;
        this.m = messages;
    }

    public Parent build() {
        BorderPane content = new BorderPane();
        content.setTop(toolbar());
        Node editor = new LotEditorView(vm.editor(), m).build();
        editor.visibleProperty().bind(vm.editor().shownProperty());
        // A split pane lays out every item, shown or not: the editor is an item only while it is open,
        // so that the table has the whole width (its six columns) the rest of the time.
        SplitPane split = new SplitPane(table());
        Runnable follow = () -> {
            boolean shown = vm.editor().shownProperty().get();
            if (shown && !split.getItems().contains(editor)) {
                split.getItems().add(editor);
                split.setDividerPositions(0.62);
            } else if (!shown) {
                split.getItems().remove(editor);
            }
        };
        life.listen(vm.editor().shownProperty(), (o, was, is) -> follow.run());
        follow.run();
        content.setCenter(split);
        Label status = new Label();
        status.setId("lotsStatus");
        status.textProperty().bind(vm.statusProperty());
        content.setBottom(status);
        BorderPane.setMargin(status, new Insets(6, 0, 0, 0));
        return life.attachTo(Widgets.needsDatabase(content, vm.availableProperty(), vm.store().messageProperty(), "lotsScreen",
                vm::refresh));
    }

    private Node toolbar() {
        TextField search = new TextField();
        search.setId("lotsSearch");
        search.setPromptText(m.get("lots.search"));
        search.textProperty().bindBidirectional(vm.searchProperty());
        search.setPrefColumnCount(18);
        Button add = Widgets.button(m.get("lots.add"), "lotsAdd", vm::add);
        Button edit = Widgets.button(m.get("lots.edit"), "lotsEdit", vm::edit);
        edit.disableProperty().bind(vm.selectedProperty().isNull());
        HBox bar = new HBox(8, search, Widgets.gated(add, vm.editor().gate()), Widgets.gated(edit, vm.editor().gate()));
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(0, 0, 8, 0));
        return bar;
    }

    private Node table() {
        TableView<Lot> table = new TableView<>(vm.lots());
        table.setId("lotsTable");
        table.getColumns().setAll(List.of(
                Widgets.column(m.get("lots.column.number"), Lot::lotNumber, 120),
                Widgets.column(m.get("lots.column.material"), Lot::materialId, 110),
                Widgets.wholeTextTips(Widgets.column(m.get("lots.column.assay"), l -> LotsViewModel.assayWords(l, m), 190)),
                Widgets.column(m.get("lots.column.purity"), l -> l.purityPct() == null ? "" : m.quantities().wtPctNumber(l.purityPct()), 70),
                Widgets.wholeTextTips(Widgets.column(m.get("lots.column.certificate"), Lot::certificate, 130)),
                Widgets.column(m.get("lots.column.received"), l -> m.quantities().day(l.receivedAt()), 100)));
        // The columns fill the table's width (they left a third of it empty while a certificate was cut), and give way
        // beside an open editor down to these minimums: a lot's number and its day whole, an assay or a certificate
        // that gives way whole in its tooltip.
        Widgets.fitColumns(table, 110, 84, 120, 64, 100, 84);
        table.setPlaceholder(new Label(m.get("lots.empty")));
        Widgets.followSelection(table, vm.selectedProperty(), vm::edit);
        return table;
    }
}
