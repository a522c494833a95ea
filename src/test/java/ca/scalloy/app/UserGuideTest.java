package ca.scalloy.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

import ca.scalloy.ui.common.Messages;
import ca.scalloy.ui.common.Screen;
import ca.scalloy.ui.help.Markdown;

/**
 * docs/user-guide.md and docs/guide-utilisateur.md as the workbench ships them: in the jar, whole, the one of the
 * workbench's language, with every picture and link each needs.
 */
class UserGuideTest {

    private static final Locale ENGLISH = Locale.CANADA;
    private static final Locale FRENCH = Locale.CANADA_FRENCH;

    private static List<Markdown.Block> guide(String languageTag) throws IOException {
        return UserGuide.read(Locale.forLanguageTag(languageTag));
    }

    private static List<Markdown.Block> parse(String docsFile) throws IOException {
        return Markdown.parse(Files.readString(Path.of("docs", docsFile), StandardCharsets.UTF_8));
    }

    private static String firstHeading(List<Markdown.Block> guide) {
        return guide.stream().filter(b -> b instanceof Markdown.Heading).map(b -> Markdown.plainText(((Markdown.Heading) b).spans()))
                .findFirst().orElseThrow();
    }

    private static List<Markdown.Image> images(List<Markdown.Block> guide) {
        return guide.stream().filter(b -> b instanceof Markdown.Image).map(b -> (Markdown.Image) b).toList();
    }

    @Test
    void theJarHoldsEachGuideAsWritten() throws IOException {
        assertEquals(parse("user-guide.md"), UserGuide.read(ENGLISH));
        assertEquals(parse("guide-utilisateur.md"), UserGuide.read(FRENCH));
    }

    @Test
    void inFrenchTheGuideReadIsTheFrenchOneElseTheEnglishOne() throws IOException {
        // the first heading of each guide is the title its window carries (guide.title in each bundle)
        assertEquals("Guide de l’utilisateur de Scalloy", firstHeading(UserGuide.read(FRENCH)));
        assertEquals(Messages.forLocale(FRENCH).get("guide.title"), firstHeading(UserGuide.read(FRENCH)));
        assertEquals(Messages.forLocale(ENGLISH).get("guide.title"), firstHeading(UserGuide.read(ENGLISH)));
        assertEquals("Guide de l’utilisateur de Scalloy", firstHeading(guide("fr")));
        assertEquals("Scalloy user guide", firstHeading(guide("en")));
        // a language with no guide of its own, and the pseudo-language used to hunt unlocalised text, read English
        assertEquals("Scalloy user guide", firstHeading(guide("de")));
        assertEquals("Scalloy user guide", firstHeading(guide(Messages.PSEUDO_LANGUAGE)));
    }

    @Test
    void aMissingFrenchGuideFallsBackToTheEnglishOneAndSaysSoInTheLog() throws IOException {
        Function<String, InputStream> noFrench = name -> name.equals(UserGuide.FRENCH_FILE) ? null
                : UserGuide.class.getResourceAsStream(UserGuide.FOLDER + name);
        Logger log = (Logger) LoggerFactory.getLogger(UserGuide.class);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        log.addAppender(appender);
        try {
            assertEquals(parse("user-guide.md"), UserGuide.read(FRENCH, noFrench));
        } finally {
            log.detachAppender(appender);
        }
        List<ILoggingEvent> warnings = appender.list.stream().filter(e -> e.getLevel() == Level.WARN).toList();
        assertEquals(1, warnings.size(), "one warning: " + appender.list);
        assertTrue(warnings.get(0).getFormattedMessage().contains(UserGuide.FRENCH_FILE), warnings.get(0).getFormattedMessage());
    }

