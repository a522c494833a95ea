package ca.scalloy.ui.recipes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javafx.scene.control.TableCell;
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
import ca.scalloy.solver.OjalgoSolver;
import ca.scalloy.store.Database;
import ca.scalloy.ui.batch.BatchLibraryTest;
import ca.scalloy.ui.batch.BatchViewModel;
import ca.scalloy.ui.common.FxBackgroundExecutor;
import ca.scalloy.ui.common.LibraryStore;
import ca.scalloy.ui.common.Messages;
import ca.scalloy.ui.common.Screen;
import ca.scalloy.ui.common.ScriptedDialogs;
import ca.scalloy.ui.common.TestShell;

/** The Recipes screen, headless and in French, over an in-memory database holding the oxide-route recipe. */
@ExtendWith(ApplicationExtension.class)
class RecipesScreenTest {

    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private final Database db = Database.inMemory(Clock.systemUTC());

    @Start
    void start(Stage stage) {
        Messages fr = Messages.forLocale(Locale.CANADA_FRENCH);
        db.recipes().save(BatchLibraryTest.oxideRoute(), "first");
        FxBackgroundExecutor executor = new FxBackgroundExecutor();
        BatchViewModel batch = new BatchViewModel(fr, new ChargeCalculator(new OjalgoSolver()), executor, dialogs, TestShell.recipeFiles());
        batch.openFile(Path.of("recipes/alsc2-oxide-route.json"));
        RecipesViewModel recipes = new RecipesViewModel(fr, LibraryStore.of(db, fr, new FxBackgroundExecutor(), dialogs), dialogs,
                (recipe, label, version) -> { });
        TestShell.show(stage, fr, batch, dialogs, Map.of(Screen.RECIPES, () -> new RecipesView(recipes, fr).build()));
    }

    @AfterEach
    void close() {
        db.close();
    }

    /**
     * At 1280 px the list of recipes shows its four columns with no sideways scroll, and the moment a version was saved
     * ("2026-12-04 14 h 04") is never cut (it was cut to "2026-12-04 14" past the list's right edge); a name that gives
     * way is whole in its tooltip. The chosen recipe's versions show every header whole.
     */
    @Test
    void theRecipesListFitsAt1280WithTheSavedMomentWhole(FxRobot robot) throws TimeoutException {
        robot.clickOn("#nav-RECIPES");
        TableView<?> list = robot.lookup("#recipesTable").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !list.getItems().isEmpty());
        robot.interact(() -> list.getScene().getWindow().setWidth(1280));
        WaitForAsyncUtils.waitForFxEvents();

        assertFalse(TestShell.scrollsSideways(list), "the recipes list scrolls sideways at 1280 px");
        TableCell<?, ?> saved = robot.lookup("#recipesTable .table-cell").match(
                (TableCell<?, ?> c) -> c.getTableColumn() == list.getColumns().get(3) && c.getItem() != null).query();
        assertEquals(saved.getText(), TestShell.shownText(saved), "the saved moment is cut");
        TableCell<?, ?> name = robot.lookup("#recipesTable .table-cell").match(
                (TableCell<?, ?> c) -> c.getTableColumn() == list.getColumns().get(0) && c.getItem() != null).query();
        assertEquals(name.getItem(), name.getTooltip().getText());

        // the chosen recipe's versions: every header whole ("Changements" was cut at 80 px beside a roomy note)
        robot.clickOn(name);
        TableView<?> versions = robot.lookup("#recipeVersions").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !versions.getItems().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        for (javafx.scene.Node header : versions.lookupAll(".column-header .label")) {
            javafx.scene.control.Label label = (javafx.scene.control.Label) header;
            assertEquals(label.getText(), TestShell.shownText(label), "a header of the versions is cut");
        }
    }
}
