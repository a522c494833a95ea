package ca.scalloy.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import ca.scalloy.engine.Quantities;
import ca.scalloy.engine.library.AuditEntry;

class AuditHistoryTest {

    private static final Quantities EN = Quantities.of(Locale.CANADA);
    private static final Quantities FR = Quantities.of(Locale.CANADA_FRENCH);

    @Test
    void keptRawDoublesAreWrittenByThePolicy() {
        // 83.46920859322077 % is a percentage: two decimals at most, 83.47; 5.0E-4 is 0.0005
        assertEquals("recovery Sc 83.47\u00a0%", AuditHistory.valueText("recovery Sc 83.46920859322077 %", EN));
        assertEquals("recovery Sc 83,47\u00a0%", AuditHistory.valueText("recovery Sc 83.46920859322077 %", FR));
        assertEquals("lot L-7, purity 0.0005\u00a0%", AuditHistory.valueText("lot L-7, purity 5.0E-4 %", EN));
        assertEquals("price 12,5", AuditHistory.valueText("price 12.5", FR));
        assertEquals("price 0", AuditHistory.valueText("price -0.00001", EN));
        // whole numbers, words and dotted versions stay as kept
        assertEquals("version 3, AlSc2 rev 1.2.3", AuditHistory.valueText("version 3, AlSc2 rev 1.2.3", EN));
    }

    @Test
    void eachLineHasTheDateInTheReadersZoneWithoutTheIsoT() {
        PlantUnits.set(Quantities.of(Locale.ROOT).withZone(ZoneId.of("America/Montreal")));
        try {
            AuditEntry e = new AuditEntry(1, Instant.parse("2026-12-03T14:05:00Z"), "marie", "material", "scrap-1", "update",
                    "recovery Sc 80.0 %", "recovery Sc 83.46920859322077 %", "new assay", "marie");
            // 14:05 UTC is 09:05 in Montréal (EST, UTC−5); French puts a no-break space before the colon
            assertEquals(List.of("2026-12-03 09 h 05  marie  " + AuditHistory.changeText("update", Messages.forLocale(Locale.CANADA_FRENCH))
                    + "\u00a0: recovery Sc 80\u00a0% → recovery Sc 83,47\u00a0% (new assay)"),
                    AuditHistory.lines(List.of(e), Messages.forLocale(Locale.CANADA_FRENCH)));
        } finally {
            PlantUnits.reset();
        }
    }
}
