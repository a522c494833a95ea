package ca.scalloy.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import ca.scalloy.engine.heat.Lot;
import ca.scalloy.engine.library.AuditEntry;

/** Lots are added, listed, searched and edited with their certificate assays, each change audited. */
class LotRepositoryTest {

    private final Database db = TestDatabases.fresh(new StepClock());

    @AfterEach
    void close() {
        db.close();
    }

    private static Lot lot(String number, String material, Map<String, Double> assay, String certificate) {
        return new Lot(number, material, assay, null, certificate, Instant.parse("2026-02-01T08:00:00Z"));
    }

    @Test
    void lotsAreListedNewestFirstAndSearchedByNumberOrMaterial() {
        db.lots().add(lot("L-100", "AL-P1020", Map.of("Fe", 0.08), "CoA 100"), "");
        db.lots().add(lot("L-101", "SC2O3-999", Map.of(), "CoA 101"), "");
        db.lots().add(lot("X_7", "AL-P1020", Map.of("Fe", 0.09), ""), "");

        assertEquals(List.of("X_7", "L-101", "L-100"), db.lots().list(null, 50).stream().map(Lot::lotNumber).toList());
        assertEquals(List.of("L-101", "L-100"), db.lots().list("l-1", 50).stream().map(Lot::lotNumber).toList());
        assertEquals(List.of("L-101"), db.lots().list("sc2o3", 50).stream().map(Lot::lotNumber).toList());
        assertEquals(List.of("X_7"), db.lots().list("_", 50).stream().map(Lot::lotNumber).toList(), "_ is no wildcard");
        assertEquals(1, db.lots().list(null, 1).size());
    }

    @Test
    void anEditKeepsTheNumberAndTheOldAndNewValuesInTheAuditTrail() {
        db.lots().add(lot("L-100", "AL-P1020", Map.of("Fe", 0.08), "CoA 100"), "received");

        db.lots().update(lot("L-100", "AL-P1020", Map.of("Fe", 0.07, "Si", 0.04), "CoA 100 rev. B"), "supplier corrected the CoA");

        Lot now = db.lots().find("L-100").orElseThrow();
        assertEquals(Map.of("Fe", 0.07, "Si", 0.04), now.assayWtPct());
        assertEquals("CoA 100 rev. B", now.certificate());
        List<AuditEntry> trail = db.audit().of(AuditLog.LOT, "L-100");
        assertEquals(List.of("create", "update"), trail.stream().map(AuditEntry::change).toList());
        AuditEntry edit = trail.get(1);
        assertTrue(edit.oldValue().contains("CoA 100") && !edit.oldValue().contains("rev. B"), edit.oldValue());
        assertTrue(edit.newValue().contains("rev. B"), edit.newValue());
        assertEquals("supplier corrected the CoA", edit.reason());
    }

    @Test
    void anUnknownLotOrMaterialIsRefusedAndNothingWritten() {
        StoreException none = assertThrows(StoreException.class, () -> db.lots().update(lot("L-404", "AL-P1020", Map.of(), ""), ""));
        assertTrue(none.getMessage().contains("L-404"), none.getMessage());
        StoreException material = assertThrows(StoreException.class, () -> db.lots().add(lot("L-1", "NO-SUCH", Map.of(), ""), ""));
        assertTrue(material.getMessage().contains("NO-SUCH"), material.getMessage());
        assertTrue(db.lots().find("L-1").isEmpty());
        assertTrue(db.audit().of(AuditLog.LOT, null).isEmpty());
    }

    @Test
    void aLotNumberLongerThanItsColumnIsRefusedWithTheFieldAndTheLimit() {
        String number = "L-" + "9".repeat(99);
        TextTooLongException e = assertThrows(TextTooLongException.class,
                () -> db.lots().add(lot(number, "AL-P1020", Map.of(), ""), ""));
        assertEquals("lot number", e.field());
        assertEquals(101, e.length());
        assertEquals(100, e.limit());
        assertEquals("lot number is 101 characters long; at most 100 are kept", e.getMessage());
        assertTrue(db.lots().list(null, 10).isEmpty());
    }
}
