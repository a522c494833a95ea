package ca.scalloy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The certificate of a heat, end to end through the command line, on a seeded database. */
class CertificateCommandTest {

    private static final String HEAT = "H-" + java.time.Year.now(java.time.ZoneOffset.UTC) + "-0001";

    @TempDir
    Path dir;

    private CliRun run(String... args) {
        String[] all = java.util.Arrays.copyOf(args, args.length + 2);
        all[args.length] = "--db";
        all[args.length + 1] = dir.resolve("scalloy").toString();
        return CliRun.of(all);
    }

    /** Plans, charges, samples (Sc as given) and casts a heat of the oxide route against the seeded AlSc2 spec. */
    private void castHeat(String sc) {
        assertEquals(0, run("heats", "create", "--recipe", "recipes/alsc2-oxide-route.json", "--spec", "AlSc2").exit());
        assertEquals(0, run("heats", "move", HEAT, "CHARGED").exit());
        // a full analysis: every element the AlSc2 specification limits, and two others (Mg, Mn) for its "others" limits
        run("heats", "sample", HEAT, "--analysis", "Sc=" + sc + ",Fe=0.10,Si=0.05,Cu=0.003,Zn=0.004,Ti=0.006,Ca=0.002,Na=0.0015,Mg=0.006,Mn=0.004");
        assertEquals(0, run("heats", "move", HEAT, "CAST").exit());
    }

