package ca.scalloy.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

class MessagesTest {

    private static Properties bundle(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = MessagesTest.class.getResourceAsStream("/ca/scalloy/ui/" + name)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void englishAndFrenchHaveTheSameKeys() throws IOException {
        Set<String> en = new TreeSet<>(bundle("messages.properties").stringPropertyNames());
        Set<String> fr = new TreeSet<>(bundle("messages_fr.properties").stringPropertyNames());
        Set<String> onlyEn = new TreeSet<>(en);
        onlyEn.removeAll(fr);
        Set<String> onlyFr = new TreeSet<>(fr);
        onlyFr.removeAll(en);
        assertEquals(Set.of(), onlyEn, "keys missing in French");
        assertEquals(Set.of(), onlyFr, "keys missing in English");
    }

    @Test
    void frenchApostrophesAreTypographicSoMessageFormatKeepsThem() throws IOException {
        bundle("messages_fr.properties").forEach((k, v) -> assertFalse(v.toString().contains("'"), k + " = " + v));
    }

    @Test
    void frenchLocaleGetsFrenchAndAnyOtherGetsEnglish() {
        assertEquals("Coulées", Messages.forLocale(Locale.FRANCE).get("nav.HEATS"));
        assertEquals("Heats", Messages.forLocale(Locale.GERMANY).get("nav.HEATS"));
    }

    @Test
    void englishIsEnglishEvenOnAFrenchSystem() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.CANADA_FRENCH);
            assertEquals("Heats", Messages.forLocale(Locale.ENGLISH).get("nav.HEATS"));
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void argumentsAreFormattedAndPluralsChosen() {
        Messages en = Messages.forLocale(Locale.CANADA);
        assertEquals("One field is in error; the results are those of the last valid recipe", en.get("status.inputError", 1));
        assertEquals("3 fields are in error; the results are those of the last valid recipe", en.get("status.inputError", 3));
        Messages fr = Messages.forLocale(Locale.CANADA_FRENCH);
        assertEquals("Scalloy — recette.json*", fr.get("app.titleWithDocument", "recette.json", 1));
        assertTrue(fr.get("dialog.openFailed.title").contains("d’ouvrir"));
    }
}
