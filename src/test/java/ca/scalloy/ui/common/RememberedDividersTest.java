package ca.scalloy.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import ca.scalloy.engine.charge.ChargeCalculator;
import ca.scalloy.solver.OjalgoSolver;
import ca.scalloy.ui.batch.BatchViewModel;

/**
 * The shell opens a screen's split pane where the preferences say the user left it, and keeps where the user drags
 * its divider (issue 13 point 7), headless.
 */
@ExtendWith(ApplicationExtension.class)
class RememberedDividersTest {

    /** The preferences as the last session left them: the Library's divider at 30 % of the width. */
    private final Map<String, String> preferences = new HashMap<>(Map.of("layout.LIBRARY.dividerFractions", "0.3000",
            "layout.PROPERTIES.dividerFractions", "0.4000"));

    @Start
    void start(Stage stage) {
        Messages en = Messages.forLocale(Locale.CANADA);
        ScriptedDialogs dialogs = new ScriptedDialogs();
        BatchViewModel batch = TestShell.batch(en, dialogs);
        DividerMemory memory = new DividerMemory(new DividerMemory.Preferences() {
            @Override
            public Optional<String> get(String key) {
                return Optional.ofNullable(preferences.get(key));
            }

            @Override
            public void put(String key, String text) {
                preferences.put(key, text);
            }
        });
        TestShell.show(stage, en, batch, dialogs, Map.of(Screen.LIBRARY, () -> {
            // panes that may grow (a Label may not grow past its text)
            SplitPane split = new SplitPane(new StackPane(new Label("list")), new StackPane(new Label("editor")));
            split.setId("librarySplit");
            split.setDividerPositions(0.66);
            return split;
        }, Screen.PROPERTIES, () -> {
            // as on the Properties screen: the split pane is a tab's content, made only with the tab pane's skin
            SplitPane split = new SplitPane(new StackPane(new Label("table")), new StackPane(new Label("chart")));
            split.setOrientation(javafx.geometry.Orientation.VERTICAL);
            split.setId("propertiesSplit");
            split.setDividerPositions(0.64);
            return new javafx.scene.control.TabPane(new javafx.scene.control.Tab("estimates", split));
        }), memory);
    }

    @Test
    void aScreenOpensWithItsDividerWhereTheUserLeftItAndKeepsWhereItIsDragged(FxRobot robot) {
        robot.clickOn("#nav-LIBRARY");
        SplitPane split = robot.lookup("#librarySplit").queryAs(SplitPane.class);
        assertEquals(0.3, split.getDividerPositions()[0], 1e-3, "where the last session left it, not the screen's 0.66");

        Node divider = split.lookup(".split-pane-divider");
        Bounds at = divider.localToScreen(divider.getLayoutBounds());
        robot.drag(at.getCenterX(), at.getCenterY()).moveBy(200, 0).release(javafx.scene.input.MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();

        double draggedTo = split.getDividerPositions()[0];
        assertTrue(draggedTo > 0.4, "the divider followed the drag: " + draggedTo);
        assertNotEquals("0.3000", preferences.get("layout.LIBRARY.dividerFractions"));
        assertEquals(draggedTo, Double.parseDouble(preferences.get("layout.LIBRARY.dividerFractions")), 1e-3);
    }

    @Test
    void aSplitPaneInsideATabOpensWhereTheUserLeftItToo(FxRobot robot) {
        robot.clickOn("#nav-PROPERTIES");
        WaitForAsyncUtils.waitForFxEvents();
        SplitPane split = robot.lookup("#propertiesSplit").queryAs(SplitPane.class);
        assertEquals(0.4, split.getDividerPositions()[0], 1e-3, "where the last session left it, not the screen's 0.64");
    }
}
