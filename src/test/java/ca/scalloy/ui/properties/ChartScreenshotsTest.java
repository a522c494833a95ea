package ca.scalloy.ui.properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static ca.scalloy.ui.properties.PropertiesScreen.waitUntil;

import java.nio.file.Path;
import java.util.concurrent.TimeoutException;

import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.shape.Polyline;
import javafx.stage.Stage;
import javafx.stage.Window;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import ca.scalloy.engine.thermo.ProcessRoute;
import ca.scalloy.ui.common.ScriptedDialogs;
import ca.scalloy.ui.common.TestShell;

/**
 * The four chart tabs of the Properties screen for the Scalmalloy-type recipe, one after the other, each with what it
 * must show. With {@code -Dscalloy.snapshots=docs/screenshots} each chart is also written there as a PNG: this is how
 * the README's screenshots of the charts are taken (headless, Monocle, {@code scene.snapshot}).
 */
@ExtendWith(ApplicationExtension.class)
class ChartScreenshotsTest {

    private static final Path SCALMALLOY = Path.of("recipes/scalmalloy-type.json");

    private final ScriptedDialogs dialogs = new ScriptedDialogs();

    @Start
    void start(Stage stage) {
        PropertiesScreen.show(stage, dialogs);
    }

    @Test
    void scalmalloysScheilPhaseAgeingAndDiagramChartsAreDrawnWithTheirMarks(FxRobot robot) throws TimeoutException {
        dialogs.fileToOpen = SCALMALLOY;
        robot.clickOn("File").clickOn("Open…");
        waitUntil(() -> !robot.lookup("#chargeTable").queryAs(TableView.class).getItems().isEmpty());
        waitUntil(() -> !robot.lookup("#keyProps-density-asCast").queryAs(Label.class).getText().equals("—"));
        robot.clickOn("#nav-PROPERTIES");
        waitUntil(() -> robot.lookup("Solidification (Scheil)").tryQuery().isPresent());
        Window window = robot.lookup("#nav-PROPERTIES").query().getScene().getWindow();

        robot.clickOn("Solidification (Scheil)");
        waitUntil(() -> robot.lookup("#curve-scheil").tryQuery().isPresent() && robot.lookup("#solidificationEnd").tryQuery().isPresent());
        assertTrue(robot.lookup("#curve-scheil").queryAs(Polyline.class).getPoints().size() > 20, "a path, not a point");
        // 0.30 wt% Zr, above the 0.09 wt% of the Al-Zr peritectic liquid: Al3Zr is the first solid, marked where it appears.
        assertTrue(robot.lookup("#appears-AL3ZR").tryQuery().isPresent());
        TestShell.snapshot(robot, window, "scheil-curve");

        robot.clickOn("Phases vs temperature");
        waitUntil(() -> robot.lookup("#curve-phase-LIQUID-0").tryQuery().isPresent() && robot.lookup("#curve-phase-AL3MG2-0").tryQuery().isPresent());
        assertTrue(robot.lookup("#curve-phase-AL3SC-0").tryQuery().isPresent());
        TestShell.snapshot(robot, window, "phase-fractions");

        robot.clickOn("Ageing");
        @SuppressWarnings("unchecked")
        ComboBox<ProcessRoute> route = robot.lookup("#ageingRoute").queryAs(ComboBox.class);
        robot.interact(() -> route.setValue(ProcessRoute.RAPID));
        TextField schedule = robot.lookup("#ageingSchedule").queryAs(TextField.class);
        robot.interact(() -> schedule.setText("325:4"));
        waitUntil(() -> robot.lookup("#scheduleMarker").tryQuery().isPresent() && robot.lookup("#suggestionMarker").tryQuery().isPresent()
                && robot.lookup("#curve-isothermal-300").tryQuery().isPresent());
        PlotChart ageing = robot.lookup("#ageingChart").queryAs(PlotChart.class);
        assertEquals(ageing.sceneXFor(4), centreX(robot.lookup("#scheduleMarker").query()), 1.5, "the schedule marked at 4 h");
        TestShell.snapshot(robot, window, "ageing-curves");

        robot.clickOn("Phase diagram");
        waitUntil(() -> robot.lookup("#alloyHoldingMarker").tryQuery().isPresent() && robot.lookup("#alloyAgeingMarker").tryQuery().isPresent());
        assertTrue(robot.lookup("#alloyLiquidusMarker").tryQuery().isPresent());
        TestShell.snapshot(robot, window, "phase-diagram-al-sc");

        javafx.scene.Node scStem = robot.lookup("#alloyMarker").query();
        robot.clickOn("#binary-AL_ZR");
        waitUntil(() -> robot.lookup("#alloyMarker").tryQuery().filter(n -> n != scStem).isPresent()
                && robot.lookup("#alloyHoldingMarker").tryQuery().isPresent());
        TestShell.snapshot(robot, window, "phase-diagram-al-zr");
    }

    private static double centreX(javafx.scene.Node n) {
        javafx.geometry.Bounds b = n.localToScene(n.getBoundsInLocal());
        return (b.getMinX() + b.getMaxX()) / 2;
    }
}
