package ca.scalloy.ui.recipes;

import java.util.List;
import java.util.function.Function;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import ca.scalloy.engine.library.RecipeSummary;
import ca.scalloy.ui.common.Messages;
import ca.scalloy.ui.common.Widgets;

/** The Recipes screen, built in code and bound to {@link RecipesViewModel}. */
public final class RecipesView {

    private final RecipesViewModel vm;
    private final Messages m;

    public RecipesView(RecipesViewModel vm, Messages messages) {
        this.vm = vm;
        this.m = messages;
    }

    public Parent build() {
        TextField search = new TextField();
        search.setId("recipesSearch");
        search.setPromptText(m.get("recipes.search"));
        search.textProperty().bindBidirectional(vm.searchProperty());
        TableView<RecipeSummary> list = new TableView<>(vm.recipes());
        list.setId("recipesTable");
        list.getColumns().setAll(List.of(Widgets.wholeTextTips(column(m.get("recipes.column.name"), RecipeSummary::name, 200)),
                Widgets.wholeTextTips(column(m.get("recipes.column.grade"), RecipeSummary::grade, 110)),
                column(m.get("recipes.column.version"), r -> String.valueOf(r.version()), 70),
                column(m.get("recipes.column.saved"), r -> m.quantities().dateTime(r.savedAt()), 130)));
        // The list's width shared with no sideways scroll at 1280 x 800: the version and the moment it was saved
        // ("2026-12-04 14 h 04") whole, the name and grade giving way, whole in their tooltips.
        Widgets.fitColumns(list, 110, 60, 64, 132);
        Label empty = new Label(m.get("recipes.empty"));
        empty.setWrapText(true);
        empty.setPadding(new Insets(12));
        list.setPlaceholder(empty);
        list.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null) {
                vm.selectedProperty().set(b);
            }
        });
        VBox left = new VBox(6, search, list);
        VBox.setVgrow(list, Priority.ALWAYS);

        TableView<RecipesViewModel.VersionRow> versions = new TableView<>(vm.versions());
        versions.setId("recipeVersions");
        versions.getColumns().setAll(List.of(
                column(m.get("recipes.column.version"), r -> String.valueOf(r.version().version()), 70),
                column(m.get("recipes.column.saved"), r -> m.quantities().dateTime(r.version().savedAt()), 130),
                // "Changements" whole in French (it was cut at 80 px, the note beside it with room to spare)
                column(m.get("recipes.column.changes"), r -> String.valueOf(r.changes().size()), 104),
                column(m.get("recipes.column.note"), r -> r.version().note(), 220)));
        versions.setPlaceholder(new Label(m.get("recipes.chooseRecipe")));
        versions.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        versions.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null) {
                vm.selectedVersionProperty().set(b);
            }
        });
        Widgets.heldBy(versions, vm.selectedVersionProperty(), (o, a, b) -> versions.getSelectionModel().select(b));
        versions.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) {
                vm.openInBatch();
            }
        });
        Button open = new Button(m.get("recipes.open"));
        open.setId("recipesOpen");
        open.setOnAction(e -> vm.openInBatch());
        Button restore = new Button(m.get("recipes.restore"));
        restore.setId("recipesRestore");
        restore.setOnAction(e -> vm.restoreAsNew());
        open.disableProperty().bind(vm.selectedVersionProperty().isNull());
        restore.disableProperty().bind(vm.selectedVersionProperty().isNull());
        Button history = Widgets.button(m.get("audit.history.button"), "recipesAuditHistory", vm::showHistory);
        history.disableProperty().bind(vm.selectedProperty().isNull());
        HBox buttons = new HBox(8, open, restore, history);
        buttons.setAlignment(Pos.CENTER_LEFT);
        Node changes = Widgets.section(m.get("recipes.changes"),
                Widgets.messageList(vm.changes(), m.get("recipes.noneSelected"), "recipeChanges", 200));
        VBox right = new VBox(8, Widgets.section(m.get("recipes.versions"), versions), buttons, changes);
        VBox.setVgrow(right.getChildren().get(2), Priority.ALWAYS);
        right.setPadding(new Insets(0, 0, 0, 8));

        SplitPane split = new SplitPane(left, right);
        split.setDividerPositions(0.45);
        Label status = new Label();
        status.textProperty().bind(vm.statusProperty());
        BorderPane content = new BorderPane(split);
        content.setBottom(status);
        return Widgets.needsDatabase(content, vm.availableProperty(), vm.store().messageProperty(), "recipesScreen", vm::refresh);
    }

    private static <R> TableColumn<R, String> column(String title, Function<R, String> text, double width) {
        TableColumn<R, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(text.apply(cd.getValue())));
        c.setPrefWidth(width);
        return c;
    }
}
