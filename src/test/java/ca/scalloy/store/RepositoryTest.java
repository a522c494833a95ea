package ca.scalloy.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import ca.scalloy.engine.charge.Material;
import ca.scalloy.engine.charge.Recipe;
import ca.scalloy.engine.library.FieldChange;
import ca.scalloy.engine.library.LibraryMaterial;
import ca.scalloy.engine.library.PricePoint;
import ca.scalloy.engine.library.RecipeVersion;
import ca.scalloy.engine.spec.ElementLimit;
import ca.scalloy.engine.spec.Specification;
import ca.scalloy.engine.library.SpecificationVersion;

/** Round trips through every repository on an in-memory database. */
class RepositoryTest {

    private final Database db = TestDatabases.fresh(new StepClock());

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void aRecipeComesBackEqualWithEveryField() {
        for (String file : List.of("alsc2-oxide-route.json", "alsc2-fluoride-route.json", "alsc2-from-sc-metal.json",
                "alsc2-into-5083-melt.json", "almgsc-5028-type.json", "alsc2zr1-k2zrf6.json", "scalmalloy-type.json")) {
            Recipe r = StoreFixtures.recipe(file);
            db.recipes().save(r, "");
            assertEquals(r, db.recipes().latest(r.name()).orElseThrow().recipe(), file);
        }
        assertEquals(7, db.recipes().list().size());
        assertEquals(List.of("AlSc2 added to a 2 t melt of 5083"), db.recipes().search("5083").stream().map(s -> s.name()).toList());
        assertEquals(1, db.recipes().search("alsc2zr1").size(), "search matches the grade, ignoring case");
        assertTrue(db.recipes().search("100%_").isEmpty(), "wildcards are matched literally");
    }

    @Test
    void savingAddsVersionsTheHistoryShowsWhatChangedAndRestoreAddsANewVersion() {
        Recipe v1 = StoreFixtures.oxideRouteRecipe();
        Recipe v2 = v1.withBatchMassKg(1500.0).withMaterials(v1.materials().subList(0, 3).stream()
                .map(m -> m.id().equals("AL-P1020") ? m.withPricePerKg(2.75) : m).toList());
        db.recipes().save(v1, "first");
        RecipeVersion saved = db.recipes().save(v2, "bigger, dearer aluminium");
        assertEquals(2, saved.version());
        List<FieldChange> changes = db.recipes().diff(v1.name(), 1, 2);
        assertEquals(List.of(new FieldChange("batchMassKg", "1000.0", "1500.0"),
                new FieldChange("materials[AL-P1020].pricePerKg", "2.6", "2.75")), changes);
        RecipeVersion restored = db.recipes().restore(v1.name(), 1);
        assertEquals(3, restored.version());
        assertEquals("restored from version 1", restored.note());
        assertEquals(v1, db.recipes().latest(v1.name()).orElseThrow().recipe());
        assertEquals(List.of(1, 2, 3), db.recipes().history(v1.name()).stream().map(RecipeVersion::version).toList());
        assertEquals(3, db.recipes().list().get(0).version());
        StoreException e = assertThrows(StoreException.class, () -> db.recipes().restore(v1.name(), 9));
        assertEquals("recipe \"AlSc2 master alloy, oxide route\" has no version 9", e.getMessage());
    }

    @Test
    void priceChangesKeepTheirHistoryWithDates() {
        db.materials().setPrice("SC2O3-999", 1650, 48, "quote");
        List<PricePoint> h = db.materials().priceHistory("SC2O3-999");
        assertEquals(2, h.size());
        assertEquals(1500, h.get(0).pricePerKg());
        assertEquals(1650, h.get(1).pricePerKg());
        assertTrue(h.get(1).effectiveAt().isAfter(h.get(0).effectiveAt()));
        LibraryMaterial now = db.materials().find("SC2O3-999").orElseThrow();
        assertEquals(48, now.material().co2KgPerKg());
        assertEquals(h.get(1).effectiveAt(), now.priceSetAt());
        assertEquals(java.time.Instant.parse("2017-01-01T00:00:00Z"), db.materials().priceHistory("SC2O3-9999").get(0).effectiveAt(),
                "a seed price keeps its published date");
    }

