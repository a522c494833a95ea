package ca.scalloy.ui.library;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ca.scalloy.engine.charge.MaterialKind;
import ca.scalloy.engine.library.LibraryMaterial;
import ca.scalloy.io.MaterialFiles;
import ca.scalloy.store.Database;
import ca.scalloy.ui.batch.BatchLibraryTest;
import ca.scalloy.ui.common.LibraryStore;
import ca.scalloy.ui.common.Messages;
import ca.scalloy.ui.common.SameThreadExecutor;
import ca.scalloy.ui.common.ScriptedDialogs;

class LibraryViewModelTest {

    private static final Messages EN = Messages.forLocale(Locale.CANADA);

    private final Database db = Database.inMemory(Clock.systemUTC());
    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private final LibraryViewModel vm = new LibraryViewModel(EN, LibraryStore.of(db, EN, new SameThreadExecutor(), dialogs), dialogs);

    @AfterEach
    void close() {
        db.close();
    }

    private LibraryMaterial shown(String id) {
        return vm.materials().stream().filter(m -> m.id().equals(id)).findFirst().orElseThrow();
    }

    private void typeNewMetal(String id, String assay, String price) {
        vm.add();
        vm.text(MaterialEditField.ID).set(id);
        vm.text(MaterialEditField.NAME).set("Test metal");
        vm.editKindProperty().set(MaterialKind.METAL);
        vm.text(MaterialEditField.ASSAY).set(assay);
        vm.text(MaterialEditField.PRICE_PER_KG).set(price);
        vm.text(MaterialEditField.CO2_KG_PER_KG).set("5");
        vm.text(MaterialEditField.CONFIDENCE).set("src");
    }

    @Test
    void addedMaterialIsStoredAndListed() {
        typeNewMetal("AL-TEST", "Fe=0.08, Si=0.04", "2,75");

        assertTrue(vm.save());

        assertEquals(LibraryViewModel.EditMode.NONE, vm.editModeProperty().get());
        assertEquals(2.75, db.materials().find("AL-TEST").orElseThrow().material().pricePerKg(), 1e-12);
        assertEquals("Fe=0.08, Si=0.04", LibraryViewModel.assayText(shown("AL-TEST").material(), Locale.CANADA));
        assertEquals("Material AL-TEST added.", vm.statusProperty().get());
    }

    @Test
    void invalidFieldsAreNamedWithTheirValuesAndNothingIsStored() {
        typeNewMetal("AL-BAD", "Fe=lots", "cheap");

        assertFalse(vm.save());

        assertEquals("Price per kg “cheap”: “cheap” is not a number", vm.errors().get(MaterialEditField.PRICE_PER_KG));
        assertTrue(vm.errors().get(MaterialEditField.ASSAY).startsWith("Assay (wt%) / formula “Fe=lots”:"),
                vm.errors().get(MaterialEditField.ASSAY));
        assertTrue(db.materials().find("AL-BAD").isEmpty());
    }

    @Test
    void engineRefusalIsPutOnItsField() {
        typeNewMetal("AL-NEG", "Fe=0.1", "-3");

        assertFalse(vm.save());

        assertTrue(vm.errors().get(MaterialEditField.PRICE_PER_KG).startsWith("Price per kg “-3”: must be a number ≥ 0, was -3"),
                vm.errors().get(MaterialEditField.PRICE_PER_KG));
    }

    @Test
    void editingThePriceAddsAPointToTheHistory() {
        vm.selectedProperty().set(shown("P1020"));
        int before = vm.history().size();
        vm.edit();
        vm.text(MaterialEditField.PRICE_PER_KG).set("2.90");

        assertTrue(vm.save());

        assertEquals(before + 1, vm.history().size());
        assertEquals(2.90, vm.history().get(vm.history().size() - 1).pricePerKg(), 1e-12);
    }

    @Test
    void duplicateTakesAFreeIdAndKeepsTheAssay() {
        vm.selectedProperty().set(shown("P1020"));
        vm.duplicate();

        assertEquals("P1020-2", vm.text(MaterialEditField.ID).get());
        assertTrue(vm.save());
        assertEquals(shown("P1020").material().composition(), shown("P1020-2").material().composition());
    }

    @Test
    void materialUsedByAStoredRecipeIsRetiredNotDeleted() {
        db.recipes().save(BatchLibraryTest.oxideRoute(), "");
        vm.selectedProperty().set(shown("AL-P1020"));
        vm.retire();

        assertEquals(1, dialogs.confirmations.size());
        assertTrue(db.materials().find("AL-P1020").orElseThrow().retired());
        assertTrue(vm.statusProperty().get().contains("retired and kept"), vm.statusProperty().get());
        assertTrue(vm.materials().stream().noneMatch(m -> m.id().equals("AL-P1020")));
        vm.showRetiredProperty().set(true);
        assertTrue(shown("AL-P1020").retired());
    }

