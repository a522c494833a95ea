package ca.scalloy.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.ref.WeakReference;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javafx.beans.property.SimpleIntegerProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.control.Label;
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

/**
 * A screen's listeners on what outlives it end with it: a language switch drops every screen ({@link MainShell#dispose})
 * and builds new ones over the same view models, and the dropped ones must stop following them.
 */
@ExtendWith(ApplicationExtension.class)
class ViewLifetimeTest {

    private final SimpleIntegerProperty source = new SimpleIntegerProperty(1);
    private BatchViewModel batch;
    private MainShell shell;
    private Label follower;

    @Start
    void start(Stage stage) {
        Messages en = Messages.forLocale(Locale.CANADA);
        batch = new BatchViewModel(en, new ChargeCalculator(new OjalgoSolver()), new FxBackgroundExecutor(), new ScriptedDialogs(),
                TestShell.recipeFiles());
        batch.openFile(Path.of("recipes/alsc2-oxide-route.json"));
        shell = new MainShell(en, batch, MainShellTest.NO_ACTIONS, TestShell.everyScreen(Map.of(Screen.BATCH, () -> {
            // a screen following a view model's value through its lifetime
            ViewLifetime life = new ViewLifetime();
            follower = new Label("1");
            life.listen(source, (o, a, b) -> follower.setText(String.valueOf(b)));
            return life.attachTo(new Group(follower));
        })));
        stage.setScene(new javafx.scene.Scene(shell.build(), 400, 300));
        stage.show();
    }

    @Test
    void aViewsListenersAreTakenOffTogetherWhenItsLifetimeEnds() {
        SimpleIntegerProperty source = new SimpleIntegerProperty(1);
        ViewLifetime life = new ViewLifetime();
        ObservableList<String> items = FXCollections.observableArrayList();
        List<Integer> seen = new ArrayList<>();
        life.listen(source, (o, a, b) -> seen.add(b.intValue()));
        life.listenToList(items, (ListChangeListener<String>) c -> seen.add(-items.size()));
        source.set(2);
        items.add("x");
        assertEquals(List.of(2, -1), seen);
        assertEquals(2, life.listening());

        life.end();
        source.set(3);
        items.add("y");
        assertEquals(List.of(2, -1), seen, "nothing heard after the end");
        assertEquals(0, life.listening());
    }

    @Test
    void disposingTheShellEndsItsScreensLifetimes(FxRobot robot) throws java.util.concurrent.TimeoutException {
        WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS, () -> follower != null);
        robot.interact(() -> source.set(5));
        assertEquals("5", follower.getText());

        robot.interact(shell::dispose);
        robot.interact(() -> source.set(6));
        assertEquals("5", follower.getText(), "the dropped screen no longer follows the view model");
    }

    /** The Batch screen listens to its view model through its lifetime, and none of those listeners stays after it ends. */
    @Test
    void theBatchScreensListenersOnItsViewModelEndWithIt(FxRobot robot) {
        java.util.concurrent.atomic.AtomicReference<Node> root = new java.util.concurrent.atomic.AtomicReference<>();
        robot.interact(() -> root.set(new BatchView(batch, Messages.forLocale(Locale.CANADA)).build()));
        ViewLifetime life = ViewLifetime.of(root.get());
        assertTrue(life.listening() >= 10, "listeners: " + life.listening());

        robot.interact(() -> ViewLifetime.endOf(root.get()));
        assertEquals(0, life.listening());
    }

    /** A shared widget's listener on a view model is weak, held by its node: it goes with the node. */
    @Test
    void aWidgetsListenerOnAViewModelGoesWithItsNode() throws InterruptedException {
        SimpleIntegerProperty source = new SimpleIntegerProperty(1);
        List<Integer> seen = new ArrayList<>();
        Label node = new Label();
        Widgets.heldBy(node, source, (o, a, b) -> seen.add(b.intValue()));
        source.set(7);
        assertEquals(List.of(7), seen);

        WeakReference<Label> dropped = new WeakReference<>(node);
        node = null;
        for (int i = 0; i < 50 && dropped.get() != null; i++) {
            System.gc();
            Thread.sleep(10);
        }
        assertNull(dropped.get(), "the view model's property keeps the node reachable");
        source.set(8);
        assertEquals(List.of(7), seen);
    }
}
