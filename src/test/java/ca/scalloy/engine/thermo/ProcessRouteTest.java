package ca.scalloy.engine.thermo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ProcessRouteTest {

    @Test
    void processRouteIsNamedWithWhatIsAllowed() {
        assertEquals(ProcessRoute.RAPID, ProcessRoute.parse(" rapid "));
        assertEquals(ProcessRoute.EQUILIBRIUM, ProcessRoute.parse("Equilibrium"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ProcessRoute.parse("LASER"));
        assertEquals("process: 'LASER' is not a process route; allowed: CAST, RAPID, EQUILIBRIUM", e.getMessage());
    }
}
