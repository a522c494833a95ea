package ca.scalloy.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import ca.scalloy.engine.Role;
import ca.scalloy.engine.charge.ChargeCalculator;
import ca.scalloy.engine.heat.Heat;
import ca.scalloy.engine.heat.HeatStatus;
import ca.scalloy.engine.heat.SampleAnalysis;
import ca.scalloy.engine.library.AuditEntry;
import ca.scalloy.solver.OjalgoSolver;

/**
 * Every rule the shared database keeps, tried with the real {@code psql} by a login of the role under test
 * (issue 11): what the workbench refuses, {@code psql} cannot do either, and what it may do is in the audit
 * trail, written by the database. PostgreSQL only (the store-on-postgresql execution); under {@code CI=true} a
 * missing {@code psql} is a failure.
 */
class PsqlRulesTest {

    private static final Pattern SERVER = Pattern.compile("jdbc:postgresql://([^:/]+)(?::(\\d+))?/([^?]+)");

    private final List<String> logins = new ArrayList<>();
    private final List<Database> opened = new ArrayList<>();
    private DatabaseLogin schemaLogin;
    private Database admin;
    private String schema;
    private Heat planned;
    private Heat cast;

    @BeforeEach
    void aHeatPlannedAndACastHeat() throws Exception {
        assumeTrue(TestDatabases.postgres(), "psql rules are PostgreSQL's; this runs in the store-on-postgresql execution");
        psqlPresent();
        schemaLogin = TestDatabases.freshLogin();
        schema = schemaLogin.url().substring(schemaLogin.url().indexOf("currentSchema=") + "currentSchema=".length());
        admin = open(schemaLogin);
        planned = StoreFixtures.plannedHeat(admin);
        cast = admin.heats().create(StoreFixtures.SC_METAL_RECIPE, 1, StoreFixtures.SPEC, "F2", "J. Roy",
                new ChargeCalculator(new OjalgoSolver()).solve(admin.heats().recipeOf(planned.number())), Map.of());
        admin.heats().move(cast.number(), HeatStatus.CHARGED, "");
        admin.heats().addSample(cast.number(), new SampleAnalysis("F", "2026-01-05T10:00", "ICP-OES", Map.of("Sc", 2.0, "Fe", 0.06)), "ICP");
        admin.heats().move(cast.number(), HeatStatus.CAST, "");
    }

    @AfterEach
    void dropLogins() {
        opened.forEach(Database::close);
        for (String u : logins) {
            TestDatabases.asServerOwner("DROP ROLE IF EXISTS \"" + u + "\"");
        }
    }

    @Test
    void anOperatorCannotReleaseNorMoveAHeatOffItsWorkflowButAnAllowedMoveIsRecordedByTheDatabase() throws Exception {
        String op = login(Role.OPERATOR);
        Run release = psql(op, "UPDATE heats SET status = 'RELEASED' WHERE heat_number = '" + cast.number() + "'");
        assertRefused(release, "may not move heat " + cast.number() + " from CAST to RELEASED: that needs the quality role");
        Run skip = psql(op, "UPDATE heats SET status = 'CAST' WHERE heat_number = '" + planned.number() + "'");
        assertRefused(skip, "a heat cannot move from PLANNED to CAST");
        Run born = psql(op, "INSERT INTO heats (heat_number, recipe_name, recipe_version, spec_name, spec_version, furnace, operator_name,"
                + " status, planned_kg, created_at, updated_at) VALUES ('H-X', 'r', 1, 's', 1, '', '', 'RELEASED', 1, now(), now())");
        assertRefused(born, "a heat starts PLANNED, not RELEASED");
        assertEquals(HeatStatus.CAST, status(cast), "still cast");

        Run charge = psql(op, "SELECT set_config('scalloy.reason', 'furnace 2 loaded', false);"
                + " UPDATE heats SET status = 'CHARGED' WHERE heat_number = '" + planned.number() + "'");
        assertEquals(0, charge.exit(), charge.err());
        AuditEntry move = last(planned);
        assertEquals("move", move.change());
        assertEquals("PLANNED", move.oldValue());
        assertEquals("CHARGED", move.newValue());
        assertEquals("furnace 2 loaded", move.reason());
        assertEquals(op, move.dbUser(), "the session's login, not anything the client says");
        var moves = admin.heats().find(planned.number()).orElseThrow().moves();
        assertEquals(HeatStatus.CHARGED, moves.get(moves.size() - 1).to(), "the database recorded the move");
        assertRefused(psql(op, "INSERT INTO status_moves (heat_ref, from_status, to_status, moved_by, moved_at, reason)"
                + " SELECT id, 'CAST', 'RELEASED', 'quality', now(), 'forged' FROM heats WHERE heat_number = '" + cast.number() + "'"),
                "permission denied for table status_moves");
    }

