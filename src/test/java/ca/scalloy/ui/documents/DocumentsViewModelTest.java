package ca.scalloy.ui.documents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ca.scalloy.engine.charge.ChargeCalculator;
import ca.scalloy.engine.charge.ElementTarget;
import ca.scalloy.engine.charge.Recipe;
import ca.scalloy.engine.library.RecipeSummary;
import ca.scalloy.io.BatchSheetPdf.Paper;
import ca.scalloy.io.RecipeFiles;
import ca.scalloy.solver.OjalgoSolver;
import ca.scalloy.store.AuditLog;
import ca.scalloy.store.Database;
import ca.scalloy.store.SettingsRepository;
import ca.scalloy.ui.common.LibraryStore;
import ca.scalloy.ui.common.PlantUnits;
import ca.scalloy.ui.common.Messages;
import ca.scalloy.ui.common.SameThreadExecutor;
import ca.scalloy.ui.common.ScriptedDialogs;

class DocumentsViewModelTest {

    private static final Messages EN = Messages.forLocale(Locale.CANADA);
    private static final Path RECIPES = Path.of("recipes");

    @TempDir
    Path temp;

    private final SameThreadExecutor executor = new SameThreadExecutor();
    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private final List<DocumentPreviewViewModel> previews = new ArrayList<>();
    private final List<Path> opened = new ArrayList<>();
    private final FakePrinting printing = new FakePrinting();
    private Database db;

    @AfterEach
    void close() {
        if (db != null) {
            db.close();
        }
    }

    /** Answers as the test says and remembers what it was asked to print. */
    static final class FakePrinting implements Printing {
        Outcome answer = Outcome.PRINTED;
        final List<List<BufferedImage>> printed = new ArrayList<>();

        @Override
        public Outcome print(String jobName, List<BufferedImage> pages) {
            printed.add(pages);
            return answer;
        }
    }

    private static Recipe oxideRoute() throws Exception {
        return RecipeFiles.read(RECIPES.resolve("alsc2-oxide-route.json"));
    }

    private DocumentsViewModel documents(Optional<Recipe> recipe) {
        LibraryStore library = db == null ? new LibraryStore(EN, executor, dialogs, Clock.systemUTC())
                : LibraryStore.of(db, EN, executor, dialogs);
        return new DocumentsViewModel(EN, () -> recipe, new ChargeCalculator(new OjalgoSolver()), library, executor, dialogs,
                printing, previews::add, file -> opened.add(file));
    }

    private DocumentPreviewViewModel sheetPreview() throws Exception {
        documents(Optional.of(oxideRoute())).batchSheet();
        assertEquals(List.of(), dialogs.errors);
        assertEquals(1, previews.size());
        return previews.get(0);
    }

    private void openTempDatabase() {
        db = Database.open(temp.resolve("db").resolve("scalloy"), Clock.systemUTC());
    }

    @Test
    void theOxideRouteSheetPreviewShowsEveryPageOfItsPdf() throws Exception {
        DocumentPreviewViewModel preview = sheetPreview();

        int pages = preview.pages().size();
        assertTrue(pages >= 2, "the sheet has its charge, analyses and sign-offs on more than one page, got " + pages);
        assertTrue(new String(preview.pdf().orElseThrow(), 0, 5, StandardCharsets.US_ASCII).startsWith("%PDF"));
        assertEquals("Page 1 of " + pages, preview.pageLabel());
        preview.nextPage();
        assertEquals("Page 2 of " + pages, preview.pageLabel());
        assertEquals(preview.pages().get(1), preview.pageProperty().get());
        // Letter in Canada: 8.5 in wide at 150 dpi.
        assertEquals(Paper.LETTER, preview.paperProperty().get());
        assertEquals(1275, preview.pageProperty().get().getWidth(), 1);
    }

