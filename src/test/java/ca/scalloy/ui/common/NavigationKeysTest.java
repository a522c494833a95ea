package ca.scalloy.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import ca.scalloy.engine.charge.ChargeCalculator;
import ca.scalloy.solver.OjalgoSolver;
import ca.scalloy.ui.batch.BatchViewModel;

/** Ctrl+1…7 and the sidebar's arrow keys switch screens (issue 13 point 7), headless. */
@ExtendWith(ApplicationExtension.class)
class NavigationKeysTest {

    @Start
    void start(Stage stage) {
        Messages en = Messages.forLocale(Locale.CANADA);
        ScriptedDialogs dialogs = new ScriptedDialogs();
        BatchViewModel batch = TestShell.batch(en, dialogs);
        Map<Screen, Supplier<Node>> screens = new EnumMap<>(Screen.class);
        for (Screen s : Screen.values()) {
            screens.put(s, () -> {
                Label l = new Label(s.name());
                l.setId("screen-" + s.name());
                return l;
            });
        }
        TestShell.show(stage, en, batch, dialogs, screens);
    }

    private boolean showing(FxRobot robot, Screen s) {
        return robot.lookup("#screen-" + s.name()).tryQuery().map(Node::isVisible).orElse(false)
                && robot.lookup("#screen-" + s.name()).query().getScene() != null;
    }

    private boolean highlighted(FxRobot robot, Screen s) {
        return robot.lookup("#nav-" + s.name()).queryAs(ToggleButton.class).isSelected();
    }

    @Test
    void controlAndADigitGoesToThatScreenAndTheSidebarFollows(FxRobot robot) {
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT3).release(KeyCode.DIGIT3, KeyCode.CONTROL);
        assertTrue(showing(robot, Screen.LIBRARY));
        assertTrue(highlighted(robot, Screen.LIBRARY));
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT7).release(KeyCode.DIGIT7, KeyCode.CONTROL);
        assertTrue(showing(robot, Screen.HEATS));
        assertTrue(highlighted(robot, Screen.HEATS));
        assertTrue(!highlighted(robot, Screen.LIBRARY));
    }

    @Test
    void arrowKeysInTheSidebarChangeTheScreenNotJustTheHighlight(FxRobot robot) {
        robot.clickOn("#nav-BATCH");
        robot.type(KeyCode.DOWN);
        assertTrue(showing(robot, Screen.PROPERTIES));
        assertTrue(highlighted(robot, Screen.PROPERTIES));
        assertTrue(robot.lookup("#nav-PROPERTIES").query().isFocused());
        robot.type(KeyCode.UP, 2);
        // Up from the first screen wraps round to the last, as a list's keyboard does in a sidebar.
        assertTrue(showing(robot, Screen.HEATS));
        assertEquals(true, highlighted(robot, Screen.HEATS));
    }
}
