package ca.scalloy.ui.common;

/** The screens of the main window, in navigation order. */
public enum Screen {
    BATCH, PROPERTIES, LIBRARY, LOTS, SPECIFICATIONS, RECIPES, HEATS
}
