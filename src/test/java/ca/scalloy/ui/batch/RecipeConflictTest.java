package ca.scalloy.ui.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ca.scalloy.engine.charge.ChargeCalculator;
import ca.scalloy.engine.charge.Recipe;
import ca.scalloy.engine.library.RecipeVersion;
import ca.scalloy.solver.OjalgoSolver;
import ca.scalloy.store.Database;
import ca.scalloy.ui.common.LibraryStore;
import ca.scalloy.ui.common.Messages;
import ca.scalloy.ui.common.SameThreadExecutor;
import ca.scalloy.ui.common.ScriptedDialogs;

/**
 * Two users on one database (two connections to one H2 file, as two workbenches): A opens a recipe, B
 * saves a new version of it, then A saves. A's save must not silently overwrite B's.
 */
class RecipeConflictTest {

    private static final Messages EN = Messages.forLocale(Locale.CANADA);
    private static final String NAME = "AlSc2 oxide route";

    @TempDir
    Path dir;
    private Database mine;
    private Database theirs;
    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private final SameThreadExecutor executor = new SameThreadExecutor();
    private BatchViewModel batch;
    private BatchLibrary library;

    @BeforeEach
    void twoUsersOnOneDatabase() {
        mine = Database.open(dir.resolve("db/scalloy"), Clock.systemUTC());
        theirs = Database.open(dir.resolve("db/scalloy"), Clock.systemUTC());
        mine.setActor("A");
        theirs.setActor("B");
        batch = new BatchViewModel(EN, new ChargeCalculator(new OjalgoSolver()), executor, dialogs, new InMemoryDocuments());
        library = new BatchLibrary(EN, LibraryStore.of(mine, EN, executor, dialogs), batch, new ChargeCalculator(new OjalgoSolver()),
                executor, dialogs);
        theirs.recipes().save(BatchLibraryTest.oxideRoute(), "first");
        RecipeVersion v1 = mine.recipes().latest(NAME).orElseThrow();
        assertTrue(batch.openFromLibrary(v1.recipe(), NAME + " v1", v1.version()));
        // B saves a version of their own meanwhile (a different batch mass) ...
        theirs.recipes().save(BatchLibraryTest.oxideRoute().withBatchMassKg(1200.0), "B's change");
        // ... while A edits the form.
        batch.form().targets().get(0).text(TargetField.AIM_WT_PCT).set("1.95");
    }

    @AfterEach
    void close() {
        mine.close();
        theirs.close();
    }

    @Test
    void secondSaveIsRefusedNamingWhoChangedItAndTheEditsStay() {
        dialogs.choices.add("Cancel");
        Recipe edited = batch.currentRecipe().orElseThrow();

        library.saveToLibrary();

        assertEquals(1, dialogs.choiceQuestions.size());
        assertTrue(dialogs.choiceQuestions.get(0).startsWith("Someone else (B) changed “" + NAME + "” after you opened it (now version "), dialogs.choiceQuestions.get(0));
        assertEquals(List.of("Save as a new version", "Reload", "Cancel"), dialogs.choiceOptions.get(0));
        assertEquals(2, mine.recipes().history(NAME).size(), "nothing of A's was saved");
        assertEquals(edited, batch.currentRecipe().orElseThrow(), "A's edits are still in the form");
        assertTrue(batch.dirtyProperty().get());
    }

    @Test
    void saveAsANewVersionKeepsBothVersions() {
        dialogs.choices.add("Save as a new version");
        Recipe edited = batch.currentRecipe().orElseThrow();

        library.saveToLibrary();

        List<RecipeVersion> history = mine.recipes().history(NAME);
        assertEquals(3, history.size());
        assertEquals(1200, history.get(1).recipe().batchMassKg(), 1e-9, "B's version is kept");
        assertEquals(edited, history.get(2).recipe(), "A's is the newest");
        assertEquals(NAME + " saved to the library as version 3.", batch.statusMessageProperty().get());
    }

    @Test
    void reloadShowsTheirVersionInTheForm() {
        dialogs.choices.add("Reload");

        library.saveToLibrary();

        assertEquals(2, mine.recipes().history(NAME).size());
        assertEquals(1200, batch.currentRecipe().orElseThrow().batchMassKg(), 1e-9);
        assertEquals(NAME + " v2", batch.documentNameProperty().get());
    }
}
