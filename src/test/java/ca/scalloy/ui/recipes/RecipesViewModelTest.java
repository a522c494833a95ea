package ca.scalloy.ui.recipes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import ca.scalloy.engine.charge.Recipe;
import ca.scalloy.engine.library.FieldChange;
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
        assertEquals(List.of("batch mass: 1,000 → 2,000"), vm.changes());
        vm.selectedVersionProperty().set(vm.versions().get(1));
        assertEquals(List.of("First version."), vm.changes());
    }

    @Test
    void aChangedNumberReadsInTheUsersStyle() {
        twoVersions();
        RecipesViewModel fr = new RecipesViewModel(Messages.forLocale(Locale.CANADA_FRENCH),
                LibraryStore.of(db, EN, new SameThreadExecutor(), dialogs), dialogs, (recipe, label, version) -> { });
        // 0.15 stored as the text "0.15" (Double.toString), read back as a French number; an objective in words.
        assertEquals("Fe maximum : 0,15 \u2192 0,12",
                fr.describe(new FieldChange("targets[Fe].maxPct", "0.15", "0.12"), Map.of()));
        assertEquals("objectif : Coût minimal \u2192 Au plus près des visées",
                fr.describe(new FieldChange("objective", "MIN_COST", "AIM"), Map.of()));
    }

    @Test
    void changedFieldsAreNamedInWordsWithTheMaterialsByName() {
        twoVersions();
        RecipesViewModel fr = new RecipesViewModel(Messages.forLocale(Locale.CANADA_FRENCH),
                LibraryStore.of(db, EN, new SameThreadExecutor(), dialogs), dialogs, (recipe, label, version) -> { });
        Map<String, String> names = Map.of("AL-P1020", "P1020");
        assertEquals("price of P1020: 2.6 \u2192 2.75", vm.describe(new FieldChange("materials[AL-P1020].pricePerKg", "2.6", "2.75"), names));
        assertEquals("prix de P1020 : 2,6 \u2192 2,75", fr.describe(new FieldChange("materials[AL-P1020].pricePerKg", "2.6", "2.75"), names));
        assertEquals("Fe max: 0.15 \u2192 0.12", vm.describe(new FieldChange("targets[Fe].maxPct", "0.15", "0.12"), names));
        assertEquals("Fe in P1020: added 0.1", vm.describe(new FieldChange("materials[AL-P1020].compositionPct.Fe", null, "0.1"), names));
        assertEquals("rendement de Sc depuis SCR-9 : retiré (était 85)",
                fr.describe(new FieldChange("materials[SCR-9].recoveryPct.Sc", "85.0", null), names), "a material no longer named by its id");
        assertEquals("Sc in the heel: 0.2 \u2192 0.25", vm.describe(new FieldChange("heel.compositionPct.Sc", "0.2", "0.25"), names));
        assertEquals("kind of P1020: Metal \u2192 Scrap", vm.describe(new FieldChange("materials[AL-P1020].kind", "METAL", "SCRAP"), names));
        // A field the words do not know yet keeps its stored form rather than vanish.
        assertEquals("futureField: 1 \u2192 2", vm.describe(new FieldChange("futureField", "1", "2"), names));
    }

    /** Every path RecipeDiff.flatten writes, one of each shape. */
    private static final List<String> EVERY_FIELD = List.of("name", "grade", "batchMassKg", "maxProductMassKg", "balanceElement",
            "objective", "recoveryPct.Sc", "meltLossPct", "heel.massKg", "heel.compositionPct.Sc", "wholePieces",
            "batchMassTolerancePct", "confidencePct", "targets[Sc].minPct", "targets[Sc].aimPct", "targets[Sc].maxPct",
            "materials[M-1].name", "materials[M-1].kind", "materials[M-1].balanceElement", "materials[M-1].compositionPct.Fe",
            "materials[M-1].formula", "materials[M-1].purityPct", "materials[M-1].deliveredElement", "materials[M-1].recoveryPct.Sc",
            "materials[M-1].pricePerKg", "materials[M-1].co2KgPerKg", "materials[M-1].minKg", "materials[M-1].maxKg",
            "materials[M-1].fixedKg", "materials[M-1].pieceMassKg", "materials[M-1].flux.materialId", "materials[M-1].flux.kgPerKg",
            "materials[M-1].uncertainty.compositionSdPct.Sc", "materials[M-1].uncertainty.recoverySdPct.Sc");

    @Test
    void everyFieldARecipeDiffNamesHasWordsInBothLanguages() {
        // Under the pseudo-language a text from the bundles is marked "[!! … !!]"; a path shown as kept is not.
        Messages pseudo = Messages.forLocale(Locale.forLanguageTag(Messages.PSEUDO_LANGUAGE));
        for (String field : EVERY_FIELD) {
            String words = RecipeFieldWords.of(field, pseudo, id -> id);
            assertTrue(words.startsWith("[!! ") && !words.contains("Pct") && !words.contains("Kg"), field + " -> " + words);
            String french = RecipeFieldWords.of(field, Messages.forLocale(Locale.CANADA_FRENCH), id -> id);
            assertFalse(french.equals(field) || french.contains("[") || french.contains("Pct"), field + " -> " + french);
        }
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
