package ca.scalloy.ui.lots;

import java.util.List;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

import ca.scalloy.ui.common.FieldMarks;
import ca.scalloy.ui.common.Messages;
import ca.scalloy.ui.common.Widgets;

/** The form of {@link LotEditorViewModel}: on the Lots screen, or in a window of its own from the Heats screen. */
public final class LotEditorView {

    private final LotEditorViewModel vm;
    private final Messages m;

    public LotEditorView(LotEditorViewModel vm, Messages messages) {
        this.vm = vm;
        this.m = messages;
    }

    /** The form with its Save and Cancel buttons. */
    public VBox build() {
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(6);
        ColumnConstraints labels = new ColumnConstraints();
        ColumnConstraints inputs = new ColumnConstraints();
        inputs.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().setAll(labels, inputs);
        TextField number = field(LotEditorViewModel.Field.LOT_NUMBER, "lotNumber");
        number.disableProperty().bind(vm.editingProperty());
        ComboBox<String> material = new ComboBox<>(vm.materialIds());
        material.setId("lotMaterial");
        material.setEditable(true);
        material.setMaxWidth(Double.MAX_VALUE);
        material.getEditor().textProperty().bindBidirectional(vm.text(LotEditorViewModel.Field.MATERIAL));
        mark(material, LotEditorViewModel.Field.MATERIAL);
        TextField assay = field(LotEditorViewModel.Field.ASSAY, "lotAssay");
        assay.setPromptText("Fe=0.08, Si=0.04");
        List<Node> rows = List.of(number, material, assay, field(LotEditorViewModel.Field.PURITY_PCT, "lotPurity"),
                field(LotEditorViewModel.Field.CERTIFICATE, "lotCertificate"), field(LotEditorViewModel.Field.REASON, "lotReason"));
        LotEditorViewModel.Field[] fields = LotEditorViewModel.Field.values();
        for (int i = 0; i < rows.size(); i++) {
            grid.addRow(i, new Label(m.get("lots.field." + fields[i].name())), rows.get(i));
        }
        Label message = new Label();
        message.setId("lotMessage");
        message.setWrapText(true);
        message.textProperty().bind(vm.messageProperty());
        message.getStyleClass().add("error-text");
        Button save = Widgets.button(m.get("lots.editor.save"), "lotSave", vm::save);
        save.setDefaultButton(true);
        Button cancel = Widgets.button(m.get("lots.editor.cancel"), "lotCancel", vm::cancel);
        cancel.setCancelButton(true);
        HBox actions = new HBox(8, Widgets.gated(save, vm.gate()), cancel);
        actions.setAlignment(Pos.CENTER_RIGHT);
        Label title = new Label();
        title.textProperty().bind(vm.titleProperty());
        title.getStyleClass().add("section-title");
        VBox box = new VBox(8, title, grid, message, actions);
        box.setId("lotEditor");
        box.setPadding(new Insets(8));
        return box;
    }

    private TextField field(LotEditorViewModel.Field f, String id) {
        TextField t = new TextField();
        t.setId(id);
        t.textProperty().bindBidirectional(vm.text(f));
        mark(t, f);
        return t;
    }

    private void mark(Control control, LotEditorViewModel.Field f) {
        new FieldMarks<>(control, f).follow(vm.errors(), null);
    }

    /**
     * Shows the editor in a window of its own over {@code owner} while the view model says it is shown
     * (the Heats screen's offer to create an unknown lot).
     */
    public static void showAsDialog(Window owner, LotEditorViewModel vm, Messages messages) {
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.titleProperty().bind(vm.titleProperty());
        javafx.scene.Scene scene = new javafx.scene.Scene(new LotEditorView(vm, messages).build(), 520, 320);
        if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        stage.setScene(scene);
        stage.setOnCloseRequest(e -> vm.cancel());
        vm.shownProperty().addListener(new javafx.beans.value.ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends Boolean> o, Boolean a, Boolean shown) {
                if (!shown) {
                    vm.shownProperty().removeListener(this);
                    stage.close();
                }
            }
        });
        stage.show();
    }
}
