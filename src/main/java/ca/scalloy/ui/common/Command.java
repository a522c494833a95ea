package ca.scalloy.ui.common;

/** One user action that can be undone and redone. */
public interface Command {

    void execute();

    void undo();

    default void redo() {
        execute();
    }

    /** What the action did, for the Undo/Redo menu items. */
    String description();

    /**
     * Folds {@code next} into this command when both are one gesture (e.g. keystrokes in one field).
     *
     * @return true when merged; then {@code next} is not recorded on its own
     */
    default boolean mergeWith(Command next) {
        return false;
    }
}