    @Test
    void choosingAnotherPaperOrLanguageRendersTheSheetAgain() throws Exception {
        DocumentPreviewViewModel preview = sheetPreview();
        assertEquals(Locale.ENGLISH, preview.languageProperty().get());
        byte[] english = preview.pdf().orElseThrow();

        preview.paperProperty().set(Paper.A4);
        assertEquals(1240, preview.pageProperty().get().getWidth(), 1);
        preview.languageProperty().set(Locale.FRENCH);

        assertFalse(java.util.Arrays.equals(english, preview.pdf().orElseThrow()));
        assertEquals("", preview.statusProperty().get());
    }

    /*
     * The sheet's appendix of what the limits cost (issue 14 point 1: "in the batch sheet's appendix when asked") is the
     * reader's choice in the preview: off at first, printed when ticked, gone again when unticked.
     */
    @Test
    void theSheetsAppendixOfWhatTheLimitsCostIsPrintedWhenAsked() throws Exception {
        DocumentPreviewViewModel preview = sheetPreview();
        assertEquals(Optional.of("Appendix: what the limits cost"), preview.appendixLabel());
        String heading = "Appendix: what the limits cost and the price ranges";
        assertFalse(text(preview.pdf().orElseThrow()).contains(heading));

        preview.appendixProperty().set(true);
        String with = text(preview.pdf().orElseThrow());
        assertTrue(with.contains(heading), with);
        assertTrue(with.contains("Sc min 1.8 not limiting"), with);

        preview.appendixProperty().set(false);
        assertFalse(text(preview.pdf().orElseThrow()).contains(heading));
    }

    private static String text(byte[] pdf) throws Exception {
        try (org.apache.pdfbox.pdmodel.PDDocument d = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            return new org.apache.pdfbox.text.PDFTextStripper().getText(d);
        }
    }

    @Test
    void theDocumentLanguageSettingChoosesTheSheetsFirstLanguage() throws Exception {
        openTempDatabase();
        db.settings().set(SettingsRepository.DOCUMENT_LANGUAGE, "fr", "test");

        DocumentPreviewViewModel preview = sheetPreview();

        assertEquals(Locale.FRENCH, preview.languageProperty().get());
    }

    @Test
    void anInfeasibleRecipeGetsNoSheetButAnExplanation() throws Exception {
        Recipe r = oxideRoute();
        Recipe impossible = r.withTargets(r.targets().stream()
                .map(t -> t.element().equals("Fe") ? new ElementTarget("Fe", null, null, 0.0001) : t).toList());

        documents(Optional.of(impossible)).batchSheet();

        assertEquals(List.of(), previews);
        assertEquals(1, dialogs.errors.size());
        assertTrue(dialogs.errors.get(0).contains("no feasible charge"), dialogs.errors.get(0));
    }

    @Test
    void printingSendsEveryPageImage() throws Exception {
        DocumentPreviewViewModel preview = sheetPreview();

        preview.print();

        assertEquals(List.of(preview.pages()), printing.printed);
        assertTrue(preview.statusProperty().get().contains("sent to the printer"));
    }

    @Test
    void withNoPrinterPrintingSaysSoAndOffersThePdf() throws Exception {
        DocumentPreviewViewModel preview = sheetPreview();
        printing.answer = Printing.Outcome.NO_PRINTER;
        dialogs.dataFileToSave = temp.resolve("sheet.pdf");

        preview.print();

        assertEquals(1, dialogs.confirmations.size());
        assertTrue(dialogs.confirmations.get(0).contains("No printer is available"));
        assertTrue(Files.exists(dialogs.dataFileToSave));
        assertEquals(preview.pdf().orElseThrow().length, Files.size(dialogs.dataFileToSave));
    }

    @Test
    void droppingOneRecipeFileOpensItInTheBatchScreen() {
        Path file = RECIPES.resolve("alsc2-oxide-route.json");

        documents(Optional.empty()).dropped(List.of(file));

        assertEquals(List.of(file), opened);
    }

