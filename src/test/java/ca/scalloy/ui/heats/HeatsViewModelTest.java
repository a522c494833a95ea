package ca.scalloy.ui.heats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ca.scalloy.engine.charge.ChargeCalculator;
import ca.scalloy.engine.charge.Recipe;
import ca.scalloy.engine.heat.BelowDetection;
import ca.scalloy.engine.heat.HeatRecord;
import ca.scalloy.engine.heat.HeatSample;
import ca.scalloy.engine.heat.HeatStatus;
import ca.scalloy.engine.heat.ElementStatus;
import ca.scalloy.engine.heat.SampleVerdict;
import ca.scalloy.solver.OjalgoSolver;
import ca.scalloy.store.Database;
import ca.scalloy.ui.batch.BatchLibraryTest;
import ca.scalloy.ui.common.LibraryStore;
import ca.scalloy.ui.common.Messages;
import ca.scalloy.ui.common.NoEnglish;
import ca.scalloy.ui.common.SameThreadExecutor;
import ca.scalloy.ui.common.ScriptedDialogs;
import ca.scalloy.ui.documents.DocumentPreviewViewModel;
import ca.scalloy.ui.documents.Printing;
import ca.scalloy.ui.lots.LotEditorViewModel;

class HeatsViewModelTest {

    private static final Messages EN = Messages.forLocale(Locale.CANADA);

    private final Database db = Database.inMemory(Clock.systemUTC());
    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private Recipe batchRecipe = BatchLibraryTest.oxideRoute();
    private final List<DocumentPreviewViewModel> previews = new ArrayList<>();
    private final HeatsViewModel vm = new HeatsViewModel(EN, LibraryStore.of(db, EN, new SameThreadExecutor(), dialogs), dialogs,
            new ChargeCalculator(new OjalgoSolver()), () -> Optional.ofNullable(batchRecipe), (job, pages) -> Printing.Outcome.PRINTED,
            previews::add);
    private final HeatPageViewModel page = vm.page();

    @AfterEach
    void close() {
        db.close();
    }

    private String planned() {
        vm.newSpecProperty().set("AlSc2");
        vm.newFurnaceProperty().set("F2");
        vm.newOperatorProperty().set("MLT");
        vm.planFromBatchRecipe();
        return vm.selectedProperty().get().number();
    }

    private String chargedWithFailingSample() {
        return chargedWithHandSample("Sc=1.70, Fe=0.11, Si=0.05");
    }

    /** A planned heat, charged, with the hand analysis {@code analysis} entered and added (stored or refused); its number. */
    private String chargedWithHandSample(String analysis) {
        String number = planned();
        page.move(HeatStatus.CHARGED);
        page.compositionProperty().set(analysis);
        page.addSample();
        return number;
    }

    @Test
    void aHeatIsPlannedFromTheBatchRecipeAfterSavingItToTheLibrary() {
        String number = planned();

        assertEquals(1, dialogs.confirmations.size(), "asked to save the recipe first");
        assertTrue(db.recipes().latest(batchRecipe.name()).isPresent());
        assertEquals(1, vm.heats().size());
        HeatsViewModel.HeatRow row = vm.heats().get(0);
        assertEquals(HeatStatus.PLANNED, row.status());
        assertEquals("AlSc2", row.grade());
        assertEquals("No sample", row.verdictText());
        assertTrue(page.headerProperty().get().startsWith(number), page.headerProperty().get());
        assertFalse(page.lines().isEmpty());
        assertEquals(List.of(HeatStatus.CHARGED, HeatStatus.REJECTED), List.copyOf(page.nextMoves()));
    }

    @Test
    void aRecipeTheLibraryAlreadyHoldsIsNotSavedAgain() {
        db.recipes().save(batchRecipe, "first");
        planned();
        assertTrue(dialogs.confirmations.isEmpty());
        assertEquals(1, db.recipes().history(batchRecipe.name()).size());
    }

    @Test
    void declinedSaveLeavesNoHeat() {
        dialogs.confirmAnswer = false;
        vm.newSpecProperty().set("AlSc2");
        vm.planFromBatchRecipe();
        assertTrue(vm.heats().isEmpty());
        assertEquals("No heat planned: the recipe is not saved in the library.", vm.statusProperty().get());
    }

