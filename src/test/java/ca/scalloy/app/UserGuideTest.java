package ca.scalloy.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import ca.scalloy.ui.common.Messages;
import ca.scalloy.ui.common.Screen;
import ca.scalloy.ui.help.Markdown;

/** docs/user-guide.md as the workbench ships it: in the jar, whole, with every picture and link it needs. */
class UserGuideTest {

    private static List<Markdown.Block> guide() throws IOException {
        return UserGuide.read();
    }

    @Test
    void theJarHoldsTheGuideAsWritten() throws IOException {
        assertEquals(Markdown.parse(Files.readString(Path.of("docs/user-guide.md"), StandardCharsets.UTF_8)), guide());
    }

    @Test
    void everyPictureTheGuideShowsIsShippedWithIt() throws IOException {
        List<String> missing = new ArrayList<>();
        int pictures = 0;
        for (Markdown.Block b : guide()) {
            if (b instanceof Markdown.Image i) {
                pictures++;
                if (UserGuide.image(i.path()) == null) {
                    missing.add(i.path() + " (list it in pom.xml's guide resource)");
                }
                assertTrue(Files.isRegularFile(Path.of("docs").resolve(i.path())), i.path() + " is not in docs/");
            }
        }
        assertEquals(List.of(), missing);
        assertTrue(pictures >= 5, "the guide shows the screens: " + pictures + " pictures");
    }

    @Test
    void aPictureTheJarDoesNotHoldIsNone() {
        assertNull(UserGuide.image("screenshots/no-such-screen.png"));
        assertNull(UserGuide.image("https://example.com/batch.png"));
        assertNotNull(UserGuide.image("screenshots/batch.png"));
    }

    @Test
    void everyScreenHasASectionNamedAsTheSidebarNamesIt() throws IOException {
        Messages en = Messages.forLocale(Locale.CANADA);
        Set<String> headings = guide().stream().filter(b -> b instanceof Markdown.Heading).map(b -> Markdown.plainText(((Markdown.Heading) b).spans()))
                .collect(Collectors.toCollection(TreeSet::new));
        for (Screen s : Screen.values()) {
            String name = en.get("nav." + s.name());
            assertTrue(headings.stream().anyMatch(h -> h.equals(name) || h.startsWith(name + ":") || h.startsWith(name + " ")),
                    "no section for the " + name + " screen in " + headings);
        }
    }

    @Test
    void everyLinkInsideTheGuideLeadsToOneOfItsHeadings() throws IOException {
        Set<String> anchors = new TreeSet<>();
        List<List<Markdown.Span>> texts = new ArrayList<>();
        for (Markdown.Block b : guide()) {
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
        for (List<Markdown.Span> text : texts) {
            for (Markdown.Span s : text) {
                if (s.style() == Markdown.Style.LINK && s.target().startsWith("#") && !anchors.contains(s.target().substring(1))) {
                    broken.add(s.text() + " -> " + s.target());
                }
            }
        }
        assertEquals(List.of(), broken, "headings: " + anchors);
    }
}