    @Test
    void droppingTheRecipesFolderImportsEveryShippedRecipe() throws Exception {
        openTempDatabase();
        List<String> names = new ArrayList<>();
        try (Stream<Path> files = Files.list(RECIPES)) {
            for (Path f : files.filter(f -> f.toString().endsWith(".json")).toList()) {
                names.add(RecipeFiles.read(f).name());
            }
        }
        // Seven worked examples, and issue 14's two: with stated spreads (robust) and for the sensitivity.
        assertEquals(10, names.size());
        long auditedBefore = recipeAuditEntries();

        documents(Optional.empty()).dropped(List.of(RECIPES));

        assertEquals(List.of(), dialogs.errors);
        assertEquals(List.of(), opened);
        List<String> stored = db.recipes().list().stream().map(RecipeSummary::name).toList();
        assertTrue(stored.containsAll(names), stored.toString());
        assertTrue(dialogs.informations.get(0).startsWith("10 recipes were imported"), dialogs.informations.get(0));
        assertEquals(auditedBefore + names.size(), recipeAuditEntries());
    }

    private long recipeAuditEntries() {
        return db.audit().all().stream().filter(e -> e.entity().equals(AuditLog.RECIPE)).count();
    }

    @Test
    void oneBadFileAmongGoodOnesImportsNothingAndSaysWhichFile() throws Exception {
        openTempDatabase();
        int before = db.recipes().list().size();
        Path folder = Files.createDirectory(temp.resolve("drop"));
        Files.copy(RECIPES.resolve("alsc2-oxide-route.json"), folder.resolve("a.json"));
        Files.copy(RECIPES.resolve("alsc2-fluoride-route.json"), folder.resolve("b.json"));
        Files.writeString(folder.resolve("c-broken.json"), "{\"format\": \"scalloy-recipe\", ");

        documents(Optional.empty()).dropped(List.of(folder));

        assertEquals(before, db.recipes().list().size());
        assertEquals(1, dialogs.errors.size());
        String report = dialogs.errors.get(0);
        assertTrue(report.startsWith("Nothing was imported: 1 of 3 files"), report);
        assertTrue(report.contains("• a.json: good") && report.contains("• c-broken.json: "), report);
    }

