package ca.scalloy.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import org.junit.jupiter.api.Test;

class UndoManagerTest {

    private final UndoManager undo = new UndoManager();
    private int changes;
    private final EditRecorder edits = new EditRecorder(undo, () -> changes++);
    private final StringProperty name = new SimpleStringProperty("a");
    private final StringProperty grade = new SimpleStringProperty("g");

    UndoManagerTest() {
        edits.watch(name, "name");
        edits.watch(grade, "grade");
    }

    @Test
    void keystrokesInOneFieldUndoAsOneEdit() {
        name.set("ab");
        name.set("abc");
        grade.set("h");
        undo.undo();
        assertEquals("g", grade.get());
        undo.undo();
        assertEquals("a", name.get());
        assertFalse(undo.canUndoProperty().get());
        undo.redo();
        assertEquals("abc", name.get());
        assertEquals("name", undo.undoDescriptionProperty().get());
    }

    @Test
    void undoingBackToTheSavedStateIsClean() {
        name.set("b");
        undo.markSaved();
        name.set("c");
        assertTrue(undo.isDirty());
        undo.undo();
        assertFalse(undo.isDirty());
        undo.undo();
        assertTrue(undo.isDirty());
    }

    @Test
    void anEditAfterSavingIsNotMergedIntoTheSavedOne() {
        name.set("b");
        undo.markSaved();
        name.set("bc");
        undo.undo();
        assertEquals("b", name.get());
        assertFalse(undo.isDirty());
    }

    @Test
    void aNewEditClearsRedo() {
        name.set("b");
        undo.undo();
        grade.set("h");
        assertFalse(undo.canRedoProperty().get());
    }

    @Test
    void historyIsBoundedAndLoadingIsNotAnEdit() {
        for (int i = 0; i < UndoManager.CAPACITY + 20; i++) {
            (i % 2 == 0 ? name : grade).set("v" + i);
        }
        int undone = 0;
        while (undo.canUndoProperty().get()) {
            undo.undo();
            undone++;
        }
        assertEquals(UndoManager.CAPACITY, undone);
        assertTrue(undo.isDirty());

        int before = changes;
        edits.load(() -> name.set("loaded"));
        assertFalse(undo.isDirty());
        assertFalse(undo.canUndoProperty().get());
        assertEquals(before + 1, changes);
    }
}
