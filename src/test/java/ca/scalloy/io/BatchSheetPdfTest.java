package ca.scalloy.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import ca.scalloy.engine.charge.ChargeAnalysis;
import ca.scalloy.engine.charge.ChargeCalculator;
import ca.scalloy.engine.charge.ChargeResult;
import ca.scalloy.engine.charge.ElementTarget;
import ca.scalloy.engine.charge.Recipe;
import ca.scalloy.engine.doc.AdditionStep;
import ca.scalloy.engine.doc.BatchSheet;
import ca.scalloy.engine.doc.SheetHeader;
import ca.scalloy.solver.OjalgoSolver;

class BatchSheetPdfTest {

    /** Reads the sheet back as text and finds every charge line, limit, the heat number and the sign-off labels. */
    @ParameterizedTest
    @CsvSource({
        "recipes/alsc2-oxide-route.json, en, A4, Batch sheet, Melter, Laboratory, Quality release, 992.00, Sc (%) 1.80, (Al3Sc primary)",
        "recipes/almgsc-5028-type.json, fr, LETTER, Fiche de charge, Fondeur, Laboratoire, Libération qualité, '1 669,91', 'Mg (%) 4,20', primaire)",
        "recipes/alsc2zr1-k2zrf6.json, fr, A4, Fiche de charge, Fondeur, Laboratoire, Libération qualité, '990,89', 'Zr (%) 0,90', (Al3Zr primaire)",
    })
    void theSheetCarriesEveryChargeLineLimitAndSignature(String file, String lang, BatchSheetPdf.Paper paper, String title,
                                                         String melter, String lab, String quality, String firstKg,
                                                         String firstMin, String primary) throws Exception {
        Recipe recipe = RecipeFiles.read(Path.of(file));
        ChargeResult charge = new ChargeCalculator(new OjalgoSolver()).solve(recipe);
        SheetHeader header = SheetHeader.blank("Scandium Québec", "1 rue du Four, Saguenay", "BS-7").withRevision("2")
                .withHeatNumber("H-2026-0142").withLot("L-88").withCustomerOrder("Client X / PO 5").withSpecification("AlSc2 (A)")
                .withFurnace("F2").withDate("2026-11-27").withShift("B").withOperator("M. Tremblay");
        BatchSheet sheet = BatchSheet.of(header, recipe, charge, 50);
        String text = text(BatchSheetPdf.render(sheet, Locale.forLanguageTag(lang), paper));

        for (String s : new String[] {title, "H-2026-0142", "Scandium Québec", "M. Tremblay", melter, lab, quality, firstKg, firstMin,
            primary}) {
            assertTrue(text.contains(s), () -> "'" + s + "' missing from the " + lang + " sheet:\n" + text);
        }
        for (AdditionStep s : sheet.additions()) {
            String firstWord = s.material().name().split(" ")[0];
            assertTrue(text.contains(firstWord), firstWord);
        }
        for (ElementTarget t : recipe.targets()) {
            assertTrue(text.contains(t.element()), t.element());
        }
    }

    /**
     * Issue 14: the sheet prints the charge's probability of passing, and the sensitivity appendix when asked.
     * The robust example's Sc minimum limits its charge; 288.21 per batch per 0.01 % is the engine's dual, which
     * ChargeSensitivityTest checks against re-solves (the finite difference of the oxide route at 95 %).
     */
    @ParameterizedTest
    @CsvSource({
        "en, 'Probability of passing the first sample: ', 'Appendix: what the limits cost', 'limits the charge', 'spreads as the materials state them'",
        "fr, 'Probabilité que le premier échantillon soit conforme : ', 'Annexe : ce que coûtent les limites', 'limite la charge', 'écarts-types déclarés'",
    })
    void theSheetPrintsThePassProbabilityAndTheSensitivityAppendixWhenAsked(String lang, String pass, String appendix, String binding,
                                                                            String spreads) throws Exception {
        Recipe recipe = RecipeFiles.read(Path.of("recipes/alsc2-oxide-route-robust.json"));
        ChargeCalculator calculator = new ChargeCalculator(new OjalgoSolver());
        ChargeAnalysis withSensitivity = calculator.analyse(recipe, ChargeAnalysis.Request.standard(true));
        BatchSheet sheet = BatchSheet.of(SheetHeader.blank("Scalloy", "", "BS-1"), recipe, withSensitivity.result(), 50)
                .withAnalysis(withSensitivity);
        String text = text(BatchSheetPdf.render(sheet, Locale.forLanguageTag(lang), BatchSheetPdf.Paper.A4)).replaceAll("\\s+", " ");
        String rate = ca.scalloy.engine.Quantities.of(Locale.forLanguageTag(lang)).number(100 * withSensitivity.certainty().passProbability().passRate(), 1, 1);
        for (String s : new String[] {pass + rate + " %", appendix, binding, spreads, "SC2O3-999", "AL-P1020"}) {
            assertTrue(text.contains(s), () -> "'" + s + "' missing from the " + lang + " sheet:\n" + text);
        }
        String withoutAppendix = text(BatchSheetPdf.render(sheet.withAnalysis(calculator.analyse(recipe, ChargeAnalysis.Request.standard(false))),
                Locale.forLanguageTag(lang), BatchSheetPdf.Paper.A4)).replaceAll("\\s+", " ");
        assertTrue(withoutAppendix.contains(pass + rate + " %"));
        assertTrue(!withoutAppendix.contains(appendix), "the appendix only when asked");
    }

