package ca.scalloy.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which arguments open the workbench (and on what) and which are a command. */
class LauncherTest {

    @TempDir
    Path dir;

    @AfterEach
    void clear() {
        System.clearProperty(ScalloyApp.OPEN_PROPERTY);
        System.clearProperty(ScalloyApp.DB_PROPERTY);
    }

    @Test
    void aRecipeFileAloneOpensTheWorkbenchOnIt() throws IOException {
        Path recipe = Files.writeString(dir.resolve("AlSc2 trial.scalloy"), "{}");

        assertTrue(Launcher.workbenchArguments(new String[] {recipe.toString()}));

        assertEquals(recipe.toString(), System.getProperty(ScalloyApp.OPEN_PROPERTY));
    }

    @Test
    void aRecipeFileWithADatabaseOpensTheWorkbenchOnBoth() throws IOException {
        Path recipe = Files.writeString(dir.resolve("a.json"), "{}");

        assertTrue(Launcher.workbenchArguments(new String[] {"--db", dir.resolve("plant").toString(), recipe.toString()}));

        assertEquals(recipe.toString(), System.getProperty(ScalloyApp.OPEN_PROPERTY));
        assertEquals(dir.resolve("plant").toString(), System.getProperty(ScalloyApp.DB_PROPERTY));
    }

    @Test
    void commandsMissingFilesAndTwoFilesAreForTheCommandLine() throws IOException {
        Path a = Files.writeString(dir.resolve("a.json"), "{}");
        Path b = Files.writeString(dir.resolve("b.json"), "{}");

        assertFalse(Launcher.workbenchArguments(new String[] {"batch", a.toString()}));
        assertFalse(Launcher.workbenchArguments(new String[] {dir.resolve("missing.json").toString()}));
        assertFalse(Launcher.workbenchArguments(new String[] {a.toString(), b.toString()}));
        assertFalse(Launcher.workbenchArguments(new String[] {"--version"}));
        assertNull(System.getProperty(ScalloyApp.OPEN_PROPERTY));
    }

    @Test
    void noArgumentsOpenTheWorkbench() {
        assertTrue(Launcher.workbenchArguments(new String[0]));
    }
}
