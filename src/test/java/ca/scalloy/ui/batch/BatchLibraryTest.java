package ca.scalloy.ui.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import ca.scalloy.engine.charge.ChargeCalculator;
import ca.scalloy.engine.charge.Recipe;
import ca.scalloy.engine.spec.ComplianceStatus;
import ca.scalloy.solver.OjalgoSolver;
import ca.scalloy.store.Database;
import ca.scalloy.ui.common.LibraryStore;
import ca.scalloy.ui.common.Messages;
import ca.scalloy.ui.common.SameThreadExecutor;
import ca.scalloy.ui.common.ScriptedDialogs;

/** The Batch screen's library features: picker, save to library, compliance matrix, make it comply. */
public class BatchLibraryTest {

    private static final Messages EN = Messages.forLocale(Locale.CANADA);
    private static final Path OXIDE_FILE = Path.of("oxide.json");

    private final Database db = Database.inMemory(Clock.systemUTC());
    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private final SameThreadExecutor executor = new SameThreadExecutor();
    private final InMemoryDocuments documents = new InMemoryDocuments();
    private final BatchViewModel batch = new BatchViewModel(EN, new ChargeCalculator(new OjalgoSolver()), executor, dialogs, documents);
    private final LibraryStore store = LibraryStore.of(db, EN, executor, dialogs);
    private final BatchLibrary library = new BatchLibrary(EN, store, batch, new ChargeCalculator(new OjalgoSolver()), executor, dialogs);

    /** AlSc2 by the oxide route, 1000 kg (the Batch view-model tests' recipe). */
    public static Recipe oxideRoute() {
        return BatchViewModelTest.oxideRoute();
    }

    @AfterEach
    void close() {
        db.close();
    }

    private void openOxideRoute() {
        documents.files.put(OXIDE_FILE, oxideRoute());
        assertTrue(batch.openFile(OXIDE_FILE));
    }

    @Test
    void matrixGivesEachSpecificationsVerdictInWordsForTheSolvedProduct() {
        openOxideRoute();

        assertEquals(db.specifications().list().size(), library.matrix().size());
        BatchLibrary.ComplianceRow alsc2 = library.matrix().stream().filter(r -> r.specification().equals("AlSc2"))
                .findFirst().orElseThrow();
        // Least cost puts Sc at its 1.80 % minimum: inside the AlSc2 limits, near the edge.
        assertEquals(ComplianceStatus.MARGINAL, alsc2.verdict());
        assertEquals("Marginal", alsc2.verdictText());
        assertTrue(library.matrix().stream().anyMatch(r -> r.verdictText().equals("Fail")));
        assertTrue(library.matrixNoteProperty().get().startsWith(library.matrix().size() + " specifications"));
    }

    @Test
    void matrixFollowsTheCharge() {
        openOxideRoute();
        batch.form().targets().get(0).text(TargetField.MIN_WT_PCT).set("1.0");
        batch.form().targets().get(0).text(TargetField.AIM_WT_PCT).set("1.0");
        batch.form().targets().get(0).text(TargetField.MAX_WT_PCT).set("1.1");

        BatchLibrary.ComplianceRow alsc2 = library.matrix().stream().filter(r -> r.specification().equals("AlSc2"))
                .findFirst().orElseThrow();
        assertEquals(ComplianceStatus.FAIL, alsc2.verdict());
        assertEquals("Sc", alsc2.worstElement());
    }

    @Test
    void makeItComplyShowsTheCostDifferenceAndCanApplyTheLimits() {
        openOxideRoute();
        library.complySpecProperty().set(db.specifications().find("AlSc2").orElseThrow());

        library.makeItComply();

        String result = library.complyResultProperty().get();
        assertTrue(result.matches("With the limits of AlSc2: cost [0-9,.]+ → [0-9,.]+ \\([+-][0-9,.]+\\)\\. New product: \\w+\\."), result);
        assertTrue(library.canApplyProperty().get());
        int targetsBefore = batch.form().targets().size();
        library.applyComplyTargets();
        assertTrue(batch.form().targets().size() >= targetsBefore);
        assertTrue(batch.dirtyProperty().get());
    }

    @Test
    void pickerAddsALibraryMaterialOnceById() {
        openOxideRoute();
        library.refreshPicker();
        var alsc2 = library.pickerMaterials().stream().filter(m -> m.id().equals("ALSC2")).findFirst().orElseThrow();

        assertTrue(library.addToRecipe(alsc2));
        assertFalse(library.addToRecipe(alsc2));

        assertEquals(1, batch.form().materials().stream().filter(r -> r.value(MaterialField.ID).equals("ALSC2")).count());
        assertEquals("The recipe already has a material with id ALSC2.", batch.statusMessageProperty().get());
    }

    @Test
    void saveToLibraryAddsAVersionEachTime() {
        openOxideRoute();

        library.saveToLibrary();
        library.saveToLibrary();

        assertEquals(2, db.recipes().history("AlSc2 oxide route").size());
        assertEquals("AlSc2 oxide route saved to the library as version 2.", batch.statusMessageProperty().get());
    }
}