    /**
     * A recipe with property targets (the powder yield-strength example) is charged to its targets on the nominal
     * analyses and judged by the draws on its composition only: the sheet's probability line says so, in the
     * sheet's language, as the Batch screen and the command line do; the oxide route (no property target) does not.
     */
    @ParameterizedTest
    @CsvSource({
        "en, 'The probability covers the composition limits only: the property targets are met on the nominal analyses and are not judged in the draws.'",
        "fr, 'Cette probabilité ne porte que sur les limites de composition : les visées de propriétés sont atteintes sur les analyses nominales et ne sont pas jugées dans les tirages.'",
    })
    void theProbabilityLineSaysItJudgesTheCompositionOnlyWhenTheRecipeHasPropertyTargets(String lang, String compositionOnly)
            throws Exception {
        ChargeCalculator calculator = new ChargeCalculator(new OjalgoSolver());
        ca.scalloy.engine.Quantities q = ca.scalloy.engine.Quantities.of(Locale.forLanguageTag(lang));
        java.util.ResourceBundle b = java.util.ResourceBundle.getBundle("ca.scalloy.io.documents", q.locale());
        Recipe targeted = RecipeFiles.read(Path.of("recipes/almgsc-powder-yield-target.json"));
        assertTrue(!targeted.propertyTargets().isEmpty());
        ChargeAnalysis a = calculator.analyse(targeted, ChargeAnalysis.Request.standard(false));
        String line = BatchSheetPdf.passProbability(a.certainty(), b, q);
        assertTrue(line.startsWith(b.getString("pass.line").substring(0, 20)), line);
        assertTrue(line.endsWith(" " + compositionOnly), line);
        BatchSheet sheet = BatchSheet.of(SheetHeader.blank("Scalloy", "", "BS-1"), targeted, a.result(), 50).withAnalysis(a);
        String text = text(BatchSheetPdf.render(sheet, Locale.forLanguageTag(lang), BatchSheetPdf.Paper.A4)).replaceAll("\\s+", " ");
        assertTrue(text.contains(compositionOnly), () -> "missing from the " + lang + " sheet:\n" + text);
        Recipe oxide = RecipeFiles.read(Path.of("recipes/alsc2-oxide-route-robust.json"));
        String plain = BatchSheetPdf.passProbability(calculator.analyse(oxide, ChargeAnalysis.Request.standard(false)).certainty(), b, q);
        assertTrue(!plain.contains(compositionOnly), plain);
    }

    @Test
    void theFontsAreEmbedded() throws Exception {
        Recipe recipe = RecipeFiles.read(Path.of("recipes/alsc2-oxide-route.json"));
        ChargeResult charge = new ChargeCalculator(new OjalgoSolver()).solve(recipe);
        byte[] pdf = BatchSheetPdf.render(BatchSheet.of(SheetHeader.blank("Scalloy", "", "BS-1"), recipe, charge, 50),
                Locale.ENGLISH, BatchSheetPdf.Paper.A4);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertEquals(2, doc.getNumberOfPages());
            for (var name : doc.getPage(0).getResources().getFontNames()) {
                PDFont f = doc.getPage(0).getResources().getFont(name);
                assertTrue(f.isEmbedded(), f.getName());
            }
        }
    }

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            // French groups thousands with a narrow no-break space; compare with plain spaces
            return new PDFTextStripper().getText(doc).replace('\u202F', ' ').replace('\u00A0', ' ');
        }
    }

    /*
     * AlSc2Zr1 (Sc 2, Zr 1 wt%): primary Al3Zr from about 907 °C in the thermodynamic data (issue 12: "Zr alone
     * needs close to 900 °C"); the sheet holds it 50 °C above: 958 °C, never the 765 °C of the old dilute liquidus.
     */
    @Test
    void theHoldingTemperatureOfAZirconiumMasterAlloyIsAboveItsAl3ZrLiquidus() throws Exception {
        Recipe recipe = RecipeFiles.read(Path.of("recipes/alsc2zr1-k2zrf6.json"));
        ChargeResult charge = new ChargeCalculator(new OjalgoSolver()).solve(recipe);
        BatchSheet sheet = BatchSheet.of(SheetHeader.blank("Scalloy", "", "BS-1"), recipe, charge, 50);
        assertEquals("AL3ZR", sheet.melt().primaryPhase());
        assertEquals(sheet.liquidusC() + 50, sheet.holdingTempC(), 1e-9);
        assertTrue(sheet.holdingTempC() > 940, "held above the Al3Zr liquidus: " + sheet.holdingTempC());
        String text = text(BatchSheetPdf.render(sheet, Locale.ENGLISH, BatchSheetPdf.Paper.A4));
        String liquidus = Math.round(sheet.liquidusC()) + " (Al3Zr primary)";
        String holding = Math.round(sheet.holdingTempC()) + " (liquidus + 50)";
        assertTrue(text.contains(liquidus) && text.contains(holding), () -> liquidus + " / " + holding + " missing:\n" + text);
    }
}