    @Test
    void qualityReleasesWithPsqlButCannotWeighNorSetARecoveryBeforeRelease() throws Exception {
        String quality = login(Role.QUALITY);
        assertRefused(psql(quality, "UPDATE heats SET recovery_element = 'Sc', recovery_pct = 99 WHERE heat_number = '" + cast.number() + "'"),
                "the actual recovery is recorded once, at release");
        assertRefused(psql(quality, "UPDATE heat_lines SET weighed_kg = 1"), "permission denied for table heat_lines");
        Run release = psql(quality, "UPDATE heats SET status = 'RELEASED' WHERE heat_number = '" + cast.number() + "'");
        assertEquals(0, release.exit(), release.err());
        assertEquals(HeatStatus.RELEASED, status(cast));
        assertEquals(quality, last(cast).dbUser());
        assertRefused(psql(quality, "UPDATE heats SET status = 'CAST' WHERE heat_number = '" + cast.number() + "'"),
                "a heat cannot move from RELEASED to CAST");
    }

    @Test
    void theGrantsLeaveEachRoleWhatScalloyDoesForIt() {
        Database operator = as(Role.OPERATOR);
        operator.heats().move(planned.number(), HeatStatus.CHARGED, "loaded");
        operator.heats().weigh(planned.number(), 1, 490.0, null, "scale"); // line 1 is the P1020, planned about 489.5 kg
        operator.heats().addSample(planned.number(), new SampleAnalysis("S1", "", "OES", Map.of("Sc", 2.0)), "OES");
        operator.heats().move(planned.number(), HeatStatus.CAST, "cast");
        operator.certificates().recordCast(planned.number(), 495.0, 40, "caster"); // a 500 kg heat
        Database quality = as(Role.QUALITY);
        quality.certificates().issue(planned.number(), new CertificateRepository.Request("AeroParts", "PO-1", "AlSc2", null, null, null,
                "EN 14361", "Lab", "J. Gagnon", "Quality"));
        quality.heats().move(planned.number(), HeatStatus.RELEASED, "released");
        List<AuditEntry> trail = admin.audit().of(AuditLog.HEAT, planned.number());
        assertEquals(List.of("move", "cast", "certificate", "move", "recovery Sc"), trail.subList(trail.size() - 5, trail.size()).stream()
                .map(AuditEntry::change).toList());
        assertEquals(quality.databaseUser(), trail.get(trail.size() - 1).dbUser());
    }

