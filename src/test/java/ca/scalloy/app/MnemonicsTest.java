package ca.scalloy.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.stage.Window;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import ca.scalloy.ui.common.Screen;

/**
 * Alt + a letter must reach one thing: on every screen of the real workbench, in English and in French, the buttons
 * and boxes on show have mnemonics, and theirs and the main menus' are all different letters (issue 13 point 7).
 */
class MnemonicsTest extends FxRobot {

    @RegisterExtension
    final RealWorkbench workbench = new RealWorkbench();

    @ParameterizedTest
    @ValueSource(strings = {"en", "fr"})
    void everyScreensButtonsHaveMnemonicsAndNoTwoShareALetter(String language) throws Exception {
        workbench.start(this, language);
        workbench.openExample(this);
        Map<String, String> clashes = new TreeMap<>();
        Map<Screen, Integer> buttons = new EnumMap<>(Screen.class);
        int menus = 0;
        for (Screen s : Screen.values()) {
            clickOn("#nav-" + s.name());
            WaitForAsyncUtils.waitForFxEvents(10);
            Map<Character, List<String>> byLetter = new TreeMap<>();
            interact(() -> {
                for (Window w : Window.getWindows()) {
                    if (w.isShowing() && w.getScene() != null) {
                        collect(w.getScene().getRoot(), byLetter);
                    }
                }
            });
            byLetter.forEach((letter, texts) -> {
                if (texts.size() > 1) {
                    clashes.put(s.name() + " Alt+" + letter, String.join(" | ", texts));
                }
            });
            buttons.put(s, (int) byLetter.values().stream().flatMap(List::stream).filter(t -> !t.startsWith("menu ")).count());
            menus = Math.max(menus, (int) byLetter.values().stream().flatMap(List::stream).filter(t -> t.startsWith("menu ")).count());
        }
        assertEquals(4, menus, "the four main menus each have a mnemonic");
        // two at least on each screen: the Lots and Heats screens show two buttons until a lot or a heat is open
        buttons.forEach((s, n) -> assertTrue(n >= 2, "the " + s + " screen's main buttons have mnemonics: " + n));
        assertEquals(Map.of(), clashes, "mnemonics sharing a letter on one screen");
    }

    /** The mnemonic letter of {@code text} ("_File" → F), or 0 without one ("__" is a written underscore). */
    static char mnemonic(String text) {
        if (text == null) {
            return 0;
        }
        for (int i = 0; i < text.length() - 1; i++) {
            if (text.charAt(i) == '_') {
                if (text.charAt(i + 1) == '_') {
                    i++;
                    continue;
                }
                return Character.toUpperCase(text.charAt(i + 1));
            }
        }
        return 0;
    }

    private static void collect(Node n, Map<Character, List<String>> byLetter) {
        if (!n.isVisible()) {
            return;
        }
        if (n instanceof MenuBar bar) {
            for (Menu m : bar.getMenus()) {
                char c = m.isMnemonicParsing() ? mnemonic(m.getText()) : 0;
                if (c != 0) {
                    byLetter.computeIfAbsent(c, k -> new ArrayList<>()).add("menu " + m.getText());
                }
            }
            // the bar's own labels repeat its menus' texts
            return;
        }
        if (n instanceof Labeled l && l.isMnemonicParsing()) {
            char c = mnemonic(l.getText());
            if (c != 0) {
                byLetter.computeIfAbsent(c, k -> new ArrayList<>()).add(l.getText().toLowerCase(Locale.ROOT));
            }
        }
        if (n instanceof Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) {
                collect(child, byLetter);
            }
        }
    }
}
