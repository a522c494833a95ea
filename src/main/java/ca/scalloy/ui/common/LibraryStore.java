package ca.scalloy.ui.common;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ca.scalloy.store.ConcurrentChangeException;
import ca.scalloy.store.ConnectionLostException;
import ca.scalloy.store.Database;
import ca.scalloy.store.DatabaseLogin;
import ca.scalloy.store.PermissionException;
import ca.scalloy.store.UnverifiedBackupException;
import ca.scalloy.engine.Quantities;
import ca.scalloy.engine.Role;

/**
 * The library database as the screens see it: opened off the UI thread, possibly not (yet)
 * available, backed up and restored from the File menu. The Library, Specifications and Recipes
 * screens and the Batch screen's library features follow {@link #databaseProperty()}; while it is
 * null they show {@link #messageProperty()}.
 *
 * <p>The database is the embedded file ({@link #open(Path)}) or a shared server ({@link #open(DatabaseLogin)}).
 * All store work of the screens runs through {@link #executor()}, which is also where a lost server
 * connection is noticed: it is reported once (not once per screen that was reading), the status says
 * so until a piece of store work succeeds again, and the screens' edits stay where they are.
 */
public final class LibraryStore {

    private static final Logger LOG = LoggerFactory.getLogger(LibraryStore.class);

    /** Where the database stands. */
    public enum State { CLOSED, OPENING, OPEN, FAILED }

    /** What became of a save that the store refused. */
    public enum SaveProblem {
        /** Someone else changed it; the user chose to save theirs on top as a new version. */
        SAVE_AS_NEW,
        /** Someone else changed it; the user chose to read it again (their edits go). */
        RELOAD,
        /** Explained to the user (a conflict they cancelled, a role, a lost connection); the edits stay. */
        EXPLAINED,
        /** Not a conflict, role or connection problem: the screen shows it its own way. */
        OTHER
    }

    private final BackgroundExecutor executor;
    private final DialogService dialogs;
    private final Clock clock;
    private Messages messages;
    private final BackgroundExecutor guarded = new Guarded();
    private Path path;
    private DatabaseLogin login;
    private String failure = "";
    /** Set at exit: a database that finishes opening afterwards is closed at once. */
    private boolean shutDown;

