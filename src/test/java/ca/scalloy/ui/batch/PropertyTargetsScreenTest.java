package ca.scalloy.ui.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import javafx.application.Platform;
import javafx.scene.chart.LineChart;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
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

/** The property-targets table and the cost-against-strength chart of the Batch screen, headless, on real workers. */
@ExtendWith(ApplicationExtension.class)
class PropertyTargetsScreenTest {

    private static final Path YIELD_TARGET = Path.of("recipes/almgsc-powder-yield-target.json");

    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private BatchViewModel vm;

    @Start
    void start(Stage stage) {
        Messages en = Messages.forLocale(Locale.CANADA);
        vm = new BatchViewModel(en, new ChargeCalculator(new OjalgoSolver()), new FxBackgroundExecutor(),
                new FxBackgroundExecutor("test-models"), dialogs, TestShell.recipeFiles());
        TestShell.show(stage, en, vm, dialogs, Map.of(Screen.BATCH, () -> new BatchView(vm, en).build()));
    }

    private static void waitUntil(int seconds, Supplier<Boolean> condition) throws TimeoutException {
        // Asked on the FX thread: a condition that looks up cells must not walk the scene while it changes
        // (CI once saw Parent.lookupAll run past a child list being replaced).
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition::get).get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static Optional<TableCell<?, ?>> cell(FxRobot robot, String columnId, String text) {
        return robot.lookup("#propertyTargetsTable .table-cell").queryAllAs(TableCell.class).stream()
                .filter(c -> c.getTableColumn() != null && columnId.equals(c.getTableColumn().getId()) && text.equals(c.getText()))
                .<TableCell<?, ?>>map(c -> c).findFirst();
    }

    /** Brings the tabs below the charge into view, as a user does to read them (they have a pane of their own now). */
    private static void scrollToTheDetails(FxRobot robot) {
        robot.interact(() -> {
            javafx.scene.Node n = robot.lookup("#batchDetails").query().getParent();
            while (n != null && !(n instanceof javafx.scene.control.ScrollPane)) {
                n = n.getParent();
            }
            if (n != null) {
                ((javafx.scene.control.ScrollPane) n).setVvalue(1);
            }
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void theYieldTargetExampleShowsItsRowMetAt420MpaAndItsCostCurve(FxRobot robot) throws TimeoutException {
        dialogs.fileToOpen = YIELD_TARGET;
        robot.clickOn("File").clickOn("Open…");
        robot.clickOn("Property targets");
        waitUntil(30, () -> cell(robot, "met", "Met").isPresent());

        TableCell<?, ?> met = cell(robot, "met", "Met").orElseThrow();
        assertTrue(met.getStyleClass().contains("status-pass"), met.getStyleClass().toString());
        assertTrue(cell(robot, "reached", "420 MPa").isPresent(), "the value reached, in its unit");
        @SuppressWarnings("unchecked")
        List<ComboBox<String>> choices = robot.lookup("#propertyTargetsTable .combo-box").queryAllAs(ComboBox.class).stream()
                .map(c -> (ComboBox<String>) c).toList();
        assertTrue(choices.stream().anyMatch(c -> "Yield strength (MPa)".equals(c.getConverter().toString(c.getValue()))));
        assertTrue(choices.stream().anyMatch(c -> "RAPID".equals(c.getValue())));
        scrollToTheDetails(robot);
        TestShell.snapshot(robot, met.getScene().getWindow(), "batch-property-targets");

        // The chart is swept only once its tab is shown; each level is a property-targeted charge.
        assertTrue(vm.strengthCost().levels().isEmpty());
        robot.clickOn("Cost against strength");
        waitUntil(120, () -> !vm.strengthCost().levels().isEmpty() && !vm.strengthCost().staleProperty().get());
        @SuppressWarnings("unchecked")
        LineChart<Number, Number> chart = robot.lookup("#strengthChart").queryAs(LineChart.class);
        assertEquals(vm.strengthCost().levels().size(), chart.getData().get(0).getData().size());
        assertEquals(1, chart.getData().get(1).getData().size(), "the charge on its curve");
        assertEquals(420.0, chart.getData().get(1).getData().get(0).getXValue().doubleValue(), 0.0);
        assertEquals(vm.totalsProperty().get().cost(), chart.getData().get(1).getData().get(0).getYValue().doubleValue(), 1e-9);
        Label out = robot.lookup("#strengthOutOfReach").queryAs(Label.class);
        assertTrue(out.isVisible() && out.getText().startsWith("No charge of these materials and limits reaches "), out.getText());
        scrollToTheDetails(robot);
        TestShell.snapshot(robot, met.getScene().getWindow(), "batch-strength-cost");

        // Asking what no charge reaches: the row says so in words and colour, and the diagnosis is its tip.
        robot.clickOn("Property targets");
        robot.interact(() -> vm.form().propertyTargets().get(0).text(PropertyTargetField.MIN_VALUE).set("900"));
        waitUntil(60, () -> cell(robot, "met", "Not met").isPresent());
        TableCell<?, ?> notMet = cell(robot, "met", "Not met").orElseThrow();
        assertTrue(notMet.getStyleClass().contains("status-fail"));
        assertTrue(notMet.getTooltip().getText().startsWith("Yield strength min 900 MPa after Rapid solidification (laser powder bed),"
                + " aged 325:4 (°C:h) cannot be met"),
                notMet.getTooltip().getText());
        assertFalse(Platform.isFxApplicationThread());
    }
}
