package ca.scalloy.ui.common;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A {@link DialogService} that answers from what the test set and remembers what it was asked. */
public final class ScriptedDialogs implements DialogService {

    public Path fileToOpen;
    public Path fileToSave;
    public Path imageToSave;
    public UnsavedChoice unsavedChoice = UnsavedChoice.CANCEL;
    public final List<String> errors = new ArrayList<>();
    public final List<String> unsavedQuestions = new ArrayList<>();

    @Override
    public Optional<Path> chooseFileToOpen(String title) {
        return Optional.ofNullable(fileToOpen);
    }

    @Override
    public Optional<Path> chooseFileToSave(String title, String suggestedFileName) {
        return Optional.ofNullable(fileToSave);
    }

    @Override
    public Optional<Path> chooseImageToSave(String title, String suggestedFileName) {
        return Optional.ofNullable(imageToSave);
    }

    @Override
    public UnsavedChoice askUnsavedChanges(String title, String message) {
        unsavedQuestions.add(message);
        return unsavedChoice;
    }

    @Override
    public void showError(String title, String message) {
        errors.add(message);
    }

    @Override
    public void showInformation(String title, String message) {
        // Information needs no answer in a test.
    }
}
