package ca.scalloy.io;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/** The pages of a PDF as images, for previews and for printing through a toolkit that prints images. */
public final class PdfPages {

    private PdfPages() {
    }

    /**
     * Renders every page of {@code pdf}.
     *
     * @param pdf the document's bytes
     * @param dpi resolution, dots per inch (72 is one pixel per PDF point); from 18 to 600
     * @return one RGB image per page, in order
     * @throws IllegalArgumentException for a dpi out of range
     * @throws IOException when the bytes are not a readable PDF
     */
    public static List<BufferedImage> render(byte[] pdf, float dpi) throws IOException {
        if (!(dpi >= 18 && dpi <= 600)) {
            throw new IllegalArgumentException("dpi must be from 18 to 600, was " + dpi);
        }
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDFRenderer renderer = new PDFRenderer(doc);
            List<BufferedImage> pages = new ArrayList<>(doc.getNumberOfPages());
            for (int i = 0; i < doc.getNumberOfPages(); i++) {
                pages.add(renderer.renderImageWithDPI(i, dpi, ImageType.RGB));
            }
            return pages;
        }
    }
}
