package ca.scalloy.ui.common;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;

/** What the shell's File and Edit menus and its status bar act on: the open document of a screen. */
public interface Document {

    void newRecipe();

    void open();

    boolean save();

    boolean saveAs();

    /** Asks about unsaved changes; true when the caller may go on. */
    boolean confirmDiscard();

    UndoManager undoManager();

    ReadOnlyStringProperty documentNameProperty();

    ReadOnlyBooleanProperty dirtyProperty();

    ReadOnlyStringProperty statusMessageProperty();

    ReadOnlyBooleanProperty calculatingProperty();
}
