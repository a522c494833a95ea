package ca.scalloy.ui.properties;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import ca.scalloy.ui.common.DialogService;
import ca.scalloy.ui.common.MessageWords;
import ca.scalloy.ui.common.Messages;

/** Saving a chart as PNG: asks where, lets the view write the picture there, and says how it went. */
final class PngExport {

    private final DialogService dialogs;
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");

    PngExport(DialogService dialogs) {
        this.dialogs = Objects.requireNonNull(dialogs, "dialogs");
    }

    /** Asks where to save (suggesting {@code suggestedName}) and writes there; says so in the status, or shows why it failed. */
    void export(Messages messages, String suggestedName, PngWriter writer) {
        Optional<Path> file = dialogs.chooseImageToSave(messages.get("diagram.export.title"), suggestedName);
        if (file.isEmpty()) {
            return;
        }
        try {
            writer.write(file.get());
            status.set(messages.get("diagram.export.done", file.get().toString()));
        } catch (IOException | RuntimeException e) {
            dialogs.showError(messages.get("diagram.export.failed.title"),
                    MessageWords.fileFailure(e, file.get(), true, messages));
        }
    }

    /** The outcome of the last export, in words. */
    ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }
}
