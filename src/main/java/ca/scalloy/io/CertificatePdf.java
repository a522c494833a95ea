package ca.scalloy.io;

import java.io.IOException;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

import ca.scalloy.engine.Quantities;
import ca.scalloy.engine.doc.CertificateOfAnalysis;
import ca.scalloy.engine.heat.ElementStatus;
import ca.scalloy.engine.heat.SampleCheck;
import ca.scalloy.engine.spec.ElementCheck;
import ca.scalloy.engine.spec.Specification;

/**
 * Renders a {@link CertificateOfAnalysis} as a PDF in English or French: issuer, certificate number
 * and type, customer, order, product, quantity, heat and lot, the measured composition against the
 * agreed specification with unit, method and result, the statement of compliance (or of the
 * concession), sampling and laboratory, and the signature block.
 */
public final class CertificatePdf {

    private CertificatePdf() {
    }

    /** The certificate as PDF bytes, without a logo. */
    public static byte[] render(CertificateOfAnalysis c, Locale language, BatchSheetPdf.Paper paper) {
        return render(c, language, paper, null);
    }

    /**
     * The certificate as PDF bytes.
     *
     * @param logo the issuer's logo (PNG or JPEG bytes), or null
     */
    public static byte[] render(CertificateOfAnalysis c, Locale language, BatchSheetPdf.Paper paper, byte[] logo) {
        return render(c, Quantities.of(language), paper, logo);
    }

    /**
     * The certificate as PDF bytes, in the language of {@code q} and with its formatting policy (the
     * plant's elements read in ppm; dates in the reader's zone).
     *
     * @param logo the issuer's logo (PNG or JPEG bytes), or null
     */
    public static byte[] render(CertificateOfAnalysis c, Quantities q, BatchSheetPdf.Paper paper, byte[] logo) {
        ResourceBundle b = ResourceBundle.getBundle("ca.scalloy.io.documents", q.locale());
        Specification spec = c.specification();
        String specLabel = spec.name() + (spec.revision().isEmpty() ? "" : " (" + spec.revision() + ")");
        try (PdfCanvas pdf = new PdfCanvas(paper.size())) {
            String[] issuer = c.issuer().split("\n", 2);
            pdf.titleBlock(logo, issuer[0], issuer.length > 1 ? issuer[1] : "", b.getString("cert.title"),
                    MessageFormat.format(b.getString("cert.subtitle"), c.certificateType()));
            List<String[]> fields = new ArrayList<>();
            fields.add(DocumentText.pair(b, "cert.number", c.certificateNumber()));
            fields.add(DocumentText.pair(b, "cert.type", "EN 10204 " + c.certificateType()));
            fields.add(DocumentText.pair(b, "cert.date", q.isoText(c.date())));
            fields.add(DocumentText.pair(b, "cert.customer", c.customer()));
            fields.add(DocumentText.pair(b, "cert.order", c.order()));
            fields.add(DocumentText.pair(b, "cert.product", c.product()));
            fields.add(DocumentText.pair(b, "cert.quantity", q.kgNumber(c.quantityKg())));
            fields.add(DocumentText.pair(b, "cert.pieces", c.pieces() == null ? "" : c.pieces().toString()));
            fields.add(DocumentText.pair(b, "cert.heat", c.heatNumber()));
            fields.add(DocumentText.pair(b, "cert.lot", c.lot()));
            fields.add(DocumentText.pair(b, "cert.specification", specLabel));
            fields.add(DocumentText.pair(b, "cert.sample", c.finalAnalysis().sampleNumber()
                    + (c.finalAnalysis().takenAt().isEmpty() ? "" : ", " + q.isoText(c.finalAnalysis().takenAt()))));
            pdf.fields(fields, 3);

            pdf.heading(b.getString("cert.section.composition"));
            List<String[]> rows = new ArrayList<>();
            String method = c.finalAnalysis().method().isEmpty() ? "OES" : c.finalAnalysis().method();
            for (SampleCheck e : c.finalSample().checks()) {
                rows.add(new String[] {elementLabel(b, e.element()), content(q, e.element(), e.minPct()), content(q, e.element(), e.maxPct()),
                        value(e, q), q.inPpm(e.element()) ? "ppm" : b.getString("cert.unit"), method, result(e, b)});
            }
            pdf.table(new String[] {b.getString("cert.col.element"), b.getString("cert.col.min"), b.getString("cert.col.max"),
                    b.getString("cert.col.measured"), b.getString("cert.col.unit"), b.getString("cert.col.method"),
                    b.getString("cert.col.result")},
                    new float[] {0.2f, 0.12f, 0.12f, 0.14f, 0.1f, 0.12f, 0.2f}, rows, 0,
                    new boolean[] {false, true, true, true, false, false, false});

            pdf.heading(b.getString("cert.section.statement"));
            String statement = c.compliant()
                    ? MessageFormat.format(b.getString("cert.statement.compliant"), c.heatNumber(), specLabel)
                    : MessageFormat.format(b.getString("cert.statement.concession"), c.heatNumber(), specLabel,
                            failures(c, q, b), c.concessionReason());
            pdf.paragraph(statement, 9, false);

            pdf.heading(b.getString("cert.section.testing"));
            List<String[]> testing = new ArrayList<>();
            testing.add(DocumentText.pair(b, "cert.sampling", c.samplingStandard()));
            testing.add(DocumentText.pair(b, "cert.laboratory", c.laboratory()));
            pdf.fields(testing, 2);

            pdf.heading(b.getString("cert.section.signature"));
            List<String[]> sign = new ArrayList<>();
            sign.add(DocumentText.pair(b, "cert.signatory", c.signatory()));
            sign.add(DocumentText.pair(b, "cert.role", c.signatoryRole()));
            sign.add(DocumentText.pair(b, "cert.date", q.isoText(c.date())));
            sign.add(DocumentText.pair(b, "cert.signature", ""));
            pdf.fields(sign, 4);
            return pdf.finish(MessageFormat.format(b.getString("cert.footer"), c.certificateNumber()), b.getString("page"));
        }
    }

