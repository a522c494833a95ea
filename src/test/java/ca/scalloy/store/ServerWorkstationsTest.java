package ca.scalloy.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import ca.scalloy.engine.heat.Heat;
import ca.scalloy.engine.heat.HeatStatus;
import ca.scalloy.engine.library.AuditEntry;

/**
 * Workstations on a PostgreSQL server (issue 7): two processes writing the same heat, a connection the
 * server drops in the middle of an action, and a server restart while the workbench is in use.
 */
class ServerWorkstationsTest {


    private DatabaseLogin login;
    private Database db;

    @BeforeEach
    void server() {
        assumeTrue(TestDatabases.postgres(), "a server's connections; this runs in the store-on-postgresql execution");
        login = TestDatabases.freshLogin();
        db = Database.connect(login, new StepClock());
    }

    @AfterEach
    void close() {
        if (db != null) {
            db.close();
        }
    }

    @Test
    void twoProcessesWeighingTheSameHeatLoseNoChangeOrAuditEntry() throws Exception {
        Heat heat = chargedHeat();
        int before = db.heats().find(heat.number()).orElseThrow().heat().revision();
        int each = 20;
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), HeatWriterProcess.class.getName(),
                login.url(), login.user(), heat.number(), "2", String.valueOf(each)).redirectErrorStream(true);
        pb.environment().put(DatabaseLogin.PASSWORD_VARIABLE, login.password());
        Process child = pb.start();
        for (int i = 1; i <= each; i++) {
            db.heats().weigh(heat.number(), 1, i, null, "parent round " + i);
        }
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(child.waitFor(60, TimeUnit.SECONDS), "the child finished");
        assertEquals(0, child.exitValue(), output);

        Heat after = db.heats().find(heat.number()).orElseThrow().heat();
        assertEquals(before + 2 * each, after.revision(), "each weighing counted once");
        List<AuditEntry> weighs = db.audit().of(AuditLog.HEAT, heat.number()).stream().filter(e -> e.change().startsWith("weigh")).toList();
        assertEquals(2 * each, weighs.size());
        assertEquals(each, weighs.stream().filter(e -> e.actor().startsWith("process ")).count());
        assertEquals((double) each, db.heats().find(heat.number()).orElseThrow().lines().get(1).weighedKg());
    }

    @Test
    void aConnectionDroppedDuringAnActionWritesNothingOfItIsReportedAndTheNextActionReconnects() {
        Heat heat = chargedHeat();
        ConnectionLostException lost = assertThrows(ConnectionLostException.class, () -> db.inTransaction(c -> {
            db.heats().weigh(heat.number(), 1, 123.0, null, "half way");
            terminate(backendPid(c));
            db.heats().weigh(heat.number(), 2, 45.0, null, "never reached");
            return null;
        }));
        assertTrue(lost.getMessage().contains("that action was not saved, and nothing of it was written"), lost.getMessage());
        assertTrue(lost.getMessage().contains("the connection has been made again"), lost.getMessage());

        // The next action works on the new connection, and sees no half of the lost one.
        assertEquals(null, db.heats().find(heat.number()).orElseThrow().lines().get(0).weighedKg(), "no half-written heat");
        assertFalse(db.audit().of(AuditLog.HEAT, heat.number()).stream().anyMatch(e -> "half way".equals(e.reason())));
        db.heats().weigh(heat.number(), 1, 123.0, null, "again");
        assertEquals(123.0, db.heats().find(heat.number()).orElseThrow().lines().get(0).weighedKg());
        assertEquals(1, db.lostConnections());
    }

    @Test
    void aConnectionDroppedWhileIdleIsReportedOnceAndTheWorkbenchCarriesOn() {
        Heat heat = chargedHeat();
        terminate(db.inTransaction(ServerWorkstationsTest::backendPid));
        assertThrows(ConnectionLostException.class, () -> db.heats().list(null, null, 50));
        assertEquals(heat.number(), db.heats().list(null, null, 50).get(0).number(), "reconnected");
    }

    /**
     * A real server restart, when the run may restart it ({@code SCALLOY_TEST_PG_RESTART} holds the command,
     * as .ci/run sets it): the action during the outage is refused with the message, then work goes on.
     */
    @Test
    void aServerRestartWhileTheWorkbenchIsInUseLosesNothingSavedAndWorkGoesOn() throws Exception {
        String restart = System.getenv("SCALLOY_TEST_PG_RESTART");
        assumeTrue(restart != null && !restart.isBlank(), "set SCALLOY_TEST_PG_RESTART to a command that restarts the test server"
                + " (e.g. 'pg_ctlcluster 15 main restart') to run this test; .ci/run does");
        Heat heat = chargedHeat();
        db.heats().weigh(heat.number(), 1, 100.0, null, "before the restart");
        Process p = new ProcessBuilder("sh", "-c", restart).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS) && p.exitValue() == 0, "restart: " + output);

        StoreException during = assertThrows(ConnectionLostException.class, () -> db.heats().weigh(heat.number(), 2, 50.0, null, "after"));
        assertTrue(during.getMessage().contains("lost the connection to PostgreSQL"), during.getMessage());
        db.heats().weigh(heat.number(), 2, 50.0, null, "after, again");
        var lines = db.heats().find(heat.number()).orElseThrow().lines();
        assertEquals(100.0, lines.get(0).weighedKg(), "saved before the restart");
        assertEquals(50.0, lines.get(1).weighedKg());
    }

    private static int backendPid(java.sql.Connection c) throws java.sql.SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT pg_backend_pid()")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static void terminate(int pid) {
        TestDatabases.asServerOwner("SELECT pg_terminate_backend(" + pid + ")");
    }

    private Heat chargedHeat() {
        Heat h = StoreFixtures.plannedHeat(db);
        return db.heats().move(h.number(), HeatStatus.CHARGED, "", null);
    }
}
