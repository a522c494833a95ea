package ca.scalloy.ui.documents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import ca.scalloy.engine.charge.ChargeCalculator;
import ca.scalloy.solver.OjalgoSolver;
import ca.scalloy.ui.batch.BatchView;
import ca.scalloy.ui.batch.BatchViewModel;
import ca.scalloy.ui.common.FxBackgroundExecutor;
import ca.scalloy.ui.common.LibraryStore;
import ca.scalloy.ui.common.MainShell;
import ca.scalloy.ui.common.Messages;
import ca.scalloy.ui.common.Screen;
import ca.scalloy.ui.common.ScriptedDialogs;
import ca.scalloy.ui.common.TestShell;

/** File › Batch sheet… opens the preview window of the Batch screen's recipe, headless. */
@ExtendWith(ApplicationExtension.class)
class DocumentPreviewScreenTest {

    private final ScriptedDialogs dialogs = new ScriptedDialogs();

    @Start
    void start(Stage stage) {
        Messages en = Messages.forLocale(Locale.CANADA);
        FxBackgroundExecutor executor = new FxBackgroundExecutor();
        BatchViewModel batch = new BatchViewModel(en, new ChargeCalculator(new OjalgoSolver()), executor, dialogs,
                TestShell.recipeFiles());
        batch.openFile(Path.of("recipes/alsc2-oxide-route.json"));
        DocumentsViewModel documents = new DocumentsViewModel(en, batch::currentRecipe, new ChargeCalculator(new OjalgoSolver()),
                new LibraryStore(en, executor, dialogs, java.time.Clock.systemUTC()), executor, dialogs,
                (job, pages) -> Printing.Outcome.NO_PRINTER, preview -> DocumentPreviewView.show(stage, preview), file -> true);
        MainShell shell = new MainShell(en, batch, new MainShell.Actions() {
            @Override
            public void quit() {
                stage.close();
            }

            @Override
            public void switchLanguage(Locale locale) {
                // Not part of this test.
            }

            @Override
            public void about() {
                // Not part of this test.
            }
        }, TestShell.everyScreen(Map.of(Screen.BATCH, () -> new BatchView(batch, en).build()))).withDocuments(new MainShell.DocumentActions() {
            @Override
            public void batchSheet() {
                documents.batchSheet();
            }

            @Override
            public void importRecipes() {
                documents.importRecipes();
            }

            @Override
            public void exportChargeCsv() {
                documents.exportChargeCsv();
            }

            @Override
            public void settings() {
                // The Settings dialog is tested through its view model.
            }

            @Override
            public void filesDropped(List<Path> paths) {
                documents.dropped(paths);
            }
        });
        stage.setScene(new Scene(shell.build(), 1000, 700));
        stage.show();
    }

    @Test
    void theBatchSheetMenuShowsThePagesOfTheSheet(FxRobot robot) throws TimeoutException {
        robot.clickOn("File").clickOn("Batch sheet…");

        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                () -> robot.lookup("#previewPage").tryQueryAs(ImageView.class).map(v -> v.getImage() != null).orElse(false));
        WaitForAsyncUtils.waitForFxEvents();

        ImageView page = robot.lookup("#previewPage").queryAs(ImageView.class);
        assertTrue(page.getImage().getHeight() > page.getImage().getWidth(), "a portrait page");
        assertEquals("Page 1 of 2", robot.lookup("#previewPageLabel").queryAs(Label.class).getText());
        robot.clickOn("#previewNext");
        assertEquals("Page 2 of 2", robot.lookup("#previewPageLabel").queryAs(Label.class).getText());
        assertEquals(List.of(), dialogs.errors);
    }
}
