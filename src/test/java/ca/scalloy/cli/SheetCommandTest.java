package ca.scalloy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SheetCommandTest {

    @Test
    void writesAPdf(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("new-folder/sheet.pdf");
        CliRun r = CliRun.of("sheet", "recipes/alsc2-oxide-route.json", "--out", out.toString(), "--lang", "fr");
        assertEquals(0, r.exit(), r.err());
        byte[] head = Files.readAllBytes(out);
        assertEquals("%PDF", new String(head, 0, 4, java.nio.charset.StandardCharsets.US_ASCII));
    }

    @Test
    void theSensitivityAppendixIsPrintedWhenAsked(@TempDir Path dir) throws Exception {
        Path plain = dir.resolve("plain.pdf");
        Path asked = dir.resolve("asked.pdf");
        assertEquals(0, CliRun.of("sheet", "recipes/alsc2-oxide-route-robust.json", "--out", plain.toString()).exit());
        CliRun r = CliRun.of("sheet", "recipes/alsc2-oxide-route-robust.json", "--out", asked.toString(), "--sensitivity");
        assertEquals(0, r.exit(), r.err());
        String plainText = text(plain);
        String askedText = text(asked);
        assertTrue(plainText.contains("Probability of passing the first sample: "), plainText);
        assertFalse(plainText.contains("Appendix: what the limits cost"));
        assertTrue(askedText.contains("Appendix: what the limits cost"), askedText);
    }

    private static String text(Path pdf) throws Exception {
        try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(pdf.toFile())) {
            return new org.apache.pdfbox.text.PDFTextStripper().getText(doc);
        }
    }

    @Test
    void badLanguageAndUnwritableOutputExitTwoWithoutLeavingAFile(@TempDir Path dir) throws Exception {
        CliRun lang = CliRun.of("sheet", "recipes/alsc2-oxide-route.json", "--out", dir.resolve("x.pdf").toString(), "--lang", "de");
        assertEquals(2, lang.exit());
        assertTrue(lang.err().contains("--lang") && lang.err().contains("de"), lang.err());
        assertFalse(Files.exists(dir.resolve("x.pdf")));

        // a missing folder is created, but a folder that is a file cannot be
        Path aFile = Files.writeString(dir.resolve("plain.txt"), "not a folder");
        CliRun nowhere = CliRun.of("sheet", "recipes/alsc2-oxide-route.json", "--out", aFile.resolve("x.pdf").toString());
        assertEquals(2, nowhere.exit());
        assertTrue(nowhere.err().contains("cannot be written"), nowhere.err());
    }
}
