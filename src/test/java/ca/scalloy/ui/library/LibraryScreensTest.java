package ca.scalloy.ui.library;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import javafx.scene.control.ComboBox;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import ca.scalloy.engine.charge.ChargeCalculator;
import ca.scalloy.engine.library.LibraryMaterial;
import ca.scalloy.engine.library.SpecificationVersion;
import ca.scalloy.solver.OjalgoSolver;
import ca.scalloy.store.Database;
import ca.scalloy.ui.batch.BatchLibrary;
import ca.scalloy.ui.batch.BatchView;
import ca.scalloy.ui.batch.BatchViewModel;
import ca.scalloy.ui.batch.MaterialField;
import ca.scalloy.ui.batch.MaterialRow;
import ca.scalloy.ui.common.FxBackgroundExecutor;
import ca.scalloy.ui.common.LibraryStore;
import ca.scalloy.ui.common.Messages;
import ca.scalloy.ui.common.Screen;
import ca.scalloy.ui.common.ScriptedDialogs;
import ca.scalloy.ui.common.TestShell;
import ca.scalloy.ui.specs.SpecificationsView;
import ca.scalloy.ui.specs.SpecificationsViewModel;

/** The Library and Specifications screens and the Batch screen's compliance panel, headless, over an in-memory database. */
@ExtendWith(ApplicationExtension.class)
class LibraryScreensTest {

    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private final Database db = Database.inMemory(Clock.systemUTC());
    private BatchViewModel batch;
    private BatchLibrary batchLibrary;

