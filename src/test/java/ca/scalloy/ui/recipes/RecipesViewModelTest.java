package ca.scalloy.ui.recipes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import ca.scalloy.engine.charge.Recipe;
import ca.scalloy.store.Database;
import ca.scalloy.ui.batch.BatchLibraryTest;
import ca.scalloy.ui.common.LibraryStore;
import ca.scalloy.ui.common.Messages;
import ca.scalloy.ui.common.SameThreadExecutor;
import ca.scalloy.ui.common.ScriptedDialogs;

class RecipesViewModelTest {

    private static final Messages EN = Messages.forLocale(Locale.CANADA);

    private final Database db = Database.inMemory(Clock.systemUTC());
    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private final List<String> opened = new ArrayList<>();
    private RecipesViewModel vm;

    @AfterEach
    void close() {
        db.close();
    }

    private void twoVersions() {
        Recipe r = BatchLibraryTest.oxideRoute();
        db.recipes().save(r, "first");
        db.recipes().save(r.withBatchMassKg(2000.0), "doubled");
        vm = new RecipesViewModel(EN, LibraryStore.of(db, EN, new SameThreadExecutor(), dialogs), dialogs,
                (recipe, label, version) -> opened.add(label + " " + recipe.batchMassKg()));
        vm.selectedProperty().set(vm.recipes().get(0));
    }

    @Test
    void versionsAreListedNewestFirstWithTheFieldsTheyChanged() {
        twoVersions();

        assertEquals(2, vm.versions().size());
        assertEquals(2, vm.selectedVersionProperty().get().version().version());
        assertEquals(List.of("batchMassKg: 1,000 → 2,000"), vm.changes());
        vm.selectedVersionProperty().set(vm.versions().get(1));
        assertEquals(List.of("First version."), vm.changes());
    }

    @Test
    void aChangedNumberReadsInTheUsersStyle() {
        twoVersions();
        RecipesViewModel fr = new RecipesViewModel(Messages.forLocale(Locale.CANADA_FRENCH),
                LibraryStore.of(db, EN, new SameThreadExecutor(), dialogs), dialogs, (recipe, label, version) -> { });
        // 0.15 stored as the text "0.15" (Double.toString), read back as a French number; a text stays as it is.
        assertEquals("targets[Fe].maxPct : 0,15 \u2192 0,12",
                fr.describe(new ca.scalloy.engine.library.FieldChange("targets[Fe].maxPct", "0.15", "0.12")));
        assertEquals("objective : MIN_COST \u2192 AIM",
                fr.describe(new ca.scalloy.engine.library.FieldChange("objective", "MIN_COST", "AIM")));
    }

    @Test
    void aVersionOpensInTheBatchScreen() {
        twoVersions();
        vm.selectedVersionProperty().set(vm.versions().get(1));

        vm.openInBatch();

        assertEquals(List.of("AlSc2 oxide route v1 1000.0"), opened);
    }

    @Test
    void restoringAnOldVersionSavesItAsTheNewest() {
        twoVersions();
        vm.selectedVersionProperty().set(vm.versions().get(1));

        vm.restoreAsNew();

        assertEquals(1, dialogs.confirmations.size());
        assertEquals(3, vm.versions().size());
        assertEquals(1000.0, db.recipes().latest("AlSc2 oxide route").orElseThrow().recipe().batchMassKg(), 1e-12);
        assertTrue(vm.statusProperty().get().contains("version 1 restored as version 3"));
    }

    @Test
    void searchFindsByNameOrGrade() {
        twoVersions();
        vm.searchProperty().set("zz-nothing");
        assertTrue(vm.recipes().isEmpty());
        vm.searchProperty().set("alsc2");
        assertEquals(1, vm.recipes().size());
    }

    @Test
    void historyShowsTheRecipesSavesNewestFirst() {
        twoVersions();

        vm.showHistory();

        assertEquals(1, dialogs.informations.size());
        String text = dialogs.informations.get(0);
        assertTrue(text.indexOf("version 2") < text.indexOf("version 1") && text.contains("version 1"), text);
    }
}
