package ca.scalloy.ui.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import javafx.scene.chart.BarChart;
import javafx.scene.chart.LineChart;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import ca.scalloy.engine.charge.ChargeCalculator;
import ca.scalloy.solver.OjalgoSolver;
import ca.scalloy.ui.common.BackgroundExecutor;
import ca.scalloy.ui.common.FxBackgroundExecutor;
import ca.scalloy.ui.common.Messages;
import ca.scalloy.ui.common.Screen;
import ca.scalloy.ui.common.ScriptedDialogs;
import ca.scalloy.ui.common.TestShell;

/** The Batch screen's probability of passing, sensitivity and front panels (issue 14), headless, on real workers. */
@ExtendWith(ApplicationExtension.class)
class BatchInsightsScreenTest {

    private static final Path ROBUST = Path.of("recipes/alsc2-oxide-route-robust.json");

    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    /** Holds the analyses (not the charges) until the test lets them go. */
    private final CountDownLatch release = new CountDownLatch(1);
    private BatchViewModel vm;

    @Start
    void start(Stage stage) {
        Messages en = Messages.forLocale(Locale.CANADA);
        FxBackgroundExecutor models = new FxBackgroundExecutor("test-models");
        BackgroundExecutor heldModels = new BackgroundExecutor() {
            @Override
            public <T> void run(java.util.concurrent.Callable<T> work, java.util.function.Consumer<T> onDone,
                                java.util.function.Consumer<Throwable> onError) {
                models.run(() -> {
                    if (!release.await(20, TimeUnit.SECONDS)) {
                        throw new IllegalStateException("the test never released the analysis");
                    }
                    return work.call();
                }, onDone, onError);
            }

            @Override
            public void onUiThread(Runnable action) {
                models.onUiThread(action);
            }
        };
        vm = new BatchViewModel(en, new ChargeCalculator(new OjalgoSolver()), new FxBackgroundExecutor(), heldModels, dialogs,
                TestShell.recipeFiles());
        TestShell.show(stage, en, vm, dialogs, Map.of(Screen.BATCH, () -> new BatchView(vm, en).build()));
    }

    private static void waitUntil(Supplier<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> condition.get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void theChargeIsShownWhileItsAnalysisRunsThenThePanelsFill(FxRobot robot) throws TimeoutException {
        dialogs.fileToOpen = ROBUST;
        robot.clickOn("File").clickOn("Open…");
        waitUntil(() -> !vm.chargeRows().isEmpty());
        // The analysis is held: the charge is already on screen while it waits.
        Label pass = robot.lookup("#passProbability").queryAs(Label.class);
        assertEquals("", pass.getText());
        assertTrue(vm.insights().staleProperty().get());
        release.countDown();
        waitUntil(() -> pass.getText().startsWith("First sample passes: "));

        assertTrue(robot.lookup("#spreadsSource").queryAs(Label.class).getText().startsWith("Spreads as the materials state them."));
        assertTrue(robot.lookup("#spreadsSource").queryAs(Label.class).getText().contains("Charged to meet each limit 95.0 % of the time"));
        BarChart<?, ?> rates = robot.lookup("#passChart").queryAs(BarChart.class);
        assertEquals(3, rates.getData().get(0).getData().size(), "Sc, Fe and Si");
        LineChart<?, ?> front = robot.lookup("#frontChart").queryAs(LineChart.class);
        assertEquals(2, front.getData().size());
        assertEquals(1, front.getData().get(1).getData().size(), "the charge on its front");
        ListView<?> limits = robot.lookup("#sensitivityLimits").queryAs(ListView.class);
        assertTrue(limits.getItems().stream().anyMatch(l -> l.toString().startsWith("Sc min 1.80\u00a0%")), limits.getItems().toString());
        robot.clickOn("Probability of passing and what the limits cost");
        TestShell.snapshot(robot, pass.getScene().getWindow(), "batch-certainty");

    }

    /** The 5028-type example states no spread: it is judged with the reference spreads, and its front has ten points. */
    @Test
    void aLeastCostChargeSitsAtTheCheapEndOfItsFrontOnScreen(FxRobot robot) throws TimeoutException {
        release.countDown();
        dialogs.fileToOpen = Path.of("recipes/almgsc-5028-sensitivity.json");
        robot.clickOn("File").clickOn("Open…");
        Label pass = robot.lookup("#passProbability").queryAs(Label.class);
        // The blank recipe's analysis may land first: wait for the six limited elements of this one.
        waitUntil(() -> vm.insights().elementRates().size() == 6 && !vm.insights().staleProperty().get());
        assertTrue(robot.lookup("#spreadsSource").queryAs(Label.class).getText().contains("reference data"));
        @SuppressWarnings("unchecked")
        LineChart<Number, Number> front = robot.lookup("#frontChart").queryAs(LineChart.class);
        assertEquals(ChargeInsightsViewModel.FRONT_POINTS, front.getData().get(0).getData().size());
        assertEquals(front.getData().get(0).getData().get(ChargeInsightsViewModel.FRONT_POINTS - 1).getYValue().doubleValue(),
                front.getData().get(1).getData().get(0).getYValue().doubleValue(), 0.01, "the charge at the cheap end");
        robot.clickOn("Probability of passing and what the limits cost");
        TestShell.snapshot(robot, pass.getScene().getWindow(), "batch-sensitivity");
    }
}
