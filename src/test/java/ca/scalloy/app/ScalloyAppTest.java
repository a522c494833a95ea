package ca.scalloy.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.Clipboard;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.NodeQueryUtils;
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

    /**
     * A language switch builds every screen again over the same view models; the screens it drops are let go (before,
     * each stayed reachable from its view model's listeners and went on redrawing its charts). The whole English
     * window's content, with every screen shown before the switch, is collected after it. TestFX
     * keeps every event it fired, with its target, and the last window it aimed at (the language menu's popup): both
     * are let go first (heap dumps showed them as the only paths left to the old content once the listeners were gone).
     */
    @Test
    void aLanguageSwitchLetsTheScreensItReplacesGo() throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> !lookup("#chargeTable").queryAs(TableView.class).getItems().isEmpty());
        java.lang.ref.WeakReference<Node> content = new java.lang.ref.WeakReference<>(stage.getScene().getRoot());
        java.lang.ref.WeakReference<Node> batch = new java.lang.ref.WeakReference<>(lookup(".batch-screen").query());
        clickOn("#nav-HEATS");
        WaitForAsyncUtils.waitForFxEvents();
        java.lang.ref.WeakReference<Node> heats = new java.lang.ref.WeakReference<>(lookup("#heatsTable").query());
        clickOn("#nav-PROPERTIES");
        WaitForAsyncUtils.waitForFxEvents();
        java.lang.ref.WeakReference<Node> properties = new java.lang.ref.WeakReference<>(lookup(".properties-screen").query());
        java.util.List<java.lang.ref.WeakReference<Node>> others = new java.util.ArrayList<>();
        for (String[] screen : new String[][] {{"#nav-LIBRARY", "#libraryTable"}, {"#nav-LOTS", "#lotsTable"},
                {"#nav-SPECIFICATIONS", "#specsTable"}, {"#nav-RECIPES", "#recipesTable"}}) {
            clickOn(screen[0]);
            WaitForAsyncUtils.waitForFxEvents();
            others.add(new java.lang.ref.WeakReference<>(lookup(screen[1]).query()));
        }
        clickOn("#nav-BATCH");
        clickOn("View").clickOn("Language").clickOn("Français");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(lookup("Masse de la coulée (kg)").tryQuery().isPresent());

        // TestFX's robot also keeps the last window it aimed at: the language menu's popup, owned by the old menu bar
        targetWindow(stage);
        // (TestFX hands out only a read-only view of that record; its FiredEvents can clear it)
        java.lang.reflect.Field record = org.testfx.api.FxToolkitContext.class.getDeclaredField("firedEvents");
        record.setAccessible(true);
        ((org.testfx.service.support.FiredEvents) record.get(FxToolkit.toolkitContext())).clearEvents();
        for (int i = 0; i < 50 && (content.get() != null || batch.get() != null || heats.get() != null || properties.get() != null
                || others.stream().anyMatch(r -> r.get() != null)); i++) {
            System.gc();
            Thread.sleep(20);
            WaitForAsyncUtils.waitForFxEvents();
        }
        assertTrue(content.get() == null && batch.get() == null && heats.get() == null && properties.get() == null,
                "still reachable: the English content " + (content.get() != null) + ", Batch screen " + (batch.get() != null)
                        + ", Heats screen " + (heats.get() != null) + ", Properties screen " + (properties.get() != null));
        // Library, Lots, Specifications, Recipes
        assertEquals(java.util.List.of(false, false, false, false), others.stream().map(r -> r.get() != null).toList());
    }

    @Test
    void helpShowLogFolderSaysWhereTheLogIsAndOffersToOpenIt() {
        clickOn("Help").clickOn("Show log folder");
        WaitForAsyncUtils.waitForFxEvents();

        DialogPane pane = lookup("#logFolderDialog").queryAs(DialogPane.class);
        assertTrue(pane.getContentText().contains(Logs.folder().toAbsolutePath().toString()), pane.getContentText());
        assertTrue(lookup("Open log folder").tryQuery().isPresent());
        clickOn("Close");
    }

    @Test
    void anUncaughtErrorOnTheUiThreadIsLoggedAndShownWithAReportToCopyWithoutPasswords() throws TimeoutException {
        Platform.runLater(() -> {
            throw new IllegalStateException("cannot save jdbc:postgresql://db/scalloy?password=hunter2-ui");
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> lookup("#crashDialog").tryQuery().map(Node::isVisible).orElse(false)
                && lookup("#crashDialog").queryAs(DialogPane.class).getScene().getWindow().isShowing());
        DialogPane pane = lookup("#crashDialog").queryAs(DialogPane.class);
        assertEquals("Something went wrong (IllegalStateException)", pane.getHeaderText());

        // the button, once it is on screen (a dialog just shown may not be laid out yet on a busy machine)
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> lookup("Copy report").match(NodeQueryUtils.isVisible()).tryQuery().isPresent());
        clickOn("Copy report");
        WaitForAsyncUtils.waitForFxEvents();

        String report = WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                WaitForAsyncUtils.asyncFx(() -> Clipboard.getSystemClipboard().getString()));
        assertTrue(report.startsWith("Scalloy error report"), report);
        assertTrue(report.contains("java.lang.IllegalStateException: cannot save jdbc:postgresql://db/scalloy?password=***"), report);
        // the last log lines: the error itself was logged before the report was made
        assertTrue(report.contains("ERROR [JavaFX Application Thread] ca.scalloy.app.CrashHandler - uncaught exception"), report);
        assertFalse(report.contains("hunter2"), report);
        assertEquals("The report is on the clipboard.", pane.getHeaderText());
        clickOn("Close");
    }

    @Test
    void aScriptedExitClosesTheDialogsStillOpen() throws TimeoutException {
        Alert open = WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, WaitForAsyncUtils.asyncFx(() -> {
            Alert a = new Alert(Alert.AlertType.INFORMATION, "left open");
            a.initOwner(stage);
            a.show();
            return a;
        }));
        assertTrue(open.isShowing());

        interact(() -> ScalloyApp.closeWindowsOtherThan(stage));

        assertFalse(open.isShowing());
        assertTrue(stage.isShowing());
    }

    @Test
    void statusBarNamesTheDatabaseItIsConnectedTo() throws TimeoutException {
        Path expected = databaseFolder.resolve("scalloy").toAbsolutePath().normalize();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                () -> ("Embedded database " + expected).equals(lookup("#databaseStatus").queryAs(Label.class).getText()));
        assertTrue(lookup("#databaseStatus").queryAs(Label.class).isVisible());
    }
}
