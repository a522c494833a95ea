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
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import ca.scalloy.ui.common.ScriptedDialogs;

/**
 * Opens a recipe in the Batch screen, goes to Properties and its phase diagram, and finds the
 * product drawn at its Sc content; headless, with the real worker thread.
 */
@ExtendWith(ApplicationExtension.class)
class PhaseDiagramScreenTest {

    private static final Path SCALMALLOY = Path.of("recipes/scalmalloy-type.json");

    private final ScriptedDialogs dialogs = new ScriptedDialogs();

    @Start
    void start(Stage stage) {
        PropertiesScreen.show(stage, dialogs);
    }


    private void openScalmalloyAndShowTheDiagram(FxRobot robot) throws TimeoutException {
        dialogs.fileToOpen = SCALMALLOY;
        robot.clickOn("File").clickOn("Open…");
        waitUntil(() -> !robot.lookup("#chargeTable").queryAs(TableView.class).getItems().isEmpty());
        waitUntil(() -> !robot.lookup("#keyProps-density-asCast").queryAs(Label.class).getText().equals("—"));
        // Scalmalloy-type holds 0.30 wt% Zr, far above the 0.09 wt% of the Al-Zr peritectic liquid: Al3Zr forms first.
        assertTrue(robot.lookup("#keyProps-liquidus-asCast").queryAs(Label.class).getText().endsWith("°C (Al₃Zr primary)"));
        robot.clickOn("#nav-PROPERTIES");
        waitUntil(() -> robot.lookup("Phase diagram").tryQuery().isPresent());
        robot.clickOn("Phase diagram");
        // Drawn for good once the alloy's liquidus, holding and ageing temperatures are all on it.
        waitUntil(() -> robot.lookup("#alloyHoldingMarker").tryQuery().isPresent() && robot.lookup("#alloyAgeingMarker").tryQuery().isPresent());
    }

    @Test
    void theProductIsMarkedAtItsScContentOnTheAlScDiagram(FxRobot robot) throws TimeoutException {
        openScalmalloyAndShowTheDiagram(robot);

        Node marker = robot.lookup("#alloyMarker").query();
        PhaseDiagramChart chart = robot.lookup("#phaseDiagram").queryAs(PhaseDiagramChart.class);
        Bounds b = marker.localToScene(marker.getBoundsInLocal());
        double markerX = (b.getMinX() + b.getMaxX()) / 2;
        // The recipe aims at 0.70 wt% Sc (0.60-0.80).
        assertTrue(markerX > chart.sceneXFor(0.6) && markerX < chart.sceneXFor(0.8),
                markerX + " not between " + chart.sceneXFor(0.6) + " and " + chart.sceneXFor(0.8));
        assertTrue(robot.lookup("#alloyAgeingMarker").tryQuery().isPresent(), "aged at 325 °C by default");
        assertTrue(robot.lookup("#alloyLiquidusMarker").tryQuery().isPresent());
        assertTrue(robot.lookup("#alloyHoldingMarker").tryQuery().isPresent());
        assertTrue(robot.lookup("L + Al₃Sc").tryQuery().isPresent());
        assertTrue(robot.lookup("(Al) + Al₃Sc").tryQuery().isPresent());
    }

    @Test
    void zoomingInMovesTheMarkerRightAndTheZrViewShowsTheZrContent(FxRobot robot) throws TimeoutException {
        openScalmalloyAndShowTheDiagram(robot);
        double before = robot.lookup("#alloyMarker").query().localToScene(0, 0).getX();
        Node stemBefore = robot.lookup("#alloyMarker").query();

        robot.clickOn("#diagram-zoomIn");
        waitUntil(() -> robot.lookup("#alloyMarker").query() != stemBefore);
        PhaseDiagramChart chart = robot.lookup("#phaseDiagram").queryAs(PhaseDiagramChart.class);
        Bounds b = robot.lookup("#alloyMarker").query().getBoundsInParent();
        double x = chart.localToScene((b.getMinX() + b.getMaxX()) / 2, 0).getX();
        assertTrue(x > chart.sceneXFor(0.6) && x < chart.sceneXFor(0.8));
        assertTrue(x > before);

        robot.clickOn("#binary-AL_ZR");
        waitUntil(() -> robot.lookup("Al-Zr phase diagram, Al-rich end (calculated)").tryQuery().isPresent()
                && robot.lookup("#alloyMarker").tryQuery().isPresent());
        Bounds zr = robot.lookup("#alloyMarker").query().getBoundsInParent();
        double zrX = chart.localToScene((zr.getMinX() + zr.getMaxX()) / 2, 0).getX();
        // 0.30 wt% Zr (aim; 0.20-0.50).
        assertTrue(zrX > chart.sceneXFor(0.25) && zrX < chart.sceneXFor(0.35));
    }

    @Test
    void exportWritesAPng(FxRobot robot, @TempDir Path dir) throws TimeoutException, IOException {
        openScalmalloyAndShowTheDiagram(robot);
        Path png = dir.resolve("diagram.png");
        dialogs.imageToSave = png;

        robot.clickOn("#diagramExport");
        waitUntil(() -> Files.exists(png));

        PropertiesScreen.assertPng(png);
    }
}
