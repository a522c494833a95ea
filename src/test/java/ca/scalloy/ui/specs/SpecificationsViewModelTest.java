package ca.scalloy.ui.specs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import ca.scalloy.engine.Quantities;
import ca.scalloy.engine.spec.PropertyRequirement;
import ca.scalloy.engine.spec.Specification;
import ca.scalloy.store.Database;
import ca.scalloy.ui.common.LibraryStore;
import ca.scalloy.ui.common.Messages;
import ca.scalloy.ui.common.PlantUnits;
import ca.scalloy.ui.common.SameThreadExecutor;
import ca.scalloy.ui.common.ScriptedDialogs;

class SpecificationsViewModelTest {

    private static final Messages EN = Messages.forLocale(Locale.CANADA);
    private static final Messages FR = Messages.forLocale(Locale.CANADA_FRENCH);

    private final Database db = Database.inMemory(Clock.systemUTC());
    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private final SpecificationsViewModel vm = new SpecificationsViewModel(EN,
            LibraryStore.of(db, EN, new SameThreadExecutor(), dialogs), dialogs);

    @AfterEach
    void close() {
        db.close();
    }

    private void select(String name) {
        vm.selectedProperty().set(vm.specifications().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow());
    }

    @Test
    void sourceAndConfidenceAreShownForTheSelectedSpecification() {
        select("AlSc2");
        Specification s = vm.selectedProperty().get();

        assertTrue(vm.provenanceProperty().get().contains(s.source()), vm.provenanceProperty().get());
        assertTrue(vm.provenanceProperty().get().endsWith("Confidence: " + s.confidence()), vm.provenanceProperty().get());
    }

    @Test
    void editingALimitSavesANewVersion() {
        select("AlSc2");
        LimitRow sc = vm.limits().stream().filter(r -> r.elementProperty().get().equals("Sc")).findFirst().orElseThrow();
        sc.maxPctProperty().set("2.3");
        vm.propertyText(PropertyRequirement.Property.DENSITY_MAX_G_PER_CM3).set("2.8");

        assertTrue(vm.save());

        assertEquals(2, vm.history().size());
        assertEquals(2, vm.history().get(0).version());
        assertEquals(2.3, db.specifications().find("AlSc2").orElseThrow().limit("Sc").orElseThrow().maxPct(), 1e-12);
        assertEquals("AlSc2: version 2 saved.", vm.statusProperty().get());
    }

    @Test
    void faultyLimitIsNamedWithItsValueAndNothingIsSaved() {
        select("AlSc2");
        vm.limits().get(0).minPctProperty().set("abc");
        vm.text(SpecField.OTHERS_EACH_MAX_PCT).set("x");

        assertFalse(vm.save());

        assertTrue(vm.allErrors().stream().anyMatch(e -> e.startsWith("Limit 1 (") && e.endsWith("“abc” is not a number")),
                vm.allErrors().toString());
        assertEquals("Others each max (wt%) “x”: “x” is not a number", vm.errors().get(SpecField.OTHERS_EACH_MAX_PCT));
        assertEquals(1, db.specifications().history("AlSc2").size());
    }

    @Test
    void limitsTheEngineRefusesAreNamedInFrenchWithNothingEnglish() {
        vm.setMessages(FR);
        select("AlSc2");
        LimitRow sc = vm.limits().stream().filter(r -> r.elementProperty().get().equals("Sc")).findFirst().orElseThrow();
        int scRow = vm.limits().indexOf(sc) + 1;
        sc.minPctProperty().set("3");
        sc.maxPctProperty().set("2,5");
        LimitRow other = vm.limits().stream().filter(r -> r != sc).findFirst().orElseThrow();
        String otherElement = other.elementProperty().get();
        int otherRow = vm.limits().indexOf(other) + 1;
        other.minPctProperty().set("");
        other.maxPctProperty().set("150");

        assertFalse(vm.save());
        // (the screen joins the row and the refusal as French typography does, a no-break space before the colon)
        assertTrue(vm.allErrors().contains("Limite " + scRow + " (Sc)\u00a0: le min 3 % massique dépasse le max 2,5 % massique"),
                vm.allErrors().toString());
        assertTrue(vm.allErrors().contains("Limite " + otherRow + " (" + otherElement + ")\u00a0: "
                + "le max doit être un nombre de 0 à 100 % massique, était 150"), vm.allErrors().toString());

        sc.minPctProperty().set("");
        other.maxPctProperty().set("0,2");
        other.elementProperty().set("Sc");
        assertFalse(vm.save());
        // The screen finds the second row of an element itself and marks that row (before the engine's own refusal).
        int secondSc = Math.max(scRow, otherRow);
        assertEquals(java.util.List.of("Limite " + secondSc + " (Sc)\u00a0: déjà limité dans une autre ligne ; une ligne par élément"),
                vm.allErrors());
        for (String e : vm.allErrors()) {
            assertFalse(e.contains("minPct") || e.contains("limited") || e.contains("imprévue"), e);
        }
        assertEquals(1, db.specifications().history("AlSc2").size());
    }

    private LimitRow row(String element) {
        return vm.limits().stream().filter(r -> r.elementProperty().get().equals(element)).findFirst().orElseThrow();
    }