    @Test
    void aCastHeatGetsItsCertificateInFrenchWithTheCompanyFromSettings() throws Exception {
        castHeat("1.98");
        assertEquals(0, run("settings", "set", "company.name", "Scandium Québec inc.").exit());
        assertEquals(0, run("heats", "cast", HEAT, "--kg", "1002.5", "--pieces", "88").exit());
        Path pdf = dir.resolve("coa.pdf");
        CliRun r = run("certificate", HEAT, "--out", pdf.toString(), "--lang", "fr", "--customer", "AeroParts", "--signatory", "J. Gagnon");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().startsWith("COA-" + HEAT + "-1"), r.out());
        String text;
        try (PDDocument doc = Loader.loadPDF(Files.readAllBytes(pdf))) {
            text = new PDFTextStripper().getText(doc).replace('\u202F', ' ').replace('\u00A0', ' ');
        }
        for (String s : new String[] {"Certificat d'analyse", "Scandium Québec inc.", HEAT, "AeroParts", "1 002,5", "88", "1,98", "J. Gagnon"}) {
            assertTrue(text.contains(s), () -> "'" + s + "' missing:\n" + text);
        }
        // Sc 1.98 prints with the policy's two to four decimals ("1,98", not "1,9800"); Na 0.0015 wt% = 15 ppm
        assertTrue(text.contains("15 ppm"), text);
    }

    /* Sc 1.70 is below the seeded AlSc2 minimum of 1.80: exit 3 and nothing written, unless a concession is recorded. */
    /*
     * The command line prints with the plant's formatting settings, as the workbench does: with Cu and Si
     * added to the ppm elements, the sample's Cu 0.003 wt% reads 0.003 × 10,000 = 30 ppm on the
     * certificate, and the batch sheet's Si maximum of 0.10 % is a "Si (ppm)" row; with the plant's
     * currency set to EUR, the sheet's price appendix (--sensitivity) states prices in EUR, not CAD.
     */
    @Test
    void certificateAndSheetFollowThePlantsPpmElementsAndCurrency() throws Exception {
        castHeat("1.98");
        assertEquals(0, run("settings", "set", "plant.ppmElements", "Na,Ca,Be,Cu,Si").exit());
        assertEquals(0, run("settings", "set", "plant.currency", "EUR").exit());
        Path coa = dir.resolve("coa.pdf");
        CliRun r = run("certificate", HEAT, "--out", coa.toString());
        assertEquals(0, r.exit(), r.err());
        String text = pdfText(coa);
        assertTrue(text.contains("30 ppm"), text);
        Path sheet = dir.resolve("sheet.pdf");
        CliRun s = run("sheet", HEAT, "--out", sheet.toString(), "--sensitivity");
        assertEquals(0, s.exit(), s.err());
        String sheetText = pdfText(sheet);
        assertTrue(sheetText.contains("Si (ppm)") && !sheetText.contains("Si (%)"), sheetText);
        assertTrue(sheetText.contains("EUR") && !sheetText.contains("CAD"), sheetText);
    }

    private static String pdfText(Path pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(Files.readAllBytes(pdf))) {
            return new PDFTextStripper().getText(doc).replace('\u202F', ' ').replace('\u00A0', ' ');
        }
    }

    @Test
    void aFailingHeatNeedsAConcession() {
        castHeat("1.70");
        Path pdf = dir.resolve("coa.pdf");
        CliRun refused = run("certificate", HEAT, "--out", pdf.toString());
        assertEquals(3, refused.exit(), refused.err());
        assertTrue(refused.err().contains("concession"), refused.err());
        assertFalse(Files.exists(pdf));
        CliRun granted = run("certificate", HEAT, "--out", pdf.toString(), "--concession", "customer deviation 12");
        assertEquals(0, granted.exit(), granted.err());
        assertTrue(run("audit", "--entity", "heat", "--id", HEAT).out().contains("customer deviation 12"));
    }

    @Test
    void anUncastHeatIsRefused() {
        assertEquals(0, run("heats", "create", "--recipe", "recipes/alsc2-oxide-route.json", "--spec", "AlSc2").exit());
        CliRun r = run("certificate", HEAT, "--out", dir.resolve("x.pdf").toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("PLANNED"), r.err());
    }

    /* A planned heat's batch sheet carries its number, furnace and the lot chosen for a line. */
    @Test
    void aPlannedHeatsBatchSheetCarriesItsNumberFurnaceAndLots() throws Exception {
        CliRun lot = run("lots", "add", "L-SC-77", "--material", "SC2O3-999", "--purity-pct", "99.95");
        assertEquals(0, lot.exit(), lot.err());
        CliRun created = run("heats", "create", "--recipe", "recipes/alsc2-oxide-route.json", "--spec", "AlSc2", "--furnace", "F3",
                "--lot", "L-SC-77");
        assertEquals(0, created.exit(), created.err());
        Path pdf = dir.resolve("sheet.pdf");
        CliRun r = run("sheet", HEAT, "--out", pdf.toString());
        assertEquals(0, r.exit(), r.err());
        String text;
        try (PDDocument doc = Loader.loadPDF(Files.readAllBytes(pdf))) {
            text = new PDFTextStripper().getText(doc);
        }
        for (String s : new String[] {HEAT, "F3", "L-SC-77", "AlSc2 (v1)"}) {
            assertTrue(text.contains(s), () -> "'" + s + "' missing:\n" + text);
        }
    }

    /* The company.logo setting puts the logo on the certificate (an image in the PDF); an unreadable one is warned about. */
    @Test
    void theCompanyLogoFromSettingsIsPrinted() throws Exception {
        castHeat("1.98");
        Path logo = dir.resolve("logo.png");
        java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(40, 20, java.awt.image.BufferedImage.TYPE_INT_RGB);
        javax.imageio.ImageIO.write(img, "png", logo.toFile());
        assertEquals(0, run("settings", "set", "company.logo", logo.toString()).exit());
        Path pdf = dir.resolve("coa.pdf");
        assertEquals(0, run("certificate", HEAT, "--out", pdf.toString()).exit());
        try (PDDocument doc = Loader.loadPDF(Files.readAllBytes(pdf))) {
            var resources = doc.getPage(0).getResources();
            boolean hasImage = false;
            for (var name : resources.getXObjectNames()) {
                hasImage |= resources.isImageXObject(name);
            }
            assertTrue(hasImage, "the logo is drawn");
        }
        assertEquals(0, run("settings", "set", "company.logo", dir.resolve("missing.png").toString()).exit());
        CliRun warned = run("certificate", HEAT, "--out", pdf.toString(), "--force");
        assertEquals(0, warned.exit(), warned.err());
        assertTrue(warned.err().contains("warning") && warned.err().contains("missing.png"), warned.err());
    }

    /*
     * The AlSc2 specification limits Cu, Zn, Ti, Ca and Na; an analysis of Sc, Fe and Si only cannot
     * certify them (the compliance check would count them as 0 %): refused, and with a concession the
     * certificate prints them as "not measured", never as a value.
     */
    @Test
    void elementsTheAnalysisDoesNotReportAreNeverCertifiedAsZero() throws Exception {
        assertEquals(0, run("heats", "create", "--recipe", "recipes/alsc2-oxide-route.json", "--spec", "AlSc2").exit());
        assertEquals(0, run("heats", "move", HEAT, "CHARGED").exit());
        run("heats", "sample", HEAT, "--analysis", "Sc=1.98,Fe=0.10,Si=0.05");
        assertEquals(0, run("heats", "move", HEAT, "CAST").exit());
        Path pdf = dir.resolve("coa.pdf");
        CliRun refused = run("certificate", HEAT, "--out", pdf.toString());
        assertEquals(3, refused.exit());
        assertTrue(refused.err().contains("does not report Cu, Zn, Ti, Ca, Na"), refused.err());
        assertEquals(0, run("certificate", HEAT, "--out", pdf.toString(), "--concession", "trace elements by supplier cert").exit());
        String text;
        try (PDDocument doc = Loader.loadPDF(Files.readAllBytes(pdf))) {
            text = new PDFTextStripper().getText(doc);
        }
        assertTrue(text.contains("Cu") && text.contains("not measured"), text);
    }
}