    @Test
    void aFailingSampleOpensTheCorrectionWithAdditionsReadyToWeigh() {
        chargedWithFailingSample();

        assertEquals(SampleVerdict.FAIL, page.samples().get(0).verdict());
        assertEquals("Fail", vm.heats().get(0).verdictText());
        CorrectionViewModel c = page.correction();
        assertTrue(c.shownProperty().get());
        assertTrue(c.titleProperty().get().contains("Sc"), c.titleProperty().get());
        assertFalse(c.additions().isEmpty());
        assertTrue(c.additions().stream().allMatch(a -> a.massKg() > 0));
        assertTrue(c.canAcceptProperty().get());
        assertTrue(page.checks().stream().anyMatch(k -> k.element().equals("Sc") && k.status() == ElementStatus.FAIL));
    }

    /*
     * The oxide route (MIN_COST, Sc 1.80-2.20 %) planned at 1000 kg, sampled at Sc 1.70 %: the least-cost
     * correction brings Sc to its 1.80 % minimum with Sc2O3 and its flux (3 kg per kg).
     *   Sc share of Sc2O3 = 2 x 44.955908 / (2 x 44.955908 + 3 x 15.999) = 0.6519657;
     *   Sc delivered per kg oxide d = 0.6519657 x 0.999 x 0.85 = 0.5536167 kg;
     *   each kg of Sc reduced takes 26.9815385 / 44.955908 = 0.6001778 kg Al out of the metal.
     *   (17 + x d) / (1000 + x d (1 - 0.6001778)) = 0.018  =>  x = 1 / (d (1 - 0.018 x 0.3998222)) = 1.819398 kg
     *   flux 5.458194 kg; 7.277592 kg to add in all, 7.278 to the gram (a trim is weighed to the gram); metal after
     *   1000 + x d 0.3998222 = 1000.4027 kg, 1,000.4 at the policy's one decimal (not the
     *   1007.28 kg that counting oxide and flux as metal gives);
     *   cost 1.819398 x 1500 + 5.458194 x 1.50 = 2737.28, in the plant's currency (CAD: "$"); CO2 1.819398 x 50 = 90.97 kg.
     */
    @Test
    void theCorrectionShowsTheMetalAfterItsCostAndCo2() {
        chargedWithFailingSample();
        CorrectionViewModel c = page.correction();

        assertEquals("7.278 kg to add in all.\nMelt after: 1,000.4 kg of metal.\nCost of the additions: $2,737.28; CO2: 90.97 kg.",
                c.summaryProperty().get());
    }

    @Test
    void aHandSampleKeepsWhatWasBelowDetectionAsReportedNeverAsZero() {
        String number = chargedWithHandSample("Sc=2.00, Fe=0.11, Si=0.05, Na=<5 ppm, Ca=n.d.");

        HeatSample s = db.heats().find(number).orElseThrow().samples().get(0);
        // 5 ppm = 5 / 10,000 wt% = 0.0005 wt%; "n.d." states no limit. Neither is stored as a measured 0.
        assertEquals(BelowDetection.below(0.0005), s.analysis().belowDetection().get("Na"));
        assertEquals(BelowDetection.notDetected(), s.analysis().belowDetection().get("Ca"));
        assertFalse(s.analysis().wtPct().containsKey("Na"));
        assertFalse(s.analysis().wtPct().containsKey("Ca"));
        assertEquals(2.00, s.analysis().wtPct().get("Sc"));
    }

    @Test
    void aRefusedAnalysisMarksItsFieldWithWhyUntilItIsEditedAndStoresNothing() {
        String number = chargedWithHandSample("Sc=abc, Fe=0.11");

        String why = page.compositionErrorProperty().get();
        assertTrue(why.contains("abc"), why);
        assertTrue(page.messageProperty().get().contains(why), "the line under the title says the same: " + page.messageProperty().get());
        assertTrue(db.heats().find(number).orElseThrow().samples().isEmpty(), "nothing stored");

        page.compositionProperty().set("Sc=2.00, Fe=0.11");
        assertEquals("", page.compositionErrorProperty().get(), "an edited analysis is no longer marked");

        page.compositionProperty().set("");
        page.addSample();
        assertFalse(page.compositionErrorProperty().get().isEmpty(), "an empty analysis is refused and marked too");
        page.compositionProperty().set("Sc=2.00, Fe=0.11");
        page.addSample();
        assertEquals("", page.compositionErrorProperty().get());
        assertEquals(1, db.heats().find(number).orElseThrow().samples().size());
    }

