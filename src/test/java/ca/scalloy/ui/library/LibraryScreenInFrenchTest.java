package ca.scalloy.ui.library;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
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
import ca.scalloy.ui.batch.BatchViewModel;
import ca.scalloy.ui.common.FxBackgroundExecutor;
import ca.scalloy.ui.common.LibraryStore;
import ca.scalloy.ui.common.Messages;
import ca.scalloy.ui.common.Screen;
import ca.scalloy.ui.common.ScriptedDialogs;
import ca.scalloy.ui.common.TestShell;

/** The Library screen, headless and in French (the longer headers), over an in-memory database with its seed materials. */
@ExtendWith(ApplicationExtension.class)
class LibraryScreenInFrenchTest {

    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private final Database db = Database.inMemory(Clock.systemUTC());

    @Start
    void start(Stage stage) {
        Messages fr = Messages.forLocale(Locale.CANADA_FRENCH);
        BatchViewModel batch = new BatchViewModel(fr, new ChargeCalculator(new OjalgoSolver()), new FxBackgroundExecutor(), dialogs,
                TestShell.recipeFiles());
        batch.openFile(Path.of("recipes/alsc2-oxide-route.json"));
        LibraryViewModel library = new LibraryViewModel(fr, LibraryStore.of(db, fr, new FxBackgroundExecutor(), dialogs), dialogs);
        TestShell.show(stage, fr, batch, dialogs, Map.of(Screen.LIBRARY, () -> new LibraryView(library, fr).build()));
    }

    @AfterEach
    void close() {
        db.close();
    }

    /**
     * At 1280 px every header of the materials list and every material's code are whole: "Analyse (% mass.) / formule"
     * was cut to "Analyse (% mass.) / for..." while the code, price and "Retirée" columns had room to spare.
     */
    @Test
    void everyHeaderOfTheMaterialsListIsWholeAt1280(FxRobot robot) throws TimeoutException {
        robot.clickOn("#nav-LIBRARY");
        TableView<?> list = robot.lookup("#libraryTable").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !list.getItems().isEmpty());
        robot.interact(() -> list.getScene().getWindow().setWidth(1280));
        WaitForAsyncUtils.waitForFxEvents();

        assertFalse(TestShell.scrollsSideways(list), "the materials list scrolls sideways at 1280 px");
        for (TableColumn<?, ?> c : list.getColumns()) {
            Label header = (Label) c.getGraphic();
            assertEquals(header.getText(), TestShell.shownText(header), "a header is cut");
        }
        for (Object cell : robot.lookup("#libraryTable .table-cell").queryAll()) {
            javafx.scene.control.TableCell<?, ?> t = (javafx.scene.control.TableCell<?, ?>) cell;
            if (t.getTableColumn() == list.getColumns().get(0) && t.getText() != null && !t.getText().isEmpty()) {
                assertEquals(t.getText(), TestShell.shownText(t), "a material's code is cut");
            }
        }
    }
}
