package ca.scalloy.engine.heat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HeatStatusTest {

    @Test
    void theUsualLifeOfAHeatWithOneCorrectionIsAllowed() {
        HeatStatus s = HeatStatus.PLANNED;
        for (HeatStatus next : new HeatStatus[] {HeatStatus.CHARGED, HeatStatus.SAMPLED, HeatStatus.CORRECTED, HeatStatus.SAMPLED,
                HeatStatus.CAST, HeatStatus.SAMPLED, HeatStatus.CAST, HeatStatus.RELEASED}) {
            s = s.moveTo(next);
        }
        assertEquals(HeatStatus.RELEASED, s);
    }

    @ParameterizedTest
    @CsvSource({"PLANNED, SAMPLED", "CHARGED, CAST", "SAMPLED, RELEASED", "CORRECTED, CAST", "RELEASED, REJECTED", "REJECTED, PLANNED"})
    void illegalMovesAreRefusedNamingBothStates(HeatStatus from, HeatStatus to) {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> from.moveTo(to));
        assertTrue(e.getMessage().contains(from.name()) && e.getMessage().contains(to.name()), e.getMessage());
    }

    @Test
    void anyOpenHeatCanBeRejectedButAReleasedOneIsFinal() {
        for (HeatStatus s : new HeatStatus[] {HeatStatus.PLANNED, HeatStatus.CHARGED, HeatStatus.SAMPLED, HeatStatus.CORRECTED, HeatStatus.CAST}) {
            assertEquals(HeatStatus.REJECTED, s.moveTo(HeatStatus.REJECTED));
        }
        assertTrue(HeatStatus.RELEASED.next().isEmpty());
    }
}