    /** The sample number proposed is the shown heat's own: choosing another heat does not carry the last one's over. */
    @Test
    void theProposedSampleNumberIsTheShownHeatsOwn() {
        String first = chargedWithHandSample("Sc=2.00, Fe=0.11, Si=0.05");
        assertEquals(first + "-2", page.sampleNumberProperty().get());

        String second = planned();
        assertEquals(second + "-1", page.sampleNumberProperty().get(), "not " + first + "'s next number");
        vm.selectedProperty().set(vm.heats().stream().filter(h -> h.number().equals(first)).findFirst().orElseThrow());
        assertEquals(first + "-2", page.sampleNumberProperty().get());
    }

    /*
     * After the correction above is accepted, the furnace holds 1000.4027 kg of metal (not 1007.28 kg):
     * a second sample at Sc 1.70 % is corrected from that melt.
     */
    @Test
    void theNextCorrectionStartsFromTheMetalAfterTheLastOne() {
        String number = chargedWithFailingSample();
        page.correction().accept();
        page.compositionProperty().set("Sc=1.70, Fe=0.11, Si=0.05");
        page.addSample();

        CorrectionViewModel c = page.correction();
        assertTrue(c.shownProperty().get());
        assertEquals(1000.40272, Double.parseDouble(c.meltKgProperty().get()), 1e-4);
        assertEquals(1, db.heats().find(number).orElseThrow().corrections().size());
    }

    @Test
    void acceptingTheCorrectionRecordsItAndTheHeatIsCorrected() {
        String number = chargedWithFailingSample();

        page.correction().accept();

        HeatRecord r = db.heats().find(number).orElseThrow();
        assertEquals(HeatStatus.CORRECTED, r.heat().status());
        assertEquals(1, r.corrections().size());
        assertEquals(number + "-1", r.corrections().get(0).sampleNumber());
        assertFalse(page.correction().shownProperty().get());
        assertEquals(1, page.corrections().size());
        assertEquals("Corrected", page.statusTextProperty().get());
        assertEquals(HeatStatus.CORRECTED, vm.heats().get(0).status());
    }

    @Test
    void anImpossibleCapacityGivesTheDiagnosisInWords() {
        chargedWithFailingSample();
        CorrectionViewModel c = page.correction();

        c.capacityKgProperty().set("0.001");
        c.recalculate();

        assertFalse(c.canAcceptProperty().get());
        assertFalse(c.diagnosis().isEmpty());
        assertTrue(c.additions().isEmpty());
    }

    @Test
    void anIllegalMoveIsRefusedWithAMessage() {
        String number = planned();

        page.move(HeatStatus.RELEASED);

        assertEquals("A heat cannot move from Planned to Released; from Planned it may move to: Charged, Rejected.",
                page.messageProperty().get());
        assertEquals(HeatStatus.PLANNED, db.heats().find(number).orElseThrow().heat().status());
    }

    @Test
    void aMoveKeepsItsReasonAndTheHistoryListsTheHeatsEntries() {
        String number = planned();
        page.moveReasonProperty().set("furnace F2 ready");
        page.move(HeatStatus.CHARGED);

        assertEquals("furnace F2 ready", db.heats().find(number).orElseThrow().moves().get(1).reason());
        assertEquals(2, page.moves().size());
        assertTrue(page.history().size() >= 2, page.history().toString());
        assertEquals("move", page.history().get(0).change());
        assertEquals("moved", page.changeText(page.history().get(0).change()));
        assertTrue(page.history().stream().allMatch(e -> e.entityId().equals(number)));
    }

