package ca.scalloy.ui.properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static ca.scalloy.ui.properties.PropertiesScreen.waitUntil;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeoutException;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.TextField;
import javafx.scene.shape.Polyline;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import ca.scalloy.ui.common.ScriptedDialogs;

/**
 * The chart tabs of the Properties screen for a typed composition: the Scheil curve, the phase fractions and the ageing
 * curves appear with data; the ageing schedule's marker moves with the schedule; a chart exports as PNG. Headless, with
 * the real worker threads.
 */
@ExtendWith(ApplicationExtension.class)
class PropertiesChartsScreenTest {

    private final ScriptedDialogs dialogs = new ScriptedDialogs();

    @Start
    void start(Stage stage) {
        PropertiesScreen.show(stage, dialogs);
    }


    /** Al-0.4Sc-0.2Zr, typed. */
    private void typeAnAlloy(FxRobot robot) throws TimeoutException {
        robot.clickOn("#nav-PROPERTIES");
        waitUntil(() -> robot.lookup("#input-COMPOSITION").tryQuery().isPresent());
        robot.clickOn("#input-COMPOSITION");
        TextField composition = robot.lookup("#field-COMPOSITION").queryAs(TextField.class);
        robot.interact(() -> composition.setText("Sc=0.4, Zr=0.2"));
    }

    /**
     * The chart is redrawn when the suggested schedule arrives, a second or two after the curves: the test looks at the
     * chart once it has both, so that it never reads a chart being redrawn.
     */
    private static void waitForTheAgeingChartAndItsSuggestion(FxRobot robot) throws TimeoutException {
        waitUntil(() -> robot.lookup("#scheduleMarker").tryQuery().isPresent() && robot.lookup("#suggestionMarker").tryQuery().isPresent());
    }

    private static double centreX(Node n) {
        Bounds b = n.localToScene(n.getBoundsInLocal());
        return (b.getMinX() + b.getMaxX()) / 2;
    }

    @Test
    void theSolidificationPhaseAndAgeingChartsAppearWithDataForATypedComposition(FxRobot robot) throws TimeoutException {
        typeAnAlloy(robot);

        robot.clickOn("Solidification (Scheil)");
        waitUntil(() -> robot.lookup("#curve-scheil").tryQuery().isPresent());
        assertTrue(robot.lookup("#curve-scheil").queryAs(Polyline.class).getPoints().size() > 10, "a path, not a point");
        // Zr 0.2 wt% is above the 0.09 wt% of the Al-Zr peritectic liquid: Al3Zr forms first, and is marked.
        assertTrue(robot.lookup("#appears-AL3ZR").tryQuery().isPresent());
        assertTrue(robot.lookup("#solidificationEnd").tryQuery().isPresent());
        assertTrue(robot.lookup("Scheil-Gulliver solidification: Al-0.4Sc-0.2Zr").tryQuery().isPresent());

        robot.clickOn("Phases vs temperature");
        waitUntil(() -> robot.lookup("#curve-phase-LIQUID-0").tryQuery().isPresent());
        assertTrue(robot.lookup("#curve-phase-AL3SC-0").tryQuery().isPresent());

        robot.clickOn("Ageing");
        waitForTheAgeingChartAndItsSuggestion(robot);
        for (double t : AgeingViewModel.CURVE_TEMPS_C) {
            assertTrue(robot.lookup("#curve-isothermal-" + (int) t).tryQuery().isPresent(), t + " °C");
        }
        String source = robot.lookup("#chartSource").queryAll().stream().filter(Node::isVisible).map(n -> ((javafx.scene.text.Text) n).getText())
                .filter(t -> t.contains("Kampmann-Wagner")).findFirst().orElse("");
        assertTrue(source.contains("decision 0014"), source);
    }

    @Test
    void theScheduleMarkerMovesWhenTheScheduleChanges(FxRobot robot) throws TimeoutException {
        typeAnAlloy(robot);
        robot.clickOn("Ageing");
        waitForTheAgeingChartAndItsSuggestion(robot);
        Node before = robot.lookup("#scheduleMarker").query();
        double x4h = centreX(before);

        TextField schedule = robot.lookup("#ageingSchedule").queryAs(TextField.class);
        robot.interact(() -> schedule.setText("325:24"));
        waitUntil(() -> robot.lookup("#scheduleMarker").tryQuery().filter(n -> n != before).isPresent());

        double x24h = centreX(robot.lookup("#scheduleMarker").query());
        PlotChart chart = robot.lookup("#ageingChart").queryAs(PlotChart.class);
        // On the log time axis: 4 h and 24 h.
        assertEquals(chart.sceneXFor(4), x4h, 1.5);
        assertEquals(chart.sceneXFor(24), x24h, 1.5);

        robot.interact(() -> schedule.setText("325:x"));
        waitUntil(() -> schedule.getStyleClass().contains("invalid"));
        assertEquals("the time “x” in step “325:x” is not a number", schedule.getTooltip().getText());
    }

    @Test
    void aChartIsExportedAsPng(FxRobot robot, @TempDir Path dir) throws TimeoutException, IOException {
        typeAnAlloy(robot);
        robot.clickOn("Solidification (Scheil)");
        waitUntil(() -> robot.lookup("#curve-scheil").tryQuery().isPresent());
        Path png = dir.resolve("scheil.png");
        dialogs.imageToSave = png;

        robot.clickOn("#scheilExport");
        waitUntil(() -> Files.exists(png));

        PropertiesScreen.assertPng(png);
    }
}