    /**
     * AlSc2 (seed) holds Na to 0.01 wt% max, Fe to 0.15 wt% max; Na is in the default ppm list (Na, Ca, Be), Fe is not.
     * 1 wt% is 10,000 ppm, so 0.01 wt% shows as 100 ppm; 50 ppm typed is 0.005 wt% stored; 0,5 ppm (French comma) is
     * 0.00005 wt%.
     */
    @Test
    void aLimitOfAnElementReadInPpmIsShownAndTakenInPpmAndStoredInWtPct() {
        select("AlSc2");
        LimitRow na = row("Na");
        assertTrue(na.inPpmProperty().get());
        assertFalse(row("Fe").inPpmProperty().get());
        assertEquals("100", na.maxPctProperty().get());
        assertEquals("0.15", row("Fe").maxPctProperty().get());

        na.maxPctProperty().set("50");
        assertTrue(vm.save(), vm.allErrors().toString());

        assertEquals(0.005, db.specifications().find("AlSc2").orElseThrow().limit("Na").orElseThrow().maxPct(), 1e-15);
        assertEquals(0.15, db.specifications().find("AlSc2").orElseThrow().limit("Fe").orElseThrow().maxPct(), 1e-15);
        assertEquals("50", row("Na").maxPctProperty().get(), "the saved version comes back in ppm");

        vm.setMessages(FR);
        select("AlSc2");
        row("Na").maxPctProperty().set("0,5");
        assertTrue(vm.save(), vm.allErrors().toString());
        assertEquals(0.00005, db.specifications().find("AlSc2").orElseThrow().limit("Na").orElseThrow().maxPct(), 1e-15);
        assertEquals("0,5", row("Na").maxPctProperty().get());
    }

    @Test
    void anElementTypedIntoARowTakesItsUnitFromThePlantsPpmList() {
        vm.newSpecification();
        LimitRow r = vm.limits().get(0);
        r.elementProperty().set("Ca");
        assertTrue(r.inPpmProperty().get());
        r.elementProperty().set("Mg");
        assertFalse(r.inPpmProperty().get());
        PlantUnits.set(Quantities.of(Locale.ROOT).withPpmElements(List.of("Mg")));
        try {
            LimitRow mg = vm.addLimit();
            mg.elementProperty().set("Mg");
            assertTrue(mg.inPpmProperty().get());
        } finally {
            PlantUnits.reset();
        }
    }

    /**
     * A refusal of a ppm row is worded in ppm with the numbers as typed: 2,000,000 ppm (200 wt%) is over the
     * 1,000,000 ppm (100 wt%) the engine allows; a min of 80 ppm above a max of 50 ppm.
     */
    @Test
    void aLimitInPpmTheEngineRefusesIsWordedInPpm() {
        select("AlSc2");
        LimitRow na = row("Na");
        int naRow = vm.limits().indexOf(na) + 1;
        na.maxPctProperty().set("2000000");

        assertFalse(vm.save());
        assertEquals(List.of("Limit " + naRow + " (Na): the max must be a number from 0 to 1,000,000 ppm, was 2,000,000"),
                vm.allErrors());

        na.minPctProperty().set("80");
        na.maxPctProperty().set("50");
        assertFalse(vm.save());
        assertEquals(List.of("Limit " + naRow + " (Na): the min 80 ppm is above the max 50 ppm"), vm.allErrors());

        vm.setMessages(FR);
        assertFalse(vm.save());
        assertEquals(List.of("Limite " + naRow + " (Na)\u00a0: le min 80 ppm dépasse le max 50 ppm"), vm.allErrors());
        assertEquals(1, db.specifications().history("AlSc2").size());
    }

    @Test
    void newSpecificationInTheSectorShownIsCreatedAsVersionOne() {
        vm.sectorProperty().set("EV");
        assertTrue(vm.specifications().stream().allMatch(s -> s.sector().equals("EV")));
        vm.newSpecification();
        vm.text(SpecField.NAME).set("Test EV spec");
        vm.limits().get(0).elementProperty().set("Sc");
        vm.limits().get(0).maxPctProperty().set("0,3");

        assertTrue(vm.save());

        Specification saved = db.specifications().find("Test EV spec").orElseThrow();
        assertEquals("EV", saved.sector());
        assertEquals(0.3, saved.limit("Sc").orElseThrow().maxPct(), 1e-12);
        assertEquals(1, vm.history().size());
    }

    @Test
    void aSpecificationSavedBySomeoneElseMeanwhileIsNotOverwritten() {
        select("AlSc2");
        vm.text(SpecField.REVISION).set("mine");
        Specification theirs = db.specifications().find("AlSc2").orElseThrow();
        db.specifications().update(new Specification(theirs.name(), theirs.sector(), "theirs", theirs.limits(), theirs.othersEachMaxPct(),
                theirs.othersTotalMaxPct(), theirs.properties(), theirs.source(), theirs.confidence()), "other user", null);
        dialogs.choices.add("Cancel");

        vm.save();

        assertEquals(java.util.List.of("Save as a new version", "Reload", "Cancel"), dialogs.choiceOptions.get(0));
        assertEquals("theirs", db.specifications().find("AlSc2").orElseThrow().revision());
        assertEquals("mine", vm.text(SpecField.REVISION).get(), "the edit stays in the editor");

        dialogs.choices.add("Save as a new version");
        vm.save();

        assertEquals(3, db.specifications().history("AlSc2").size());
        assertEquals("theirs", db.specifications().version("AlSc2", 2).orElseThrow().specification().revision());
        assertEquals("mine", db.specifications().find("AlSc2").orElseThrow().revision());
    }
}
