package ca.scalloy.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javafx.scene.control.CheckBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableView;
import javafx.scene.image.ImageView;
import javafx.stage.Stage;
import javafx.stage.Window;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import ca.scalloy.io.SettingsFile;
import ca.scalloy.ui.common.TestShell;

/**
 * The real workbench in a fresh home folder: the welcome at the first start only, its example opening in the
 * Batch screen, Help › Welcome and Help › User guide. With {@code -Dscalloy.snapshots=DIR} it also writes the
 * welcome and the guide as PNGs there.
 */
class WelcomeAndGuideTest extends FxRobot {

    @TempDir
    Path home;
    private String realHome;
    private Stage stage;
    private javafx.application.Application app;

    @BeforeEach
    void freshHome() {
        realHome = System.getProperty("user.home");
        System.setProperty("user.home", home.toString());
        System.setProperty("scalloy.language", "en");
        System.setProperty(ScalloyApp.DB_PROPERTY, home.resolve("db/scalloy").toString());
    }

    @AfterEach
    void close() throws TimeoutException {
        stopApp();
        System.setProperty("user.home", realHome);
        System.clearProperty("scalloy.language");
        System.clearProperty(ScalloyApp.DB_PROPERTY);
    }

    private void startApp() throws TimeoutException {
        startApp("Embedded database");
    }

    /** Starts the workbench and waits until the status bar names the database with {@code databaseWords}. */
    private void startApp(String databaseWords) throws TimeoutException {
        stage = FxToolkit.registerPrimaryStage();
        app = FxToolkit.setupApplication(ScalloyApp.class);
        // the start is over once the database is open: the welcome, queued after the window, has shown by then
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS,
                () -> lookup("#databaseStatus").tryQuery().map(n -> ((Label) n).getText().startsWith(databaseWords)).orElse(false));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void stopApp() throws TimeoutException {
        if (app != null) {
            FxToolkit.cleanupApplication(app);
            FxToolkit.cleanupStages();
            app = null;
        }
    }

    private boolean welcomeShowing() {
        return lookup("#welcome").tryQuery().map(n -> n.getScene() != null && n.getScene().getWindow().isShowing()).orElse(false);
    }

    private String stored() throws IOException {
        return SettingsFile.read(home.resolve(".scalloy/settings.properties")).getProperty(ScalloyApp.WELCOME_AT_START);
    }

    @Test
    void theFirstStartWelcomesAndAnExampleOpensInTheBatchScreenTheSecondStartDoesNot() throws Exception {
        startApp();
        assertTrue(welcomeShowing(), "the first start shows the welcome");
        assertEquals("false", stored(), "and remembers that it did");
        assertFalse(lookup("#welcomeShowAtStart").queryAs(CheckBox.class).isSelected());
        TestShell.snapshot(this, lookup("#welcome").query().getScene().getWindow(), "welcome");

        clickOn("#welcomeExample-alsc2-oxide-route");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !lookup("#chargeTable").queryAs(TableView.class).getItems().isEmpty());
        assertFalse(welcomeShowing(), "the welcome closes once the example is open");
        assertEquals("Scalloy — alsc2-oxide-route.json (example)", stage.getTitle());
        assertTrue(lookup("#chargeTable").query().isVisible(), "the Batch screen is on show");

