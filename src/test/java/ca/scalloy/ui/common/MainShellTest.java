package ca.scalloy.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import javafx.scene.Node;

import org.junit.jupiter.api.Test;

/** The shell's contract with the composition root, without a stage. */
class MainShellTest {

    /** A shell whose menu actions do nothing (also for {@link ViewLifetimeTest}). */
    static final MainShell.Actions NO_ACTIONS = new MainShell.Actions() {
        @Override
        public void quit() {
        }

        @Override
        public void switchLanguage(Locale locale) {
        }

        @Override
        public void about() {
        }
    };

    @Test
    void aShellMissingAScreenIsRefusedNamingTheScreen() {
        Map<Screen, Supplier<Node>> allButHeats = new EnumMap<>(Screen.class);
        for (Screen s : Screen.values()) {
            if (s != Screen.HEATS) {
                allButHeats.put(s, () -> null);
            }
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new MainShell(Messages.forLocale(Locale.CANADA), null, NO_ACTIONS, allButHeats));
        assertEquals("no builder for the screen HEATS; the shell needs one for each of "
                + "[BATCH, PROPERTIES, LIBRARY, LOTS, SPECIFICATIONS, RECIPES, HEATS]", e.getMessage());
    }
}
