package ca.scalloy.ui.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ca.scalloy.store.DatabaseLogin;
import ca.scalloy.store.TestDatabases;
import ca.scalloy.ui.common.LibraryStore;
import ca.scalloy.ui.common.Messages;
import ca.scalloy.ui.common.NoEnglish;
import ca.scalloy.ui.common.SameThreadExecutor;
import ca.scalloy.ui.common.ScriptedDialogs;

class ConnectionViewModelTest {

    private static final Messages EN = Messages.forLocale(Locale.CANADA);

    @TempDir
    Path dir;
    private final Map<String, String> saved = new HashMap<>();
    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private final SameThreadExecutor executor = new SameThreadExecutor();
    private final LibraryStore store = new LibraryStore(EN, executor, dialogs, Clock.systemUTC());

    @AfterEach
    void close() {
        store.close();
    }

    private ConnectionViewModel vm() {
        return vm(EN);
    }

    private ConnectionViewModel vm(Messages messages) {
        return new ConnectionViewModel(messages, store, executor, new ConnectionViewModel.Settings() {
            @Override
            public String get(String key) {
                return saved.get(key);
            }

            @Override
            public void save(String url, String user, String password) {
                saved.put("db.url", url);
                saved.put("db.user", user);
                saved.put("db.password", password);
            }

            @Override
            public Path file() {
                return dir.resolve("settings.properties");
            }

            @Override
            public Path embeddedDatabase() {
                return dir.resolve("scalloy");
            }

            @Override
            public Optional<String> overriddenBy() {
                return Optional.empty();
            }
        }, Clock.systemUTC());
    }

    @Test
    void aUrlThatIsNotJdbcIsExplainedAndNothingIsSaved() {
        ConnectionViewModel vm = vm();
        vm.urlProperty().set("postgres://plant-db/scalloy");

        assertFalse(vm.saveAndReconnect());

        assertTrue(vm.resultProperty().get().startsWith("Cannot connect: the database URL must start with jdbc:postgresql://"),
                vm.resultProperty().get());
        assertTrue(saved.isEmpty());
    }

    @Test
    void inFrenchAUrlThatIsNotJdbcAndAServerThatCannotBeReachedAreExplainedInFrench() {
        ConnectionViewModel vm = vm(Messages.forLocale(Locale.CANADA_FRENCH));
        vm.urlProperty().set("postgres://plant-db/scalloy");
        assertFalse(vm.saveAndReconnect());
        assertEquals("Connexion impossible : l’URL de la base de données doit commencer par jdbc:postgresql:// (un serveur PostgreSQL) ou"
                + " jdbc:h2: (une base intégrée), elle était postgres://plant-db/scalloy", vm.resultProperty().get());
        NoEnglish.assertNoEnglish(vm.resultProperty().get());

        // Port 1 on this machine: nothing listens there, the driver's connection is refused at once.
        vm.urlProperty().set("jdbc:postgresql://127.0.0.1:1/scalloy");
        vm.test();
        String shown = vm.resultProperty().get();
        assertTrue(shown.startsWith("Connexion impossible : impossible de joindre le serveur de base de données pour "), shown);
    }

    @Test
    void anEmptyUrlSavesNoServerAndReopensTheEmbeddedDatabase() {
        ConnectionViewModel vm = vm();
        vm.userProperty().set("jdoe");
        vm.passwordProperty().set("secret");

        assertTrue(vm.saveAndReconnect());

        assertEquals("", saved.get("db.url"));
        assertEquals("", saved.get("db.password"), "no password is kept for the embedded database");
        assertEquals(LibraryStore.State.OPEN, store.stateProperty().get());
        assertEquals("Embedded database " + dir.resolve("scalloy"), store.messageProperty().get());
    }

    @Test
    void testingAServerSaysAsWhomWithoutThePasswordAndSavingReconnects() {
        DatabaseLogin server = TestDatabases.freshLogin();
        ConnectionViewModel vm = vm();
        vm.urlProperty().set(server.url());
        vm.userProperty().set(server.user());
        vm.passwordProperty().set(server.password());

        vm.test();

        assertTrue(vm.resultProperty().get().startsWith("Connected: PostgreSQL scalloy_test on localhost:5432 as " + server.user()),
                vm.resultProperty().get());
        assertTrue(vm.saveAndReconnect());
        assertEquals(server.password(), saved.get("db.password"));
        assertEquals(LibraryStore.State.OPEN, store.stateProperty().get());
        assertTrue(store.messageProperty().get().startsWith("PostgreSQL scalloy_test on localhost:5432"), store.messageProperty().get());
    }
}