    @Test
    void weighingRecordsTheKgAndAFaultyNumberIsExplained() {
        String number = planned();
        page.selectedLineProperty().set(page.lines().get(0));
        page.weighedKgProperty().set("abc");
        page.weigh();
        assertTrue(page.messageProperty().get().startsWith("Weighed kg “abc”"), page.messageProperty().get());

        double planned = page.lines().get(0).plannedKg();
        page.weighedKgProperty().set("5000");
        page.weigh();
        assertTrue(page.messageProperty().get().startsWith("Line 1: 5,000.000 kg weighed is not plausible; it must be from "),
                page.messageProperty().get());
        assertNull(db.heats().find(number).orElseThrow().lines().get(0).weighedKg(), "nothing recorded");

        page.weighedKgProperty().set(String.format(Locale.ROOT, "%.1f", planned - 2.5));
        page.weigh();
        assertEquals(Math.round((planned - 2.5) * 10) / 10.0, db.heats().find(number).orElseThrow().lines().get(0).weighedKg(), 1e-9);
    }

    @Test
    void anUnknownLotAtWeighingOffersToCreateItPrefilledAndThenWeighs() {
        String number = planned();
        page.selectedLineProperty().set(page.lines().get(0));
        String material = page.lines().get(0).materialId();
        page.weighedKgProperty().set("990");
        page.lotProperty().set("L-NEW-1");

        page.weigh();

        LotEditorViewModel editor = page.lotEditor();
        assertTrue(editor.shownProperty().get(), "the lot is offered for creation");
        assertEquals("Lot L-NEW-1 is not in the library: create it (with its certificate assay) to weigh with it.",
                page.messageProperty().get());
        assertEquals("L-NEW-1", editor.text(LotEditorViewModel.Field.LOT_NUMBER).get());
        assertEquals(material, editor.text(LotEditorViewModel.Field.MATERIAL).get());
        assertNull(db.heats().find(number).orElseThrow().lines().get(0).weighedKg(), "nothing weighed yet");

        editor.text(LotEditorViewModel.Field.ASSAY).set("Fe=0.07, Si=0.03");
        assertTrue(editor.save());

        assertFalse(editor.shownProperty().get());
        assertEquals(java.util.Map.of("Fe", 0.07, "Si", 0.03), db.lots().find("L-NEW-1").orElseThrow().assayWtPct());
        var line = db.heats().find(number).orElseThrow().lines().get(0);
        assertEquals(990.0, line.weighedKg(), 1e-9);
        assertEquals("L-NEW-1", line.lotNumber());
    }

    @Test
    void aLotOfferedAtWeighingAndCancelledWeighsNothing() {
        String number = planned();
        page.selectedLineProperty().set(page.lines().get(0));
        page.weighedKgProperty().set("990");
        page.lotProperty().set("L-NEW-2");
        page.weigh();

        page.lotEditor().cancel();

        assertTrue(db.lots().find("L-NEW-2").isEmpty());
        assertNull(db.heats().find(number).orElseThrow().lines().get(0).weighedKg());
    }

    @Test
    void aFaultyAnalysisIsExplainedAndNothingIsStored() {
        String number = chargedWithHandSample("Sc=1.7, Xx=2");
        assertTrue(page.messageProperty().get().contains("Xx"), page.messageProperty().get());
        assertTrue(db.heats().find(number).orElseThrow().samples().isEmpty());
    }

    @Test
    void aSpectrometerFileIsImportedWithItsLog(@TempDir Path dir) throws IOException {
        planned();
        page.move(HeatStatus.CHARGED);
        Path file = dir.resolve("oes.csv");
        Files.writeString(file, Files.readString(Path.of("recipes/analyses/oes-alsc2-heat.csv"), StandardCharsets.UTF_8));
        dialogs.dataFileToOpen = file;

        page.importSamples();
        // The export's numbers (H-2026-0142-1 …) name another heat: refused whole, in words.
        assertTrue(page.samples().isEmpty());
        assertTrue(page.messageProperty().get().contains("Sample H-2026-0142-1 names heat H-2026-0142, not "),
                page.messageProperty().get());

        page.otherNumberingProperty().set(true);
        page.importSamples();

        assertEquals(3, page.samples().size());
        assertFalse(page.importLog().isEmpty());
        assertTrue(page.importLog().stream().anyMatch(l -> l.startsWith("Warning: ")), page.importLog().toString());
        assertTrue(page.recordProperty().get().imports().get(0).log().stream().anyMatch(l -> l.startsWith("sample numbers follow another scheme")),
                page.recordProperty().get().imports().get(0).log().toString());
    }

