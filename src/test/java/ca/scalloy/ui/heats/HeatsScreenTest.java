package ca.scalloy.ui.heats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import javafx.scene.control.TableView;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import ca.scalloy.engine.charge.ChargeCalculator;
import ca.scalloy.engine.heat.HeatStatus;
import ca.scalloy.engine.library.AuditEntry;
import ca.scalloy.solver.OjalgoSolver;
import ca.scalloy.store.Database;
import ca.scalloy.ui.batch.BatchLibrary;
import ca.scalloy.ui.batch.BatchView;
import ca.scalloy.ui.batch.BatchViewModel;
import ca.scalloy.ui.common.FxBackgroundExecutor;
import ca.scalloy.ui.common.LibraryStore;
import ca.scalloy.ui.common.Messages;
import ca.scalloy.ui.common.Screen;
import ca.scalloy.ui.common.ScriptedDialogs;
import ca.scalloy.ui.documents.Printing;
import ca.scalloy.ui.common.TestShell;

/** The Heats screen, headless, over an in-memory database: the path from a recipe to the heat's history. */
@ExtendWith(ApplicationExtension.class)
class HeatsScreenTest {

    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private final Database db = Database.inMemory(Clock.systemUTC());
    private HeatsViewModel heats;

    @Start
    void start(Stage stage) {
        Messages en = Messages.forLocale(Locale.CANADA);
        FxBackgroundExecutor executor = new FxBackgroundExecutor();
        BatchViewModel batch = new BatchViewModel(en, new ChargeCalculator(new OjalgoSolver()), executor, dialogs, TestShell.recipeFiles());
        batch.openFile(Path.of("recipes/alsc2-oxide-route.json"));
        LibraryStore store = LibraryStore.of(db, en, new FxBackgroundExecutor(), dialogs);
        heats = new HeatsViewModel(en, store, dialogs, new ChargeCalculator(new OjalgoSolver()), batch::currentRecipe,
                (job, pages) -> Printing.Outcome.PRINTED, preview -> { });
        BatchLibrary batchLibrary = new BatchLibrary(en, store, batch, new ChargeCalculator(new OjalgoSolver()), executor, dialogs);
        TestShell.show(stage, en, batch, dialogs, Map.of(Screen.BATCH, () -> new BatchView(batch, en, batchLibrary).build(),
                Screen.HEATS, () -> new HeatsView(heats, en).build()));
    }

    @AfterEach
    void close() {
        db.close();
    }