    /*
     * Issue 11, point 7, in the workbench: a file saved in Latin-1, one too big to be a recipe and one
     * whose name is longer than the database keeps each get a line naming the file and what is wrong,
     * and none of the good ones is imported.
     */
    @Test
    void badFilesAmongGoodOnesAreNamedWithWhatIsWrongAndNothingIsImported() throws Exception {
        openTempDatabase();
        int before = db.recipes().list().size();
        Path folder = Files.createDirectory(temp.resolve("bad-drop"));
        String oxide = Files.readString(RECIPES.resolve("alsc2-oxide-route.json"));
        Files.writeString(folder.resolve("a-good.json"), oxide);
        Files.write(folder.resolve("b-latin1.json"), oxide.replace("oxide route", "coulée d'essai")
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        Files.writeString(folder.resolve("c-big.json"), oxide + " ".repeat(2 << 20));
        Files.writeString(folder.resolve("d-long.json"), oxide.replace("AlSc2 master alloy, oxide route", "R".repeat(201)));

        documents(Optional.empty()).dropped(List.of(folder));

        assertEquals(before, db.recipes().list().size());
        String report = dialogs.errors.get(0);
        assertTrue(report.startsWith("Nothing was imported: 3 of 4 files"), report);
        assertTrue(report.contains("• b-latin1.json: ") && report.contains("is not UTF-8 text") && report.contains("save it as UTF-8"), report);
        assertTrue(report.contains("• c-big.json: ") && report.contains("at most 1 MiB"), report);
        assertTrue(report.contains("• d-long.json: recipe name is 201 characters long; at most 200 are kept"), report);
    }

    @Test
    void importingWithNoDatabaseSaysWhy() {
        dialogs.filesToOpen = List.of(RECIPES.resolve("alsc2-oxide-route.json"), RECIPES.resolve("alsc2-fluoride-route.json"));

        documents(Optional.empty()).importRecipes();

        assertEquals(1, dialogs.errors.size());
        assertTrue(dialogs.errors.get(0).contains("none is open"));
    }

    @Test
    void theChargeIsExportedAsCsvWithTheLocalesSeparator() throws Exception {
        dialogs.dataFileToSave = temp.resolve("charge.csv");

        documents(Optional.of(oxideRoute())).exportChargeCsv();

        String csv = Files.readString(dialogs.dataFileToSave, StandardCharsets.UTF_8);
        assertTrue(csv.startsWith("\uFEFFrecipe,\"AlSc2 master alloy, oxide route\""), csv.substring(0, 60));
        assertTrue(csv.contains("status,OPTIMAL"));
        assertEquals(1, dialogs.informations.size());
    }

    @Test
    void settingsAreSavedThroughTheAuditedRepository() {
        openTempDatabase();
        SettingsViewModel vm = new SettingsViewModel(EN, LibraryStore.of(db, EN, executor, dialogs), dialogs);
        boolean[] shown = {false};
        vm.load(() -> shown[0] = true);
        assertTrue(shown[0]);

        vm.companyNameProperty().set("Alcan Sc Ltd ");
        vm.companyAddressProperty().set("1 Rue du Four, Saguenay");
        vm.documentLanguageProperty().set(Locale.CANADA_FRENCH);
        vm.save();

        assertEquals("Alcan Sc Ltd", db.settings().get(SettingsRepository.COMPANY_NAME, ""));
        assertEquals("fr", db.settings().get(SettingsRepository.DOCUMENT_LANGUAGE, ""));
        assertEquals(1, db.audit().of(AuditLog.SETTING, SettingsRepository.COMPANY_NAME).size());
        assertEquals(List.of("Settings saved."), dialogs.informations);
    }

    @Test
    void thePlantCurrencyAndPpmListAreSavedAndUsedByEveryScreen() {
        openTempDatabase();
        SettingsViewModel vm = new SettingsViewModel(EN, LibraryStore.of(db, EN, executor, dialogs), dialogs);
        vm.load(() -> { });
        assertEquals("CAD", vm.currencyProperty().get());
        assertEquals("Na, Ca, Be", vm.ppmElementsProperty().get());
        try {
            vm.currencyProperty().set(" eur");
            vm.ppmElementsProperty().set("Na Ca;Li");
            vm.save();

            assertEquals("EUR", db.settings().get(SettingsRepository.PLANT_CURRENCY, ""));
            assertEquals("Na, Ca, Li", db.settings().get(SettingsRepository.PLANT_PPM_ELEMENTS, ""));
            // 0.0003 wt% Li = 3 ppm once Li is on the list; the currency is the euro
            assertEquals("3\u00a0ppm", EN.quantities().content("Li", 0.0003));
            assertEquals("€1.50", EN.quantities().money(1.5));
        } finally {
            PlantUnits.reset();
        }
    }

    @Test
    void aCurrencyThatIsNotACodeIsRefusedNamingIt() {
        openTempDatabase();
        SettingsViewModel vm = new SettingsViewModel(EN, LibraryStore.of(db, EN, executor, dialogs), dialogs);
        vm.load(() -> { });
        vm.currencyProperty().set("dollars");
        vm.save();

        assertEquals(List.of("“dollars” is not a currency code: type three capital letters such as CAD, USD or EUR."), dialogs.errors);
        assertTrue(db.settings().get(SettingsRepository.PLANT_CURRENCY).isEmpty());
        vm.currencyProperty().set("CAD");
        vm.ppmElementsProperty().set("Na, Qq");
        vm.save();
        assertEquals("“Na, Qq” is not a list of element symbols: type symbols separated by commas, such as Na, Ca, Be.",
                dialogs.errors.get(1));
    }
}
