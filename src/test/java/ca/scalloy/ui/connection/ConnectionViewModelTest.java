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
        return new ConnectionViewModel(EN, store, executor, new ConnectionViewModel.Settings() {
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