    @Test
    void aWeighedMassCannotChangeWithoutAnAuditEntryNorAPlannedOneAtAll() throws Exception {
        String op = login(Role.OPERATOR);
        int entries = admin.audit().all().size();
        Run weigh = psql(op, "SELECT set_config('scalloy.actor', 'Someone Else', false); SELECT set_config('scalloy.quiet', 'on', false);"
                + " UPDATE heat_lines SET weighed_kg = 50 WHERE line_no = 1 AND heat_ref = (SELECT id FROM heats WHERE heat_number = '"
                + planned.number() + "')");
        assertEquals(0, weigh.exit(), weigh.err());
        assertEquals(entries + 1, admin.audit().all().size(), "quiet mode is the owner's only: the weighing is audited");
        AuditEntry e = last(planned);
        assertEquals("weigh line 1", e.change());
        assertTrue(e.oldValue().contains("weighed (not yet)") && e.newValue().contains("weighed 50.0 kg"), e.oldValue() + " / " + e.newValue());
        assertEquals("Someone Else", e.actor(), "the name is the client's to give ...");
        assertEquals(op, e.dbUser(), "... the database user is not");

        for (String dodge : List.of("SET session_replication_role = replica", "ALTER TABLE heat_lines DISABLE TRIGGER heat_lines_audit",
                "DROP TRIGGER heat_lines_audit ON heat_lines", "DROP FUNCTION scalloy_audit_row() CASCADE")) {
            assertRefused(psql(op, dodge + "; UPDATE heat_lines SET weighed_kg = 60"), dodge.startsWith("SET") ? "permission denied"
                    : "must be owner");
        }
        assertRefused(psql(op, "UPDATE heat_lines SET planned_kg = 1"), "permission denied for table heat_lines");
        assertRefused(psql(op, "UPDATE heat_lines SET weighed_kg = 1 WHERE heat_ref = (SELECT id FROM heats WHERE heat_number = '"
                + cast.number() + "')"), "is CAST; its charge can no longer be weighed");
        assertRefused(psql(op, "INSERT INTO samples (heat_ref, sample_number, taken_at, instrument, method, values_wt_pct, verdict, checks,"
                + " entered_by, entered_at) SELECT id, 'S9', '', '', 'OES', '{}', 'PASS', '[]', 'x', now() FROM heats WHERE heat_number = '"
                + planned.number() + "' AND status = 'PLANNED'"), "no sample can be added");
        assertEquals(entries + 1, admin.audit().all().size(), "nothing else was written");
    }

    @Test
    void linesCorrectionsAndCastsFollowTheHeatsState() throws Exception {
        String op = login(Role.OPERATOR);
        String castRef = "(SELECT id FROM heats WHERE heat_number = '" + cast.number() + "')";
        assertRefused(psql(op, "INSERT INTO heat_lines (heat_ref, line_no, material_id, planned_kg) VALUES (" + castRef + ", 9, 'AL', 1)"),
                "is CAST: charge lines are planned with the heat");
        assertRefused(psql(op, "UPDATE heat_lines SET weighed_kg = -1 WHERE line_no = 1 AND heat_ref = (SELECT id FROM heats"
                + " WHERE heat_number = '" + planned.number() + "')"), "weighed kg must be >= 0, was -1");
        assertRefused(psql(op, "INSERT INTO corrections (heat_ref, melt_kg, additions, reason, accepted_by, accepted_at) VALUES ("
                + castRef + ", 1000, '{}', '', 'x', now())"), "a correction is recorded as the heat moves to CORRECTED");
        String castRow = "INSERT INTO heat_casts (heat_number, cast_kg, pieces, recorded_at, recorded_by) VALUES ('%s', %s, NULL, now(), 'x')";
        assertRefused(psql(op, String.format(castRow, planned.number(), "900")), "record the cast once it is CAST");
        assertRefused(psql(op, String.format(castRow, cast.number(), "0")), "cast kg must be > 0, was 0");
        Run recorded = psql(op, String.format(castRow, cast.number(), "900"));
        assertEquals(0, recorded.exit(), recorded.err());
        assertEquals("cast", last(cast).change());

        String met = login(Role.METALLURGIST);
        admin.specifications().update(admin.specifications().find(StoreFixtures.SPEC).orElseThrow(), "rev C");
        assertRefused(psql(met, "UPDATE specifications SET current_version = 1 WHERE name = '" + StoreFixtures.SPEC + "'"),
                "must be its newest stored version (2), not 1");
        assertRefused(psql(met, "UPDATE specification_versions SET body = '{}'"), "permission denied for table specification_versions");
    }