    private final ReadOnlyObjectWrapper<Database> database = new ReadOnlyObjectWrapper<>(this, "database");
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(this, "state", State.CLOSED);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final List<RoleGate> gates = new java.util.ArrayList<>();
    private final ReadOnlyBooleanWrapper connectionLost = new ReadOnlyBooleanWrapper(this, "connectionLost");
    /** Whether the connection was lost and has worked again since (the status says "restored" until the next open). */
    private boolean restored;

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
        s.login = db.file() == null && db.isPostgres() ? db.login() : null;
        s.opened(db);
        return s;
    }

    /** Opens the file database at {@code databasePath} off the UI thread; a failure is shown in a dialog. */
    public void open(Path databasePath) {
        path = Objects.requireNonNull(databasePath, "databasePath");
        login = null;
        connect(() -> Database.open(databasePath, clock), databasePath.toString());
    }

    /**
     * Connects to the database server of {@code serverLogin} off the UI thread; a failure is shown in a
     * dialog. The password is used for the connection only: no message shows it.
     */
    public void open(DatabaseLogin serverLogin) {
        login = Objects.requireNonNull(serverLogin, "serverLogin");
        path = null;
        connect(() -> Database.connect(serverLogin, clock), serverLogin.describe());
    }

    /**
     * Closes the database open now and opens the one given (File › Database connection…): a server
     * login, or the embedded file at {@code embedded} when the login is null.
     */
    public void reopen(DatabaseLogin serverLogin, Path embedded) {
        Database old = database.get();
        database.set(null);
        if (old != null) {
            executor.run(() -> {
                old.close();
                return old;
            }, closed -> { }, e -> { });
        }
        if (serverLogin != null) {
            open(serverLogin);
        } else {
            open(embedded);
        }
    }

    private void connect(Callable<Database> opening, String where) {
        state.set(State.OPENING);
        connectionLost.set(false);
        restored = false;
        updateMessage();
        executor.run(() -> {
            Database db = opening.call();
            PlantUnits.set(db.settings().plantUnits(Quantities.of(Locale.ROOT)));
            return db;
        }, this::opened, e -> {
            failure = MessageWords.failure(e, messages);
            state.set(State.FAILED);
            updateMessage();
            dialogs.showError(messages.get("db.failed.title"), messages.get("db.failed.message", where, failure));
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
        if (db == null) {
            dialogs.showError(messages.get("db.backup.title"), message.get());
            return;
        }
        if (db.file() == null) {
            dialogs.showError(messages.get("db.backup.title"), messages.get("db.embeddedOnly", db.describe()));
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
                showingError(messages.get("db.backup.title")));
    }

    /**
     * File › Restore database…: after confirmation, closes the database, replaces it with the backup
     * and opens it again. The store checks the backup against its manifest first; when the restore fails
     * (a damaged backup, one that does not match its manifest) the database is opened again as it was. A
     * backup without a manifest (made before backups carried one) is restored only when the user
     * confirms it a second time, knowing its rows cannot be checked.
     */
    public void restore() {
        Database db = database.get();
        if (db == null) {
            dialogs.showError(messages.get("db.restore.title"), message.get());
            return;
        }
        if (path == null) {
            dialogs.showError(messages.get("db.restore.title"), messages.get("db.embeddedOnly", db.describe()));
            return;
        }
        Optional<Path> backup = dialogs.chooseToOpen(messages.get("db.restore.title"), DialogService.FileKind.DATABASE_BACKUP);
        if (backup.isEmpty() || !dialogs.confirm(messages.get("db.restore.title"),
                messages.get("db.restore.confirm", path.toString(), backup.get().toString()))) {
            return;
        }
        restoreFrom(db, backup.get(), path, false);
    }

    private void restoreFrom(Database current, Path backup, Path databasePath, boolean allowUnverified) {
        database.set(null);
        state.set(State.OPENING);
        updateMessage();
        executor.run(() -> {
            if (current != null) {
                current.close();
            }
            Database.restore(backup, databasePath, clock, allowUnverified);
            return Database.open(databasePath, clock);
        }, fresh -> {
            opened(fresh);
            dialogs.showInformation(messages.get("db.restore.title"), messages.get("db.restore.done", backup.toString()));
        }, e -> {
            if (e instanceof UnverifiedBackupException) {
                if (dialogs.confirm(messages.get("db.restore.title"), messages.get("db.restore.unverified", backup.toString()))) {
                    restoreFrom(null, backup, databasePath, true);
                    return;
                }
                open(databasePath);
                return;
            }
            // The store leaves the database untouched when a restore fails: open it again as it was. The dialog says
            // what the user can act on; the log keeps the store's whole reason (which table, which checksum).
            LOG.warn("restoring {} was refused", backup, e);
            open(databasePath);
            dialogs.showError(messages.get("db.restore.title"), MessageWords.fileFailure(e, backup, false, messages));
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
        gates.forEach(this::updateGate);
        String where = where();
        message.set(switch (state.get()) {
            case CLOSED -> messages.get("db.closed");
            case OPENING -> messages.get("db.opening", where);
            case OPEN -> connectionLost.get() ? messages.get("db.lost", where)
                    : restored ? messages.get("db.restored", where) : messages.get("db.open", where);
            case FAILED -> messages.get("db.unavailable", where, failure);
        });
    }

    /** Which database, in the user's words: the embedded file, or the server, database, user and roles. */
    private String where() {
        if (login == null) {
            return path == null ? messages.get("db.inMemory") : messages.get("db.embedded", path.toString());
        }
        Database db = database.get();
        String roles = db == null ? "" : roleWords(db);
        String server = login.host().isPresent()
                ? messages.get("db.server", login.databaseName().orElseThrow(), login.host().get(), login.user())
                : messages.get("db.serverUrl", login.safeUrl(), login.user());
        return roles.isEmpty() ? server : messages.get("db.withRoles", server, roles);
    }

    /** The user's roles in words ("operator, quality"); an admin is named as such alone. */
    private String roleWords(Database db) {
        List<Role> held = db.may(Role.ADMIN) ? List.of(Role.ADMIN) : db.roles().stream().sorted().toList();
        if (held.isEmpty()) {
            return messages.get("role.none");
        }
        return String.join(", ", held.stream().map(r -> messages.label("role", r)).toList());
    }

    /**
     * Explains why a save was refused and asks what to do about someone else's change: "Save as a new
     * version" (only for {@code versioned} things: recipes, specifications), "Reload" or "Cancel". A role
     * that does not allow it is shown as a plain message; a lost connection was already reported.
     *
     * @return what the user chose, or {@link SaveProblem#OTHER} for a failure this does not explain
     */
    public SaveProblem explainSaveFailure(String title, Throwable e, boolean versioned) {
        if (e instanceof ConcurrentChangeException) {
            List<String> options = versioned
                    ? List.of(messages.get("conflict.saveAsNew"), messages.get("conflict.reload"), messages.get("conflict.cancel"))
                    : List.of(messages.get("conflict.reload"), messages.get("conflict.cancel"));
            int chosen = dialogs.choose(messages.get("conflict.title", title), messages.get(versioned ? "conflict.message.versioned" : "conflict.message",
                    MessageWords.failure(e, messages)), options);
            if (versioned && chosen == 0) {
                return SaveProblem.SAVE_AS_NEW;
            }
            return chosen == (versioned ? 1 : 0) ? SaveProblem.RELOAD : SaveProblem.EXPLAINED;
        }
        if (e instanceof PermissionException) {
            dialogs.showError(title, MessageWords.failure(e, messages));
            return SaveProblem.EXPLAINED;
        }
        if (e instanceof ConnectionLostException) {
            return SaveProblem.EXPLAINED;
        }
        return SaveProblem.OTHER;
    }

    /** Whether the store's executor has already told the user about {@code e} (a lost connection, told once). */
    public static boolean alreadyReported(Throwable e) {
        return e instanceof ConnectionLostException;
    }

    /**
     * An error handler for work that read ({@code write} false) or wrote {@code file}: shows the failure in a dialog
     * naming the file, except a lost connection, which was already reported.
     */
    public Consumer<Throwable> showingFileError(String title, Path file, boolean write) {
        return e -> {
            if (!(e instanceof ConnectionLostException)) {
                dialogs.showError(title, MessageWords.fileFailure(e, file, write, messages));
            }
        };
    }

    /** An error handler that shows the failure in a dialog, except a lost connection, which was already reported. */
    public Consumer<Throwable> showingError(String title) {
        return e -> {
            if (!(e instanceof ConnectionLostException)) {
                dialogs.showError(title, MessageWords.failure(e, messages));
            }
        };
    }

    /**
     * A gate for an action that any of {@code anyOf} allows, kept up to date as databases open and the
     * language changes.
     */
    public RoleGate gate(Role... anyOf) {
        RoleGate g = new RoleGate(List.of(anyOf));
        gates.add(g);
        updateGate(g);
        return g;
    }

    private void updateGate(RoleGate g) {
        Database db = database.get();
        g.update(r -> db != null && db.may(r), db != null, messages);
    }

    /** Whether the database open now allows what {@code role} allows (false while none is open). */
    public boolean may(Role role) {
        Database db = database.get();
        return db != null && db.may(role);
    }

    /** Whether the server connection was lost at the last store work and has not worked since. */
    public ReadOnlyBooleanProperty connectionLostProperty() {
        return connectionLost.getReadOnlyProperty();
    }

    private void lost(ConnectionLostException e) {
        if (!connectionLost.get()) {
            connectionLost.set(true);
            updateMessage();
            dialogs.showError(messages.get("db.lost.title"), MessageWords.failure(e, messages));
        }
    }

    private void worked() {
        if (connectionLost.get()) {
            connectionLost.set(false);
            restored = true;
            updateMessage();
        }
    }

    /** The store's executor, noticing lost and restored connections on the way back to the UI thread. */
    private final class Guarded implements BackgroundExecutor {
        @Override
        public <T> void run(Callable<T> work, Consumer<T> onDone, Consumer<Throwable> onError) {
            executor.run(work, value -> {
                worked();
                onDone.accept(value);
            }, e -> {
                if (e instanceof ConnectionLostException lostNow) {
                    lost(lostNow);
                }
                onError.accept(e);
            });
        }
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

    /**
     * Where the screens run their store work: off the UI thread, with a lost connection reported once
     * (see the class comment) before the screen's own error handler runs.
     */
    public BackgroundExecutor executor() {
        return guarded;
    }

    /** Where the store asks and tells the user things (for {@link StoreScreen}). */
    DialogService dialogs() {
        return dialogs;
    }

    /** The server login in use, or null for the embedded database. */
    public DatabaseLogin login() {
        return login;
    }

    /** The embedded database's path, or null on a server. */
    public Path path() {
        return path;
    }
}
