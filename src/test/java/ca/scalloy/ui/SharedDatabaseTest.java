package ca.scalloy.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import ca.scalloy.engine.charge.ChargeCalculator;
import ca.scalloy.engine.heat.HeatStatus;
import ca.scalloy.solver.OjalgoSolver;
import ca.scalloy.store.Database;
import ca.scalloy.store.DatabaseLogin;
import ca.scalloy.engine.Role;
import ca.scalloy.store.TestDatabases;
import ca.scalloy.ui.common.LibraryStore;
import ca.scalloy.ui.common.Messages;
import ca.scalloy.ui.common.SameThreadExecutor;
import ca.scalloy.ui.common.ScriptedDialogs;
import ca.scalloy.ui.documents.Printing;
import ca.scalloy.ui.heats.HeatPageViewModel;
import ca.scalloy.ui.heats.HeatsViewModel;
import ca.scalloy.ui.library.LibraryViewModel;
import ca.scalloy.ui.library.MaterialEditField;

/**
 * The screens on the PostgreSQL test server with login users of their own (skipped cleanly when the
 * server is absent): roles disable what they do not allow, and a lost connection keeps the edits.
 */
class SharedDatabaseTest {

    private static final Messages EN = Messages.forLocale(Locale.CANADA);
    private static final String PASSWORD = "pw-" + UUID.randomUUID();

    private final String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    private final String operatorUser = "ui_op_" + suffix;
    private final String metallurgistUser = "ui_met_" + suffix;
    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private DatabaseLogin schema;
    private Database db;

    @BeforeEach
    void usersOnAFreshSchema() {
        schema = TestDatabases.freshLogin();
        // Members of this database's own group roles (each Scalloy database has its own: decision 0010).
        try (Database admin = Database.connect(schema, Clock.systemUTC())) {
            admin.users().create(operatorUser, PASSWORD, Set.of(Role.OPERATOR));
            admin.users().create(metallurgistUser, PASSWORD, Set.of(Role.METALLURGIST));
        }
    }

    @AfterEach
    void dropUsers() {
        if (db != null) {
            db.close();
        }
        if (schema != null) {
            TestDatabases.asServerOwner("DROP ROLE IF EXISTS " + operatorUser, "DROP ROLE IF EXISTS " + metallurgistUser);
        }
    }

    private LibraryStore storeAs(String user) {
        db = Database.connect(new DatabaseLogin(schema.url(), user, PASSWORD), Clock.systemUTC());
        return LibraryStore.of(db, EN, new SameThreadExecutor(), dialogs);
    }

    @Test
    void anOperatorSeesMaterialChangesAndCertificatesDisabledWithTheRoleNeeded() {
        LibraryStore store = storeAs(operatorUser);
        LibraryViewModel library = new LibraryViewModel(EN, store, dialogs);
        HeatsViewModel heats = new HeatsViewModel(EN, store, dialogs, new ChargeCalculator(new OjalgoSolver()), Optional::empty,
                (job, pages) -> Printing.Outcome.PRINTED, preview -> { });
        HeatPageViewModel page = heats.page();

        assertTrue(store.messageProperty().get().endsWith(" as " + operatorUser + " \u2014 operator"), store.messageProperty().get());
        assertFalse(store.messageProperty().get().contains(PASSWORD));
        assertFalse(library.changeGate().allowedProperty().get());
        assertEquals("Needs the metallurgist role", library.changeGate().neededProperty().get());
        assertTrue(page.operatorGate().allowedProperty().get());
        assertTrue(page.moveGate(HeatStatus.REJECTED).allowedProperty().get());
        assertFalse(page.moveGate(HeatStatus.RELEASED).allowedProperty().get());
        assertEquals("Needs the quality role", page.qualityGate().neededProperty().get());
    }

    @Test
    void aRefusalThatStillHappensIsShownAsAPlainMessage() {
        LibraryViewModel library = new LibraryViewModel(EN, storeAs(operatorUser), dialogs);
        library.selectedProperty().set(library.materials().get(0));
        library.add();
        library.text(MaterialEditField.ID).set("AL-OP");
        library.text(MaterialEditField.ASSAY).set("Fe=0.1");
        library.text(MaterialEditField.PRICE_PER_KG).set("2");

        library.save();

        assertEquals(1, dialogs.errors.size(), dialogs.errors.toString());
        assertTrue(dialogs.errors.get(0).startsWith(operatorUser + " may not make this change: it needs the metallurgist role (held: operator)"),
                dialogs.errors.get(0));
        assertTrue(db.materials().find("AL-OP").isEmpty());
    }

    @Test
    void aLostConnectionIsToldOnceTheEditsStayAndTheRetrySaves() throws java.sql.SQLException {
        LibraryStore store = storeAs(metallurgistUser);
        LibraryViewModel library = new LibraryViewModel(EN, store, dialogs);
        library.selectedProperty().set(library.materials().stream().filter(m -> m.id().equals("P1020")).findFirst().orElseThrow());
        library.edit();
        library.text(MaterialEditField.PRICE_PER_KG).set("2.95");
        // The server drops the workbench's session (a restart, a network cut); a user may end their own sessions.
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(schema.url(), metallurgistUser, PASSWORD);
             java.sql.Statement st = c.createStatement()) {
            st.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = current_user AND pid <> pg_backend_pid()");
        }

        library.save();

        assertEquals(1, dialogs.errors.size(), dialogs.errors.toString());
        assertTrue(dialogs.errors.get(0).startsWith("Lost the connection to "), dialogs.errors.get(0));
        assertTrue(store.connectionLostProperty().get());
        assertEquals(LibraryViewModel.EditMode.EDIT, library.editModeProperty().get());
        assertEquals("2.95", library.text(MaterialEditField.PRICE_PER_KG).get());

        library.save();

        assertEquals(1, dialogs.errors.size(), "the retry is not refused");
        assertEquals(2.95, db.materials().find("P1020").orElseThrow().material().pricePerKg(), 1e-12);
        assertFalse(store.connectionLostProperty().get());
        assertTrue(store.messageProperty().get().endsWith("connection restored"), store.messageProperty().get());
    }
}