    @Test
    void noRoleMayWriteTheAuditTrailAndItsTimeComesFromTheServer() throws Exception {
        String adminLogin = login(Role.ADMIN);
        for (String user : List.of(login(Role.OPERATOR), adminLogin)) {
            assertRefused(psql(user, "INSERT INTO audit_log (logged_at, actor, entity, entity_id, change_kind, reason) VALUES"
                    + " ('2020-01-01', 'quality', 'heat', 'H', 'move', 'forged')"), "permission denied for table audit_log");
            assertRefused(psql(user, "UPDATE audit_log SET actor = 'x'"), "permission denied for table audit_log");
            assertRefused(psql(user, "DELETE FROM audit_log"), "permission denied for table audit_log");
            assertRefused(psql(user, "TRUNCATE audit_log"), "permission denied for table audit_log");
        }
        Run before = psql(adminLogin, "SELECT extract(epoch FROM clock_timestamp())");
        Run change = psql(adminLogin, "INSERT INTO settings (setting_key, setting_value) VALUES ('company.name', 'Psql Alloys')");
        Run after = psql(adminLogin, "SELECT extract(epoch FROM clock_timestamp())");
        assertEquals(0, change.exit(), change.err());
        AuditEntry e = admin.audit().of(AuditLog.SETTING, "company.name").get(0);
        double at = e.at().getEpochSecond() + e.at().getNano() / 1e9;
        assertTrue(at >= Double.parseDouble(before.out().strip()) && at <= Double.parseDouble(after.out().strip()),
                "logged at " + e.at() + " by the server's clock");
        assertEquals("create", e.change());
        assertEquals("Psql Alloys", e.newValue());
    }

    @Test
    void certificatesStateTheLastSampleAndItsVerdictAndAFailureNeedsAConcession() throws Exception {
        String quality = login(Role.QUALITY);
        String insert = "INSERT INTO certificates (certificate_number, heat_number, sample_number, customer, order_line, product,"
                + " quantity_kg, verdict, concession_reason, signatory, signatory_role, issued_at, issued_by) VALUES ('C-1', '%s', '%s',"
                + " 'c', 'o', 'p', 1, '%s', %s, 's', 'r', now(), 'q')";
        assertRefused(psql(quality, String.format(insert, cast.number(), "F", "FAIL", "NULL")), "a certificate states the last sample");
        assertRefused(psql(quality, String.format(insert, cast.number(), "X", "PASS", "NULL")), "a certificate states the last sample");
        assertRefused(psql(quality, String.format(insert, planned.number(), "F", "PASS", "NULL")), "a certificate is issued for a cast heat");
        assertRefused(psql(login(Role.OPERATOR), String.format(insert, cast.number(), "F", "PASS", "NULL")),
                "permission denied for table certificates");
        Run ok = psql(quality, String.format(insert, cast.number(), "F", "PASS", "NULL"));
        assertEquals(0, ok.exit(), ok.err());
        assertEquals("certificate", last(cast).change());
    }

    @Test
    void aMetallurgistKeepsVersionsWholeAndCannotTouchHeats() throws Exception {
        String met = login(Role.METALLURGIST);
        admin.recipes().save(StoreFixtures.recipe("alsc2-from-sc-metal.json").withBatchMassKg(900.0), "second");
        String recipe = StoreFixtures.SC_METAL_RECIPE.replace("'", "''");
        assertRefused(psql(met, "UPDATE recipes SET current_version = 1 WHERE name = '" + recipe + "'"),
                "must be its newest stored version (2), not 1");
        assertRefused(psql(met, "UPDATE recipe_versions SET body = '{}'"), "permission denied for table recipe_versions");
        assertRefused(psql(met, "DELETE FROM material_prices"), "permission denied for table material_prices");
        assertRefused(psql(met, "UPDATE heats SET status = 'CHARGED'"), "permission denied for table heats");
        Run price = psql(met, "INSERT INTO material_prices (material_ref, price_per_kg, co2_kg_per_kg, effective_at, note)"
                + " SELECT id, 1800, 50, now(), 'by psql' FROM materials WHERE material_id = 'SC2O3-999'");
        assertEquals(0, price.exit(), price.err());
        List<AuditEntry> material = admin.audit().of(AuditLog.MATERIAL, "SC2O3-999");
        assertEquals("price", material.get(material.size() - 1).change());
        assertEquals("pricePerKg=1800.0, co2KgPerKg=50.0", material.get(material.size() - 1).newValue());
        assertEquals(met, material.get(material.size() - 1).dbUser());
    }

