package ca.scalloy.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ca.scalloy.engine.library.AuditEntry;
import ca.scalloy.engine.library.LibraryMaterial;
import ca.scalloy.engine.spec.ElementLimit;
import ca.scalloy.engine.spec.Specification;

/** The audit trail: written with every change, and append-only by the database's own rule. */
class AuditLogTest {

    @TempDir
    Path dir;

    @Test
    void onEveryDatabaseAnUpdateDeleteOrTruncateOfTheAuditLogIsRefusedByTheDatabaseItself() {
        try (Database db = TestDatabases.fresh(new StepClock())) {
            db.materials().setPrice("SC2O3-999", 1700, 50, "quote");
            for (String sql : List.of("UPDATE audit_log SET new_value = 'forged', actor = 'someone else'", "DELETE FROM audit_log",
                    "TRUNCATE TABLE audit_log")) {
                StoreException refused = assertThrows(StoreException.class, () -> db.inTransaction(c -> {
                    try (Statement s = c.createStatement()) {
                        return s.executeUpdate(sql);
                    }
                }), sql);
                assertTrue(refused.getMessage().contains("append-only") || refused.getMessage().contains("Cannot truncate"),
                        refused.getMessage());
            }
            db.inTransaction(c -> {
                try (Statement s = c.createStatement()) {
                    return s.executeUpdate("INSERT INTO audit_log (logged_at, actor, entity, entity_id, change_kind, reason)"
                            + " VALUES (CURRENT_TIMESTAMP, 'sql', 'note', 'x', 'append', '')");
                }
            });
            List<AuditEntry> all = db.audit().all();
            assertEquals(2, all.size(), "appending stays possible");
            assertEquals("pricePerKg=1700.0, co2KgPerKg=50.0", all.get(0).newValue(), "the entry is unchanged");
        }
    }

    @Test
    @Tag("h2-file")
    void aDirectSqlUpdateOrDeleteOnTheAuditLogIsRefusedByTheDatabase() throws Exception {
        Path path = dir.resolve("scalloy");
        try (Database db = Database.open(path, new StepClock())) {
            db.materials().setPrice("SC2O3-999", 1700, 50, "quote");
            try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + path + Database.FILE_OPTIONS, "sa", TestDatabases.h2Password(path));
                 Statement s = c.createStatement()) {
                SQLException update = assertThrows(SQLException.class,
                        () -> s.executeUpdate("UPDATE audit_log SET new_value = 'forged', actor = 'someone else'"));
                assertTrue(update.getMessage().contains("audit_log is append-only"), update.getMessage());
                SQLException delete = assertThrows(SQLException.class, () -> s.executeUpdate("DELETE FROM audit_log"));
                assertTrue(delete.getMessage().contains("audit_log is append-only"), delete.getMessage());
                SQLException truncate = assertThrows(SQLException.class, () -> s.executeUpdate("TRUNCATE TABLE audit_log"));
                assertTrue(truncate.getMessage().contains("Cannot truncate"), truncate.getMessage());
                s.executeUpdate("INSERT INTO audit_log (logged_at, actor, entity, entity_id, change_kind, reason)"
                        + " VALUES (CURRENT_TIMESTAMP, 'sql', 'note', 'x', 'append', '')");
            }
            List<AuditEntry> all = db.audit().all();
            assertEquals(2, all.size(), "appending stays possible");
            assertEquals("pricePerKg=1700.0, co2KgPerKg=50.0", all.get(0).newValue(), "the entry is unchanged");
        }
    }

    @Test
    void changesToMaterialsSpecificationsAndRecipesAreAuditedWithWhoWhenOldNewAndReason() {
        try (Database db = TestDatabases.fresh(new StepClock())) {
            db.setActor("M. Tremblay");
            LibraryMaterial m = db.materials().find("SC2O3-999").orElseThrow();
            db.materials().setPrice("SC2O3-999", 1700, 50, "quote 2026-02");
            db.materials().update(new LibraryMaterial(m.material(), "supplier sheet 2026", m.confidence(), null, false), "new sheet");
            db.materials().setRecovery("SC2O3-999", "Sc", 88.0, "history of 12 heats");
            Specification spec = new Specification("Customer X", "CUSTOMER_X", "A", List.of(new ElementLimit("Sc", 1.9, 2.1)),
                    null, null, List.of(), "drawing", "src");
            db.specifications().create(spec);
            db.specifications().update(new Specification("Customer X", "CUSTOMER_X", "B", List.of(new ElementLimit("Sc", 1.95, 2.05)),
                    null, null, List.of(), "drawing", "src"), "rev B agreed");
            db.recipes().save(StoreFixtures.oxideRouteRecipe(), "first");
            db.recipes().save(StoreFixtures.oxideRouteRecipe().withBatchMassKg(1500.0), "bigger");

            List<AuditEntry> material = db.audit().of(AuditLog.MATERIAL, "SC2O3-999");
            assertEquals(List.of("price", "update", "recovery Sc"), material.stream().map(AuditEntry::change).toList());
            assertTrue(material.get(0).oldValue().startsWith("pricePerKg="), material.get(0).oldValue());
            assertEquals("pricePerKg=1700.0, co2KgPerKg=50.0", material.get(0).newValue());
            assertEquals("quote 2026-02", material.get(0).reason());
            assertEquals("M. Tremblay", material.get(0).actor());
            assertEquals("85.0 %", material.get(2).oldValue(), "the seed's recovery");
            assertEquals("88.0 %", material.get(2).newValue());
            assertEquals(88.0, db.materials().find("SC2O3-999").orElseThrow().material().recoveryPct().get("Sc"));

            List<AuditEntry> specs = db.audit().of(AuditLog.SPECIFICATION, "Customer X");
            assertEquals(List.of("create", "version 2"), specs.stream().map(AuditEntry::change).toList());
            assertNull(specs.get(0).oldValue());
            assertTrue(specs.get(1).oldValue().contains("1.9") && specs.get(1).newValue().contains("1.95"), specs.get(1).newValue());
            assertEquals("rev B agreed", specs.get(1).reason());

            List<AuditEntry> recipes = db.audit().of(AuditLog.RECIPE, null);
            assertEquals("version 1", recipes.get(1).oldValue());
            assertEquals("version 2", recipes.get(1).newValue());
            assertEquals("bigger", recipes.get(1).reason());
            assertTrue(recipes.get(1).at().isAfter(recipes.get(0).at()));
        }
    }

    @Test
    void theWholeLogExportsAsCsvWithTheLocalesSeparator() throws Exception {
        try (Database db = TestDatabases.fresh(new StepClock())) {
            db.materials().setPrice("SC2O3-999", 1700, 50, "quote; with separator");
            Path file = dir.resolve("audit.csv");
            db.audit().exportCsv(db.audit().all(), file, Locale.CANADA_FRENCH);
            String csv = Files.readString(file, StandardCharsets.UTF_8);
            assertTrue(csv.startsWith("\uFEFFid;at_utc;actor;entity;entity_id;change;old_value;new_value;reason;db_user\r\n"), csv);
            assertTrue(csv.contains(";material;SC2O3-999;price;"), csv);
            assertTrue(csv.contains("\"quote; with separator\""), csv);
        }
    }
}
