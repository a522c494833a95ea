package ca.scalloy.ui.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import ca.scalloy.engine.Composition;
import ca.scalloy.engine.charge.ChargeCalculator;
import ca.scalloy.engine.charge.ElementTarget;
import ca.scalloy.engine.charge.FluxLink;
import ca.scalloy.engine.charge.Material;
import ca.scalloy.engine.charge.MaterialKind;
import ca.scalloy.engine.charge.Recipe;
import ca.scalloy.engine.library.LibraryMaterial;
import ca.scalloy.solver.OjalgoSolver;
import ca.scalloy.store.Database;
import ca.scalloy.store.SettingsRepository;
import ca.scalloy.ui.common.LibraryStore;
import ca.scalloy.ui.common.Messages;
import ca.scalloy.ui.common.SameThreadExecutor;
import ca.scalloy.ui.common.ScriptedDialogs;
import ca.scalloy.ui.library.LibraryViewModel;

/**
 * Stale prices on the Batch screen's materials and the Library screen: a recipe price that is not the library's, and
 * a library price older than the plant allows. The library is seeded 100 days before "now", so every seeded price is
 * 100 days old; AL-P1020 is then re-priced at 2.75 "now" and FLUX-CRYO re-priced at its own 1.50 "now".
 */
class StalePricesTest {

    private static final Messages EN = Messages.forLocale(Locale.CANADA);
    private static final Instant NOW = Instant.parse("2026-12-03T12:00:00Z");
    /** 100 days before NOW: 2026-08-25. */
    private static final Instant SEEDED = NOW.minus(Duration.ofDays(100));

    private final MovableClock clock = new MovableClock(SEEDED);
    private final Database db = Database.inMemory(clock);
    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private final SameThreadExecutor executor = new SameThreadExecutor();
    private final InMemoryDocuments documents = new InMemoryDocuments();
    private final BatchViewModel batch = new BatchViewModel(EN, new ChargeCalculator(new OjalgoSolver()), executor, dialogs, documents);
    private final LibraryStore store = LibraryStore.of(db, EN, executor, dialogs);
    private BatchLibrary library;

    private static final class MovableClock extends Clock {
        private Instant now;

