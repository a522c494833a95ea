package ca.scalloy.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ca.scalloy.engine.Composition;
import ca.scalloy.engine.Message;
import ca.scalloy.engine.charge.Material;
import ca.scalloy.engine.charge.MaterialKind;
import ca.scalloy.engine.library.LibraryMaterial;
import ca.scalloy.store.BackupZips;
import ca.scalloy.store.ConnectionLostException;
import ca.scalloy.store.DatabaseLogin;
import ca.scalloy.engine.Role;
import ca.scalloy.store.TestDatabases;

class LibraryStoreTest {

    private static final Messages EN = Messages.forLocale(Locale.CANADA);

    @TempDir
    Path dir;
    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private final LibraryStore store = new LibraryStore(EN, new SameThreadExecutor(), dialogs, Clock.systemUTC());

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void opensTheDatabaseAndSaysWhichIsOpen() {
        Path db = dir.resolve("scalloy");
        store.open(db);

        assertEquals(LibraryStore.State.OPEN, store.stateProperty().get());
        assertNotNull(store.database());
        assertEquals("Embedded database " + db, store.messageProperty().get());
    }

    @Test
    void databaseThatCannotBeOpenedIsExplainedAndLeavesNoDatabase() throws Exception {
        Path db = dir.resolve("broken");
        Files.writeString(dir.resolve("broken.mv.db"), "not an H2 file");

        store.open(db);

        assertEquals(LibraryStore.State.FAILED, store.stateProperty().get());
        assertNull(store.database());
        assertEquals(1, dialogs.errors.size());
        assertTrue(dialogs.errors.get(0).startsWith("The database " + db + " cannot be opened"), dialogs.errors.get(0));
        assertTrue(store.messageProperty().get().startsWith("Database unavailable"), store.messageProperty().get());
    }

    @Test
    void restoreBringsBackTheBackupAndReopens() {
        store.open(dir.resolve("scalloy"));
        dialogs.dataFileToSave = dir.resolve("backup.zip");
        store.backup();
        assertTrue(Files.isRegularFile(dir.resolve("backup.zip")));
        store.database().materials().add(LibraryMaterial.of(Material.metallic("AFTER-BACKUP", "", MaterialKind.METAL,
                Composition.pure("Al"), 1, 1), "", ""));

        dialogs.dataFileToOpen = dir.resolve("backup.zip");
        store.restore();

        assertEquals(1, dialogs.confirmations.size());
        assertEquals(LibraryStore.State.OPEN, store.stateProperty().get());
        assertTrue(store.database().materials().find("AFTER-BACKUP").isEmpty());
        assertTrue(dialogs.errors.isEmpty(), dialogs.errors.toString());
    }

    /* The backup's data file damaged (its last 4 KiB zeroed): the store refuses it, the workbench says why and reopens the database as it was. */
    @Test
    void aDamagedBackupIsRefusedWithTheReasonAndTheDatabaseReopensAsItWas() throws Exception {
        Path backup = backupThenAddAMaterial();
        BackupZips.damageDataFile(backup, backup);

        store.restore();

        assertEquals(LibraryStore.State.OPEN, store.stateProperty().get());
        assertEquals(1, dialogs.errors.size());
        // Its last 4 KiB zeroed, the data file no longer has the size and SHA-256 the manifest gives.
        assertTrue(dialogs.errors.get(0).startsWith("The backup " + backup + " is damaged (its data file scalloy.mv.db does not match its"
                + " manifest (") && dialogs.errors.get(0).endsWith("…)); nothing was changed."), dialogs.errors.get(0));
        assertTrue(store.database().materials().find("AFTER-BACKUP").isPresent(), "the database as it was");
    }

    /* A backup made before manifests: asked a second time, naming what cannot be checked; declined, nothing changes. */
    @Test
    void aBackupWithoutAManifestIsRestoredOnlyAfterASecondConfirmation() throws Exception {
        Path backup = backupThenAddAMaterial();
        BackupZips.dropManifest(backup, backup);

        dialogs.confirmAnswers.addAll(List.of(true, false));
        store.restore();
        assertEquals(2, dialogs.confirmations.size());
        assertTrue(dialogs.confirmations.get(1).startsWith("The backup " + backup + " has no manifest"), dialogs.confirmations.get(1));
        assertEquals(LibraryStore.State.OPEN, store.stateProperty().get());
        assertTrue(store.database().materials().find("AFTER-BACKUP").isPresent(), "declined: the database as it was");
        assertTrue(dialogs.errors.isEmpty(), dialogs.errors.toString());

        dialogs.confirmAnswers.addAll(List.of(true, true));
        store.restore();
        assertEquals(LibraryStore.State.OPEN, store.stateProperty().get());
        assertTrue(store.database().materials().find("AFTER-BACKUP").isEmpty(), "confirmed: the backup's state");
        assertTrue(dialogs.errors.isEmpty(), dialogs.errors.toString());
    }

