package ca.scalloy.ui.connection;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import ca.scalloy.io.SettingsFile;
import ca.scalloy.store.Database;
import ca.scalloy.store.DatabaseLogin;
import ca.scalloy.engine.Role;
import ca.scalloy.store.StoreException;
import ca.scalloy.ui.common.BackgroundExecutor;
import ca.scalloy.ui.common.LibraryStore;
import ca.scalloy.ui.common.MessageWords;
import ca.scalloy.ui.common.Messages;

/**
 * File › Database connection…: the server's JDBC URL, user and password (an empty URL means the
 * embedded database), a test that connects and says as whom with which roles, and saving to the
 * settings file followed by a reconnection. The password goes only to the settings file and the
 * connection: no message shows it.
 */
public final class ConnectionViewModel {

    /** Where the connection settings are kept (the app's settings file). */
    public interface Settings {
        /** The saved URL, user and password, blank when none. */
        String get(String key);

        /** Saves URL, user and password (blank removes a key). @throws java.io.IOException when the file cannot be written */
        void save(String url, String user, String password) throws java.io.IOException;

        /** The settings file, for messages. */
        Path file();

        /** The embedded database used when no server is named. */
        Path embeddedDatabase();

        /** What names a server before the settings (the environment variable or option), if anything. */
        Optional<String> overriddenBy();
    }

    private static final String URL_KEY = SettingsFile.DB_URL;
    private static final String USER_KEY = SettingsFile.DB_USER;
    private static final String PASSWORD_KEY = SettingsFile.DB_PASSWORD;

    private final Messages messages;
    private final LibraryStore store;
    private final BackgroundExecutor executor;
    private final Settings settings;
    private final Clock clock;
    private final StringProperty url = new SimpleStringProperty(this, "url", "");
    private final StringProperty user = new SimpleStringProperty(this, "user", "");
    private final StringProperty password = new SimpleStringProperty(this, "password", "");
    private final ReadOnlyStringWrapper result = new ReadOnlyStringWrapper(this, "result", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");

    public ConnectionViewModel(Messages messages, LibraryStore store, BackgroundExecutor executor, Settings settings, Clock clock) {
        this.messages = Objects.requireNonNull(messages, "messages");
        this.store = Objects.requireNonNull(store, "store");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        url.set(Objects.requireNonNullElse(settings.get(URL_KEY), ""));
        user.set(Objects.requireNonNullElse(settings.get(USER_KEY), ""));
        password.set(Objects.requireNonNullElse(settings.get(PASSWORD_KEY), ""));
    }

    /** The server login typed, empty for the embedded database. @throws StoreException for a URL that is not a JDBC URL */
    private Optional<DatabaseLogin> login() {
        String u = url.get().strip();
        return u.isEmpty() ? Optional.empty() : Optional.of(new DatabaseLogin(u, user.get(), password.get()));
    }

    /** Connects with what is typed (off the UI thread), says whether it worked and as whom, and closes again. */
    public void test() {
        Optional<DatabaseLogin> login;
        try {
            login = login();
        } catch (StoreException e) {
            result.set(messages.get("connection.failed", MessageWords.failure(e, messages)));
            return;
        }
        busy.set(true);
        result.set(messages.get("connection.testing"));
        executor.run(() -> {
            try (Database db = login.isPresent() ? Database.connect(login.get(), clock) : Database.open(settings.embeddedDatabase(), clock)) {
                String roles = String.join(", ", db.roles().stream().sorted().map(r -> messages.label("role", r)).toList());
                return db.may(Role.ADMIN) ? db.describe() + " \u2014 " + messages.label("role", Role.ADMIN)
                        : db.describe() + (roles.isEmpty() ? "" : " \u2014 " + roles);
            }
        }, described -> {
            busy.set(false);
            result.set(messages.get("connection.ok", described));
        }, e -> {
            busy.set(false);
            result.set(messages.get("connection.failed", MessageWords.failure(e, messages)));
        });
    }

    /**
     * Saves URL, user and password to the settings file and reconnects the workbench with them.
     *
     * @return whether it was saved (the dialog may close)
     */
    public boolean saveAndReconnect() {
        Optional<DatabaseLogin> login;
        try {
            login = login();
        } catch (StoreException e) {
            result.set(messages.get("connection.failed", MessageWords.failure(e, messages)));
            return false;
        }
        try {
            settings.save(url.get().strip(), login.isPresent() ? user.get().strip() : "", login.isPresent() ? password.get() : "");
        } catch (java.io.IOException | RuntimeException e) {
            result.set(MessageWords.fileFailure(e, settings.file(), true, messages));
            return false;
        }
        store.reopen(login.orElse(null), settings.embeddedDatabase());
        return true;
    }

    /** A note when the environment (or an option) names a server before the settings; empty otherwise. */
    public String overrideNote() {
        return settings.overriddenBy().map(what -> messages.get("connection.overridden", what)).orElse("");
    }

    /** Where the password is kept. */
    public String passwordNote() {
        return messages.get("connection.passwordNote", settings.file().toString());
    }

    /** The hint under the URL: empty for the embedded database at its path. */
    public String urlHint() {
        return messages.get("connection.urlHint", settings.embeddedDatabase().toString());
    }

    public StringProperty urlProperty() {
        return url;
    }

    public StringProperty userProperty() {
        return user;
    }

    public StringProperty passwordProperty() {
        return password;
    }

    /** The outcome of the last test or save, in words. */
    public ReadOnlyStringProperty resultProperty() {
        return result.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public Messages messages() {
        return messages;
    }
}
