package ca.scalloy.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ca.scalloy.engine.heat.Heat;
import ca.scalloy.engine.heat.HeatStatus;
import ca.scalloy.engine.heat.SampleAnalysis;
import ca.scalloy.engine.heat.StatusMove;
import ca.scalloy.engine.library.AuditEntry;

/**
 * The audit trail written by the database itself (issue 11, decision 0010), on both databases: a heat's life
 * reads as it always did, a change made with SQL beside Scalloy is in it, the database records status moves,
 * and entries written before schema 6 read as they were written.
 */
class AuditByTheDatabaseTest {

    @TempDir
    Path dir;

    private final Database db = TestDatabases.fresh(new StepClock());

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void aHeatsLifeReadsInItsTrailAsTheApplicationUsedToWordIt() {
        db.setActor("J. Roy");
        Heat heat = StoreFixtures.plannedHeat(db);
        String n = heat.number();
        db.heats().move(n, HeatStatus.CHARGED, "furnace 2 loaded");
        db.heats().weigh(n, 1, 490.0, null, "scale 2"); // line 1 is the P1020, planned about 489.5 kg
        db.heats().addSample(n, new SampleAnalysis("S1", "2026-01-05T10:00", "OES", Map.of("Sc", 1.70)), "OES 2");
        db.heats().addCorrection(n, null, 1000.0, Map.of("SC-METAL", 2.5), "low Sc");
        db.heats().addSample(n, new SampleAnalysis("F", "2026-01-05T11:00", "OES", Map.of("Sc", 2.00)), "OES 2");
        db.heats().move(n, HeatStatus.CAST, "cast");
        db.certificates().recordCast(n, 495.0, 40, "caster scale"); // a 500 kg heat
        db.certificates().recordCast(n, 496.5, 41, "re-weighed");
        db.setActor("M. Gagnon");
        db.heats().move(n, HeatStatus.RELEASED, "released");

        List<AuditEntry> trail = db.audit().of(AuditLog.HEAT, n);
        assertEquals(List.of("create", "move", "weigh line 1", "sample", "move", "move", "correction", "sample", "move", "move", "cast",
                "cast", "move", "recovery Sc"), trail.stream().map(AuditEntry::change).toList());
        assertTrue(trail.get(0).newValue().startsWith("recipe \"" + StoreFixtures.SC_METAL_RECIPE + "\" version 1, specification \""
                + StoreFixtures.SPEC + "\" version 1, furnace F2, operator J. Roy, planned "), trail.get(0).newValue());
        assertTrue(trail.get(0).newValue().endsWith(" kg, lots {}"), trail.get(0).newValue());
        assertEquals(List.of("PLANNED", "CHARGED", "furnace 2 loaded"), List.of(trail.get(1).oldValue(), trail.get(1).newValue(),
                trail.get(1).reason()));
        assertTrue(trail.get(2).oldValue().endsWith("weighed (not yet), lot (none)") && trail.get(2).newValue().endsWith("weighed 490.0 kg,"
                + " lot (none)"), trail.get(2).newValue());
        assertEquals("scale 2", trail.get(2).reason());
        assertEquals("sample S1 {\"Sc\":1.7}: FAIL", trail.get(3).newValue());
        assertEquals("entered by hand", trail.get(3).reason());
        assertEquals(List.of("CHARGED", "SAMPLED", "sample S1"), List.of(trail.get(4).oldValue(), trail.get(4).newValue(), trail.get(4).reason()));
        assertEquals("correction: low Sc", trail.get(5).reason());
        assertEquals("after sample S1, melt 1000.000 kg, add {\"SC-METAL\":2.5}", trail.get(6).newValue());
        assertEquals("low Sc", trail.get(6).reason());
        assertEquals(List.of("495.000 kg", "496.500 kg in 41 pieces", "re-weighed"), List.of(trail.get(11).oldValue(),
                trail.get(11).newValue(), trail.get(11).reason()), "a cast recorded again shows what it replaced");
        assertEquals("at release, from the last sample", trail.get(13).reason());
        assertTrue(trail.get(13).newValue().endsWith(" %"), trail.get(13).newValue());
        assertEquals("M. Gagnon", trail.get(12).actor());
        assertEquals("J. Roy", trail.get(0).actor());
        assertEquals(db.databaseUser(), trail.get(0).dbUser());
        for (int i = 1; i < trail.size(); i++) {
            assertTrue(!trail.get(i).at().isBefore(trail.get(i - 1).at()), "in the order the database wrote them");
        }

        List<StatusMove> moves = db.heats().find(n).orElseThrow().moves();
        assertEquals(List.of("planned", "furnace 2 loaded", "sample S1", "correction: low Sc", "sample F", "cast", "released"),
                moves.stream().map(StatusMove::reason).toList(), "the database recorded every move with its reason");
        assertEquals("M. Gagnon", moves.get(moves.size() - 1).by());
    }