    /** Opens a database, backs it up through the File menu, adds a material after it; the backup is then the file to restore. */
    private Path backupThenAddAMaterial() {
        store.open(dir.resolve("scalloy"));
        dialogs.dataFileToSave = dir.resolve("backup.zip");
        store.backup();
        store.database().materials().add(LibraryMaterial.of(Material.metallic("AFTER-BACKUP", "", MaterialKind.METAL,
                Composition.pure("Al"), 1, 1), "", ""));
        dialogs.dataFileToOpen = dir.resolve("backup.zip");
        return dir.resolve("backup.zip");
    }

    @Test
    void restoreNotConfirmedChangesNothing() {
        store.open(dir.resolve("scalloy"));
        dialogs.dataFileToOpen = dir.resolve("missing.zip");
        dialogs.confirmAnswer = false;

        store.restore();

        assertNotNull(store.database());
        assertTrue(dialogs.errors.isEmpty());
    }

    @Test
    void serverLoginIsShownWithDatabaseHostUserAndRoles() {
        DatabaseLogin login = TestDatabases.freshLogin();
        store.open(login);

        assertEquals(LibraryStore.State.OPEN, store.stateProperty().get(), dialogs.errors.toString());
        String shown = store.messageProperty().get();
        assertTrue(shown.startsWith("PostgreSQL scalloy_test on localhost:5432 as " + login.user() + " \u2014 "), shown);
        assertFalse(shown.contains("password"), shown);
        assertTrue(store.may(Role.METALLURGIST));
    }

    @Test
    void backupOfAServerIsExplainedAsForTheEmbeddedDatabaseOnly() {
        DatabaseLogin login = TestDatabases.freshLogin();
        store.open(login);

        store.backup();

        assertEquals(1, dialogs.errors.size());
        assertTrue(dialogs.errors.get(0).startsWith("Backup and restore here are for the embedded database only"), dialogs.errors.get(0));
    }

    @Test
    void embeddedDatabaseMayEverything() {
        store.open(dir.resolve("scalloy"));

        for (Role r : Role.values()) {
            assertTrue(store.may(r), r.word());
        }
    }

    @Test
    void lostConnectionIsToldOnceAndTheStatusSaysSoUntilStoreWorkSucceedsAgain() {
        store.open(dir.resolve("scalloy"));
        List<Throwable> seenByScreens = new ArrayList<>();
        ConnectionLostException lost = new ConnectionLostException(Message.of("store.lost.server", "lost the connection to the server",
                "the server", "gone", Message.of("store.lost.reconnected", "reconnected")), null);

        // Two screens reading at once both meet the loss: one dialog, both screens hear of it.
        store.executor().run(() -> {
            throw lost;
        }, v -> { }, seenByScreens::add);
        store.executor().run(() -> {
            throw lost;
        }, v -> { }, seenByScreens::add);

        assertEquals(List.of("Lost the connection to the server (gone); that action was not saved, and nothing of it was written; the"
                + " connection has been made again. Your edits are kept: try again."), dialogs.errors);
        assertEquals(2, seenByScreens.size());
        assertTrue(store.connectionLostProperty().get());
        assertTrue(store.messageProperty().get().endsWith("connection lost; Scalloy reconnects at the next action"),
                store.messageProperty().get());

        store.executor().run(() -> "read again", v -> { }, seenByScreens::add);

        assertFalse(store.connectionLostProperty().get());
        assertTrue(store.messageProperty().get().endsWith("connection restored"), store.messageProperty().get());
    }

    @Test
    void saveFailureThatIsALostConnectionIsNotShownASecondTime() {
        store.open(dir.resolve("scalloy"));
        ConnectionLostException lost = new ConnectionLostException(Message.of("store.lost.reconnected", "lost"), null);

        store.executor().run(() -> {
            throw lost;
        }, v -> { }, e -> assertEquals(LibraryStore.SaveProblem.EXPLAINED, store.explainSaveFailure("Save", e, true)));

        assertEquals(1, dialogs.errors.size());
    }
}
