package ca.scalloy.ui.heats;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
}
