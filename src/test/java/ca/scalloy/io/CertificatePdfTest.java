package ca.scalloy.io;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import ca.scalloy.engine.doc.CertificateOfAnalysis;
import ca.scalloy.engine.heat.HeatSample;
import ca.scalloy.engine.heat.SampleAnalysis;
import ca.scalloy.engine.heat.SampleChecker;
import ca.scalloy.engine.spec.ElementLimit;
import ca.scalloy.engine.spec.Specification;

class CertificatePdfTest {

    private static final Specification ALSC2 = new Specification("AlSc2", "MASTER_ALLOY", "A",
            List.of(new ElementLimit("Sc", 1.80, 2.20), new ElementLimit("Fe", null, 0.15), new ElementLimit("Si", null, 0.10)),
            0.03, 0.10, List.of(), "common commercial practice", "est");

    private static CertificateOfAnalysis certificate(Map<String, Double> measured, String concession) {
        SampleAnalysis sample = new SampleAnalysis("H-2026-0142-F", "2026-11-26T10:37:12", "ICP-OES", measured);
        SampleChecker.Result judged = new SampleChecker().check(sample, ALSC2, "Al");
        HeatSample last = new HeatSample(sample, "ICP", false, judged.verdict(), judged.checks(), "lab", Instant.EPOCH, false);
        return CertificateOfAnalysis.issue("Scandium Québec inc.\n1 rue du Four, Saguenay QC", "COA-2026-0099", "AeroParts",
                "PO-5521 / 1", "AlSc2 master alloy, waffle plate", 998.5, 88, "H-2026-0142", "L-0142", last, ALSC2, concession,
                "EN 14361; ASTM E1251", "Scalloy lab, ISO/IEC 17025", "J. Gagnon", "Quality manager", "2026-11-27");
    }

    @Test
    void aCompliantCertificateQuotesEveryElementTheSpecAndTheSignatureInBothLanguages() throws Exception {
        CertificateOfAnalysis c = certificate(Map.of("Sc", 1.968, "Fe", 0.1023, "Si", 0.0509), null);
        String en = text(CertificatePdf.render(c, Locale.ENGLISH, BatchSheetPdf.Paper.A4));
        for (String s : new String[] {"Certificate of analysis", "EN 10204 3.1", "COA-2026-0099", "H-2026-0142", "L-0142", "AlSc2 (A)",
                "1.9680", "0.1023", "0.0509", "ICP-OES", "complies with specification AlSc2 (A)", "J. Gagnon", "Quality manager",
                "ISO/IEC 17025"}) {
            assertTrue(en.contains(s), () -> "'" + s + "' missing:\n" + en);
        }
        String fr = text(CertificatePdf.render(c, Locale.CANADA_FRENCH, BatchSheetPdf.Paper.LETTER));
        for (String s : new String[] {"Certificat d'analyse", "Numéro de coulée", "1,9680", "conforme", "Signature autorisée"}) {
            assertTrue(fr.contains(s), () -> "'" + s + "' missing:\n" + fr);
        }
    }

    /* Fe 0.16 > 0.15: no certificate without a concession; with one, the statement names it and the failing element. */
    @Test
    void aFailingHeatIsCertifiedOnlyUnderARecordedConcession() throws Exception {
        Map<String, Double> failing = Map.of("Sc", 1.968, "Fe", 0.16, "Si", 0.0509);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> certificate(failing, null));
        assertTrue(e.getMessage().contains("concession") && e.getMessage().contains("Fe"), e.getMessage());
        CertificateOfAnalysis c = certificate(failing, "customer accepts Fe up to 0.17 % (email 2026-11-26)");
        assertFalse(c.compliant());
        String en = text(CertificatePdf.render(c, Locale.ENGLISH, BatchSheetPdf.Paper.A4));
        assertTrue(en.contains("does not comply") && en.contains("Fe 0.1600 %") && en.contains("customer accepts Fe up to 0.17 %"), en);
    }

    private static String text(byte[] pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc).replaceAll("\\s+", " ").replace('\u202F', ' ');
        }
    }
}