    @Test
    void withNoEnglishGuideEitherReadingFailsNamingIt() {
        IOException e = assertThrows(IOException.class, () -> UserGuide.read(FRENCH, name -> null));
        assertTrue(e.getMessage().contains(UserGuide.FILE), e.getMessage());
        InputStream french = new ByteArrayInputStream("# Guide\n".getBytes(StandardCharsets.UTF_8));
        assertThrows(IOException.class, () -> UserGuide.read(ENGLISH, name -> name.equals(UserGuide.FRENCH_FILE) ? french : null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "fr"})
    void everyPictureTheGuideShowsIsShippedWithIt(String language) throws IOException {
        List<String> missing = new ArrayList<>();
        List<Markdown.Image> pictures = images(guide(language));
        for (Markdown.Image i : pictures) {
            if (UserGuide.image(i.path()) == null) {
                missing.add(i.path() + " (list it in pom.xml's guide resource)");
            }
            assertTrue(Files.isRegularFile(Path.of("docs").resolve(i.path())), i.path() + " is not in docs/");
        }
        assertEquals(List.of(), missing);
        assertTrue(pictures.size() >= 5, "the guide shows the screens: " + pictures.size() + " pictures");
    }

    @Test
    void theFrenchGuideShowsFrenchScreenshotsOneForEachEnglishOne() throws IOException {
        List<String> english = images(UserGuide.read(ENGLISH)).stream().map(Markdown.Image::path).toList();
        List<String> french = images(UserGuide.read(FRENCH)).stream().map(Markdown.Image::path).toList();
        // the French screens are in screenshots/fr/, beside the English ones and named as they are
        assertEquals(english.stream().map(p -> p.replaceFirst("^screenshots/", "screenshots/fr/")).toList(), french);
    }

    @Test
    void aPictureTheJarDoesNotHoldIsNone() {
        assertNull(UserGuide.image("screenshots/no-such-screen.png"));
        assertNull(UserGuide.image("screenshots/fr/no-such-screen.png"));
        assertNull(UserGuide.image("https://example.com/batch.png"));
        assertNotNull(UserGuide.image("screenshots/batch.png"));
        assertNotNull(UserGuide.image("screenshots/fr/batch.png"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "fr"})
    void everyScreenHasASectionNamedAsTheSidebarNamesIt(String language) throws IOException {
        Messages m = Messages.forLocale(Locale.forLanguageTag(language));
        Set<String> headings = guide(language).stream().filter(b -> b instanceof Markdown.Heading)
                .map(b -> Markdown.plainText(((Markdown.Heading) b).spans())).collect(Collectors.toCollection(TreeSet::new));
        for (Screen s : Screen.values()) {
            String name = m.get("nav." + s.name());
            // "Charge : d’une nuance …": French puts a no-break space before the colon
            assertTrue(headings.stream().anyMatch(h -> h.equals(name) || h.matches(java.util.regex.Pattern.quote(name) + "[\\s\\u00a0\\u202f:].*")),
                    "no section for the " + name + " screen in " + headings);
        }
    }

    @Test
    void theFrenchGuideNamesEveryScreenOfTheSidebarByItsFrenchLabel() throws IOException {
        Messages fr = Messages.forLocale(FRENCH);
        String text = Files.readString(Path.of("docs/guide-utilisateur.md"), StandardCharsets.UTF_8);
        // the table of screens and the shortcuts list them all by the words the sidebar shows
        for (Screen s : Screen.values()) {
            String name = fr.get("nav." + s.name());
            assertTrue(text.contains("| " + name + " |"), "the table of screens lacks " + name);
        }
        String shortcuts = java.util.Arrays.stream(Screen.values()).map(s -> fr.get("nav." + s.name())).collect(Collectors.joining(", "));
        assertTrue(text.contains("| Ctrl+1 … Ctrl+" + Screen.values().length + " | " + shortcuts + " "), "the shortcuts name " + shortcuts);
    }

    @Test
    void theFrenchGuideHasTheEnglishGuidesSections() throws IOException {
        List<Integer> english = UserGuide.read(ENGLISH).stream().filter(b -> b instanceof Markdown.Heading)
                .map(b -> ((Markdown.Heading) b).level()).toList();
        List<Integer> french = UserGuide.read(FRENCH).stream().filter(b -> b instanceof Markdown.Heading)
                .map(b -> ((Markdown.Heading) b).level()).toList();
        assertEquals(english, french, "the same sections, at the same levels, in the same order");
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "fr"})
    void everyLinkInsideTheGuideLeadsToOneOfItsHeadings(String language) throws IOException {
        Set<String> anchors = new TreeSet<>();
        List<List<Markdown.Span>> texts = new ArrayList<>();
        for (Markdown.Block b : guide(language)) {
            if (b instanceof Markdown.Heading h) {
                anchors.add(h.anchor());
                texts.add(h.spans());
            } else if (b instanceof Markdown.Paragraph p) {
                texts.add(p.spans());
            } else if (b instanceof Markdown.Item i) {
                texts.add(i.spans());
            } else if (b instanceof Markdown.Quote q) {
                texts.add(q.spans());
            } else if (b instanceof Markdown.Table t) {
                texts.addAll(t.header());
                t.rows().forEach(texts::addAll);
            }
        }
        List<String> broken = new ArrayList<>();
        int links = 0;
        for (List<Markdown.Span> text : texts) {
            for (Markdown.Span s : text) {
                if (s.style() == Markdown.Style.LINK && s.target().startsWith("#")) {
                    links++;
                    if (!anchors.contains(s.target().substring(1))) {
                        broken.add(s.text() + " -> " + s.target());
                    }
                }
            }
        }
        assertEquals(List.of(), broken, "headings: " + anchors);
        assertTrue(links >= 5, "the guide links its sections: " + links + " links");
    }
}