        stopApp();
        startApp();
        assertFalse(welcomeShowing(), "the second start goes straight to work");
        assertEquals("false", stored());
    }

    /** In French, the longest language, the welcome (720 px wide) shows every line whole: wrapped, never cut with "…". */
    @Test
    void inFrenchNoLineOfTheWelcomeIsCut() throws Exception {
        System.setProperty("scalloy.language", "fr");
        startApp("Base de données intégrée");
        assertTrue(welcomeShowing());
        java.util.Map<String, String> cut = new java.util.TreeMap<>();
        java.util.List<String> checked = new java.util.ArrayList<>();
        interact(() -> shownWhole(lookup("#welcome").queryAs(javafx.scene.Parent.class), checked, cut));
        // the intro, the examples' title, ten examples with their descriptions, the guide's link, the box…
        assertTrue(checked.size() > 20, "texts of the welcome looked at: " + checked);
        assertEquals(java.util.Map.of(), cut, "lines of the welcome cut (whole ← shown)");
    }

    /** Adds each text under {@code parent} to {@code checked}, and to {@code cut} when it is drawn shorter than it is. */
    private static void shownWhole(javafx.scene.Parent parent, java.util.List<String> checked, java.util.Map<String, String> cut) {
        for (javafx.scene.Node n : parent.getChildrenUnmodifiable()) {
            if (n instanceof javafx.scene.control.Labeled l && l.getText() != null && !l.getText().isEmpty()) {
                String whole = l.isMnemonicParsing() ? l.getText().replaceFirst("_", "") : l.getText();
                checked.add(whole);
                l.getChildrenUnmodifiable().stream().filter(javafx.scene.text.Text.class::isInstance)
                        .map(t -> ((javafx.scene.text.Text) t).getText()).filter(shown -> !shown.equals(whole)).findFirst()
                        .ifPresent(shown -> cut.put(whole, shown));
            }
            if (n instanceof javafx.scene.Parent p) {
                shownWhole(p, checked, cut);
            }
        }
    }

    @Test
    void helpWelcomeShowsItAgainAndItsBoxKeepsItAtEveryStart() throws Exception {
        startApp();
        clickOn("Close");
        assertFalse(welcomeShowing());

        clickOn("Help").clickOn("Welcome");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(welcomeShowing());
        clickOn("#welcomeShowAtStart");
        assertEquals("true", stored());
        clickOn("Close");

        stopApp();
        startApp();
        assertTrue(welcomeShowing(), "ticked, it shows at every start");
        assertTrue(lookup("#welcomeShowAtStart").queryAs(CheckBox.class).isSelected());
    }

    @Test
    void helpUserGuideOpensTheGuideWithItsContentsAndPicturesAndWorksFromTheWelcome() throws Exception {
        startApp();
        clickOn("#welcomeGuide");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> lookup("#userGuide").tryQuery().isPresent());
        Window guide = lookup("#userGuide").query().getScene().getWindow();
        assertEquals("Scalloy user guide", ((Stage) guide).getTitle());
        ListView<?> contents = lookup("#guideContents").queryAs(ListView.class);
        assertTrue(contents.getItems().size() >= 10, "contents: " + contents.getItems());
        List<ImageView> pictures = lookup("#guideContent .guide-image ImageView").queryAllAs(ImageView.class).stream().toList();
        assertFalse(pictures.isEmpty());
        for (ImageView p : pictures) {
            assertFalse(p.getImage().isError(), p.getAccessibleText());
            assertTrue(p.getImage().getWidth() > 100, p.getAccessibleText());
        }
        TestShell.snapshot(this, guide, "user-guide");

        // a heading chosen in the contents scrolls the guide to it
        ScrollPane scroll = lookup("#guideScroll").queryAs(ScrollPane.class);
        assertEquals(0, scroll.getVvalue(), 1e-9);
        int shortcuts = contents.getItems().stream().map(Object::toString).toList().indexOf(
                contents.getItems().stream().map(Object::toString).filter(h -> h.contains("Keyboard shortcuts")).findFirst().orElseThrow());
        interact(() -> contents.getSelectionModel().select(shortcuts));
        assertTrue(scroll.getVvalue() > 0.5, "scrolled to " + scroll.getVvalue());
        TestShell.snapshot(this, guide, "user-guide-shortcuts");

        // asked again while it is open, the same guide comes to the front rather than a second one
        interact(() -> lookup("#welcomeGuide").queryAs(Hyperlink.class).fire());
        assertEquals(1, lookup("#userGuide").queryAll().size());
        interact(guide::hide);
        clickOn("Close");
        clickOn("Help").clickOn("User guide");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> lookup("#userGuide").queryAll().stream()
                .anyMatch(n -> n.getScene().getWindow().isShowing()));
    }

    @Test
    void inFrenchTheUserGuideIsTheFrenchOneWithItsFrenchPicturesAndTheEnglishOneAfterTheLanguageChanges() throws Exception {
        System.setProperty("scalloy.language", "fr");
        startApp("Base de données intégrée");
        clickOn("Fermer");
        clickOn("Aide").clickOn("Guide de l’utilisateur");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> lookup("#userGuide").tryQuery().isPresent());
        Window guide = lookup("#userGuide").query().getScene().getWindow();
        assertEquals("Guide de l’utilisateur de Scalloy", ((Stage) guide).getTitle());
        ListView<?> contents = lookup("#guideContents").queryAs(ListView.class);
        List<String> headings = contents.getItems().stream().map(h -> ca.scalloy.ui.help.Markdown.plainText(
                ((ca.scalloy.ui.help.Markdown.Heading) h).spans())).toList();
        assertEquals("Guide de l’utilisateur de Scalloy", headings.get(0));
        assertTrue(headings.contains("Raccourcis clavier"), "contents: " + headings);
        List<ImageView> pictures = lookup("#guideContent .guide-image ImageView").queryAllAs(ImageView.class).stream().toList();
        assertEquals(14, pictures.size(), "the French guide's pictures, each drawn");
        for (ImageView p : pictures) {
            assertFalse(p.getImage().isError(), p.getAccessibleText());
            assertTrue(p.getImage().getUrl().contains("/screenshots/fr/"), p.getImage().getUrl());
        }
        assertTrue(lookup(".guide-missing-image").queryAll().isEmpty(), "no picture missing");
        TestShell.snapshot(this, guide, "guide-utilisateur");

        // the language changed while the French guide is open: asked again, the guide is the English one
        // (the guide moved down off the main window's menu bar, which it covers where it opens)
        interact(() -> guide.setY(stage.getY() + 150));
        clickOn("Affichage").clickOn("Langue").clickOn("English");
        WaitForAsyncUtils.waitForFxEvents();
        clickOn("Help").clickOn("User guide");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> lookup("#userGuide").queryAll().stream()
                .anyMatch(n -> n.getScene().getWindow().isShowing() && "Scalloy user guide".equals(((Stage) n.getScene().getWindow()).getTitle())));
        assertEquals(1, lookup("#userGuide").queryAll().stream().filter(n -> n.getScene().getWindow().isShowing()).count(),
                "the French guide made way for the English one");
    }
}