    @Test
    void inFrenchTheImportLogAndARefusedFileAreFrenchWithNumbersInTheUsersStyle(@TempDir Path dir) throws IOException {
        String number = planned();
        page.move(HeatStatus.CHARGED);
        Messages fr = Messages.forLocale(Locale.CANADA_FRENCH);
        HeatsViewModel french = new HeatsViewModel(fr, LibraryStore.of(db, fr, new SameThreadExecutor(), dialogs), dialogs,
                new ChargeCalculator(new OjalgoSolver()), () -> Optional.ofNullable(batchRecipe), (job, pages) -> Printing.Outcome.PRINTED,
                previews::add);
        french.refresh();
        french.selectedProperty().set(french.heats().stream().filter(h -> h.number().equals(number)).findFirst().orElseThrow());
        HeatPageViewModel p = french.page();
        Path file = dir.resolve("oes.csv");
        // Na below a limit in wt% (5.0E-4 as a raw double) must read "0,0005" in French; Ca not detected.
        Files.writeString(file, "Sample;Al %;Sc %;Na %;Ca %;Poste\n" + number + "-1;97,9;1,9;<0,0005;n.d.;MLT\n", StandardCharsets.UTF_8);
        dialogs.dataFileToOpen = file;

        p.importSamples();

        assertEquals(1, p.samples().size(), p.messageProperty().get());
        List<String> log = List.copyOf(p.importLog());
        assertEquals(List.of("séparateur « ; », décimale virgule ou point", "en-tête à la ligne 1 : 4 colonnes d’éléments",
                "un échantillon lu, 3 avertissements",
                "Avertissement : la colonne « Poste » n’est ni un élément ni un champ d’échantillon ; ignorée",
                "Avertissement : " + number + "-1 : Na % sous la limite de détection (<0,0005) ; gardé comme < 0,0005 % massique",
                "Avertissement : " + number + "-1 : Ca % donné comme « n.d. » (non détecté, sans limite indiquée) ; gardé comme non détecté"),
                log);
        log.forEach(NoEnglish::assertNoEnglish);

        Files.writeString(file, "Sample;Al %;Sc %\n" + number + "-2;97,9;beaucoup\n", StandardCharsets.UTF_8);
        p.importSamples();
        String refused = p.messageProperty().get();
        assertTrue(refused.endsWith("oes.csv, ligne 2 : colonne « Sc % » : « beaucoup » n’est pas un nombre"), refused);
        NoEnglish.assertNoEnglish(refused);
    }

    @Test
    void theFilterShowsOnlyHeatsInThatState() {
        planned();
        vm.statusFilterProperty().set(HeatStatus.CAST);
        assertTrue(vm.heats().isEmpty());
        assertNull(page.recordProperty().get());
        vm.statusFilterProperty().set(HeatStatus.PLANNED);
        assertEquals(1, vm.heats().size());
    }

    @Test
    void theAuditLogIsExportedAsCsv(@TempDir Path dir) throws IOException {
        planned();
        dialogs.dataFileToSave = dir.resolve("audit.csv");

        vm.exportAuditLog();

        String csv = Files.readString(dir.resolve("audit.csv"), StandardCharsets.UTF_8);
        assertTrue(csv.contains("heat"), csv);
        assertTrue(vm.statusProperty().get().contains("audit entries written"), vm.statusProperty().get());
    }

    /** A heat sampled with {@code composition} (wt%), then moved to CAST. */
    private String castWithSample(String composition) {
        String number = chargedWithHandSample(composition);
        page.correction().close();
        page.move(HeatStatus.CAST);
        assertEquals(HeatStatus.CAST, db.heats().find(number).orElseThrow().heat().status(), page.messageProperty().get());
        return number;
    }

    private void fillCertificate(CertificateViewModel c) {
        c.customerProperty().set("AeroParts");
        c.orderProperty().set("PO-1 / 1");
        c.productProperty().set("AlSc2 waffle plate");
        c.signatoryProperty().set("J. Gagnon");
    }