    @Start
    void start(Stage stage) {
        Messages en = Messages.forLocale(Locale.CANADA);
        FxBackgroundExecutor executor = new FxBackgroundExecutor();
        LibraryStore store = LibraryStore.of(db, en, new FxBackgroundExecutor(), dialogs);
        batch = new BatchViewModel(en, new ChargeCalculator(new OjalgoSolver()), executor, dialogs, TestShell.recipeFiles());
        batchLibrary = new BatchLibrary(en, store, batch, new ChargeCalculator(new OjalgoSolver()), executor, dialogs);
        LibraryViewModel library = new LibraryViewModel(en, store, dialogs);
        SpecificationsViewModel specs = new SpecificationsViewModel(en, store, dialogs);
        TestShell.show(stage, en, batch, dialogs, Map.of(Screen.BATCH, () -> new BatchView(batch, en, batchLibrary).build(),
                Screen.LIBRARY, () -> new LibraryView(library, en).build(),
                Screen.SPECIFICATIONS, () -> new SpecificationsView(specs, en).build()));
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
    void materialAddedInTheLibraryIsInTheBatchScreensPicker(FxRobot robot) throws TimeoutException {
        robot.clickOn("#nav-LIBRARY");
        robot.clickOn("#libraryAdd");
        robot.clickOn("#libraryEdit-ID").write("AL-UI-TEST");
        robot.clickOn("#libraryEdit-NAME").write("Aluminium from the UI test");
        robot.clickOn("#libraryEdit-ASSAY").write("Fe=0.07, Si=0.03");
        robot.clickOn("#libraryEdit-PRICE_PER_KG").write("2.8");
        robot.clickOn("#librarySave");
        TableView<?> table = robot.lookup("#libraryTable").queryAs(TableView.class);
        waitUntil(() -> table.getItems().stream().anyMatch(i -> ((LibraryMaterial) i).id().equals("AL-UI-TEST")));

        robot.clickOn("#nav-BATCH");
        @SuppressWarnings("unchecked")
        ComboBox<LibraryMaterial> picker = robot.lookup("#libraryPicker").queryAs(ComboBox.class);
        // The picker sits under the materials, at the foot of the recipe's pane: scrolled to, as a user does.
        robot.interact(() -> robot.lookup("#recipePane").queryAs(javafx.scene.control.ScrollPane.class).setVvalue(1));
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(picker);
        waitUntil(() -> picker.getItems().stream().anyMatch(m -> m.id().equals("AL-UI-TEST")));
        robot.interact(() -> picker.getSelectionModel().select(
                picker.getItems().stream().filter(m -> m.id().equals("AL-UI-TEST")).findFirst().orElseThrow()));
        robot.interact(picker::hide);
        robot.clickOn("#libraryPickerAdd");

        waitUntil(() -> batch.form().materials().stream().anyMatch(r -> r.text(ca.scalloy.ui.batch.MaterialField.ID).get().equals("AL-UI-TEST")));
    }

    /** The Specifications screen with AlSc2 in the editor. */
    private void openAlSc2(FxRobot robot) throws TimeoutException {
        robot.clickOn("#nav-SPECIFICATIONS");
        TableView<?> specs = robot.lookup("#specsTable").queryAs(TableView.class);
        waitUntil(() -> !specs.getItems().isEmpty());
        robot.clickOn("AlSc2");
        TextField name = robot.lookup("#specsField-NAME").queryAs(TextField.class);
        waitUntil(() -> name.getText().equals("AlSc2"));
    }

    /**
     * The editor's sector speaks the user's words: AlSc2's MASTER_ALLOY reads "Master alloy"; typing a known sector's
     * word stores its code, and a new sector typed in is stored as a code of its own.
     */
    @Test
    void theSectorIsChosenByItsWordAndANewOneCanBeTyped(FxRobot robot) throws TimeoutException {
        openAlSc2(robot);
        @SuppressWarnings("unchecked")
        ComboBox<String> sector = robot.lookup("#specsField-SECTOR").queryAs(ComboBox.class);
        assertEquals("Master alloy", sector.getEditor().getText());
        TableView<?> specs = robot.lookup("#specsTable").queryAs(TableView.class);

        robot.clickOn(sector.getEditor()).press(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.A)
                .release(javafx.scene.input.KeyCode.A, javafx.scene.input.KeyCode.CONTROL).write("aerospace");
        robot.clickOn("#specsSave");
        waitUntil(() -> sectorOf(specs, "AlSc2").equals("AERO"));
        assertEquals("Aerospace", sector.getEditor().getText());

        robot.clickOn(sector.getEditor()).press(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.A)
                .release(javafx.scene.input.KeyCode.A, javafx.scene.input.KeyCode.CONTROL).write("Marine");
        robot.clickOn("#specsSave");
        waitUntil(() -> sectorOf(specs, "AlSc2").equals("MARINE"));
    }

    /** A list filtered to one sector stays so when a specification in it is saved (the list of sectors is refreshed then). */
    @Test
    void theSectorFilterStaysWhenASpecificationIsSaved(FxRobot robot) throws TimeoutException {
        robot.clickOn("#nav-SPECIFICATIONS");
        TableView<?> specs = robot.lookup("#specsTable").queryAs(TableView.class);
        waitUntil(() -> !specs.getItems().isEmpty());
        @SuppressWarnings("unchecked")
        ComboBox<String> filter = robot.lookup("#specsSector").queryAs(ComboBox.class);
        robot.interact(() -> filter.setValue("MASTER_ALLOY"));
        waitUntil(() -> specs.getItems().size() == 4);
        robot.clickOn("AlSc2");
        TextField name = robot.lookup("#specsField-NAME").queryAs(TextField.class);
        waitUntil(() -> name.getText().equals("AlSc2"));
        TextField firstMax = robot.lookup(".limit-max").queryAs(TextField.class);
        robot.doubleClickOn(firstMax).eraseText(firstMax.getText().length() + 2).write("2.6");
        robot.clickOn("#specsSave");
        TableView<?> history = robot.lookup("#specsHistory").queryAs(TableView.class);
        waitUntil(() -> history.getItems().size() == 2);
        assertEquals("MASTER_ALLOY", filter.getValue());
        assertEquals(4, specs.getItems().size());
    }

    private static String sectorOf(TableView<?> specs, String name) {
        return specs.getItems().stream().map(i -> (ca.scalloy.engine.spec.Specification) i).filter(s -> s.name().equals(name))
                .map(ca.scalloy.engine.spec.Specification::sector).findFirst().orElse("");
    }

    @Test
    void editedLimitIsSavedAsANewVersionInItsHistory(FxRobot robot) throws TimeoutException {
        openAlSc2(robot);
        TextField firstMax = robot.lookup(".limit-max").queryAs(TextField.class);
        robot.doubleClickOn(firstMax).eraseText(firstMax.getText().length() + 2).write("2.6");
        robot.clickOn("#specsSave");

        TableView<?> history = robot.lookup("#specsHistory").queryAs(TableView.class);
        waitUntil(() -> history.getItems().size() == 2);
        assertEquals(2, ((SpecificationVersion) history.getItems().get(0)).version());
        assertTrue(robot.lookup("#specsProvenance").queryLabeled().getText().startsWith("Source: "));
    }

    @Test
    void aLimitInPpmSaysPpmBesideItsField(FxRobot robot) throws TimeoutException {
        openAlSc2(robot);
        TestShell.snapshot(robot, robot.lookup("#specsTable").query().getScene().getWindow(), "specs-ppm");

        // AlSc2 limits Ca and Na (0.01 wt% = 100 ppm each) among others in wt%: two rows say ppm beside min and max.
        List<javafx.scene.control.Label> units = robot.lookup(".limit-max-unit").queryAllAs(javafx.scene.control.Label.class).stream()
                .filter(javafx.scene.Node::isVisible).toList();
        assertEquals(2, units.size());
        assertTrue(units.stream().allMatch(l -> l.getText().equals("ppm")));
    }

    /** The oxide route charges AL-P1020, which the seeded library prices: typed at 9.99 here, it differs. */
    @Test
    void aPriceThatDiffersFromTheLibrarysHasItsOwnUpdateButton(FxRobot robot) throws TimeoutException {
        dialogs.fileToOpen = Path.of("recipes/alsc2-oxide-route.json");
        robot.clickOn("File").clickOn("Open…");
        waitUntil(() -> !batch.form().materials().isEmpty());
        MaterialRow p1020 = batch.form().materials().stream().filter(r -> r.text(MaterialField.ID).get().equals("AL-P1020")).findFirst()
                .orElseThrow();
        LibraryMaterial inLibrary = db.materials().list(false).stream().filter(m -> m.id().equals("AL-P1020")).findFirst().orElseThrow();
        robot.interact(() -> p1020.text(MaterialField.PRICE_PER_KG).set("9.99"));
        waitUntil(() -> batchLibrary.updatablePriceRows().contains(p1020));
        javafx.scene.control.Button button = robot.lookup(".cell-action").queryAllAs(javafx.scene.control.Button.class).stream()
                .filter(javafx.scene.Node::isVisible).findFirst().orElseThrow();
        robot.interact(() -> robot.lookup("#materialsTable").queryAs(TableView.class).scrollToColumnIndex(MaterialField.PRICE_PER_KG.ordinal()));
        TestShell.snapshot(robot, button.getScene().getWindow(), "batch-price-button");
        assertEquals(1, robot.lookup(".cell-action").queryAllAs(javafx.scene.control.Button.class).stream()
                .filter(javafx.scene.Node::isVisible).count(), "only the differing row offers it");

        robot.interact(button::fire);

        waitUntil(() -> Double.parseDouble(p1020.text(MaterialField.PRICE_PER_KG).get()) == inLibrary.material().pricePerKg());
        assertTrue(robot.lookup(".cell-action").queryAllAs(javafx.scene.control.Button.class).stream().noneMatch(javafx.scene.Node::isVisible));
    }

    @Test
    void compliancePanelGivesAVerdictWordForTheOxideRoute(FxRobot robot) throws TimeoutException {
        dialogs.fileToOpen = Path.of("recipes/alsc2-oxide-route.json");
        robot.clickOn("File").clickOn("Open…");
        TableView<?> matrix = robot.lookup("#complianceMatrix").queryAs(TableView.class);
        waitUntil(() -> !matrix.getItems().isEmpty());

        List<String> words = matrix.getItems().stream().map(r -> ((BatchLibrary.ComplianceRow) r).verdictText()).distinct().toList();
        assertTrue(List.of("Pass", "Marginal", "Fail").containsAll(words), words.toString());
        assertTrue(robot.lookup(".verdict-FAIL").tryQuery().isPresent() || robot.lookup(".verdict-PASS").tryQuery().isPresent());
    }

    /**
     * In this window (1200 x 760, narrower than 1280 x 800) the Library's and the Specifications' lists show all their
     * columns with no sideways scroll, and a name cut with an ellipsis is whole in its cell's tooltip (issue 13
     * point 7).
     */
    @Test
    void libraryAndSpecificationListsFitTheirWidthAndTellCutNamesInTooltips(FxRobot robot) throws TimeoutException {
        robot.clickOn("#nav-LIBRARY");
        TableView<?> library = robot.lookup("#libraryTable").queryAs(TableView.class);
        waitUntil(() -> !library.getItems().isEmpty());
        assertFalse(TestShell.scrollsSideways(library), "the Library list scrolls sideways");
        String longest = library.getItems().stream().map(i -> ((LibraryMaterial) i).material().name())
                .max(java.util.Comparator.comparingInt(String::length)).orElseThrow();
        javafx.scene.control.TableCell<?, ?> cell = robot.lookup(".table-cell").match(
                (javafx.scene.control.TableCell<?, ?> c) -> longest.equals(c.getItem())).query();
        assertEquals(longest, cell.getTooltip().getText());

        robot.clickOn("#nav-SPECIFICATIONS");
        TableView<?> specs = robot.lookup("#specsTable").queryAs(TableView.class);
        waitUntil(() -> !specs.getItems().isEmpty());
        assertFalse(TestShell.scrollsSideways(specs), "the Specifications list scrolls sideways");
    }
}
