package ca.scalloy.ui.common;

import java.nio.file.Path;
import java.util.function.Consumer;

import javafx.event.ActionEvent;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TitledPane;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * The dialogs about the log: an error nobody expected (a short message, "Copy report" and "Open log
 * folder", the report itself under "Details"), and Help › Show log folder.
 */
public final class ErrorReportDialog {

    private ErrorReportDialog() {
    }

    /**
     * Shows, without waiting, that an unexpected error happened.
     *
     * @param errorName     what failed, in a word (the exception's simple class name)
     * @param report        the text "Copy report" puts on the clipboard, passwords already taken out
     * @param openLogFolder opens the log folder in the system's file manager
     * @param closed        told when the dialog closes
     * @return the dialog, shown
     */
    public static Alert showError(Window owner, Messages m, String errorName, String report, Runnable openLogFolder, Runnable closed) {
        Alert a = new Alert(Alert.AlertType.ERROR, m.get("crash.text"));
        a.setTitle(m.get("crash.title"));
        a.setHeaderText(m.get("crash.header", errorName));
        ButtonType copy = new ButtonType(m.get("crash.copyReport"), ButtonBar.ButtonData.LEFT);
        ButtonType open = new ButtonType(m.get("logFolder.open"), ButtonBar.ButtonData.LEFT);
        ButtonType close = new ButtonType(m.get("dialog.close"), ButtonBar.ButtonData.CANCEL_CLOSE);
        a.getButtonTypes().setAll(copy, open, close);
        keepOpen(a, copy, e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(report);
            Clipboard.getSystemClipboard().setContent(content);
            a.setHeaderText(m.get("crash.copied"));
        });
        keepOpen(a, open, e -> openLogFolder.run());
        TextArea details = new TextArea(report);
        details.setId("crashReport");
        details.setEditable(false);
        details.setWrapText(false);
        details.setPrefRowCount(16);
        // our own "Details" rather than the dialog's expandable content, whose button JavaFX labels in the
        // system's language, not the workbench's
        Label text = new Label(m.get("crash.text"));
        text.setWrapText(true);
        TitledPane more = new TitledPane(m.get("crash.details"), details);
        more.setExpanded(false);
        more.setAnimated(false);
        a.getDialogPane().setContent(new VBox(10, text, more));
        a.getDialogPane().setMinWidth(560);
        a.getDialogPane().setPrefWidth(640);
        a.getDialogPane().setId("crashDialog");
        own(a, owner);
        a.setOnHidden(e -> closed.run());
        a.show();
        return a;
    }

    /** Help › Show log folder: where the log is, with a button that opens it. */
    public static void showLogFolder(Window owner, Messages m, Path folder, Runnable openLogFolder) {
        Alert a = new Alert(Alert.AlertType.INFORMATION, m.get("logFolder.text", folder.toAbsolutePath().toString()));
        a.setTitle(m.get("logFolder.title"));
        a.setHeaderText(m.get("logFolder.title"));
        ButtonType open = new ButtonType(m.get("logFolder.open"), ButtonBar.ButtonData.LEFT);
        ButtonType close = new ButtonType(m.get("dialog.close"), ButtonBar.ButtonData.CANCEL_CLOSE);
        a.getButtonTypes().setAll(open, close);
        keepOpen(a, open, e -> openLogFolder.run());
        a.getDialogPane().setMinWidth(460);
        a.getDialogPane().setId("logFolderDialog");
        own(a, owner);
        a.show();
    }

    /** A button that acts without closing the dialog. */
    private static void keepOpen(Alert a, ButtonType type, Consumer<ActionEvent> action) {
        Button b = (Button) a.getDialogPane().lookupButton(type);
        // as wide as its words ("Ouvrir le dossier des journaux"), not as the other buttons
        ButtonBar.setButtonUniformSize(b, false);
        b.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            action.accept(e);
        });
    }

    private static void own(Alert a, Window owner) {
        if (owner != null && owner.getScene() != null) {
            a.initOwner(owner);
        }
    }
}