    @Test
    void theCastIsRecordedOnACastHeatAndAFaultyFieldIsNamed() {
        String number = castWithSample("Sc=2.0, Fe=0.11, Si=0.05");
        CertificateViewModel c = page.certificate();
        assertTrue(c.availableProperty().get());

        c.castKgProperty().set("-3");
        c.recordCast();
        assertEquals("Cast kg “-3”: must be a number of kg above 0", page.messageProperty().get());
        c.castKgProperty().set("5000");
        c.recordCast();
        // Planned 1,000 kg: the cast may be 500 to 1,100 kg (heat-plausibility.csv: 50 % below, 10 % above).
        assertTrue(page.messageProperty().get().startsWith("Heat " + number + ": a cast of 5,000.0 kg is not plausible; it must be from"
                + " 500.0 to 1,100.0 kg"), page.messageProperty().get());
        c.castKgProperty().set("981.4");
        c.piecesProperty().set("2.5");
        c.recordCast();
        assertEquals("Pieces “2.5”: must be a whole number, 0 or more", page.messageProperty().get());
        assertTrue(db.certificates().castKg(number).isEmpty());

        c.piecesProperty().set("22");
        c.recordCast();
        assertEquals(981.4, db.certificates().castKg(number).orElseThrow(), 1e-9);
        assertEquals("Cast recorded: 981.4 kg.", c.castTextProperty().get());
    }

    @Test
    void castAndCertificateAreUnavailableBeforeTheHeatIsCast() {
        planned();
        assertFalse(page.certificate().availableProperty().get());
    }

    @Test
    void aCompliantHeatsCertificateIsIssuedListedAndPreviewed() {
        String number = castWithSample("Sc=2.0, Fe=0.11, Si=0.05, Cu=0.003, Zn=0.004, Ti=0.006, Ca=0.002, Na=0.0015, Mg=0.006");
        CertificateViewModel c = page.certificate();
        assertFalse(c.concessionRequiredProperty().get());
        fillCertificate(c);

        c.issue();

        String coa = "COA-" + number + "-1";
        assertEquals("Certificate " + coa + " issued.", page.messageProperty().get());
        assertEquals(List.of(coa), List.copyOf(c.certificates()));
        assertEquals(List.of(coa), db.certificates().certificatesOf(number));
        assertEquals(1, previews.size());
        assertTrue(previews.get(0).title().contains(coa), previews.get(0).title());
        assertTrue(new String(previews.get(0).pdf().orElseThrow(), 0, 5, StandardCharsets.US_ASCII).startsWith("%PDF"));
    }

    @Test
    void aFailingHeatNeedsAConcessionNamedInTheRefusalAndIsIssuedWithOne() {
        String number = castWithSample("Sc=1.70, Fe=0.11, Si=0.05");
        CertificateViewModel c = page.certificate();
        assertTrue(c.concessionRequiredProperty().get());
        assertTrue(c.concessionLabelProperty().get().contains("required"), c.concessionLabelProperty().get());
        fillCertificate(c);

        c.issue();
        String refusal = page.messageProperty().get();
        assertTrue(refusal.startsWith("No certificate issued: ") && refusal.contains("concession") && refusal.contains("Sc"), refusal);
        assertTrue(db.certificates().certificatesOf(number).isEmpty());
        assertTrue(previews.isEmpty());

        c.concessionProperty().set("customer accepts Sc 1.70 % (deviation 7)");
        c.issue();
        assertEquals(List.of("COA-" + number + "-1"), List.copyOf(c.certificates()));
        assertEquals(1, previews.size());
    }

    @Test
    void theStoresRefusalIsShownInWords() {
        String number = castWithSample("Sc=1.70, Fe=0.11, Si=0.05");
        CertificateViewModel c = page.certificate();
        fillCertificate(c);
        c.concessionProperty().set("deviation 7");
        c.signatoryProperty().set("");
        db.heats().move(number, HeatStatus.REJECTED, "");
        c.issue();
        assertTrue(page.messageProperty().get().startsWith("No certificate issued: "), page.messageProperty().get());
        assertTrue(db.certificates().certificatesOf(number).isEmpty());
    }