    /** Writes the certificate to {@code file} through a temporary file. */
    public static void write(CertificateOfAnalysis c, Locale language, BatchSheetPdf.Paper paper, Path file) throws IOException {
        write(c, language, paper, null, file);
    }

    /** Writes the certificate, with the issuer's logo (PNG or JPEG bytes, or null), through a temporary file. */
    public static void write(CertificateOfAnalysis c, Locale language, BatchSheetPdf.Paper paper, byte[] logo, Path file)
            throws IOException {
        BatchSheetPdf.writeAtomically(render(c, language, paper, logo), file);
    }

    /**
     * Writes the certificate in the language and with the formatting policy of {@code q} (the plant's
     * currency and ppm elements), with the issuer's logo (or null), through a temporary file.
     */
    public static void write(CertificateOfAnalysis c, Quantities q, BatchSheetPdf.Paper paper, byte[] logo, Path file)
            throws IOException {
        BatchSheetPdf.writeAtomically(render(c, q, paper, logo), file);
    }

    /** The engine's "others each (Cu)" / "others total" in the document's language. */
    private static String elementLabel(ResourceBundle b, String element) {
        if (element.startsWith(ElementCheck.OTHERS_EACH)) {
            return b.getString("cert.othersEach") + element.substring(ElementCheck.OTHERS_EACH.length());
        }
        return element.equals(ElementCheck.OTHERS_TOTAL) ? b.getString("cert.othersTotal") : element;
    }

    /** The value as reported: measured, "< limit" below a detection limit, or a dash when none was reported. */
    static String value(SampleCheck e, Quantities q) {
        return switch (e.reading()) {
            case MEASURED -> q.contentNumber(e.element(), e.valuePct());
            case BELOW_LIMIT -> "<\u00a0" + q.contentNumber(e.element(), e.valuePct());
            case NOT_DETECTED -> "n.d.";
            case ABSENT -> "—";
        };
    }

    private static String result(SampleCheck e, ResourceBundle b) {
        if (e.status() != ElementStatus.NOT_REPORTED) {
            return b.getString("cert.status." + e.status());
        }
        return b.getString(e.reading() == SampleCheck.Reading.ABSENT ? "cert.notMeasured" : "cert.notJudged");
    }

    /** A limit in the plant's unit for the element, without the unit; "" when absent. */
    private static String content(Quantities q, String element, Double wtPct) {
        return wtPct == null ? "" : q.contentNumber(element, wtPct);
    }

    private static String failures(CertificateOfAnalysis c, Quantities q, ResourceBundle b) {
        List<String> parts = new ArrayList<>();
        for (SampleCheck e : c.finalSample().failures()) {
            parts.add(e.element() + " " + value(e, q) + "\u00a0" + q.contentUnit(e.element()));
        }
        for (SampleCheck e : c.finalSample().unjudged()) {
            parts.add(e.element() + " " + result(e, b));
        }
        return String.join(", ", parts);
    }
}
