package ca.scalloy.ui.common;

import java.nio.file.Path;
import java.util.Optional;

/** The dialogs a view model may ask for; tests substitute answers. */
public interface DialogService {

    /** The user's answer when there are unsaved changes. */
    enum UnsavedChoice { SAVE, DISCARD, CANCEL }

    /** Asks for a recipe file to open; empty when the user cancels. */
    Optional<Path> chooseFileToOpen(String title);

    /** Asks where to save; empty when the user cancels. */
    Optional<Path> chooseFileToSave(String title, String suggestedFileName);

    /** Asks where to save a PNG image; empty when the user cancels. */
    Optional<Path> chooseImageToSave(String title, String suggestedFileName);

    /** Asks what to do with unsaved changes before they would be lost. */
    UnsavedChoice askUnsavedChanges(String title, String message);

    /** Tells the user something went wrong. */
    void showError(String title, String message);

    /** Shows a message for information. */
    void showInformation(String title, String message);
}