    @Test
    void weighingAHeatSomeoneChangedSinceItWasShownIsRefusedAndTheKgStay() {
        String number = planned();
        page.selectedLineProperty().set(page.lines().get(0));
        double planned = page.lines().get(0).plannedKg();
        String mine = String.format(Locale.ROOT, "%.1f", planned - 2.5);
        double theirs = Math.round(planned) - 3.0;
        page.weighedKgProperty().set(mine);
        // Another operator weighs the same line after this page showed the heat.
        db.heats().weigh(number, page.lines().get(0).lineNo(), theirs, null, "", null);
        dialogs.choices.add("Cancel");

        page.weigh();

        assertEquals(java.util.List.of("Reload", "Cancel"), dialogs.choiceOptions.get(0));
        assertTrue(dialogs.choiceQuestions.get(0).contains(number), dialogs.choiceQuestions.get(0));
        assertEquals(theirs, db.heats().find(number).orElseThrow().lines().get(0).weighedKg(), 1e-9, "the other weighing stays");
        assertEquals(mine, page.weighedKgProperty().get());

        dialogs.choices.add("Reload");
        page.weigh();
        assertEquals(theirs, page.lines().get(0).weighedKg(), 1e-9, "the page shows the other weighing after Reload");
        page.selectedLineProperty().set(page.lines().get(0));
        page.weighedKgProperty().set(mine);
        page.weigh();
        assertEquals(Double.parseDouble(mine), db.heats().find(number).orElseThrow().lines().get(0).weighedKg(), 1e-9);
    }

    /* The words of an unmeasured element, a detection limit and an incomplete sample, in English and French (glossary-fr.md). */
    @Test
    void notReportedDetectionLimitsAndIncompleteAreSaidInBothLanguages() {
        ca.scalloy.engine.spec.Specification spec = new ca.scalloy.engine.spec.Specification("S", "MASTER_ALLOY", "", List.of(
                new ca.scalloy.engine.spec.ElementLimit("Sc", 1.8, 2.2), new ca.scalloy.engine.spec.ElementLimit("Na", null, 0.01),
                new ca.scalloy.engine.spec.ElementLimit("Ca", null, 0.01), new ca.scalloy.engine.spec.ElementLimit("Cu", null, 0.05)),
                null, null, List.of(), "", "");
        ca.scalloy.engine.heat.SampleAnalysis a = new ca.scalloy.engine.heat.SampleAnalysis("S1", "", "OES", java.util.Map.of("Sc", 1.97),
                java.util.Map.of("Na", ca.scalloy.engine.heat.BelowDetection.below(0.0005), "Ca", ca.scalloy.engine.heat.BelowDetection.notDetected()));
        ca.scalloy.engine.heat.SampleChecker.Result r = new ca.scalloy.engine.heat.SampleChecker().check(a, spec, "Al");
        ca.scalloy.engine.heat.HeatSample s = new ca.scalloy.engine.heat.HeatSample(a, "", false, r.verdict(), r.checks(), "x",
                java.time.Instant.EPOCH, false);
        Messages fr = Messages.forLocale(Locale.CANADA_FRENCH);
        assertEquals("Incomplete", HeatWords.verdict(s, EN));
        assertEquals("Incomplet", HeatWords.verdict(s, fr));
        // Na is read in ppm: below 0.0005 wt% = below 5 ppm, in both languages
        assertEquals("< 5\u00a0ppm", HeatWords.value(r.checks().get(1), EN));
        assertEquals("< 5\u00a0ppm", HeatWords.value(r.checks().get(1), fr));
        assertEquals("Pass", HeatWords.status(r.checks().get(1), EN));
        assertEquals("n.d. (no limit stated)", HeatWords.value(r.checks().get(2), EN));
        assertEquals("Non déclaré : n.d., sans limite de détection indiquée", HeatWords.status(r.checks().get(2), fr));
        assertEquals("not reported", HeatWords.value(r.checks().get(3), EN));
        assertEquals("non déclaré", HeatWords.value(r.checks().get(3), fr));
        assertEquals("Non déclaré", HeatWords.status(r.checks().get(3), fr));
    }
}
