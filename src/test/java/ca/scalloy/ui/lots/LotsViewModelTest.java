package ca.scalloy.ui.lots;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import ca.scalloy.engine.heat.Lot;
import ca.scalloy.store.AuditLog;
import ca.scalloy.store.Database;
import ca.scalloy.ui.common.LibraryStore;
import ca.scalloy.ui.common.Messages;
import ca.scalloy.ui.common.SameThreadExecutor;
import ca.scalloy.ui.common.ScriptedDialogs;
import ca.scalloy.ui.lots.LotEditorViewModel.Field;

class LotsViewModelTest {

    private static final Messages EN = Messages.forLocale(Locale.CANADA);

    private final Database db = Database.inMemory(Clock.systemUTC());
    private final LotsViewModel vm = new LotsViewModel(EN, LibraryStore.of(db, EN, new SameThreadExecutor(), new ScriptedDialogs()));
    private final LotEditorViewModel editor = vm.editor();

    @AfterEach
    void close() {
        db.close();
    }

    private void addLot(String number, String material, String assay) {
        vm.add();
        editor.text(Field.LOT_NUMBER).set(number);
        editor.text(Field.MATERIAL).set(material);
        editor.text(Field.ASSAY).set(assay);
        editor.text(Field.CERTIFICATE).set("CoA " + number);
        assertTrue(editor.save(), editor.errors()::toString);
    }

    @Test
    void aLotAddedInTheEditorIsStoredAuditedListedAndFoundBySearch() {
        addLot("L-100", "AL-P1020", "Fe=0.08, Si=0.04");
        addLot("L-200", "SC2O3-999", "");

        assertFalse(editor.shownProperty().get());
        assertEquals(Map.of("Fe", 0.08, "Si", 0.04), db.lots().find("L-100").orElseThrow().assayWtPct());
        assertEquals(1, db.audit().of(AuditLog.LOT, "L-100").size());
        assertEquals(List.of("L-200", "L-100"), vm.lots().stream().map(Lot::lotNumber).toList());
        assertEquals("L-200", vm.selectedProperty().get().lotNumber());

        vm.searchProperty().set("p1020");
        assertEquals(List.of("L-100"), vm.lots().stream().map(Lot::lotNumber).toList());
    }

    @Test
    void anEditChangesTheAssayButNotTheNumber() {
        addLot("L-100", "AL-P1020", "Fe=0.08");
        vm.selectedProperty().set(vm.lots().get(0));

        vm.edit();
        assertTrue(editor.editingProperty().get());
        assertEquals("Fe=0.08", editor.text(Field.ASSAY).get());
        editor.text(Field.ASSAY).set("Fe=0.06");
        editor.text(Field.REASON).set("CoA revision B");
        assertTrue(editor.save());

        assertEquals(Map.of("Fe", 0.06), db.lots().find("L-100").orElseThrow().assayWtPct());
        assertEquals("CoA revision B", db.audit().of(AuditLog.LOT, "L-100").get(1).reason());
        assertEquals("Lot L-100 saved.", vm.statusProperty().get());
    }

    @Test
    void eachBadFieldIsMarkedWithItsNameAndValueAndNothingIsStored() {
        vm.add();
        editor.text(Field.LOT_NUMBER).set("L-" + "9".repeat(99));
        editor.text(Field.MATERIAL).set("NO-SUCH");
        editor.text(Field.ASSAY).set("Fe=lots");
        editor.text(Field.PURITY_PCT).set("120");

        assertFalse(editor.save());

        assertEquals("Lot number: 101 characters; at most 100 are kept", editor.errors().get(Field.LOT_NUMBER));
        assertEquals("Material: \u201cNO-SUCH\u201d is not a material of the library", editor.errors().get(Field.MATERIAL));
        assertTrue(editor.errors().get(Field.ASSAY).startsWith("Certificate assay, wt%: ")
                && editor.errors().get(Field.ASSAY).contains("lots"), editor.errors().get(Field.ASSAY));
        assertEquals("Purity, % (compounds): \u201c120\u201d is not a purity above 0 and at most 100 %", editor.errors().get(Field.PURITY_PCT));
        assertTrue(editor.shownProperty().get());
        assertTrue(db.lots().list(null, 10).isEmpty());
    }

    @Test
    void aLotNumberTakenIsRefusedInWordsAndTheEditorStaysOpen() {
        addLot("L-100", "AL-P1020", "Fe=0.08");
        vm.add();
        editor.text(Field.LOT_NUMBER).set("L-100");
        editor.text(Field.MATERIAL).set("AL-P1020");
        editor.save();

        assertTrue(editor.shownProperty().get());
        assertTrue(editor.messageProperty().get().contains("L-100"), editor.messageProperty().get());
        assertEquals(1, db.audit().of(AuditLog.LOT, "L-100").size());
    }
}
