package ca.scalloy.ui.common;

import java.util.ArrayDeque;
import java.util.Deque;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * Bounded undo and redo stacks of {@link Command}s, with a revision counter and a saved mark.
 * The document is dirty when the state on top of the undo stack is not the one last saved, so
 * undoing back to the saved state clears the mark again.
 */
public final class UndoManager {

    /** How many commands are kept for undo. */
    public static final int CAPACITY = 200;

    private final Deque<Entry> undo = new ArrayDeque<>();
    private final Deque<Entry> redo = new ArrayDeque<>();
    private final ReadOnlyLongWrapper revision = new ReadOnlyLongWrapper(this, "revision");
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper(this, "dirty");
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper(this, "canUndo");
    private final ReadOnlyBooleanWrapper canRedo = new ReadOnlyBooleanWrapper(this, "canRedo");
    private final ReadOnlyStringWrapper undoDescription = new ReadOnlyStringWrapper(this, "undoDescription", "");
    private final ReadOnlyStringWrapper redoDescription = new ReadOnlyStringWrapper(this, "redoDescription", "");
    private long nextStateId = 1;
    private long savedStateId;
    /** The state when the undo stack is empty; changes when commands fall off the bottom. */
    private long baseStateId;

    private record Entry(Command command, long stateId) {
    }

    /** Executes {@code command} and records it. */
    public void execute(Command command) {
        command.execute();
        record(command);
    }

    /** Records a command whose effect has already happened (e.g. a field the user typed in). */
    public void record(Command command) {
        redo.clear();
        Entry top = undo.peek();
        if (top != null && top.stateId != savedStateId && top.command.mergeWith(command)) {
            undo.pop();
            undo.push(new Entry(top.command, nextStateId++));
        } else {
            undo.push(new Entry(command, nextStateId++));
            if (undo.size() > CAPACITY) {
                baseStateId = undo.removeLast().stateId;
            }
        }
        changed();
    }

    public void undo() {
        Entry e = undo.poll();
        if (e != null) {
            e.command.undo();
            redo.push(e);
            changed();
        }
    }

    public void redo() {
        Entry e = redo.poll();
        if (e != null) {
            e.command.redo();
            undo.push(e);
            changed();
        }
    }

    /** Forgets all history: a new document, clean. */
    public void reset() {
        undo.clear();
        redo.clear();
        baseStateId = nextStateId++;
        savedStateId = baseStateId;
        changed();
    }

    /** The current state is what is on disk now. */
    public void markSaved() {
        savedStateId = currentStateId();
        changed();
    }

    /** The current state is not on disk (e.g. a new document never saved). */
    public void markUnsaved() {
        savedStateId = -1;
        changed();
    }

    private long currentStateId() {
        Entry top = undo.peek();
        return top == null ? baseStateId : top.stateId;
    }

    private void changed() {
        revision.set(revision.get() + 1);
        dirty.set(currentStateId() != savedStateId);
        canUndo.set(!undo.isEmpty());
        canRedo.set(!redo.isEmpty());
        undoDescription.set(undo.isEmpty() ? "" : undo.peek().command.description());
        redoDescription.set(redo.isEmpty() ? "" : redo.peek().command.description());
    }

    /** Counts every change of state: record, undo, redo, reset, save. */
    public ReadOnlyLongProperty revisionProperty() {
        return revision.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty dirtyProperty() {
        return dirty.getReadOnlyProperty();
    }

    public boolean isDirty() {
        return dirty.get();
    }

    public ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canRedoProperty() {
        return canRedo.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty undoDescriptionProperty() {
        return undoDescription.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty redoDescriptionProperty() {
        return redoDescription.getReadOnlyProperty();
    }
}
