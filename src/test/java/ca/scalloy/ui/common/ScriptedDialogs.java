package ca.scalloy.ui.common;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A {@link DialogService} that answers from what the test set and remembers what it was asked. */
public final class ScriptedDialogs implements DialogService {

    public Path fileToOpen;
    public Path fileToSave;
    public List<Path> filesToOpen = List.of();
    public Path imageToSave;
    public Path dataFileToOpen;
    public Path dataFileToSave;
    public boolean confirmAnswer = true;
    /** Answers to {@link #confirm}, taken in turn before {@link #confirmAnswer} is used. */
    public final java.util.Deque<Boolean> confirmAnswers = new java.util.ArrayDeque<>();
    public final List<String> confirmations = new ArrayList<>();
    public final List<String> informations = new ArrayList<>();
    public UnsavedChoice unsavedChoice = UnsavedChoice.CANCEL;
    public final List<String> errors = new ArrayList<>();
    public final List<String> unsavedQuestions = new ArrayList<>();
    /** The answers to {@link #choose}, by the option's label, taken in turn; -1 (closed) when none is left. */
    public final java.util.Deque<String> choices = new java.util.ArrayDeque<>();
    /** The messages {@link #choose} was asked with, and the options offered each time. */
    public final List<String> choiceQuestions = new ArrayList<>();
    public final List<List<String>> choiceOptions = new ArrayList<>();

    @Override
    public Optional<Path> chooseFileToOpen(String title) {
        return Optional.ofNullable(fileToOpen);
    }

    @Override
    public List<Path> chooseFilesToOpen(String title) {
        return filesToOpen;
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
    public Optional<Path> chooseToOpen(String title, FileKind kind) {
        return Optional.ofNullable(dataFileToOpen);
    }

    @Override
    public Optional<Path> chooseToSave(String title, FileKind kind, String suggestedFileName) {
        return Optional.ofNullable(dataFileToSave);
    }

    @Override
    public boolean confirm(String title, String message) {
        confirmations.add(message);
        return confirmAnswers.isEmpty() ? confirmAnswer : confirmAnswers.poll();
    }

    @Override
    public UnsavedChoice askUnsavedChanges(String title, String message) {
        unsavedQuestions.add(message);
        return unsavedChoice;
    }

    @Override
    public int choose(String title, String message, List<String> options) {
        choiceQuestions.add(message);
        choiceOptions.add(List.copyOf(options));
        String answer = choices.poll();
        return answer == null ? -1 : options.indexOf(answer);
    }

    @Override
    public void showError(String title, String message) {
        errors.add(message);
    }

    @Override
    public void showInformation(String title, String message) {
        informations.add(message);
    }
}
