package ca.scalloy.ui.properties;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ca.scalloy.io.AtomicFiles;
import ca.scalloy.ui.common.Messages;
import ca.scalloy.ui.common.NoEnglish;
import ca.scalloy.ui.common.ScriptedDialogs;

class PngExportTest {

    @TempDir
    Path dir;

    @Test
    void aDiagramThatCannotBeWrittenIsExplainedInFrenchNamingWhatIsNotAFolder() throws IOException {
        ScriptedDialogs dialogs = new ScriptedDialogs();
        Path notes = Files.writeString(dir.resolve("notes.txt"), "not a folder");
        Path file = notes.resolve("diagramme.png");
        dialogs.imageToSave = file;

        new PngExport(dialogs).export(Messages.forLocale(Locale.CANADA_FRENCH), "diagramme.png", f -> AtomicFiles.write(f, new byte[] {1}));

        assertEquals(List.of("Impossible d’écrire " + file + " : " + notes + " n’est pas un dossier."), dialogs.errors);
        NoEnglish.assertNoEnglish(dialogs.errors.get(0));
    }
}