    @Test
    void aChangeMadeWithSqlBesideScalloyIsInTheTrailWithTheSessionsDatabaseUser() {
        Heat heat = StoreFixtures.plannedHeat(db);
        db.setActor("someone at the console");
        int before = db.audit().of(AuditLog.HEAT, heat.number()).size();
        db.inTransaction(c -> {
            try (Statement s = c.createStatement()) {
                return s.executeUpdate("UPDATE heat_lines SET weighed_kg = 12.5 WHERE line_no = 1");
            }
        });
        db.inTransaction(c -> {
            try (Statement s = c.createStatement()) {
                return s.executeUpdate("UPDATE heats SET furnace = 'F9'");
            }
        });
        List<AuditEntry> trail = db.audit().of(AuditLog.HEAT, heat.number());
        assertEquals(before + 2, trail.size());
        AuditEntry weigh = trail.get(before);
        assertEquals("weigh line 1", weigh.change());
        assertTrue(weigh.newValue().contains("weighed 12.5 kg"), weigh.newValue());
        assertEquals("", weigh.reason(), "no reason given");
        assertEquals("someone at the console", weigh.actor());
        assertEquals(db.databaseUser(), weigh.dbUser());
        AuditEntry furnace = trail.get(before + 1);
        assertEquals("update heats", furnace.change(), "a change the wording does not know shows its columns");
        assertEquals("furnace=F2", furnace.oldValue());
        assertEquals("furnace=F9", furnace.newValue());
    }

    @Test
    void theMovesTheDatabaseAllowsAreTheWorkflowsWithTheRolesTheReadmeStates() {
        Map<HeatStatus, Set<HeatStatus>> allowed = new TreeMap<>();
        Map<String, String> roles = new TreeMap<>();
        db.inTransaction(c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT from_status, to_status, roles FROM heat_status_moves")) {
                while (rs.next()) {
                    allowed.computeIfAbsent(HeatStatus.valueOf(rs.getString(1)), k -> EnumSet.noneOf(HeatStatus.class))
                            .add(HeatStatus.valueOf(rs.getString(2)));
                    roles.put(rs.getString(1) + ">" + rs.getString(2), rs.getString(3));
                }
            }
            return null;
        });
        for (HeatStatus from : HeatStatus.values()) {
            assertEquals(from.next(), allowed.getOrDefault(from, EnumSet.noneOf(HeatStatus.class)), "moves from " + from);
            for (HeatStatus to : from.next()) {
                // README, Roles: quality releases and rejects; the operator runs the heat at the furnace and may reject it too.
                String expected = to == HeatStatus.RELEASED ? "quality" : to == HeatStatus.REJECTED ? "quality,operator" : "operator";
                assertEquals(expected, roles.get(from + ">" + to), from + " to " + to);
            }
        }
    }

    @Test
    void theSeedIsNotInTheTrail() {
        assertTrue(db.audit().all().isEmpty(), "Scalloy's starting data is recorded in seed_runs, not as changes: " + db.audit().all());
    }

    @Test
    @Tag("h2-file")
    void entriesWrittenBeforeVersion6ReadAsTheyWereWritten() throws Exception {
        Path path = dir.resolve("scalloy");
        Files.copy(Path.of("src/test/resources/db-fixtures/scalloy-v2.mv.db"), DatabaseLocation.dataFile(path));
        List<List<String>> stored = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + path, "sa", "");
             PreparedStatement ps = c.prepareStatement("SELECT id, actor, entity, entity_id, change_kind, old_value, new_value, reason"
                     + " FROM audit_log ORDER BY id");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= 8; i++) {
                    row.add(rs.getString(i));
                }
                stored.add(row);
            }
        }
        assertTrue(stored.size() >= 8, "the fixture's trail: " + stored.size());
        try (Database upgraded = Database.open(path, new StepClock())) {
            List<AuditEntry> read = upgraded.audit().all();
            assertEquals(stored.size(), read.size());
            for (int i = 0; i < stored.size(); i++) {
                AuditEntry e = read.get(i);
                assertEquals(stored.get(i), List.of(String.valueOf(e.id()), e.actor(), e.entity(), e.entityId(), e.change(),
                        String.valueOf(e.oldValue()), String.valueOf(e.newValue()), e.reason()).stream()
                        .map(v -> "null".equals(v) ? null : v).toList());
            }
            upgraded.heats().weigh(upgraded.heats().list(null, null, 1).get(0).number(), 1, 1000.0, null, "after the upgrade"); // line 1 planned 992 kg
            AuditEntry now = upgraded.audit().all().get(stored.size());
            assertEquals("weigh line 1", now.change(), "a new entry in the same shape");
        }
    }
}
