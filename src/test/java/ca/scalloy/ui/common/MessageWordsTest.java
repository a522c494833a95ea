package ca.scalloy.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ca.scalloy.engine.Composition;
import ca.scalloy.engine.Message;
import ca.scalloy.engine.MessageException;
import ca.scalloy.engine.kinetics.AgeingSchedule;
import ca.scalloy.io.RecipeFiles;
import ca.scalloy.io.RecipeFormatException;
import ca.scalloy.store.StoreException;

class MessageWordsTest {

    private static final Messages FR = Messages.forLocale(Locale.CANADA_FRENCH);
    private static final Messages EN = Messages.forLocale(Locale.CANADA);

    @Test
    void anEngineWarningIsWordedFromTheBundleWithNumbersInTheUsersStyle() {
        Message m = Message.of("warning.edgeCracking", "Na 0.003 wt% is above 0.001 wt%: Al-Mg edge-cracks on hot rolling", "Na", 0.003, 0.001);
        // French decimals take a comma: 0,003 and 0,001.
        assertEquals("Na 0,003 % massique dépasse 0,001 % massique : l’Al-Mg se fissure en rive au laminage à chaud",
                MessageWords.of(m, FR));
        assertEquals("Na 0.003 wt% is above 0.001 wt%: Al-Mg edge-cracks on hot rolling", MessageWords.of(m, EN));
    }

    @Test
    void aRefusedCompositionIsSaidInFrenchNotInTheEnginesEnglish() {
        MessageException e = assertThrows(MessageException.class,
                () -> new Composition(Map.of("Sc", 60.0, "Mg", 50.0), "Al"));
        assertEquals("the listed elements sum to 110.0 wt%, above 100 wt%", e.getMessage(), "the command line's English is unchanged");
        assertEquals("les éléments listés totalisent 110 % massique, plus de 100 %", MessageWords.failure(e, FR));
    }

    @Test
    void aScheduleErrorNamesTheStepInFrench() {
        MessageException e = assertThrows(MessageException.class, () -> AgeingSchedule.parse("300:x"));
        assertEquals("la durée « x » du palier « 300:x » n’est pas un nombre", MessageWords.failure(e, FR));
    }

    @Test
    void anErrorWithoutACodeNeverShowsNullOrItsEnglishOrItsClass() {
        String npe = MessageWords.failure(new NullPointerException(), FR);
        String english = MessageWords.failure(new StoreException("batchMassKg must be a number > 0, was -1000.0"), FR);
        for (String shown : new String[] {npe, english}) {
            assertEquals(FR.get("error.unexpected"), shown);
            assertFalse(shown.contains("null") || shown.contains("Exception") || shown.contains("batchMassKg"), shown);
        }
        assertEquals("Le calcul a échoué : " + FR.get("error.unexpected"),
                MessageWords.failure(new IllegalStateException("boom"), FR, "chart.error.failed"));
    }

    @TempDir
    Path dir;

    @Test
    void aFileThatCannotBeWrittenIsNamedWithTheReasonInFrench() {
        Path pdf = dir.resolve("feuille.pdf");
        assertEquals("Impossible d’écrire " + pdf + " : permission refusée.",
                MessageWords.fileFailure(new AccessDeniedException(pdf + ".tmp"), pdf, true, FR));
        assertEquals("Cannot write " + pdf + ": permission denied.", MessageWords.fileFailure(new AccessDeniedException(pdf.toString()), pdf, true, EN));
        assertEquals("Impossible d’écrire " + pdf + " : le disque est plein.",
                MessageWords.fileFailure(new UncheckedIOException(new IOException("No space left on device")), pdf, true, FR));
        String other = MessageWords.fileFailure(new IllegalStateException("boom"), pdf, true, FR);
        assertTrue(other.startsWith("Impossible d’écrire " + pdf + " ;"), other);
        for (String shown : List.of(other, MessageWords.fileFailure(new FileAlreadyExistsException(pdf.toString()), pdf, true, FR),
                MessageWords.fileFailure(new NotDirectoryException(dir.toString()), pdf, true, FR))) {
            NoEnglish.assertNoEnglish(shown);
            assertFalse(shown.contains("boom"), shown);
        }
    }

    @Test
    void aRecipeFileThatCannotBeReadSaysWhyInFrench() throws IOException {
        Path missing = dir.resolve("absente.json");
        Exception gone = assertThrows(IOException.class, () -> RecipeFiles.read(missing));
        assertEquals("Impossible de lire " + missing + " : ce fichier n’existe pas.", MessageWords.fileFailure(gone, missing, false, FR));

        Path bad = dir.resolve("mauvaise.json");
        Files.writeString(bad, "{\n  \"format\": \"scalloy-recipe\",\n  \"formatVersion\": \"deux\"\n}");
        Exception refused = assertThrows(RecipeFormatException.class, () -> RecipeFiles.read(bad));
        String shown = MessageWords.fileFailure(refused, bad, false, FR);
        // formatVersion is on line 3 of the file written above.
        assertEquals(bad + " n’est pas un fichier que Scalloy peut lire : l’erreur est à /formatVersion (ligne 3) ; les détails sont dans le"
                + " journal.", shown);
        NoEnglish.assertNoEnglish(shown);

        Path latin1 = dir.resolve("latin1.json");
        Files.write(latin1, new byte[] {'{', '"', (byte) 0xE9, '"', '}'});
        Exception notUtf8 = assertThrows(IOException.class, () -> RecipeFiles.read(latin1));
        // 0xE9 (é in ISO-8859-1) is the third byte: offset 2.
        assertEquals("Impossible de lire " + latin1 + " : ce n’est pas du texte UTF-8 (octet 0xE9 à la position 2) ; enregistrez-le en UTF-8.",
                MessageWords.fileFailure(notUtf8, latin1, false, FR));
    }

    @Test
    void aRefusalNamesItsFieldSoThatAFormMarksItWithoutReadingTheEnglish() {
        MessageException e = assertThrows(MessageException.class, () -> ca.scalloy.engine.props.Ageing.aged(200.0, 20_000));
        assertEquals("ageHours", MessageWords.refusedField(e));
        assertEquals("", MessageWords.refusedField(new IllegalArgumentException("ageHours must be …")));
    }
}
