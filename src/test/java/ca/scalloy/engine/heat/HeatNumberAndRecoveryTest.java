package ca.scalloy.engine.heat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import ca.scalloy.engine.Composition;
import ca.scalloy.engine.charge.FluxLink;
import ca.scalloy.engine.charge.Material;
import ca.scalloy.engine.charge.MaterialKind;

class HeatNumberAndRecoveryTest {

    @Test
    void heatNumbersFollowThePlantsPattern() {
        assertEquals("H-2026-0142", HeatNumberPattern.standard().format(LocalDate.of(2026, 11, 27), 142));
        assertEquals("26-11/7", new HeatNumberPattern("{yy}-{mm}/{seq}").format(LocalDate.of(2026, 11, 27), 7));
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class, () -> new HeatNumberPattern("H-{yyyy}"));
        assertTrue(none.getMessage().contains("exactly one {seq}"), none.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new HeatNumberPattern("H-{year}-{seq}"));
    }

    /*
     * Oxide route as weighed: 36.20 kg Sc2O3 99.9 % -> Sc charged = 36.20 · 0.6519657 · 0.999 = 23.57756 kg.
     * Final analysis 1.97 % Sc on 1001.5 kg cast -> 19.72955 kg; recovery = 19.72955/23.57756 = 83.679 %.
     */
    @Test
    void actualScRecoveryIsScFoundOverScCharged() {
        Material sc2o3 = Material.compound("SC2O3", "Sc2O3", "Sc2O3", 99.9, Map.of("Sc", 85.0), 1500, 50, new FluxLink("F", 3));
        Material al = Material.metallic("AL", "P1020", MaterialKind.METAL, new Composition(Map.of("Fe", 0.1), "Al"), 2.6, 4);
        Map<Material, Double> weighed = new LinkedHashMap<>();
        weighed.put(al, 992.5);
        weighed.put(sc2o3, 36.20);
        assertEquals(83.679, HeatRecovery.actualPct("Sc", weighed, 0, 0, 1001.5, 1.97), 0.001);
        assertTrue(Double.isNaN(HeatRecovery.actualPct("Zr", weighed, 0, 0, 1001.5, 0.0)));
    }

    /* With a heel of 500 kg at 0.10 % Sc, its 0.5 kg of Sc is not credited to the charge. */
    @Test
    void theHeelsScandiumIsNotCreditedToTheCharge() {
        Material alSc2 = Material.metallic("ALSC2", "AlSc2", MaterialKind.MASTER_ALLOY, new Composition(Map.of("Sc", 2.0), "Al"), 200, 10);
        // 100 kg AlSc2 = 2 kg Sc charged; final 600 kg at 0.40 % = 2.4 kg, less 0.5 from the heel = 1.9 -> 95 %
        assertEquals(95.0, HeatRecovery.actualPct("Sc", Map.of(alSc2, 100.0), 500, 0.10, 600, 0.40), 1e-9);
    }
}