    @Test
    void aMaterialRoundTripsAndAnEditWithANewPriceAddsAPricePoint() {
        Material m = Material.metallic("ALSC3", "AlSc3 trial lot", ca.scalloy.engine.charge.MaterialKind.MASTER_ALLOY,
                new ca.scalloy.engine.Composition(java.util.Map.of("Sc", 3.0, "Fe", 0.1), "Al"), 300, 12);
        db.materials().add(LibraryMaterial.of(m, "trial", "est"));
        assertEquals(m, db.materials().find("ALSC3").orElseThrow().material());
        db.materials().update(LibraryMaterial.of(m.withPricePerKg(320), "trial, requoted", "est"));
        assertEquals(2, db.materials().priceHistory("ALSC3").size());
        assertEquals("trial, requoted", db.materials().find("ALSC3").orElseThrow().source());
        assertEquals(1, db.materials().search("sc3 TRIAL").size());
        StoreException dup = assertThrows(StoreException.class, () -> db.materials().add(LibraryMaterial.of(m, "", "")));
        assertEquals("a material with id \"ALSC3\" already exists", dup.getMessage());
    }

    @Test
    void aMaterialUsedByAStoredRecipeIsRetiredNotDeleted() {
        db.recipes().save(StoreFixtures.oxideRouteRecipe(), "");
        db.materials().add(LibraryMaterial.of(Material.flux("FLUX-X", "unused flux", 1, 0), "", ""));
        assertEquals(MaterialRepository.Removal.RETIRED, db.materials().remove("AL-P1020"));
        assertEquals(MaterialRepository.Removal.DELETED, db.materials().remove("FLUX-X"));
        assertTrue(db.materials().find("AL-P1020").orElseThrow().retired());
        assertFalse(db.materials().list(false).stream().anyMatch(x -> x.id().equals("AL-P1020")));
        assertTrue(db.materials().find("FLUX-X").isEmpty());
    }

    @Test
    void specificationsAreVersionedAndNamesAreUnique() {
        Specification s = new Specification("Customer AlSc2", "CUSTOMER", "A", List.of(new ElementLimit("Sc", 1.9, 2.1)),
                null, null, List.of(), "drawing 7", "src");
        db.specifications().create(s);
        StoreException dup = assertThrows(StoreException.class, () -> db.specifications().create(s));
        assertEquals("a specification named \"Customer AlSc2\" already exists", dup.getMessage());
        Specification b = new Specification(s.name(), "CUSTOMER", "B", List.of(new ElementLimit("Sc", 1.95, 2.05)),
                null, null, List.of(), "drawing 7 rev B", "src");
        SpecificationVersion v = db.specifications().update(b);
        assertEquals(2, v.version());
        assertEquals(b, db.specifications().find(s.name()).orElseThrow());
        assertEquals(List.of(s, b), db.specifications().history(s.name()).stream().map(SpecificationVersion::specification).toList());
        assertEquals(List.of(b), db.specifications().list("CUSTOMER"));
    }

    @Test
    void everySeededSpecificationCarriesItsSourceAndConfidence() {
        List<Specification> specs = db.specifications().list();
        assertTrue(specs.stream().allMatch(s -> !s.source().isBlank() && !s.confidence().isBlank()));
        Specification tanks = db.specifications().find("01570-type launcher tanks").orElseThrow();
        Specification aero = db.specifications().find("01570-type (welded structures)").orElseThrow();
        assertEquals("SPACE", tanks.sector());
        assertEquals(aero.limits(), tanks.limits());
        assertEquals(List.of("AERO", "DEFENCE", "EV", "MASTER_ALLOY", "SPACE", "WIND"),
                specs.stream().map(Specification::sector).distinct().sorted().toList());
    }
}