    @Test
    void searchFiltersByIdOrName() {
        vm.searchProperty().set("scandium");

        assertFalse(vm.materials().isEmpty());
        assertTrue(vm.materials().stream().allMatch(m -> m.material().name().toLowerCase(Locale.ROOT).contains("scandium")));
    }

    @Test
    void exportThenImportSkipsTheIdsAlreadyThere(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("materials.json");
        vm.searchProperty().set("P1020");
        dialogs.dataFileToSave = file;
        vm.exportFile();
        List<LibraryMaterial> written = MaterialFiles.read(file);
        assertEquals(vm.materials().size(), written.size());

        dialogs.dataFileToOpen = file;
        vm.importFile();

        assertTrue(vm.statusProperty().get().startsWith("0 materials added; " + written.size()), vm.statusProperty().get());
        assertTrue(Files.size(file) > 0);
    }

    @Test
    void anImportWithAPriceDatedInTheFutureIsRefusedNamingTheFileAndWritesNothing(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("prices.json");
        Files.writeString(file, "{\"format\": \"scalloy-materials\", \"formatVersion\": 1, \"materials\": ["
                + "{\"id\": \"AL-NOW\", \"kind\": \"METAL\", \"compositionPct\": {\"Fe\": 0.1}, \"pricePerKg\": 2.5},"
                + "{\"id\": \"AL-LATER\", \"kind\": \"METAL\", \"compositionPct\": {\"Fe\": 0.1}, \"pricePerKg\": 2.5,"
                + " \"priceSetAt\": \"2999-01-01\"}]}");
        dialogs.dataFileToOpen = file;

        vm.importFile();

        assertTrue(db.materials().find("AL-NOW").isEmpty(), "nothing written");
        String said = String.join(" ", dialogs.errors) + vm.statusProperty().get();
        assertTrue(said.contains("prices.json") && said.contains("AL-LATER") && said.contains("in the future"), said);
    }

    @Test
    void historyShowsTheMaterialsEntriesInTheAuditLog() {
        typeNewMetal("AL-HIST", "Fe=0.08", "2.75");
        assertTrue(vm.save());
        vm.selectedProperty().set(shown("AL-HIST"));

        vm.showHistory();

        assertEquals(1, dialogs.informations.size());
        assertTrue(dialogs.informations.get(0).contains("created"), dialogs.informations.get(0));
    }

    @Test
    void anEditOfAMaterialSomeoneChangedMeanwhileIsRefusedAndTheEditsStay() {
        vm.selectedProperty().set(shown("P1020"));
        vm.edit();
        vm.text(MaterialEditField.PRICE_PER_KG).set("2.90");
        // Someone else changes the material after this editor read it.
        LibraryMaterial now = db.materials().find("P1020").orElseThrow();
        db.materials().update(LibraryMaterial.of(now.material(), "supplier sheet 2025", now.confidence()), "other user", null);
        dialogs.choices.add("Cancel");

        vm.save();

        assertEquals(1, dialogs.choiceQuestions.size());
        assertTrue(dialogs.choiceQuestions.get(0).contains("P1020"), dialogs.choiceQuestions.get(0));
        assertEquals(java.util.List.of("Reload", "Cancel"), dialogs.choiceOptions.get(0));
        assertEquals(LibraryViewModel.EditMode.EDIT, vm.editModeProperty().get());
        assertEquals("2.90", vm.text(MaterialEditField.PRICE_PER_KG).get());
        assertEquals(now.material().pricePerKg(), db.materials().find("P1020").orElseThrow().material().pricePerKg(), 1e-12);
    }

    @Test
    void reloadAfterAConflictPutsTheStoredMaterialInTheEditor() {
        vm.selectedProperty().set(shown("P1020"));
        vm.edit();
        vm.text(MaterialEditField.PRICE_PER_KG).set("2.90");
        LibraryMaterial now = db.materials().find("P1020").orElseThrow();
        db.materials().update(LibraryMaterial.of(now.material(), "supplier sheet 2025", now.confidence()), "other user", null);
        dialogs.choices.add("Reload");

        vm.save();

        assertEquals("supplier sheet 2025", vm.text(MaterialEditField.SOURCE).get());
        dialogs.choices.clear();
        vm.text(MaterialEditField.PRICE_PER_KG).set("2.90");
        vm.save();
        assertEquals(1, dialogs.choiceQuestions.size(), "the reloaded edit saves without a conflict");
        assertEquals(2.90, db.materials().find("P1020").orElseThrow().material().pricePerKg(), 1e-12);
    }
}
