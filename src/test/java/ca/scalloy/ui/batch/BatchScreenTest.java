package ca.scalloy.ui.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import ca.scalloy.engine.charge.ChargeCalculator;
import ca.scalloy.solver.OjalgoSolver;
import ca.scalloy.ui.common.FxBackgroundExecutor;
import ca.scalloy.ui.common.Messages;
import ca.scalloy.ui.common.Screen;
import ca.scalloy.ui.common.ScriptedDialogs;
import ca.scalloy.ui.common.TestShell;

/** Drives the Batch screen in the main shell, headless, with solves on the real worker thread. */
@ExtendWith(ApplicationExtension.class)
class BatchScreenTest {

    private static final Path OXIDE_ROUTE = Path.of("recipes/alsc2-oxide-route.json");
    private static final String OXIDE = "SC2O3-999";

    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private BatchViewModel vm;

    @Start
    void start(Stage stage) {
        Messages en = Messages.forLocale(Locale.CANADA);
        vm = TestShell.batch(en, dialogs);
        TestShell.show(stage, en, vm, dialogs, Map.of(Screen.BATCH, () -> new BatchView(vm, en).build()));
    }

    @SuppressWarnings("unchecked")
    private static TableView<ChargeRow> chargeTable(FxRobot robot) {
        return robot.lookup("#chargeTable").queryAs(TableView.class);
    }

    private static double chargedKg(FxRobot robot, String materialId) {
        return chargeTable(robot).getItems().stream().filter(r -> r.materialId().equals(materialId))
                .mapToDouble(ChargeRow::massKg).sum();
    }