        MovableClock(Instant start) {
            now = start;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @AfterEach
    void close() {
        db.close();
    }

    /**
     * The oxide route with a second aluminium, AL-LOCAL, that the library does not hold; every price as the seed
     * has it (AL-P1020 2.60, Sc2O3 1500, cryolite 1.50).
     */
    private void open() {
        clock.now = NOW;
        db.materials().setPrice("AL-P1020", 2.75, 4.0, "new contract");
        db.materials().setPrice("FLUX-CRYO", 1.50, 0, "confirmed");
        Material p1020 = Material.metallic("AL-P1020", "P1020", MaterialKind.METAL,
                new Composition(Map.of("Fe", 0.10, "Si", 0.05), "Al"), 2.60, 4.0);
        Material local = Material.metallic("AL-LOCAL", "Local remelt", MaterialKind.METAL,
                new Composition(Map.of("Fe", 0.12, "Si", 0.05), "Al"), 2.40, 4.0);
        Material sc2o3 = Material.compound("SC2O3-999", "Scandium oxide", "Sc2O3", 99.9, Map.of("Sc", 85.0), 1500, 50,
                new FluxLink("FLUX-CRYO", 3.0));
        Material flux = Material.flux("FLUX-CRYO", "Cryolite flux", 1.50, 0);
        Recipe r = Recipe.builder().name("AlSc2 oxide route").grade("AlSc2").batchMassKg(1000.0)
                .targets(List.of(ElementTarget.range("Sc", 1.80, 2.00, 2.20), ElementTarget.max("Fe", 0.15)))
                .materials(List.of(p1020, local, sc2o3, flux)).build();
        documents.files.put(Path.of("oxide.json"), r);
        library = new BatchLibrary(EN, store, batch, new ChargeCalculator(new OjalgoSolver()), executor, dialogs);
        assertTrue(batch.openFile(Path.of("oxide.json")));
    }

    private MaterialRow row(String id) {
        return batch.form().materials().stream().filter(r -> r.value(MaterialField.ID).equals(id)).findFirst().orElseThrow();
    }

    private String notice(String id) {
        return row(id).notices().get(MaterialField.PRICE_PER_KG);
    }

    @Test
    void aPriceThatDiffersFromTheLibrarysIsFlaggedWithTheLibrarysPriceAndDate() {
        open();
        assertEquals("The library\u2019s price is $2.75/kg (set 2026-12-03). \u201cUpdate prices from the library\u201d takes it into "
                + "the recipe.", notice("AL-P1020"));
        assertEquals(1, library.updatablePricesProperty().get());
    }

    @Test
    void updatingFromTheLibraryTakesItsPriceClearsTheFlagAndUndoes() {
        open();
        library.updatePricesFromLibrary();
        assertEquals("2.75", row("AL-P1020").text(MaterialField.PRICE_PER_KG).get());
        assertNull(notice("AL-P1020"));
        assertEquals(0, library.updatablePricesProperty().get());
        // The old Sc2O3 price is the library's own: updating leaves it, still flagged.
        assertTrue(notice("SC2O3-999").startsWith("The library\u2019s price was set 2026-08-25, 100 days ago"), notice("SC2O3-999"));

        batch.undo();
        assertEquals("2.6", row("AL-P1020").text(MaterialField.PRICE_PER_KG).get());
        assertTrue(notice("AL-P1020").startsWith("The library\u2019s price is $2.75/kg"));
    }

    /**
     * Two prices differ from the library's: AL-P1020 (2.60 against 2.75) and Sc2O3 typed at 1400 against the library's
     * 1500. The row's own update takes the library's price into that row only, and undo gives it back.
     */
    @Test
    void oneRowsUpdateTakesTheLibrarysPriceIntoThatRowAlone() {
        open();
        row("SC2O3-999").text(MaterialField.PRICE_PER_KG).set("1400");
        assertEquals(java.util.Set.of(row("AL-P1020"), row("SC2O3-999")), library.updatablePriceRows());
        assertEquals(2, library.updatablePricesProperty().get());

        library.updatePriceFromLibrary(row("AL-P1020"));

        assertEquals("2.75", row("AL-P1020").text(MaterialField.PRICE_PER_KG).get());
        assertNull(notice("AL-P1020"));
        assertEquals("1400", row("SC2O3-999").text(MaterialField.PRICE_PER_KG).get());
        assertEquals(java.util.Set.of(row("SC2O3-999")), library.updatablePriceRows());
        assertEquals(1, library.updatablePricesProperty().get());

        // A row whose price is the library's own (the cryolite) or not in the library (AL-LOCAL) is left as it is.
        library.updatePriceFromLibrary(row("FLUX-CRYO"));
        library.updatePriceFromLibrary(row("AL-LOCAL"));
        assertEquals("1.5", row("FLUX-CRYO").text(MaterialField.PRICE_PER_KG).get());
        assertEquals("2.4", row("AL-LOCAL").text(MaterialField.PRICE_PER_KG).get());

        batch.undo();
        assertEquals("2.6", row("AL-P1020").text(MaterialField.PRICE_PER_KG).get());
        assertEquals(java.util.Set.of(row("AL-P1020"), row("SC2O3-999")), library.updatablePriceRows());
    }

    @Test
    void aLibraryPriceOlderThanThePlantAllowsIsFlaggedAndTheSettingIsRespected() {
        open();
        // 100 days old against the default 90: flagged; the cryolite re-priced today is not.
        assertEquals("The library\u2019s price was set 2026-08-25, 100 days ago: older than the 90 days the plant allows. "
                + "Update it in the library.", notice("SC2O3-999"));
        assertNull(notice("FLUX-CRYO"));
        assertEquals(2, library.stalePricesProperty().get());

        db.settings().set(SettingsRepository.PRICE_MAX_AGE_DAYS, "120", "test");
        library.refreshPrices();
        assertNull(notice("SC2O3-999"));
        assertEquals(1, library.stalePricesProperty().get());
    }

    @Test
    void aMaterialNotInTheLibraryIsNotFlagged() {
        open();
        assertNull(notice("AL-LOCAL"));
        row("AL-LOCAL").text(MaterialField.PRICE_PER_KG).set("9.99");
        assertNull(notice("AL-LOCAL"));
        // Flagged: AL-P1020 (differs) and Sc2O3 (old); AL-LOCAL at any price is not among them.
        assertEquals(2, library.stalePricesProperty().get());
    }

    @Test
    void theLibraryScreenFlagsItsOldPricesOnly() {
        clock.now = NOW;
        db.materials().setPrice("AL-P1020", 2.75, 4.0, "new contract");
        LibraryViewModel vm = new LibraryViewModel(EN, store, dialogs);
        vm.refresh();
        LibraryMaterial sc2o3 = vm.materials().stream().filter(m -> m.id().equals("SC2O3-999")).findFirst().orElseThrow();
        LibraryMaterial p1020 = vm.materials().stream().filter(m -> m.id().equals("AL-P1020")).findFirst().orElseThrow();
        assertEquals("Price set 2026-08-25, 100 days ago: older than the 90 days the plant allows (File \u203a Settings\u2026).",
                vm.priceAgeNote(sc2o3));
        assertEquals("", vm.priceAgeNote(p1020));
        assertFalse(vm.priceAgeNote(sc2o3).isEmpty());
    }
}
