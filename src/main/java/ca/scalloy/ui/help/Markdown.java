package ca.scalloy.ui.help;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The part of Markdown the user guide is written in, read into blocks for {@link GuideView} to draw:
 * headings ({@code #}…{@code ######}), paragraphs, bulleted and numbered lists (two spaces of indent per
 * level), tables with a header row, images on a line of their own ({@code ![alt](path)}), fenced code and
 * quotes ({@code > }). Inline: {@code **bold**}, {@code *italic*}, {@code `code`}, {@code [text](target)}
 * and backslash escapes. Anything else is kept as text, so a construct it does not know shows as written
 * rather than vanishing. Plain Java, no JavaFX: tested without a stage.
 */
public final class Markdown {

    /** How a run of inline text is drawn. */
    public enum Style { PLAIN, BOLD, ITALIC, CODE, LINK }

    /** A run of text in one style; {@code target} is the link's target, else empty. */
    public record Span(String text, Style style, String target) {
        static Span of(String text, Style style) {
            return new Span(text, style, "");
        }
    }

    /** A block of the document. */
    public sealed interface Block permits Heading, Paragraph, Item, Table, Image, Code, Quote {
    }

    /** A heading; {@code level} 1 to 6; {@code anchor} is the GitHub-style id ("2. The Batch screen" → "2-the-batch-screen"). */
    public record Heading(int level, List<Span> spans, String anchor) implements Block {
    }

    public record Paragraph(List<Span> spans) implements Block {
    }

    /** A list item: {@code depth} 0 at the margin; {@code number} its number in a numbered list, else 0. */
    public record Item(int depth, int number, List<Span> spans) implements Block {
    }

    /** A table: the header's cells and each row's, every row as long as the header. */
    public record Table(List<List<Span>> header, List<List<List<Span>>> rows) implements Block {
    }

    /** An image; {@code path} as written, relative to the document. */
    public record Image(String alt, String path) implements Block {
    }

    public record Code(String text) implements Block {
    }

    public record Quote(List<Span> spans) implements Block {
    }

    private static final Pattern HEADING = Pattern.compile("^(#{1,6})\\s+(.*?)\\s*#*\\s*$");
    private static final Pattern ITEM = Pattern.compile("^( *)(?:([-*+])|(\\d{1,3})[.)])\\s+(.*)$");
    private static final Pattern IMAGE = Pattern.compile("^!\\[([^\\]]*)]\\(([^)\\s]+)(?:\\s+\"[^\"]*\")?\\)\\s*$");
    private static final Pattern TABLE_RULE = Pattern.compile("^\\|?\\s*:?-{3,}:?\\s*(\\|\\s*:?-{3,}:?\\s*)*\\|?\\s*$");

    private Markdown() {
    }

    /** The blocks of {@code text}, in order. */
    public static List<Block> parse(String text) {
        List<String> lines = text.replace("\r\n", "\n").replace('\r', '\n').lines().toList();
        List<Block> blocks = new ArrayList<>();
        int i = 0;
        while (i < lines.size()) {
            String line = lines.get(i);
            Matcher m;
            if (line.isBlank()) {
                i++;
            } else if (line.startsWith("```")) {
                StringBuilder code = new StringBuilder();
                i++;
                while (i < lines.size() && !lines.get(i).startsWith("```")) {
                    code.append(code.isEmpty() ? "" : "\n").append(lines.get(i++));
                }
                blocks.add(new Code(code.toString()));
                i++;
            } else if ((m = HEADING.matcher(line)).matches()) {
                blocks.add(new Heading(m.group(1).length(), inline(m.group(2)), anchor(m.group(2))));
                i++;
            } else if ((m = IMAGE.matcher(line.strip())).matches()) {
                blocks.add(new Image(m.group(1), m.group(2)));
                i++;
            } else if (line.strip().startsWith("|") && i + 1 < lines.size() && TABLE_RULE.matcher(lines.get(i + 1).strip()).matches()) {
                List<List<Span>> header = cells(line).stream().map(Markdown::inline).toList();
                List<List<List<Span>>> rows = new ArrayList<>();
                i += 2;
                while (i < lines.size() && lines.get(i).strip().startsWith("|")) {
                    List<String> cells = new ArrayList<>(cells(lines.get(i++)));
                    while (cells.size() < header.size()) {
                        cells.add("");
                    }
                    rows.add(cells.subList(0, header.size()).stream().map(Markdown::inline).toList());
                }
                blocks.add(new Table(header, rows));
            } else if ((m = ITEM.matcher(line)).matches()) {
                int depth = m.group(1).length() / 2;
                int number = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
                StringBuilder item = new StringBuilder(m.group(4).strip());
                i++;
                // lines indented under the item, not starting another item, continue it
                while (i < lines.size() && !lines.get(i).isBlank() && lines.get(i).startsWith("  ")
                        && !ITEM.matcher(lines.get(i)).matches()) {
                    item.append(' ').append(lines.get(i++).strip());
                }
                blocks.add(new Item(depth, number, inline(item.toString())));
            } else if (line.startsWith(">")) {
                StringBuilder quote = new StringBuilder();
                while (i < lines.size() && lines.get(i).startsWith(">")) {
                    quote.append(quote.isEmpty() ? "" : " ").append(lines.get(i++).substring(1).strip());
                }
                blocks.add(new Quote(inline(quote.toString())));
            } else {
                StringBuilder paragraph = new StringBuilder(line.strip());
                i++;
                while (i < lines.size() && continuesParagraph(lines.get(i))) {
                    paragraph.append(' ').append(lines.get(i++).strip());
                }
                blocks.add(new Paragraph(inline(paragraph.toString())));
            }
        }
        return blocks;
    }

    private static boolean continuesParagraph(String line) {
        return !line.isBlank() && !line.startsWith("```") && !line.startsWith(">") && !line.strip().startsWith("|")
                && !HEADING.matcher(line).matches() && !ITEM.matcher(line).matches() && !IMAGE.matcher(line.strip()).matches();
    }

    /** The cells of a table row: split on unescaped {@code |}, the outer pipes dropped. */
    private static List<String> cells(String row) {
        String r = row.strip();
        if (r.startsWith("|")) {
            r = r.substring(1);
        }
        if (r.endsWith("|") && !r.endsWith("\\|")) {
            r = r.substring(0, r.length() - 1);
        }
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        for (int k = 0; k < r.length(); k++) {
            char c = r.charAt(k);
            if (c == '\\' && k + 1 < r.length() && r.charAt(k + 1) == '|') {
                cell.append("\\|");
                k++;
            } else if (c == '|') {
                cells.add(cell.toString().strip());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString().strip());
        return cells;
    }

    /** The runs of one line of inline Markdown. */
    public static List<Span> inline(String text) {
        List<Span> spans = new ArrayList<>();
        StringBuilder plain = new StringBuilder();
        int k = 0;
        while (k < text.length()) {
            char c = text.charAt(k);
            int close;
            if (c == '\\' && k + 1 < text.length() && "\\`*_[]()#+-.!|<>".indexOf(text.charAt(k + 1)) >= 0) {
                plain.append(text.charAt(k + 1));
                k += 2;
            } else if (c == '`' && (close = text.indexOf('`', k + 1)) > k) {
                flush(plain, spans);
                spans.add(Span.of(text.substring(k + 1, close), Style.CODE));
                k = close + 1;
            } else if (text.startsWith("**", k) && (close = text.indexOf("**", k + 2)) > k + 2) {
                flush(plain, spans);
                spans.add(Span.of(unescape(text.substring(k + 2, close)), Style.BOLD));
                k = close + 2;
            } else if ((c == '*' || c == '_') && k + 1 < text.length() && !Character.isWhitespace(text.charAt(k + 1))
                    && (k == 0 || !Character.isLetterOrDigit(text.charAt(k - 1)))
                    && (close = text.indexOf(c, k + 1)) > k + 1 && !Character.isWhitespace(text.charAt(close - 1))) {
                flush(plain, spans);
                spans.add(Span.of(unescape(text.substring(k + 1, close)), Style.ITALIC));
                k = close + 1;
            } else if (c == '[' && (close = text.indexOf("](", k)) > k && text.indexOf(')', close) > close) {
                int end = text.indexOf(')', close);
                flush(plain, spans);
                spans.add(new Span(unescape(text.substring(k + 1, close)), Style.LINK, text.substring(close + 2, end).strip()));
                k = end + 1;
            } else {
                plain.append(c);
                k++;
            }
        }
        flush(plain, spans);
        return spans;
    }

    private static String unescape(String text) {
        return text.replaceAll("\\\\([\\\\`*_\\[\\]()#+\\-.!|<>])", "$1");
    }

    private static void flush(StringBuilder plain, List<Span> spans) {
        if (!plain.isEmpty()) {
            spans.add(Span.of(plain.toString(), Style.PLAIN));
            plain.setLength(0);
        }
    }

    /** A heading's anchor as GitHub makes it: lower case, punctuation dropped, spaces as hyphens. */
    static String anchor(String headingText) {
        String words = inline(headingText).stream().map(Span::text).reduce("", String::concat);
        return words.toLowerCase(java.util.Locale.ROOT).replaceAll("[^\\p{L}\\p{N} _-]", "").strip().replace(' ', '-');
    }

    /** The text of {@code spans} without their styles. */
    public static String plainText(List<Span> spans) {
        StringBuilder b = new StringBuilder();
        spans.forEach(s -> b.append(s.text()));
        return b.toString();
    }
}
