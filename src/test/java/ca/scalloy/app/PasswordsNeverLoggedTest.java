package ca.scalloy.app;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

import javafx.scene.control.PasswordField;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Passwords never reach the log file: the workbench started on a server login with a password in the
 * settings and another in its URL, then File › Database connection… with a third typed, tested and saved;
 * every attempt fails (nothing listens on port 1) and is logged. The log file of the test run
 * ({@code scalloy.logDir}) is then searched for the three.
 */
class PasswordsNeverLoggedTest extends FxRobot {

    private static final String SUFFIX = UUID.randomUUID().toString().substring(0, 8);
    private static final String SAVED = "Saved-Pa55-" + SUFFIX;
    private static final String IN_URL = "Url-Pa55-" + SUFFIX;
    private static final String TYPED = "Typed-Pa55-" + SUFFIX;

    @TempDir
    Path home;
    private String realHome;
    private javafx.application.Application app;

    @BeforeEach
    void rememberHome() {
        realHome = System.getProperty("user.home");
    }

    @AfterEach
    void close() throws TimeoutException {
        System.setProperty("user.home", realHome);
        System.clearProperty("scalloy.language");
        System.clearProperty("scalloy.dialog");
        if (app != null) {
            FxToolkit.cleanupApplication(app);
            FxToolkit.cleanupStages();
        }
    }

    @Test
    void aServerLoginAUrlWithAPasswordAndTheConnectionDialogLeaveNoPasswordInTheLog() throws Exception {
        Path settings = home.resolve(".scalloy/settings.properties");
        Files.createDirectories(settings.getParent());
        Files.writeString(settings, "db.url=jdbc\\:postgresql\\://127.0.0.1\\:1/scalloy?password=" + IN_URL + "\n"
                + "db.user=jdoe\n" + "db.password=" + SAVED + "\n", StandardCharsets.ISO_8859_1);
        System.setProperty("user.home", home.toString());
        System.setProperty("scalloy.language", "en");
        System.setProperty("scalloy.dialog", "connection");
        long before = count("background work failed");
        long shown = count("error shown: Cannot open the library database");

        FxToolkit.registerPrimaryStage();
        app = FxToolkit.setupApplication(ScalloyApp.class);
        // the start-up connection fails first, and says so in a dialog over the window
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> count("error shown: Cannot open the library database") > shown);
        clickOn("OK");
        interact(() -> lookup("#connectionPassword").queryAs(PasswordField.class).setText(TYPED));
        clickOn("#connectionTest");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> count("background work failed") >= before + 2);
        clickOn("Save and reconnect");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> count("background work failed") >= before + 3);

        // the attempts were logged (so the search below reads the file they went to) ...
        assertTrue(count("127.0.0.1") > 0, "the failed connections are in the log");
        // ... and none of the passwords is in it
        for (String secret : new String[] {SAVED, IN_URL, TYPED}) {
            assertFalse(logText().contains(secret), secret + " in the log");
        }
    }

    @Test
    void aPasswordInAnyLogMessageIsMaskedInTheFile() throws IOException, TimeoutException {
        String secret = "Direct-Pa55-" + SUFFIX;
        LoggerFactory.getLogger(PasswordsNeverLoggedTest.class).warn("marker {}: jdbc:postgresql://h/db?password={}", SUFFIX, secret);

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> logText().contains("marker " + SUFFIX));
        assertTrue(logText().contains("marker " + SUFFIX + ": jdbc:postgresql://h/db?password=***"));
        assertFalse(logText().contains(secret));
    }

    private static long count(String text) throws IOException {
        return logText().lines().filter(l -> l.contains(text)).count();
    }

    /** Every log file of the test run. */
    private static String logText() throws IOException {
        Path folder = Logs.folder();
        if (!Files.isDirectory(folder)) {
            return "";
        }
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".log")).toList()) {
                all.append(Files.readString(f, StandardCharsets.UTF_8));
            }
        }
        return all.toString();
    }
}