    private static void waitUntil(Supplier<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, condition::get);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The specification chosen for the next heat stays chosen when the screen's lists are refreshed (after any move). */
    @Test
    void theSpecificationChosenForTheNextHeatStaysWhenTheListsAreRefreshed(FxRobot robot) throws TimeoutException {
        robot.clickOn("#nav-HEATS");
        waitUntil(() -> "AlSc2".equals(heats.newSpecProperty().get()));
        @SuppressWarnings("unchecked")
        javafx.scene.control.ComboBox<String> spec = robot.lookup("#heatsNewSpec").queryAs(javafx.scene.control.ComboBox.class);
        robot.interact(() -> spec.setValue("AlSc1"));
        robot.interact(heats::refresh);
        TableView<?> list = robot.lookup("#heatsTable").queryAs(TableView.class);
        waitUntil(() -> list.getItems().isEmpty() && spec.getItems().contains("AlSc1"));
        WaitForAsyncUtils.sleep(500, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("AlSc1", heats.newSpecProperty().get());
        assertEquals("AlSc1", spec.getValue());
    }

    @Test
    void heatFromARecipeWithAFailingSampleIsCorrectedAndItsHistoryShown(FxRobot robot) throws TimeoutException {
        robot.clickOn("#nav-HEATS");
        waitUntil(() -> "AlSc2".equals(heats.newSpecProperty().get()));
        robot.clickOn("#heatsNewFurnace").write("F2");
        robot.clickOn("#heatsNew");
        TableView<?> list = robot.lookup("#heatsTable").queryAs(TableView.class);
        waitUntil(() -> list.getItems().size() == 1 && heats.page().recordProperty().get() != null);
        assertEquals(1, dialogs.confirmations.size(), "the Batch recipe is saved to the library first");

        robot.clickOn("#heatMove-CHARGED");
        waitUntil(() -> heats.page().nextMoves().contains(HeatStatus.SAMPLED));
        robot.clickOn("#tabSamples");
        robot.clickOn("#heatSampleAnalysis").write("Sc=1.70, Fe=0.11");
        robot.clickOn("#heatAddSample");

        TableView<?> additions = robot.lookup("#correctionAdditions").queryAs(TableView.class);
        waitUntil(() -> heats.page().correction().canAcceptProperty().get() && !additions.getItems().isEmpty());
        assertTrue(robot.lookup("#correctionPanel").query().isVisible());
        TestShell.snapshot(robot, list.getScene().getWindow(), "heats-correction");
        assertTrue(robot.lookup(".verdict-FAIL").tryQuery().isPresent());
        robot.clickOn("#correctionAccept");
        waitUntil(() -> "Corrected".equals(robot.lookup("#heatStatus").queryLabeled().getText()));

        robot.clickOn("#tabHistory");
        TableView<?> history = robot.lookup("#heatHistory").queryAs(TableView.class);
        waitUntil(() -> history.getItems().stream().anyMatch(e -> ((AuditEntry) e).change().equals("correction")));
        assertTrue(history.getItems().stream().anyMatch(e -> ((AuditEntry) e).change().equals("sample")));
    }

    /*
     * A hand sample of Sc/Fe/Si against AlSc2 (which also limits Cu, Zn, Ti, Ca, Na): the sample reads "Incomplete" and each
     * unmeasured element "not reported", both in the INCOMPLETE colour, and no "0.00" stands for an element not measured.
     * With -Dscalloy.snapshot=FILE the screen is written as PNG, to look at.
     */
    @Test
    void aSampleWithUnmeasuredElementsShowsNotReportedAndIncompleteInWordsAndColour(FxRobot robot) throws Exception {
        sampledHeat(robot, "Sc=1.97, Fe=0.11, Si=0.05");
        TableView<?> checks = robot.lookup("#heatChecks").queryAs(TableView.class);
        waitUntil(() -> checks.getItems().size() >= 8);

        assertEquals("Incomplete", heats.page().samples().get(0).verdictText());
        int unmeasured = 0;
        for (Object o : checks.getItems()) {
            HeatPageViewModel.CheckRow row = (HeatPageViewModel.CheckRow) o;
            // Cu, Zn, Ti, Ca, Na, and the others (no element outside the list was measured)
            if (!java.util.List.of("Sc", "Fe", "Si").contains(row.element())) {
                assertEquals("not reported", row.valuePct(), row.element());
                assertEquals("Not reported", row.statusText(), row.element());
                unmeasured++;
            }
        }
        assertEquals(7, unmeasured);
        assertTrue(robot.lookup(".verdict-INCOMPLETE").tryQuery().isPresent(), "the sample's verdict cell");
        // The table shows as many rows as its height allows: one coloured status cell per unmeasured row shown.
        long shownUnmeasured = robot.lookup("#heatChecks .table-row-cell").queryAll().stream()
                .map(n -> ((javafx.scene.control.TableRow<?>) n).getItem())
                .filter(i -> i != null && "Not reported".equals(((HeatPageViewModel.CheckRow) i).statusText())).count();
        assertTrue(shownUnmeasured >= 5, "shown " + shownUnmeasured);
        assertEquals(shownUnmeasured, robot.lookup("#heatChecks .verdict-NOT_REPORTED").queryAll().size(),
                "one status cell per unmeasured element");
        assertTrue(robot.lookup("#heatChecks .table-cell").queryAll().stream().map(n -> ((javafx.scene.control.Labeled) n).getText())
                .anyMatch("not reported"::equals), "the value cell says it in words");

        String snapshot = System.getProperty("scalloy.snapshot");
        if (snapshot != null) {
            java.util.concurrent.atomic.AtomicReference<javafx.scene.image.WritableImage> shot = new java.util.concurrent.atomic.AtomicReference<>();
            robot.interact(() -> shot.set(checks.getScene().snapshot(null)));
            javax.imageio.ImageIO.write(javafx.embed.swing.SwingFXUtils.fromFXImage(shot.get(), null), "png", new java.io.File(snapshot));
        }
    }

    /**
     * The heats list in a 1280 px window: all its columns with no sideways scroll, and the heat's number, its status,
     * its last sample's verdict and its day never cut with an ellipsis (before, "H-2026-..." at any width below about
     * 1600 px); the grade, the specification and the recipe give way instead, whole in their tooltips. The sample's
     * checks beside it show their five columns whole, with no sideways scroll; the heat's tabs fit without their overflow
     * menu, and the samples' number and verdict are whole.
     */
    @Test
    void theHeatsListNeverCutsAHeatNumberStatusVerdictOrDay(FxRobot robot) throws TimeoutException {
        sampledHeat(robot, "Sc=1.70, Fe=0.11, Si=0.05");
        TableView<?> list = robot.lookup("#heatsTable").queryAs(TableView.class);
        // Sc 1.70 % is below AlSc2's 1.80 %: the list's last sample reads Fail
        waitUntil(() -> robot.lookup("#heatsTable .verdict-FAIL").tryQuery().isPresent());

        // 1280 px wide, the narrowest window the screens are made for (the test's 1200 leaves the list narrower than
        // its columns' minimums together: it then scrolls sideways and cuts nothing)
        robot.interact(() -> list.getScene().getWindow().setWidth(1280));
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(TestShell.scrollsSideways(list), "the list scrolls sideways at 1280 px");
        for (int column : new int[] {0, 1, 3, 6}) {
            javafx.scene.control.TableColumn<?, ?> c = list.getColumns().get(column);
            javafx.scene.control.TableCell<?, ?> cell = robot.lookup("#heatsTable .table-cell").match(
                    (javafx.scene.control.TableCell<?, ?> t) -> t.getTableColumn() == c && t.getText() != null && !t.getText().isEmpty())
                    .query();
            assertEquals(cell.getText(), TestShell.shownText(cell), "column " + column + " (" + c.getText() + ") cuts its text");
        }
        TableView<?> checks = robot.lookup("#heatChecks").queryAs(TableView.class);
        // the checks as wide as the workbench's heat pane leaves them at 1280 x 800 (about 490 px; this test's shell
        // gives the pane more)
        robot.interact(() -> checks.setMaxWidth(490));
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(TestShell.scrollsSideways(checks), "the sample's checks scroll sideways at 1280 px");
        for (Object cell : robot.lookup("#heatChecks .table-cell").queryAll()) {
            javafx.scene.control.TableCell<?, ?> t = (javafx.scene.control.TableCell<?, ?>) cell;
            if (t.getText() != null && !t.getText().isEmpty()) {
                assertEquals(t.getText(), TestShell.shownText(t), "a check's cell cuts its text");
            }
        }
        // the heat's pane as wide as the workbench leaves it at 1280 x 800: its six tabs without the overflow menu, the
        // samples with no sideways scroll and their number and verdict whole
        javafx.scene.control.TabPane tabs = robot.lookup("#heatTabs").queryAs(javafx.scene.control.TabPane.class);
        TableView<?> samples = robot.lookup("#heatSamples").queryAs(TableView.class);
        robot.interact(() -> {
            tabs.setMaxWidth(493);
            samples.setMaxWidth(490);
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(tabs.lookup(".control-buttons-tab").isVisible(), "the heat's tabs overflow into a menu");
        assertFalse(TestShell.scrollsSideways(samples), "the samples scroll sideways");
        for (Object cell : robot.lookup("#heatSamples .table-cell").queryAll()) {
            javafx.scene.control.TableCell<?, ?> t = (javafx.scene.control.TableCell<?, ?>) cell;
            int column = samples.getColumns().indexOf(t.getTableColumn());
            if (column <= 1 && t.getText() != null && !t.getText().isEmpty()) {
                assertEquals(t.getText(), TestShell.shownText(t), "a sample's number or verdict is cut");
            }
        }
        javafx.scene.control.TableCell<?, ?> recipe = robot.lookup("#heatsTable .table-cell").match(
                (javafx.scene.control.TableCell<?, ?> t) -> t.getTableColumn() == list.getColumns().get(5) && t.getItem() != null).query();
        assertEquals(recipe.getItem(), recipe.getTooltip().getText());
    }

    /** A refused hand analysis is marked on its field, with why as its tooltip, until it is edited. */
    @Test
    void aRefusedAnalysisIsMarkedOnItsFieldUntilEdited(FxRobot robot) throws TimeoutException {
        sampledHeat(robot, "Sc=abc, Fe=0.11");
        javafx.scene.control.TextField field = robot.lookup("#heatSampleAnalysis").queryAs(javafx.scene.control.TextField.class);
        waitUntil(() -> field.getStyleClass().contains("invalid"));
        assertTrue(field.getTooltip().getText().contains("abc"), field.getTooltip().getText());
        assertTrue(heats.page().samples().isEmpty(), "nothing stored");

        robot.clickOn(field).eraseText(field.getText().length()).write("Sc=1.97, Fe=0.11");
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(field.getStyleClass().contains("invalid"), "an edited analysis is no longer marked");
        assertEquals(null, field.getTooltip());
    }

    /**
     * A view built while its view model already shows a heat (the newest, chosen as the list was first read before
     * the screen was opened; or any, after a language switch builds every screen again) opens that heat where it
     * stands: its samples once it has some. It opened on the charge: only a change of heat chose the tab.
     */
    @Test
    void aViewBuiltOverAShownHeatWithSamplesOpensOnItsSamples(FxRobot robot) throws Exception {
        sampledHeat(robot, "Sc=1.97, Fe=0.11");
        waitUntil(() -> !heats.page().samples().isEmpty() && heats.page().recordProperty().get().samples().size() == 1);
        javafx.scene.Parent again = WaitForAsyncUtils.asyncFx(() -> {
            javafx.scene.Parent root = new HeatsView(heats, Messages.forLocale(Locale.CANADA)).build();
            new javafx.scene.Scene(root, 1280, 800);
            root.applyCss(); // the split pane holds its sides once skinned
            return root;
        }).get(10, TimeUnit.SECONDS);
        javafx.scene.control.TabPane tabs = (javafx.scene.control.TabPane) again.lookup("#heatTabs");
        assertEquals("tabSamples", tabs.getSelectionModel().getSelectedItem().getId());
        robot.interact(() -> ca.scalloy.ui.common.ViewLifetime.endOf(again)); // its listeners off the view model
    }

    /** A new heat from the Batch recipe against AlSc2, charged, with one hand sample of {@code analysis}. */
    private void sampledHeat(FxRobot robot, String analysis) throws TimeoutException {
        robot.clickOn("#nav-HEATS");
        waitUntil(() -> "AlSc2".equals(heats.newSpecProperty().get()));
        robot.clickOn("#heatsNew");
        waitUntil(() -> heats.page().recordProperty().get() != null);
        robot.clickOn("#heatMove-CHARGED");
        waitUntil(() -> heats.page().nextMoves().contains(HeatStatus.SAMPLED));
        robot.clickOn("#tabSamples");
        robot.clickOn("#heatSampleAnalysis").write(analysis);
        robot.clickOn("#heatAddSample");
    }
}