    private static void waitUntil(Supplier<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> condition.get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void openOxideRouteFromTheFileMenu(FxRobot robot) throws TimeoutException {
        dialogs.fileToOpen = OXIDE_ROUTE;
        robot.clickOn("File").clickOn("Open…");
        waitUntil(() -> chargedKg(robot, OXIDE) > 0);
    }

    @Test
    void doublingTheBatchMassDoublesTheScandiumOxide(FxRobot robot) throws TimeoutException {
        openOxideRouteFromTheFileMenu(robot);
        double oxideKg = chargedKg(robot, OXIDE);
        assertEquals(36.13, oxideKg, 0.01);

        robot.doubleClickOn("#header-BATCH_MASS_KG").write("2000");
        waitUntil(() -> Math.abs(chargedKg(robot, OXIDE) - 2 * oxideKg) < 1e-6);

        assertEquals("2000", robot.lookup("#header-BATCH_MASS_KG").queryAs(TextField.class).getText());
        assertTrue(robot.lookup("#status").queryAs(Label.class).getText().startsWith("Charge found: 2,000 kg"));
        assertTrue(vm.dirtyProperty().get());
    }

    /*
     * What a narrow window cuts is whole elsewhere: a charged material's name and kind in their cells' tooltips; and the
     * CO2 per kg of product says its unit (it was a bare number).
     */
    @Test
    void chargedNamesAndKindsAreWholeInTooltipsAndCo2PerKgHasItsUnit(FxRobot robot) throws TimeoutException {
        openOxideRouteFromTheFileMenu(robot);
        for (String whole : List.of("Scandium oxide 99.9 %", "Compound")) {
            javafx.scene.control.TableCell<?, ?> cell = robot.lookup("#chargeTable .table-cell").match(
                    (javafx.scene.control.TableCell<?, ?> c) -> whole.equals(c.getItem())).query();
            assertEquals(whole, cell.getTooltip().getText());
        }
        List<String> totals = robot.lookup("#totals .total-value").queryAllAs(Label.class).stream().map(Label::getText).toList();
        assertTrue(totals.stream().anyMatch(t -> t.matches("[0-9.]+ kg/kg")), totals.toString());
    }

    /* Money carries the plant's currency (CAD by default): the charge's cost column says it, and the totals' amounts are "$" amounts. */
    @Test
    void theChargesCostsCarryThePlantsCurrency(FxRobot robot) throws TimeoutException {
        openOxideRouteFromTheFileMenu(robot);
        TableView<?> charge = robot.lookup("#chargeTable").queryAs(TableView.class);
        assertTrue(charge.getColumns().stream().anyMatch(c -> c.getText().equals("Cost (CAD)")));
        List<String> totals = robot.lookup("#totals .total-value").queryAllAs(Label.class).stream().map(Label::getText).toList();
        assertTrue(totals.stream().anyMatch(t -> t.contains("$") && !t.contains("/kg")), totals.toString());
        assertTrue(totals.stream().anyMatch(t -> t.contains("$") && t.endsWith("/kg")), totals.toString());
    }

    @Test
    void badCellIsMarkedAndTheLastChargeStays(FxRobot robot) throws TimeoutException {
        openOxideRouteFromTheFileMenu(robot);
        double oxideKg = chargedKg(robot, OXIDE);

        TextField batchMass = robot.lookup("#header-BATCH_MASS_KG").queryAs(TextField.class);
        robot.doubleClickOn(batchMass).write("lots");
        waitUntil(() -> batchMass.getStyleClass().contains("invalid"));

        assertEquals("“lots” is not a number", batchMass.getTooltip().getText());
        Label banner = robot.lookup("#inputErrors").queryAs(Label.class);
        assertTrue(banner.isVisible());
        assertTrue(banner.getText().contains("Batch mass (kg): “lots” is not a number"), banner.getText());
        assertEquals(oxideKg, chargedKg(robot, OXIDE), 1e-9);
    }

    @Test
    void ironMaximumBelowWhatTheAluminiumBringsShowsTheDiagnosisPanel(FxRobot robot) throws TimeoutException {
        openOxideRouteFromTheFileMenu(robot);
        robot.interact(() -> vm.form().targets().get(1).text(TargetField.MAX_WT_PCT).set("0.05"));
        waitUntil(() -> robot.lookup("#diagnosis").query().isVisible());

        assertTrue(chargeTable(robot).getItems().isEmpty());
        assertTrue(robot.lookup(n -> n instanceof Label l && l.getText() != null
                && l.getText().equals("• Fe max 0.05 % cannot be met while Sc stays within 1.8-2.2 %: the lowest Fe then is 0.0991 %")).tryQuery()
                .isPresent());
    }

    /**
     * A diagnosis longer than the window is wide wraps onto as many lines as it needs: each line of the banner is as
     * tall as its wrapped text (it was held one line high and cut with "…", losing what holds a confidence).
     */
    @Test
    void aLongDiagnosisWrapsInsteadOfBeingCut(FxRobot robot) throws TimeoutException {
        openOxideRouteFromTheFileMenu(robot);
        // Sc 1.95-2.05 % at 99 %, with the reference spreads: no charge reaches it, and the diagnosis names what holds it
        robot.interact(() -> {
            vm.form().targets().get(0).text(TargetField.MIN_WT_PCT).set("1.95");
            vm.form().targets().get(0).text(TargetField.MAX_WT_PCT).set("2.05");
            vm.form().header().text(HeaderField.CONFIDENCE_PCT).set("99");
        });
        waitUntil(() -> robot.lookup("#diagnosis").query().isVisible());
        List<Label> lines = robot.lookup("#diagnosis").queryAs(javafx.scene.layout.VBox.class).getChildren().stream().skip(1)
                .map(Label.class::cast).toList();
        assertFalse(lines.isEmpty());
        assertTrue(lines.stream().anyMatch(l -> l.prefHeight(l.getWidth()) > 1.5 * l.prefHeight(-1)), "some line must need to wrap");
        for (Label l : lines) {
            double wanted = l.prefHeight(l.getWidth());
            assertTrue(l.getHeight() >= wanted - 0.5, l.getHeight() + " px for " + wanted + " px of text: " + l.getText());
        }
    }

    /**
     * In a 1280 x 800 window the recipe's pane shows, unscrolled, the materials' buttons and the whole materials table,
     * whose least height is five rows (issue 13 point 7: the buttons were below the pane's fold).
     */
    @Test
    void materialsButtonsAndFiveRowsShowWithoutScrollingAt1280x800(FxRobot robot) throws TimeoutException {
        openOxideRouteFromTheFileMenu(robot);
        ScrollPane pane = robot.lookup("#recipePane").queryAs(ScrollPane.class);
        Stage stage = (Stage) pane.getScene().getWindow();
        robot.interact(() -> {
            stage.setWidth(1280);
            stage.setHeight(800);
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(800, pane.getScene().getHeight(), 0.5);
        assertEquals(0, pane.getVvalue());
        Bounds shown = pane.localToScene(pane.getLayoutBounds());
        Node tools = robot.lookup("#materialsTools").query();
        TableView<?> materials = robot.lookup("#materialsTable").queryAs(TableView.class);
        Bounds toolsAt = tools.localToScene(tools.getLayoutBounds());
        Bounds tableAt = materials.localToScene(materials.getLayoutBounds());
        assertTrue(shown.contains(toolsAt), "the materials' buttons at " + toolsAt + " outside the recipe's pane " + shown);
        assertTrue(shown.contains(tableAt), "the materials table at " + tableAt + " outside the recipe's pane " + shown);
        // five rows of 30 px under a header of about 25 px
        assertTrue(tableAt.getHeight() >= 5 * 30 + 25, "the materials table is " + tableAt.getHeight() + " px high");
    }
    /**
     * The summary row (warnings, totals, key properties) is wider than a 1280 x 800 window, so what its right end
     * loses must not be a warning: the warnings come first and only when there are some (an oxide with no recovery
     * stated: 100 % is assumed and said), and the tab's title counts them in the warning style.
     */
    @Test
    void aWarningComesFirstInTheSummaryAndIsCountedOnItsTab(FxRobot robot) throws TimeoutException {
        openOxideRouteFromTheFileMenu(robot);
        javafx.scene.control.Tab summary = robot.lookup("#batchDetails").queryAs(javafx.scene.control.TabPane.class).getTabs().stream()
                .filter(t -> "batch-tab-summary".equals(t.getId())).findFirst().orElseThrow();
        Node warnings = robot.lookup("#batchWarnings").query();
        assertTrue(!warnings.isVisible() && !warnings.isManaged(), "no warnings, no box");
        assertTrue(!summary.getStyleClass().contains("warned"));

        robot.interact(() -> vm.form().materials().stream().filter(r -> r.text(MaterialField.ID).get().equals(OXIDE)).findFirst()
                .orElseThrow().text(MaterialField.RECOVERY_PCT).set(""));
        waitUntil(() -> !vm.warnings().isEmpty());

        assertTrue(warnings.isVisible());
        assertEquals("Totals, properties and warnings (1)", summary.getText());
        assertTrue(summary.getStyleClass().contains("warned"));
        Node totals = robot.lookup("#totals").query();
        double warningsRight = warnings.localToScene(warnings.getLayoutBounds()).getMaxX();
        assertTrue(warningsRight <= totals.localToScene(totals.getLayoutBounds()).getMinX(), "the warnings before the totals");
        assertTrue(robot.lookup("#warnings").queryAs(javafx.scene.control.ListView.class).getItems().get(0).toString()
                .startsWith("SC2O3-999: no recovery stated for Sc"));
    }
}
