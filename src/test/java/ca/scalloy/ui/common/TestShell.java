package ca.scalloy.ui.common;

import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

import ca.scalloy.engine.charge.ChargeCalculator;
import ca.scalloy.engine.charge.Recipe;
import ca.scalloy.io.RecipeFiles;
import ca.scalloy.solver.OjalgoSolver;
import ca.scalloy.ui.batch.BatchViewModel;
import ca.scalloy.ui.batch.RecipeDocuments;

/** The main shell around some screens, for TestFX tests: what ScalloyApp wires, without its start-up. */
public final class TestShell {

    /** The window's size: within Monocle's headless screen (1280 × 800), or rendering overflows. */
    private static final double WIDTH_PX = 1200;
    private static final double HEIGHT_PX = 760;

    private TestShell() {
    }

    /** Recipe files in format 1, as the application reads and writes them. */
    public static RecipeDocuments recipeFiles() {
        return new RecipeDocuments() {
            @Override
            public Recipe read(Path file) throws Exception {
                return RecipeFiles.read(file);
            }

            @Override
            public void write(Recipe recipe, Path file) throws IOException {
                RecipeFiles.write(recipe, file);
            }
        };
    }

    /** The Batch screen's view model as the application wires it: the charge solver, a worker thread, recipe files. */
    public static BatchViewModel batch(Messages m, DialogService dialogs) {
        return new BatchViewModel(m, new ChargeCalculator(new OjalgoSolver()), new FxBackgroundExecutor(), dialogs, recipeFiles());
    }

    /**
     * {@code screens} with every other {@link Screen} as a label (id {@code absent-NAME}): the shell wants a builder
     * for each screen, and a test wires only the ones it is about.
     */
    public static Map<Screen, Supplier<Node>> everyScreen(Map<Screen, Supplier<Node>> screens) {
        Map<Screen, Supplier<Node>> all = new EnumMap<>(screens);
        for (Screen s : Screen.values()) {
            all.putIfAbsent(s, () -> {
                Label absent = new Label(s + " is not wired in this test");
                absent.setId("absent-" + s.name());
                return absent;
            });
        }
        return all;
    }

    /** Shows the shell with {@code screens} (the others as {@link #everyScreen}) on {@code stage}, with the application's style sheet. */
    public static void show(Stage stage, Messages m, Document document, DialogService dialogs,
                            Map<Screen, Supplier<Node>> screens) {
        show(stage, m, document, dialogs, screens, null);
    }

    /** As {@link #show(Stage, Messages, Document, DialogService, Map)}, the split panes' dividers kept in {@code dividers} (when not null). */
    public static void show(Stage stage, Messages m, Document document, DialogService dialogs,
                            Map<Screen, Supplier<Node>> screens, DividerMemory dividers) {
        MainShell shell = new MainShell(m, document, new MainShell.Actions() {
            @Override
            public void quit() {
                stage.close();
            }

            @Override
            public void switchLanguage(Locale locale) {
                // The language switch is ScalloyApp's, tested there.
            }

            @Override
            public void about() {
                dialogs.showInformation("about", "about");
            }
        }, everyScreen(screens));
        if (dividers != null) {
            shell.withDividers(dividers);
        }
        Scene scene = new Scene(shell.build(), WIDTH_PX, HEIGHT_PX);
        scene.getStylesheets().add(TestShell.class.getResource("/ca/scalloy/ui/scalloy.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    /**
     * Writes a PNG of {@code window} as {@code name}.png into the folder named by the system property
     * {@code scalloy.snapshots}, for a person to look at the screen; does nothing without it.
     */
    public static void snapshot(org.testfx.api.FxRobot robot, javafx.stage.Window window, String name) {
        String dir = System.getProperty("scalloy.snapshots");
        if (dir == null) {
            return;
        }
        robot.interact(() -> {
            try {
                java.nio.file.Files.createDirectories(java.nio.file.Path.of(dir));
                javax.imageio.ImageIO.write(javafx.embed.swing.SwingFXUtils.fromFXImage(window.getScene().snapshot(null), null), "png",
                        java.nio.file.Path.of(dir, name + ".png").toFile());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    /** Whether {@code table} shows a sideways scroll bar (its columns wider than it). */
    public static boolean scrollsSideways(javafx.scene.control.TableView<?> table) {
        return table.lookupAll(".scroll-bar").stream().anyMatch(n -> n instanceof javafx.scene.control.ScrollBar b
                && b.getOrientation() == javafx.geometry.Orientation.HORIZONTAL && b.isVisible());
    }

    /** The text a cell or label draws: its own text, or that text cut with an ellipsis when it does not fit. */
    public static String shownText(javafx.scene.control.Labeled labeled) {
        return ((javafx.scene.text.Text) labeled.lookup(".text")).getText();
    }
}
