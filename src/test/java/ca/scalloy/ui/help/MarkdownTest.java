package ca.scalloy.ui.help;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.List;

import org.junit.jupiter.api.Test;

import ca.scalloy.ui.help.Markdown.Block;
import ca.scalloy.ui.help.Markdown.Span;
import ca.scalloy.ui.help.Markdown.Style;

/** The Markdown the user guide is written in, read into blocks. */
class MarkdownTest {

    private static Span plain(String text) {
        return new Span(text, Style.PLAIN, "");
    }

    @Test
    void headingsCarryTheirLevelAndAGithubAnchor() {
        List<Block> blocks = Markdown.parse("# Scalloy user guide\n\n## 3. Heats: plan → weigh\n");
        assertEquals(new Markdown.Heading(1, List.of(plain("Scalloy user guide")), "scalloy-user-guide"), blocks.get(0));
        // GitHub drops punctuation and arrows, keeps letters and digits, and turns spaces into hyphens
        assertEquals("3-heats-plan--weigh", ((Markdown.Heading) blocks.get(1)).anchor());
    }

    @Test
    void linesOfAParagraphJoinWithASpaceAndABlankLineEndsIt() {
        List<Block> blocks = Markdown.parse("The charge\nis solved.\n\nNext one.");
        assertEquals(List.of(new Markdown.Paragraph(List.of(plain("The charge is solved."))),
                new Markdown.Paragraph(List.of(plain("Next one.")))), blocks);
    }

    @Test
    void inlineBoldItalicCodeAndLinksAreRunsOfTheirStyle() {
        assertEquals(List.of(plain("Press "), new Span("Ctrl+1", Style.BOLD, ""), plain(", see "),
                        new Span("Heats", Style.LINK, "#heats"), plain(", run "), new Span("scalloy --version", Style.CODE, ""),
                        plain(" "), new Span("now", Style.ITALIC, ""), plain(".")),
                Markdown.inline("Press **Ctrl+1**, see [Heats](#heats), run `scalloy --version` *now*."));
    }

    @Test
    void anAsteriskInsideAWordOrBeforeASpaceStaysText() {
        assertEquals(List.of(plain("2 * 3 and a*b*c")), Markdown.inline("2 * 3 and a*b*c"));
        assertEquals(List.of(plain("a *literal* star")), Markdown.inline("a \\*literal\\* star"));
    }

    @Test
    void bulletedAndNumberedItemsKeepTheirDepthNumberAndContinuationLines() {
        List<Block> blocks = Markdown.parse("- first\n  goes on\n  - nested\n1. one\n2) two\n");
        assertEquals(List.of(new Markdown.Item(0, 0, List.of(plain("first goes on"))), new Markdown.Item(1, 0, List.of(plain("nested"))),
                new Markdown.Item(0, 1, List.of(plain("one"))), new Markdown.Item(0, 2, List.of(plain("two")))), blocks);
    }

    @Test
    void aTableHasItsHeaderAndRowsPaddedOrCutToTheHeadersWidthAndEscapedPipesStay() {
        List<Block> blocks = Markdown.parse("| key | does |\n|---|:---:|\n| Ctrl+1 | Batch |\n| a \\| b |\n| x | y | extra |\n");
        Markdown.Table t = assertInstanceOf(Markdown.Table.class, blocks.get(0));
        assertEquals(List.of(List.of(plain("key")), List.of(plain("does"))), t.header());
        assertEquals(3, t.rows().size());
        assertEquals(List.of(List.of(plain("Ctrl+1")), List.of(plain("Batch"))), t.rows().get(0));
        assertEquals(List.of(List.of(plain("a | b")), List.of()), t.rows().get(1));
        assertEquals(List.of(List.of(plain("x")), List.of(plain("y"))), t.rows().get(2));
        assertEquals(1, blocks.size());
    }

    @Test
    void anImageOnItsOwnLineIsAnImageBlockAndCodeAndQuotesAreKeptWhole() {
        List<Block> blocks = Markdown.parse("![The Batch screen](screenshots/batch.png)\n\n```\nscalloy batch a.json\n  --json\n```\n> Note:\n> read this\n");
        assertEquals(List.of(new Markdown.Image("The Batch screen", "screenshots/batch.png"),
                new Markdown.Code("scalloy batch a.json\n  --json"), new Markdown.Quote(List.of(plain("Note: read this")))), blocks);
    }

    @Test
    void aLinePipeWithoutARuleBelowIsAParagraph() {
        assertInstanceOf(Markdown.Paragraph.class, Markdown.parse("| not a table\n").get(0));
    }
}
