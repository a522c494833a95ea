package ca.scalloy.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ca.scalloy.engine.spec.Specification;

@Tag("h2-file")
class DatabaseTest {

    @TempDir
    Path dir;

    @Test
    void aNewDatabaseIsCreatedMigratedAndSeeded() {
        try (Database db = Database.open(dir.resolve("sub/scalloy"), new StepClock())) {
            assertTrue(Files.exists(dir.resolve("sub/scalloy.mv.db")));
            assertEquals(22, db.materials().list(true).size());
            List<Specification> specs = db.specifications().list();
            assertEquals(17, specs.size());
            assertTrue(db.recipes().list().isEmpty());
        }
    }

    @Test
    void seedRunsOnlyOnceSoUserDeletionsAndEditsStay() {
        Path path = dir.resolve("scalloy");
        try (Database db = Database.open(path, new StepClock())) {
            assertEquals(MaterialRepository.Removal.DELETED, db.materials().remove("ALTI5B1"));
            db.materials().setPrice("P1020", 9.99, 4.0, "user edit");
        }
        try (Database db = Database.open(path, new StepClock())) {
            assertFalse(db.materials().find("ALTI5B1").isPresent());
            assertEquals(9.99, db.materials().find("P1020").orElseThrow().material().pricePerKg());
        }
    }

    @Test
    void restoreIsRefusedWhileTheDatabaseIsOpenAndLeavesItUntouched() {
        Path path = dir.resolve("scalloy");
        Path backup = dir.resolve("b.zip");
        try (Database db = Database.open(path, new StepClock())) {
            db.backup(backup);
            db.recipes().save(StoreFixtures.oxideRouteRecipe(), "after the backup");
            StoreException e = assertThrows(StoreException.class,
                    () -> Database.restore(backup, path, new StepClock()));
            assertEquals("the database " + path.toAbsolutePath() + " is open in this Scalloy; close it before restoring", e.getMessage());
            assertEquals(1, db.recipes().list().size());
        }
        Database.restore(backup, path, new StepClock());
        try (Database db = Database.open(path, new StepClock())) {
            assertTrue(db.recipes().list().isEmpty(), "the state of the backup");
        }
    }

    @Test
    void theLocationFollowsOptionThenEnvironmentThenSettingsThenHome() {
        Path home = dir.resolve("home");
        Map<String, String> env = Map.of("SCALLOY_DB", dir.resolve("env/lib.mv.db").toString());
        assertEquals(dir.resolve("opt/x").toAbsolutePath(), DatabaseLocation.resolve(dir.resolve("opt/x").toString(), env, "s", home));
        assertEquals(dir.resolve("env/lib").toAbsolutePath(), DatabaseLocation.resolve(null, env, "s", home));
        assertEquals(dir.resolve("set/db").toAbsolutePath(), DatabaseLocation.resolve(null, Map.of(), dir.resolve("set/db").toString(), home));
        assertEquals(home.resolve(".scalloy/scalloy"), DatabaseLocation.resolve(null, Map.of(), null, home));
        assertEquals(dir.toAbsolutePath().resolve("scalloy"), DatabaseLocation.normalize(dir));
    }
}
