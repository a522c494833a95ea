package ca.scalloy.ui.specs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import ca.scalloy.engine.spec.PropertyRequirement;
import ca.scalloy.engine.spec.Specification;
import ca.scalloy.store.Database;
import ca.scalloy.ui.common.LibraryStore;
import ca.scalloy.ui.common.Messages;
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
        // (the screen joins the row and the refusal with ": ")
        assertTrue(vm.allErrors().contains("Limite " + scRow + " (Sc): Sc : le min 3 % massique dépasse le max 2,5 % massique"),
                vm.allErrors().toString());
        assertTrue(vm.allErrors().contains("Limite " + otherRow + " (" + otherElement + "): " + otherElement
                + " : le max doit être un nombre de 0 à 100 % massique, était 150"), vm.allErrors().toString());

        sc.minPctProperty().set("");
        other.maxPctProperty().set("0,2");
        other.elementProperty().set("Sc");
        assertFalse(vm.save());
        // The screen finds the second row of an element itself and marks that row (before the engine's own refusal).
        int secondSc = Math.max(scRow, otherRow);
        assertEquals(java.util.List.of("Limite " + secondSc + " (Sc): Sc est déjà limité dans une autre ligne ; une ligne par élément"),
                vm.allErrors());
        for (String e : vm.allErrors()) {
            assertFalse(e.contains("minPct") || e.contains("limited") || e.contains("imprévue"), e);
        }
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
