package ca.scalloy.ui.common;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import ca.scalloy.store.Database;

/**
 * The library database as the screens see it: opened off the UI thread, possibly not (yet)
 * available, backed up and restored from the File menu. The Library, Specifications and Recipes
 * screens and the Batch screen's library features follow {@link #databaseProperty()}; while it is
 * null they show {@link #messageProperty()}.
 */
public final class LibraryStore {

    /** Where the database stands. */
    public enum State { CLOSED, OPENING, OPEN, FAILED }

    private final BackgroundExecutor executor;
    private final DialogService dialogs;
    private final Clock clock;
    private Messages messages;
    private Path path;
    private String failure = "";
    /** Set at exit: a database that finishes opening afterwards is closed at once. */
    private boolean shutDown;

    private final ReadOnlyObjectWrapper<Database> database = new ReadOnlyObjectWrapper<>(this, "database");
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(this, "state", State.CLOSED);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");

    public LibraryStore(Messages messages, BackgroundExecutor executor, DialogService dialogs, Clock clock) {
        this.messages = Objects.requireNonNull(messages, "messages");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.dialogs = Objects.requireNonNull(dialogs, "dialogs");
        this.clock = Objects.requireNonNull(clock, "clock");
        updateMessage();
    }

    /** A store over a database that is already open (tests, previews). */
    public static LibraryStore of(Database db, Messages messages, BackgroundExecutor executor, DialogService dialogs) {
        LibraryStore s = new LibraryStore(messages, executor, dialogs, db.clock());
        s.path = db.file();
        s.opened(db);
        return s;
    }

    /** Opens the file database at {@code databasePath} off the UI thread; a failure is shown in a dialog. */
    public void open(Path databasePath) {
        path = Objects.requireNonNull(databasePath, "databasePath");
        state.set(State.OPENING);
        updateMessage();
        executor.run(() -> Database.open(databasePath, clock), this::opened, e -> {
            failure = String.valueOf(e.getMessage());
            state.set(State.FAILED);
            updateMessage();
            dialogs.showError(messages.get("db.failed.title"), messages.get("db.failed.message", databasePath.toString(), failure));
        });
    }

    private void opened(Database db) {
        if (shutDown) {
            db.close();
            return;
        }
        database.set(db);
        state.set(State.OPEN);
        failure = "";
        updateMessage();
    }

    /** File › Backup database…: writes the whole database to one zip file. */
    public void backup() {
        Database db = database.get();
        if (db == null || db.file() == null) {
            dialogs.showError(messages.get("db.backup.title"), message.get());
            return;
        }
        String suggested = "scalloy-backup-" + LocalDate.now(clock.withZone(ZoneId.systemDefault())) + ".zip";
        Optional<Path> target = dialogs.chooseToSave(messages.get("db.backup.title"), DialogService.FileKind.DATABASE_BACKUP, suggested);
        if (target.isEmpty()) {
            return;
        }
        executor.run(() -> {
            db.backup(target.get());
            return target.get();
        }, t -> dialogs.showInformation(messages.get("db.backup.title"), messages.get("db.backup.done", t.toString())),
                e -> dialogs.showError(messages.get("db.backup.title"), String.valueOf(e.getMessage())));
    }

    /**
     * File › Restore database…: after confirmation, closes the database, replaces it with the backup
     * and opens it again. When the restore fails the database is opened again as it was.
     */
    public void restore() {
        Database db = database.get();
        if (db == null || path == null) {
            dialogs.showError(messages.get("db.restore.title"), message.get());
            return;
        }
        Optional<Path> backup = dialogs.chooseToOpen(messages.get("db.restore.title"), DialogService.FileKind.DATABASE_BACKUP);
        if (backup.isEmpty() || !dialogs.confirm(messages.get("db.restore.title"),
                messages.get("db.restore.confirm", path.toString(), backup.get().toString()))) {
            return;
        }
        database.set(null);
        state.set(State.OPENING);
        updateMessage();
        Path databasePath = path;
        executor.run(() -> {
            db.close();
            Database.restore(backup.get(), databasePath, clock);
            return Database.open(databasePath, clock);
        }, fresh -> {
            opened(fresh);
            dialogs.showInformation(messages.get("db.restore.title"), messages.get("db.restore.done", backup.get().toString()));
        }, e -> {
            // The store leaves the database untouched when a restore fails: open it again as it was.
            open(databasePath);
            dialogs.showError(messages.get("db.restore.title"), String.valueOf(e.getMessage()));
        });
    }

    /** Closes the database at exit; one still opening is closed when it arrives. */
    public void close() {
        shutDown = true;
        Database db = database.get();
        database.set(null);
        if (db != null) {
            db.close();
        }
        state.set(State.CLOSED);
        updateMessage();
    }

    public void setMessages(Messages newMessages) {
        messages = Objects.requireNonNull(newMessages, "messages");
        updateMessage();
    }

    private void updateMessage() {
        String where = path == null ? messages.get("db.inMemory") : path.toString();
        message.set(switch (state.get()) {
            case CLOSED -> messages.get("db.closed");
            case OPENING -> messages.get("db.opening", where);
            case OPEN -> messages.get("db.open", where);
            case FAILED -> messages.get("db.unavailable", where, failure);
        });
    }

    /** The open database, or null while it is opening, closed or could not be opened. */
    public ReadOnlyObjectProperty<Database> databaseProperty() {
        return database.getReadOnlyProperty();
    }

    /** The open database, or null. */
    public Database database() {
        return database.get();
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** Which database is open, or why none is, in words. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public BackgroundExecutor executor() {
        return executor;
    }
}