    @Test
    void anOperatorOfOneScalloyDatabaseHasNoRightsInAnother() throws Exception {
        DatabaseLogin otherLogin = TestDatabases.freshLogin();
        Database other = open(otherLogin);
        Heat theirs = StoreFixtures.plannedHeat(other);
        String otherSchema = otherLogin.url().substring(otherLogin.url().indexOf("currentSchema=") + "currentSchema=".length());
        String op = login(Role.OPERATOR);
        Run move = psql(op, "UPDATE " + otherSchema + ".heats SET status = 'CHARGED' WHERE heat_number = '" + theirs.number() + "'");
        assertRefused(move, "permission denied for schema " + otherSchema);
        Run price = psql(op, "UPDATE " + otherSchema + ".materials SET retired = TRUE");
        assertRefused(price, "permission denied for schema " + otherSchema);
        assertEquals(HeatStatus.PLANNED, other.heats().find(theirs.number()).orElseThrow().heat().status());
        assertTrue(other.users().list().stream().noneMatch(u -> u.name().equals(op)), "not one of their users");
    }

    // ---- helpers

    private Database open(DatabaseLogin login) {
        Database db = Database.connect(login, new StepClock());
        opened.add(db);
        return db;
    }

    private String login(Role role) {
        String name = "t_ps_" + role.word() + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        admin.users().create(name, "secret-" + name, Set.of(role));
        logins.add(name);
        return name;
    }

    /** Scalloy connected as a new login of {@code role}. */
    private Database as(Role role) {
        String name = login(role);
        return open(new DatabaseLogin(schemaLogin.url(), name, "secret-" + name));
    }

    private HeatStatus status(Heat h) {
        return admin.heats().find(h.number()).orElseThrow().heat().status();
    }

    private AuditEntry last(Heat h) {
        List<AuditEntry> entries = admin.audit().of(AuditLog.HEAT, h.number());
        return entries.get(entries.size() - 1);
    }

    private record Run(int exit, String out, String err) {
    }

    private static void assertRefused(Run run, String because) {
        assertNotEquals(0, run.exit(), "psql was not refused: " + run.out());
        assertTrue(run.err().contains(because), "refused, but not because " + because + ": " + run.err());
    }

    /** Runs {@code sql} with psql as {@code user} (password {@code secret-USER}) in this test's schema, stopping at the first error. */
    private Run psql(String user, String sql) throws Exception {
        Matcher m = SERVER.matcher(TestDatabases.serverLogin().url());
        assertTrue(m.lookingAt(), TestDatabases.serverLogin().safeUrl());
        String conninfo = "host=" + m.group(1) + " port=" + (m.group(2) == null ? "5432" : m.group(2)) + " dbname=" + m.group(3)
                + " user=" + user + " options=-csearch_path=" + schema;
        ProcessBuilder pb = new ProcessBuilder("psql", "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-d", conninfo, "-c", sql);
        pb.environment().put("PGPASSWORD", "secret-" + user);
        Path err = Files.createTempFile("psql", ".err");
        try {
            Process p = pb.redirectError(err.toFile()).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "psql did not finish: " + sql);
            return new Run(p.exitValue(), out, Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(err);
        }
    }

    private static void psqlPresent() throws Exception {
        try {
            Process p = new ProcessBuilder("psql", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            if (p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0) {
                return;
            }
        } catch (java.io.IOException missing) {
            // below
        }
        String why = "psql (PostgreSQL's command-line client) is not on the PATH";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException(why + " — under CI=true this is a failure");
        }
        org.junit.jupiter.api.Assumptions.abort(why);
    }
}
