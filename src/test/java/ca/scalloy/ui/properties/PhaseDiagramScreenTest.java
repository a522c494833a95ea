package ca.scalloy.ui.properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

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
import org.testfx.util.WaitForAsyncUtils;

import ca.scalloy.engine.charge.ChargeCalculator;
import ca.scalloy.engine.props.PropertyCalculator;
import ca.scalloy.solver.OjalgoSolver;
import ca.scalloy.ui.batch.BatchView;
import ca.scalloy.ui.batch.BatchViewModel;
import ca.scalloy.ui.common.FxBackgroundExecutor;
import ca.scalloy.ui.common.Messages;
import ca.scalloy.ui.common.Screen;
import ca.scalloy.ui.common.ScriptedDialogs;
import ca.scalloy.ui.common.TestShell;

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
        Messages en = Messages.forLocale(Locale.CANADA);
        FxBackgroundExecutor executor = new FxBackgroundExecutor();
        BatchViewModel batch = new BatchViewModel(en, new ChargeCalculator(new OjalgoSolver()), executor, dialogs,
                TestShell.recipeFiles());
        PropertiesViewModel properties = new PropertiesViewModel(en, new PropertyCalculator(), executor, batch);
        PhaseDiagramViewModel diagram = new PhaseDiagramViewModel(en, properties.estimateProperty(), dialogs);
        TestShell.show(stage, en, batch, dialogs, Map.of(Screen.BATCH, () -> new BatchView(batch, en).build(),
                Screen.PROPERTIES, () -> new PropertiesView(properties, diagram, en).build()));
    }

    private static void waitUntil(Supplier<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, condition::get);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void openScalmalloyAndShowTheDiagram(FxRobot robot) throws TimeoutException {
        dialogs.fileToOpen = SCALMALLOY;
        robot.clickOn("File").clickOn("Open…");
        waitUntil(() -> !robot.lookup("#chargeTable").queryAs(TableView.class).getItems().isEmpty());
        waitUntil(() -> !robot.lookup("#keyProps-density-asCast").queryAs(Label.class).getText().equals("—"));
        robot.clickOn("#nav-PROPERTIES");
        robot.clickOn("Phase diagram");
        waitUntil(() -> robot.lookup("#alloyMarker").tryQuery().isPresent());
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
        waitUntil(() -> robot.lookup("Al-Zr: solubility of Zr in (Al)").tryQuery().isPresent());
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

        byte[] head = Files.readAllBytes(png);
        assertTrue(head.length > 10_000, "a picture, not an empty file: " + head.length + " bytes");
        assertEquals((byte) 0x89, head[0]);
        assertEquals('P', head[1]);
    }
}
