package ca.scalloy.ui.connection;

import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import ca.scalloy.ui.common.Messages;

/** File › Database connection… over a {@link ConnectionViewModel}: Test stays open, Save reconnects, Cancel changes nothing. */
public final class ConnectionDialog {

    private ConnectionDialog() {
    }

    /** Builds the dialog (shown by {@link #show}; kept apart for scripted screenshots). */
    public static Dialog<ButtonType> build(Window owner, ConnectionViewModel vm) {
        Messages m = vm.messages();
        TextField url = new TextField();
        url.setId("connectionUrl");
        url.setPrefColumnCount(34);
        url.setPromptText("jdbc:postgresql://plant-db:5432/scalloy");
        url.textProperty().bindBidirectional(vm.urlProperty());
        TextField user = new TextField();
        user.setId("connectionUser");
        user.textProperty().bindBidirectional(vm.userProperty());
        PasswordField password = new PasswordField();
        password.setId("connectionPassword");
        password.textProperty().bindBidirectional(vm.passwordProperty());
        Label hint = note(vm.urlHint());
        Label result = new Label();
        result.setId("connectionResult");
        result.setWrapText(true);
        result.textProperty().bind(vm.resultProperty());

        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        grid.addRow(0, label(m.get("connection.url")), url);
        grid.add(hint, 1, 1);
        grid.addRow(2, label(m.get("connection.user")), user);
        grid.addRow(3, label(m.get("connection.password")), password);
        VBox content = new VBox(10, grid, note(vm.passwordNote()));
        if (!vm.overrideNote().isEmpty()) {
            content.getChildren().add(note(vm.overrideNote()));
        }
        content.getChildren().add(result);
        content.setPadding(new Insets(12));
        content.setPrefWidth(660);

        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(m.get("connection.title"));
        ButtonType test = new ButtonType(m.get("connection.test"), ButtonBar.ButtonData.LEFT);
        ButtonType save = new ButtonType(m.get("connection.save"), ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType(m.get("connection.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        dialog.getDialogPane().getButtonTypes().setAll(test, save, cancel);
        dialog.getDialogPane().setContent(content);
        Node testButton = dialog.getDialogPane().lookupButton(test);
        testButton.setId("connectionTest");
        testButton.disableProperty().bind(vm.busyProperty());
        // Test and a save that failed keep the dialog open with what was typed.
        testButton.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            vm.test();
        });
        dialog.getDialogPane().lookupButton(save).addEventFilter(ActionEvent.ACTION, e -> {
            if (!vm.saveAndReconnect()) {
                e.consume();
            }
        });
        return dialog;
    }

    /** Shows the dialog and waits for the user. */
    public static void show(Window owner, ConnectionViewModel vm) {
        build(owner, vm).showAndWait();
    }

    /** A field's label, never shortened to "…": the fields give way instead. */
    private static Label label(String text) {
        Label l = new Label(text);
        l.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        return l;
    }

    private static Label note(String text) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.getStyleClass().add("hint");
        return l;
    }
}
