package ca.scalloy.io;

import java.awt.Color;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * A flowing page layout over PDFBox for the furnace documents: headings, label/value grids with
 * blanks to fill by hand, ruled tables that break across pages with their header repeated, wrapped
 * text, and a footer with "page i / n" written once the page count is known. Fonts (DejaVu Sans,
 * shipped in the jar) are embedded so the documents print the same everywhere.
 */
final class PdfCanvas implements AutoCloseable {

    static final float MARGIN = 36;
    private static final Color GRID = new Color(0x9A, 0xA3, 0xAD);
    private static final Color SHADE = new Color(0xE8, 0xEC, 0xF0);
    private static final Color MUTED = new Color(0x55, 0x5F, 0x6A);

    final PDDocument doc = new PDDocument();
    final PDFont regular;
    final PDFont bold;
    private final PDRectangle size;
    private PDPageContentStream out;
    private float y;

    PdfCanvas(PDRectangle size) {
        this.size = size;
        regular = font("DejaVuSans.ttf");
        bold = font("DejaVuSans-Bold.ttf");
        newPage();
    }

    private PDFont font(String name) {
        try (InputStream in = PdfCanvas.class.getResourceAsStream("fonts/" + name)) {
            if (in == null) {
                throw new IllegalStateException("font " + name + " is missing from the jar");
            }
            return PDType0Font.load(doc, in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    float width() {
        return size.getWidth() - 2 * MARGIN;
    }

    void newPage() {
        try {
            if (out != null) {
                out.close();
            }
            PDPage page = new PDPage(size);
            doc.addPage(page);
            out = new PDPageContentStream(doc, page);
            y = size.getHeight() - MARGIN;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts a new page unless {@code heightPt} still fits above the footer. */
    void ensure(float heightPt) {
        if (y - heightPt < MARGIN + 24) {
            newPage();
        }
    }

    void gap(float pt) {
        y -= pt;
    }

    /**
     * The document's title block: the company's logo (if given: PNG or JPEG, scaled to 30 pt high),
     * company and address left, title and number right.
     */
    void titleBlock(byte[] logo, String company, String address, String title, String number) {
        float x = MARGIN;
        if (logo != null) {
            try {
                PDImageXObject image = PDImageXObject.createFromByteArray(doc, logo, "logo");
                float h = 30;
                float w = image.getWidth() * h / image.getHeight();
                out.drawImage(image, MARGIN, y - h, w, h);
                x += w + 8;
            } catch (IOException | IllegalArgumentException e) {
                // an unreadable logo leaves the title block without it; the document is still right
                x = MARGIN;
            }
        }
        text(bold, 14, x, y - 14, company, Color.BLACK);
        text(regular, 8, x, y - 26, address, MUTED);
        float tw = textWidth(bold, 15, title);
        text(bold, 15, MARGIN + width() - tw, y - 14, title, Color.BLACK);
        float nw = textWidth(regular, 9, number);
        text(regular, 9, MARGIN + width() - nw, y - 26, number, MUTED);
        y -= 32;
        line(MARGIN, y, MARGIN + width(), y, 1.2f, Color.BLACK);
        y -= 8;
    }

    void heading(String title) {
        ensure(70);
        y -= 6;
        text(bold, 10.5f, MARGIN, y - 11, title, Color.BLACK);
        y -= 15;
    }

    /** Label/value pairs in {@code columns} columns; an empty value is a line to write on. */
    void fields(List<String[]> pairs, int columns) {
        float colW = width() / columns;
        float rowH = 22;
        for (int i = 0; i < pairs.size(); i += columns) {
            ensure(rowH);
            for (int c = 0; c < columns && i + c < pairs.size(); c++) {
                float x = MARGIN + c * colW;
                String[] p = pairs.get(i + c);
                text(regular, 6.5f, x, y - 7, p[0], MUTED);
                float pt = 9;
                while (pt > 6.5f && textWidth(regular, pt, p[1]) > colW - 8) {
                    pt -= 0.5f;
                }
                text(regular, pt, x, y - 17, fit(regular, pt, p[1], colW - 8), Color.BLACK);
                line(x, y - 19.5f, x + colW - 8, y - 19.5f, 0.4f, GRID);
            }
            y -= rowH;
        }
    }

    /**
     * A ruled table. {@code widths} are shares of the page width; {@code blankRows} empty rows are
     * added for writing by hand. Cells wrap onto several lines; rows break across pages with the
     * header repeated.
     */
    void table(String[] headers, float[] widths, List<String[]> rows, int blankRows, boolean[] rightAligned) {
        float[] xs = new float[widths.length + 1];
        xs[0] = MARGIN;
        for (int i = 0; i < widths.length; i++) {
            xs[i + 1] = xs[i] + widths[i] * width();
        }
        List<String[]> all = new ArrayList<>(rows);
        for (int i = 0; i < blankRows; i++) {
            all.add(new String[headers.length]);
        }
        List<List<String>> head = cells(bold, 7, headers, xs);
        ensure(rowHeight(head, 8.5f) + 16);
        row(head, xs, bold, 7, 8.5f, null, true);
        for (String[] r : all) {
            List<List<String>> cells = cells(regular, 8, r, xs);
            if (y - rowHeight(cells, 9.5f) < MARGIN + 24) {
                newPage();
                row(head, xs, bold, 7, 8.5f, null, true);
            }
            row(cells, xs, regular, 8, 9.5f, rightAligned, false);
        }
        y -= 4;
    }

    private List<List<String>> cells(PDFont font, float pt, String[] values, float[] xs) {
        List<List<String>> out = new ArrayList<>();
        for (int c = 0; c < xs.length - 1; c++) {
            String v = c < values.length && values[c] != null ? values[c] : "";
            float w = xs[c + 1] - xs[c] - 6;
            List<String> lines = new ArrayList<>();
            for (String l : wrap(font, pt, v, w)) {
                lines.add(fit(font, pt, l, w));
            }
            out.add(lines);
        }
        return out;
    }

    private static float rowHeight(List<List<String>> cells, float lineH) {
        int lines = 1;
        for (List<String> c : cells) {
            lines = Math.max(lines, c.size());
        }
        return 5.5f + lines * lineH;
    }

    private void row(List<List<String>> cells, float[] xs, PDFont font, float pt, float lineH, boolean[] right, boolean shaded) {
        float h = rowHeight(cells, lineH);
        if (shaded) {
            fillRect(xs[0], y - h, xs[xs.length - 1] - xs[0], h, SHADE);
        }
        for (int c = 0; c < cells.size(); c++) {
            List<String> lines = cells.get(c);
            for (int i = 0; i < lines.size(); i++) {
                String t = lines.get(i);
                float tx = right != null && right[c] ? xs[c + 1] - 3 - textWidth(font, pt, t) : xs[c] + 3;
                text(font, pt, tx, y - 3 - (i + 1) * lineH + 2, t, Color.BLACK);
            }
        }
        rect(xs[0], y - h, xs[xs.length - 1] - xs[0], h, false);
        for (float x : xs) {
            line(x, y, x, y - h, 0.4f, GRID);
        }
        y -= h;
    }

    /** Text wrapped to the page width, as a bulleted list when {@code bullet} is true. */
    void paragraph(String textBody, float fontSize, boolean bullet) {
        float indent = bullet ? 10 : 0;
        for (String lineText : wrap(regular, fontSize, textBody, width() - indent)) {
            ensure(fontSize + 4);
            if (bullet && indent > 0) {
                text(regular, fontSize, MARGIN, y - fontSize, "•", Color.BLACK);
                bullet = false;
            }
            text(regular, fontSize, MARGIN + indent, y - fontSize, lineText, Color.BLACK);
            y -= fontSize + 3;
        }
        y -= 2;
    }

    /** Signature boxes side by side: a label above a line, with "name / date" under it. */
    void signatures(String[] roles, String nameDate) {
        ensure(48);
        float w = width() / roles.length;
        for (int i = 0; i < roles.length; i++) {
            float x = MARGIN + i * w;
            text(bold, 8, x, y - 9, roles[i], Color.BLACK);
            line(x, y - 36, x + w - 14, y - 36, 0.6f, Color.BLACK);
            text(regular, 6.5f, x, y - 44, nameDate, MUTED);
        }
        y -= 50;
    }

    /** Writes "left … page i / n" at the foot of every page and saves. */
    byte[] finish(String footerLeft, String pageWord) {
        try {
            out.close();
            out = null;
            int n = doc.getNumberOfPages();
            for (int i = 0; i < n; i++) {
                PDPage page = doc.getPage(i);
                try (PDPageContentStream s = new PDPageContentStream(doc, page, PDPageContentStream.AppendMode.APPEND, true, true)) {
                    String right = pageWord + " " + (i + 1) + " / " + n;
                    draw(s, regular, 7, MARGIN, MARGIN - 14, footerLeft, MUTED);
                    draw(s, regular, 7, MARGIN + width() - textWidth(regular, 7, right), MARGIN - 14, right, MUTED);
                }
            }
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            doc.save(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            if (out != null) {
                out.close();
            }
            doc.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---------------------------------------------------------------- primitives

    private void text(PDFont font, float pt, float x, float yy, String s, Color color) {
        draw(out, font, pt, x, yy, s, color);
    }

    private static void draw(PDPageContentStream s, PDFont font, float pt, float x, float y, String text, Color color) {
        try {
            s.beginText();
            s.setFont(font, pt);
            s.setNonStrokingColor(color);
            s.newLineAtOffset(x, y);
            s.showText(text);
            s.endText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void line(float x1, float y1, float x2, float y2, float widthPt, Color color) {
        try {
            out.setStrokingColor(color);
            out.setLineWidth(widthPt);
            out.moveTo(x1, y1);
            out.lineTo(x2, y2);
            out.stroke();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void rect(float x, float yy, float w, float h, boolean thick) {
        try {
            out.setStrokingColor(GRID);
            out.setLineWidth(thick ? 1f : 0.4f);
            out.addRect(x, yy, w, h);
            out.stroke();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void fillRect(float x, float yy, float w, float h, Color color) {
        try {
            out.setNonStrokingColor(color);
            out.addRect(x, yy, w, h);
            out.fill();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static float textWidth(PDFont font, float pt, String s) {
        try {
            return font.getStringWidth(s) / 1000 * pt;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code s} cut with an ellipsis to fit {@code maxWidth}. */
    static String fit(PDFont font, float pt, String s, float maxWidth) {
        if (textWidth(font, pt, s) <= maxWidth) {
            return s;
        }
        String t = s;
        while (!t.isEmpty() && textWidth(font, pt, t + "…") > maxWidth) {
            t = t.substring(0, t.length() - 1);
        }
        return t + "…";
    }

    static List<String> wrap(PDFont font, float pt, String s, float maxWidth) {
        List<String> lines = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (String word : s.split(" ")) {
            String candidate = cur.length() == 0 ? word : cur + " " + word;
            if (textWidth(font, pt, candidate) > maxWidth && cur.length() > 0) {
                lines.add(cur.toString());
                cur = new StringBuilder(word);
            } else {
                cur = new StringBuilder(candidate);
            }
        }
        if (cur.length() > 0) {
            lines.add(cur.toString());
        }
        return lines;
    }
}
