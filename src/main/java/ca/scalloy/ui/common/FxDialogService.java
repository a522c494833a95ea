package ca.scalloy.ui.common;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link DialogService} with JavaFX file choosers and alerts, owned by the main window. */
public final class FxDialogService implements DialogService {

    private static final Logger LOG = LoggerFactory.getLogger(FxDialogService.class);

    private final Window owner;
    private Messages messages;
    /** The folder of the last file chosen, offered first next time. */
    private File lastFolder;

    public FxDialogService(Window owner, Messages messages) {
        this.owner = owner;
        this.messages = messages;
    }

    public void setMessages(Messages newMessages) {
        messages = newMessages;
    }

    /** The folder the file choosers start in until the user picks a file. */
    public void setInitialFolder(Path folder) {
        lastFolder = folder == null ? null : folder.toFile();
    }

    private FileChooser chooser(String title) {
        return chooser(title, new FileChooser.ExtensionFilter(messages.get("dialog.recipeFiles"), "*.json", "*.scalloy"));
    }

    private FileChooser chooser(String title, FileChooser.ExtensionFilter filter) {
        FileChooser c = new FileChooser();
        c.setTitle(title);
        c.getExtensionFilters().add(filter);
        if (lastFolder != null && lastFolder.isDirectory()) {
            c.setInitialDirectory(lastFolder);
        }
        return c;
    }

    private Optional<Path> remember(File f) {
        if (f == null) {
            return Optional.empty();
        }
        lastFolder = f.getParentFile();
        return Optional.of(f.toPath());
    }

    @Override
    public Optional<Path> chooseFileToOpen(String title) {
        return remember(chooser(title).showOpenDialog(owner));
    }

    @Override
    public List<Path> chooseFilesToOpen(String title) {
        List<File> files = chooser(title).showOpenMultipleDialog(owner);
        if (files == null || files.isEmpty()) {
            return List.of();
        }
        remember(files.get(0));
        return files.stream().map(File::toPath).toList();
    }

    @Override
    public Optional<Path> chooseFileToSave(String title, String suggestedFileName) {
        FileChooser c = chooser(title);
        c.setInitialFileName(suggestedFileName);
        return remember(c.showSaveDialog(owner));
    }

    @Override
    public Optional<Path> chooseImageToSave(String title, String suggestedFileName) {
        FileChooser c = chooser(title, new FileChooser.ExtensionFilter(messages.get("dialog.pngFiles"), "*.png"));
        c.setInitialFileName(suggestedFileName);
        return remember(c.showSaveDialog(owner));
    }

    @Override
    public Optional<Path> chooseToOpen(String title, FileKind kind) {
        return remember(chooser(title, filter(kind)).showOpenDialog(owner));
    }

    @Override
    public Optional<Path> chooseToSave(String title, FileKind kind, String suggestedFileName) {
        FileChooser c = chooser(title, filter(kind));
        c.setInitialFileName(suggestedFileName);
        return remember(c.showSaveDialog(owner));
    }

    private FileChooser.ExtensionFilter filter(FileKind kind) {
        return switch (kind) {
            case JSON_DATA -> new FileChooser.ExtensionFilter(messages.get("dialog.jsonFiles"), "*.json");
            case DATABASE_BACKUP -> new FileChooser.ExtensionFilter(messages.get("dialog.backupFiles"), "*.zip");
            case PDF -> new FileChooser.ExtensionFilter(messages.get("dialog.pdfFiles"), "*.pdf");
            case CSV -> new FileChooser.ExtensionFilter(messages.get("dialog.csvFiles"), "*.csv", "*.txt");
        };
    }

    @Override
    public boolean confirm(String title, String message) {
        Alert a = alert(Alert.AlertType.CONFIRMATION, title, message);
        return a.showAndWait().filter(b -> b == ButtonType.OK).isPresent();
    }

    @Override
    public UnsavedChoice askUnsavedChanges(String title, String message) {
        ButtonType save = new ButtonType(messages.get("dialog.unsaved.save"), ButtonBar.ButtonData.YES);
        ButtonType discard = new ButtonType(messages.get("dialog.unsaved.discard"), ButtonBar.ButtonData.NO);
        ButtonType cancel = new ButtonType(messages.get("dialog.unsaved.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert a = alert(Alert.AlertType.CONFIRMATION, title, message);
        a.getButtonTypes().setAll(save, discard, cancel);
        ButtonType answer = a.showAndWait().orElse(cancel);
        return answer == save ? UnsavedChoice.SAVE : answer == discard ? UnsavedChoice.DISCARD : UnsavedChoice.CANCEL;
    }

    @Override
    public int choose(String title, String message, List<String> options) {
        List<ButtonType> buttons = new java.util.ArrayList<>();
        for (int i = 0; i < options.size(); i++) {
            boolean last = i == options.size() - 1;
            buttons.add(new ButtonType(options.get(i), last ? ButtonBar.ButtonData.CANCEL_CLOSE
                    : i == 0 ? ButtonBar.ButtonData.YES : ButtonBar.ButtonData.OTHER));
        }
        Alert a = alert(Alert.AlertType.WARNING, title, message);
        a.getButtonTypes().setAll(buttons);
        return a.showAndWait().map(buttons::indexOf).orElse(-1);
    }

    @Override
    public void showError(String title, String message) {
        LOG.warn("error shown: {}: {}", title, message);
        alert(Alert.AlertType.ERROR, title, message).showAndWait();
    }

    @Override
    public void showInformation(String title, String message) {
        alert(Alert.AlertType.INFORMATION, title, message).showAndWait();
    }

    private Alert alert(Alert.AlertType type, String title, String message) {
        Alert a = new Alert(type, message);
        if (owner.getScene() != null) {
            // a dialog before the window has its scene (at start-up) stands alone rather than failing
            a.initOwner(owner);
        }
        a.setTitle(title);
        a.setHeaderText(title);
        a.getDialogPane().setMinWidth(460);
        return a;
    }
}
