package ca.scalloy.ui.common;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;

import ca.scalloy.engine.Message;
import ca.scalloy.store.Database;
import ca.scalloy.store.Reasons;
import ca.scalloy.store.StoreException;

/**
 * What the store-backed screens' view models (Library, Lots, Specifications, Recipes, Heats) do alike over
 * the {@link LibraryStore}: the database captured on the FX thread before work goes off it, a refresh when a
 * database opens or closes (with whether one is {@link #availableProperty() available}), file import and
 * export, and the store's refusals turned into words.
 */
public final class StoreScreen {

    /** Work on a file the user chose, off the UI thread, with the database captured before the choice. */
    @FunctionalInterface
    public interface FileWork<T> {
        T run(Database db, Path file) throws Exception;
    }

    private final LibraryStore store;
    private final DialogService dialogs;
    private final ReadOnlyBooleanWrapper available;
    private Runnable refresh = () -> { };

    /**
     * @param bean the view model, as the bean of {@link #availableProperty()}
     */
    public StoreScreen(LibraryStore store, Object bean) {
        this.store = Objects.requireNonNull(store, "store");
        this.dialogs = store.dialogs();
        this.available = new ReadOnlyBooleanWrapper(bean, "available");
    }

    /**
     * Runs {@code refresh} now and whenever a database opens or closes; an import runs it too. Called last in the
     * view model's constructor, once what the refresh reads is in place.
     */
    public void follow(Runnable screenRefresh) {
        this.refresh = Objects.requireNonNull(screenRefresh, "screenRefresh");
        store.databaseProperty().addListener((o, a, b) -> screenRefresh.run());
        screenRefresh.run();
    }

    /**
     * The database open now, captured on the FX thread for a refresh, and {@link #availableProperty()} set to
     * whether there is one; with none, {@code clear} empties what the screen shows and null comes back.
     */
    public Database forRefresh(Runnable clear) {
        Database db = store.database();
        available.set(db != null);
        if (db == null) {
            clear.run();
        }
        return db;
    }

    /**
     * The database open now, for an action that must say why it cannot run: with none, a dialog titled {@code title}
     * shows why (the store's message) and null comes back.
     */
    public Database orExplain(String title) {
        Database db = store.database();
        if (db == null) {
            dialogs.showError(title, store.messageProperty().get());
        }
        return db;
    }

    /** Runs {@code work} off the UI thread through the store (a lost connection is reported once there). */
    public <T> void run(Callable<T> work, Consumer<T> onDone, Consumer<Throwable> onError) {
        store.executor().run(work, onDone, onError);
    }

    /**
     * "Import…": while a database is open, the user chooses a file of {@code kind}; {@code work} reads it into the
     * database off the UI thread, then {@code done} tells the user and the screen refreshes. A failure is shown in
     * a dialog titled {@code title} (a lost connection was already reported).
     */
    public <T> void importFile(String title, DialogService.FileKind kind, FileWork<T> work, BiConsumer<Path, T> done) {
        Database db = store.database();
        if (db == null) {
            return;
        }
        dialogs.chooseToOpen(title, kind).ifPresent(file -> run(() -> work.run(db, file), result -> {
            done.accept(file, result);
            refresh.run();
        }, store.showingFileError(title, file, false)));
    }

    /**
     * "Export…": the user chooses where ({@code suggestedName} offered); {@code work} writes the file off the UI
     * thread ({@code db} the database captured before, or null where the export needs none), then {@code done}
     * tells the user. A failure is shown in a dialog titled {@code title} (a lost connection was already reported).
     */
    public <T> void exportFile(String title, DialogService.FileKind kind, String suggestedName, Database db, FileWork<T> work,
                               BiConsumer<Path, T> done) {
        dialogs.chooseToSave(title, kind, suggestedName).ifPresent(file -> run(() -> work.run(db, file),
                result -> done.accept(file, result), store.showingFileError(title, file, true)));
    }

    /**
     * Checks each of {@code items} before the first is written, so that a bad one writes none; the refusal names
     * the file it came from.
     *
     * @throws StoreException the first refusal, prefixed with the file
     */
    public static <T> void checkEach(Path file, List<T> items, Consumer<T> check) {
        for (T item : items) {
            try {
                check.accept(item);
            } catch (StoreException e) {
                throw new StoreException(Message.of("store.refused.inFile", file + ": " + e.getMessage(), file.getFileName().toString(),
                        Reasons.of(e)), e);
            }
        }
    }

    /** A failed read or action in words, for the screen's status line. */
    public static String failure(Messages messages, Throwable e) {
        return messages.get("library.failed", MessageWords.failure(e, messages));
    }

    /** Whether a database is open (as of the last refresh). */
    public ReadOnlyBooleanProperty availableProperty() {
        return available.getReadOnlyProperty();
    }

    public LibraryStore store() {
        return store;
    }
}
