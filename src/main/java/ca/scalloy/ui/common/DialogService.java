package ca.scalloy.ui.common;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The dialogs a view model may ask for; tests substitute answers. */
public interface DialogService {

    /** The user's answer when there are unsaved changes. */
    enum UnsavedChoice { SAVE, DISCARD, CANCEL }

    /** Files other than recipes and images that the screens read and write. */
    enum FileKind {
        /** Materials or specifications as JSON. */
        JSON_DATA,
        /** A backup of the whole database (zip). */
        DATABASE_BACKUP,
        /** A document (batch sheet, certificate) as PDF. */
        PDF,
        /** Comma- or semicolon-separated values: spectrometer exports, the audit log. */
        CSV
    }

    /** Asks for a recipe file to open; empty when the user cancels. */
    Optional<Path> chooseFileToOpen(String title);

    /**
     * Asks for one or more recipe files to open; empty when the user cancels. By default one file,
     * through {@link #chooseFileToOpen}.
     */
    default List<Path> chooseFilesToOpen(String title) {
        return chooseFileToOpen(title).map(List::of).orElse(List.of());
    }

    /** Asks where to save; empty when the user cancels. */
    Optional<Path> chooseFileToSave(String title, String suggestedFileName);

    /** Asks where to save a PNG image; empty when the user cancels. */
    Optional<Path> chooseImageToSave(String title, String suggestedFileName);

    /** Asks what to do with unsaved changes before they would be lost. */
    UnsavedChoice askUnsavedChanges(String title, String message);

    /** Asks for a file of {@code kind} to open; empty when the user cancels. */
    Optional<Path> chooseToOpen(String title, FileKind kind);

    /** Asks where to save a file of {@code kind}; empty when the user cancels. */
    Optional<Path> chooseToSave(String title, FileKind kind, String suggestedFileName);

    /** Asks the user to confirm an action; true when confirmed. */
    boolean confirm(String title, String message);

    /**
     * Asks the user to choose one of {@code options}, shown as buttons in this order; the last one
     * cancels.
     *
     * @return the index of the option chosen, or -1 when the dialog was closed without a choice
     */
    int choose(String title, String message, List<String> options);

    /** Tells the user something went wrong. */
    void showError(String title, String message);

    /** Shows a message for information. */
    void showInformation(String title, String message);
}
