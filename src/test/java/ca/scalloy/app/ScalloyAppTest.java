package ca.scalloy.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The composition root: the real window, its title and icons, and the language switch at run time. */
class ScalloyAppTest extends FxRobot {

    @TempDir
    Path databaseFolder;
    private Stage stage;
    private javafx.application.Application app;

    @BeforeEach
    void launch() throws TimeoutException {
        System.setProperty("scalloy.language", "en");
        System.setProperty("scalloy.open", "recipes/alsc2-oxide-route.json");
        System.setProperty(ScalloyApp.DB_PROPERTY, databaseFolder.resolve("scalloy").toString());
        stage = FxToolkit.registerPrimaryStage();
        app = FxToolkit.setupApplication(ScalloyApp.class);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterEach
    void close() throws TimeoutException {
        System.clearProperty("scalloy.language");
        System.clearProperty("scalloy.open");
        System.clearProperty(ScalloyApp.DB_PROPERTY);
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
    }

    @Test
    void windowShowsTheOpenedRecipeInTitleWithIcons() throws TimeoutException {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> !lookup("#chargeTable").queryAs(TableView.class).getItems().isEmpty());
        assertEquals("Scalloy — alsc2-oxide-route.json", stage.getTitle());
        assertEquals(5, stage.getIcons().size());
    }

    @Test
    void switchingToFrenchRelabelsTheWindowAndKeepsTheRecipe() {
        clickOn("View").clickOn("Language").clickOn("Français");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Coulées", lookup("#nav-HEATS").queryAs(ToggleButton.class).getText());
        assertTrue(lookup("Masse de la coulée (kg)").tryQuery().isPresent());
        assertEquals("alsc2-oxide-route.json", lookup(n -> n instanceof Label l && "alsc2-oxide-route.json".equals(l.getText()))
                .queryAs(Label.class).getText());

        clickOn("Affichage").clickOn("Langue").clickOn("English");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Heats", lookup("#nav-HEATS").queryAs(ToggleButton.class).getText());
    }

    @Test
    void statusBarNamesTheDatabaseItIsConnectedTo() throws TimeoutException {
        Path expected = databaseFolder.resolve("scalloy").toAbsolutePath().normalize();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                () -> ("Embedded database " + expected).equals(lookup("#databaseStatus").queryAs(Label.class).getText()));
        assertTrue(lookup("#databaseStatus").queryAs(Label.class).isVisible());
    }
}
