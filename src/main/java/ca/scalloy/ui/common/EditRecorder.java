package ca.scalloy.ui.common;

import java.util.List;
import java.util.Objects;

import javafx.beans.property.Property;
import javafx.collections.ObservableList;

/**
 * Turns the user's edits of view-model properties and lists into undoable commands on an
 * {@link UndoManager}, and tells the view model after every change, including undo and redo.
 */
public final class EditRecorder {

    private final UndoManager undoManager;
    private final Runnable onChange;
    /** True while a command sets a property, so that the change is not recorded a second time. */
    private boolean applying;
    /** True while a whole document is loaded: nothing is recorded and no change is reported. */
    private boolean loading;

    public EditRecorder(UndoManager undoManager, Runnable onChange) {
        this.undoManager = Objects.requireNonNull(undoManager, "undoManager");
        this.onChange = Objects.requireNonNull(onChange, "onChange");
    }

    public UndoManager undoManager() {
        return undoManager;
    }

    /** Records every change of {@code property} as an undoable edit described by {@code description}. */
    public <T> void watch(Property<T> property, String description) {
        property.addListener((obs, oldValue, newValue) -> {
            if (loading) {
                return;
            }
            if (!applying) {
                undoManager.record(new PropertyEdit<>(property, oldValue, newValue, description));
            }
            onChange.run();
        });
    }

    /** Runs {@code load} (which fills the watched properties) without recording or reporting changes. */
    public void load(Runnable load) {
        loading = true;
        try {
            load.run();
        } finally {
            loading = false;
        }
        undoManager.reset();
        onChange.run();
    }

    /** Inserts {@code item} at {@code index} of {@code list} as an undoable command. */
    public <T> void insert(ObservableList<T> list, int index, T item, String description) {
        undoManager.execute(new ListEdit<>(list, index, item, true, description));
    }

    /** Removes {@code item} from {@code list} as an undoable command; nothing when it is absent. */
    public <T> void remove(ObservableList<T> list, T item, String description) {
        int index = list.indexOf(item);
        if (index >= 0) {
            undoManager.execute(new ListEdit<>(list, index, item, false, description));
        }
    }

    private void apply(Runnable change) {
        applying = true;
        try {
            change.run();
        } finally {
            applying = false;
        }
        onChange.run();
    }

    private final class PropertyEdit<T> implements Command {
        private final Property<T> property;
        private final T oldValue;
        private T newValue;
        private final String description;

        PropertyEdit(Property<T> property, T oldValue, T newValue, String description) {
            this.property = property;
            this.oldValue = oldValue;
            this.newValue = newValue;
            this.description = description;
        }

        @Override
        public void execute() {
            apply(() -> property.setValue(newValue));
        }

        @Override
        public void undo() {
            apply(() -> property.setValue(oldValue));
        }

        @Override
        public String description() {
            return description;
        }

        @Override
        public boolean mergeWith(Command next) {
            if (next instanceof EditRecorder.PropertyEdit<?> edit && edit.property == property) {
                @SuppressWarnings("unchecked")
                T value = (T) edit.newValue;
                newValue = value;
                return true;
            }
            return false;
        }
    }

    private final class ListEdit<T> implements Command {
        private final List<T> list;
        private final int index;
        private final T item;
        private final boolean insert;
        private final String description;

        ListEdit(List<T> list, int index, T item, boolean insert, String description) {
            this.list = list;
            this.index = index;
            this.item = item;
            this.insert = insert;
            this.description = description;
        }

        @Override
        public void execute() {
            apply(() -> {
                if (insert) {
                    list.add(index, item);
                } else {
                    list.remove(index);
                }
            });
        }

        @Override
        public void undo() {
            apply(() -> {
                if (insert) {
                    list.remove(index);
                } else {
                    list.add(index, item);
                }
            });
        }

        @Override
        public String description() {
            return description;
        }
    }
}
