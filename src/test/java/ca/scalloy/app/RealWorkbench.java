package ca.scalloy.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import javafx.application.Application;
import javafx.scene.control.TableView;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real workbench ({@link ScalloyApp}) for a test, started as a new user would find it: a fresh home folder of its
 * own (its own database, the welcome at first start), in a language the test chooses. Register it with
 * {@code @RegisterExtension}; after each test the application is closed, its home deleted and the system properties
 * put back.
 */
final class RealWorkbench implements BeforeEachCallback, AfterEachCallback {

    private Path home;
    private String realHome;
    private Application app;

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        home = Files.createTempDirectory("scalloy-home");
        realHome = System.getProperty("user.home");
        System.setProperty("user.home", home.toString());
        System.setProperty(ScalloyApp.DB_PROPERTY, home.resolve("db/scalloy").toString());
    }

    /** The home folder the workbench runs with. */
    Path home() {
        return home;
    }

    /**
     * Starts the workbench in {@code language} ({@code en}, {@code fr}, or the pseudo-language) and waits for the
     * welcome a first start shows.
     */
    void start(FxRobot robot, String language) throws Exception {
        System.setProperty("scalloy.language", language);
        FxToolkit.registerPrimaryStage();
        app = FxToolkit.setupApplication(ScalloyApp.class);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#welcome").tryQuery().isPresent());
    }

    /** Opens the example recipe the welcome offers first and waits for its charge. */
    void openExample(FxRobot robot) throws Exception {
        robot.clickOn("#welcomeExample-alsc2-oxide-route");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                () -> !robot.lookup("#chargeTable").queryAs(TableView.class).getItems().isEmpty());
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        try {
            if (app != null) {
                FxToolkit.cleanupApplication(app);
                FxToolkit.cleanupStages();
            }
        } finally {
            app = null;
            System.setProperty("user.home", realHome);
            System.clearProperty("scalloy.language");
            System.clearProperty(ScalloyApp.DB_PROPERTY);
            try (Stream<Path> files = Files.walk(home)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
