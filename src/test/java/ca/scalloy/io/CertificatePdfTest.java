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
        return CertificateOfAnalysis.builder("COA-2026-0099", "H-2026-0142", last, ALSC2, "J. Gagnon")
                .issuer("Scandium Québec inc.\n1 rue du Four, Saguenay QC").customer("AeroParts").order("PO-5521 / 1")
                .product("AlSc2 master alloy, waffle plate").quantityKg(998.5).pieces(88).lot("L-0142").concessionReason(concession)
                .samplingStandard("EN 14361; ASTM E1251").laboratory("Scalloy lab, ISO/IEC 17025").signatoryRole("Quality manager")
                .date("2026-11-27").issue();
    }

    /* Measured values print with the policy's two to four decimals: 1.968 (not 1.9680), 0.1023, 0.0509; Mg 0.006 is the others' one. */
    @Test
    void aCompliantCertificateQuotesEveryElementTheSpecAndTheSignatureInBothLanguages() throws Exception {
        CertificateOfAnalysis c = certificate(Map.of("Sc", 1.968, "Fe", 0.1023, "Si", 0.0509, "Mg", 0.006), null);
        String en = text(CertificatePdf.render(c, Locale.ENGLISH, BatchSheetPdf.Paper.A4));
        for (String s : new String[] {"Certificate of analysis", "EN 10204 3.1", "COA-2026-0099", "H-2026-0142", "L-0142", "AlSc2 (A)",
                "1.968", "0.1023", "0.0509", "ICP-OES", "complies with specification AlSc2 (A)", "J. Gagnon", "Quality manager",
                "ISO/IEC 17025"}) {
            assertTrue(en.contains(s), () -> "'" + s + "' missing:\n" + en);
        }
        String fr = text(CertificatePdf.render(c, Locale.CANADA_FRENCH, BatchSheetPdf.Paper.LETTER));
        for (String s : new String[] {"Certificat d'analyse", "Numéro de coulée", "1,968", "conforme", "Signature autorisée"}) {
            assertTrue(fr.contains(s), () -> "'" + s + "' missing:\n" + fr);
        }
    }

    /* Fe 0.16 > 0.15: no certificate without a concession; with one, the statement names it and the failing element. */
    @Test
    void aFailingHeatIsCertifiedOnlyUnderARecordedConcession() throws Exception {
        Map<String, Double> failing = Map.of("Sc", 1.968, "Fe", 0.16, "Si", 0.0509, "Mg", 0.006);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> certificate(failing, null));
        assertTrue(e.getMessage().contains("concession") && e.getMessage().contains("Fe"), e.getMessage());
        CertificateOfAnalysis c = certificate(failing, "customer accepts Fe up to 0.17 % (email 2026-11-26)");
        assertFalse(c.compliant());
        String en = text(CertificatePdf.render(c, Locale.ENGLISH, BatchSheetPdf.Paper.A4));
        assertTrue(en.contains("does not comply") && en.contains("Fe 0.16 %") && en.contains("customer accepts Fe up to 0.17 %"), en);
    }

    /*
     * Dates without the ISO "T", in the reader's language: issued 2026-11-27 → "November 27, 2026" /
     * "27 novembre 2026"; the sample taken "2026-11-26T10:37:12" (a local time) → "2026-11-26 10:37" /
     * "2026-11-26 10 h 37". Na is read in ppm: 0.0018 wt% × 10 000 = 18 ppm, limit 0.01 wt% = 100 ppm.
     */
    @Test
    void datesAreInTheReadersLanguageAndNaIsInPpm() throws Exception {
        Specification withNa = new Specification("AlSc2", "MASTER_ALLOY", "A",
                List.of(new ElementLimit("Sc", 1.80, 2.20), new ElementLimit("Na", null, 0.01)), 0.03, 0.10, List.of(), "", "est");
        SampleAnalysis sample = new SampleAnalysis("H-1-F", "2026-11-26T10:37:12", "OES", Map.of("Sc", 1.968, "Na", 0.0018, "Mg", 0.006));
        SampleChecker.Result judged = new SampleChecker().check(sample, withNa, "Al");
        HeatSample last = new HeatSample(sample, "OES", false, judged.verdict(), judged.checks(), "lab", Instant.EPOCH, false);
        CertificateOfAnalysis c = CertificateOfAnalysis.builder("COA-1", "H-1", last, withNa, "J. Gagnon").quantityKg(998.5)
                .date("2026-11-27").issue();
        String en = text(CertificatePdf.render(c, Locale.CANADA, BatchSheetPdf.Paper.A4));
        for (String s : new String[] {"November 27, 2026", "H-1-F, 2026-11-26 10:37", "Na 100 18 ppm", "998.5"}) {
            assertTrue(en.contains(s), () -> "'" + s + "' missing:\n" + en);
        }
        assertFalse(en.contains("T10:37"), en);
        String fr = text(CertificatePdf.render(c, Locale.CANADA_FRENCH, BatchSheetPdf.Paper.A4));
        for (String s : new String[] {"27 novembre 2026", "2026-11-26 10 h 37", "Na 100 18 ppm", "998,5", "1,968"}) {
            assertTrue(fr.contains(s), () -> "'" + s + "' missing:\n" + fr);
        }
    }

    private static String text(byte[] pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc).replace('\u00a0', ' ').replace('\u202F', ' ').replaceAll("\\s+", " ");
        }
    }
}
