package ca.scalloy.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

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

    /**
     * A key written out in the code ({@code m.get("welcome.close")}, {@code messages.get(…)}, a menu's
     * {@code item("menu.help.userGuide", …)}) that no bundle holds fails only when a user reaches it; this finds
     * them all at build time. Keys made at run time ({@code "nav." + screen}) are not seen here.
     */
    @Test
    void everyKeyTheCodeNamesIsInTheBundles() throws IOException {
        Set<String> en = bundle("messages.properties").stringPropertyNames();
        Pattern named = Pattern.compile("\\b(?:m|messages|messages\\(\\)|newMessages)\\.(?:get|has)\\(\\s*\"([^\"]+)\"|\\b(?:item|language)\\(\"([^\"]+)\""
                // The engine's and the store's message codes are keys too: Message.of("warning.noDensity", …).
                + "|\\b(?:Message\\.of|MessageException)\\(\\s*\"([^\"]+)\"");
        Set<String> missing = new TreeSet<>();
        int seen = 0;
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/ca/scalloy"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher k = named.matcher(Files.readString(f, StandardCharsets.UTF_8));
                while (k.find()) {
                    String key = k.group(1) != null ? k.group(1) : k.group(2) != null ? k.group(2) : k.group(3);
                    seen++;
                    if (!key.endsWith(".") && !en.contains(key)) {
                        missing.add(key + " (" + f.getFileName() + ")");
                    }
                }
            }
        }
        assertTrue(seen > 500, "the scan found " + seen + " keys: has the code's way of naming them changed?");
        assertEquals(Set.of(), missing);
    }

    /** A French text that drops or adds an argument loses a number the user needs, or shows "{3}". */
    @Test
    void englishAndFrenchTextsTakeTheSameArguments() throws IOException {
        Properties en = bundle("messages.properties");
        Properties fr = bundle("messages_fr.properties");
        Pattern argument = Pattern.compile("\\{(\\d+)");
        Set<String> differ = new TreeSet<>();
        for (String key : en.stringPropertyNames()) {
            Set<String> enArgs = new TreeSet<>();
            Set<String> frArgs = new TreeSet<>();
            argument.matcher(en.getProperty(key)).results().forEach(r -> enArgs.add(r.group(1)));
            argument.matcher(fr.getProperty(key, "")).results().forEach(r -> frArgs.add(r.group(1)));
            if (!enArgs.equals(frArgs)) {
                differ.add(key + ": " + enArgs + " / " + frArgs);
            }
        }
        assertTrue(en.size() > 900, "only " + en.size() + " keys read");
        assertEquals(Set.of(), differ);
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

    @Test
    void aButtonsWordsSaidInATitleLoseTheirMnemonicMark() {
        assertEquals("Save as new version", Messages.forLocale(Locale.CANADA).withoutMnemonic("specs.save"));
        assertEquals("Enregistrer une nouvelle version", Messages.forLocale(Locale.CANADA_FRENCH).withoutMnemonic("specs.save"));
    }

    @Test
    void everySectorThePlantShipsWithIsSaidInWordsAndATypedOneAsTyped() {
        Messages fr = Messages.forLocale(Locale.CANADA_FRENCH);
        for (String code : ca.scalloy.engine.spec.Specification.KNOWN_SECTORS) {
            assertTrue(fr.has("sector." + code), "sector." + code);
            assertFalse(fr.sector(code).contains("_"), code + " -> " + fr.sector(code));
        }
        assertEquals("Alliage mère", fr.sector("MASTER_ALLOY"));
        assertEquals("Master alloy", Messages.forLocale(Locale.CANADA).sector("MASTER_ALLOY"));
        assertEquals("Marine", fr.sector("Marine"));
    }
}
