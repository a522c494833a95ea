package ca.scalloy.ui.properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;

import ca.scalloy.engine.phase.MeltModel;
import ca.scalloy.engine.props.PropertyCalculator;
import ca.scalloy.ui.common.Messages;
import ca.scalloy.ui.common.SameThreadExecutor;
import ca.scalloy.ui.common.ScriptedDialogs;

class PhaseDiagramViewModelTest {

    private static final Messages EN = Messages.forLocale(Locale.CANADA);

    private final FixedProduct product = new FixedProduct();
    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private final PropertiesViewModel properties = new PropertiesViewModel(EN, new PropertyCalculator(),
            new SameThreadExecutor(), product);
    private final PhaseDiagramViewModel vm = new PhaseDiagramViewModel(EN, properties.estimateProperty(), dialogs);

    @Test
    void alScByDefaultFrom0To3WtPctWithTheEutecticAndTheLiquidusBand() {
        PhaseDiagramViewModel.Diagram d = vm.diagramProperty().get();
        assertEquals(PhaseDiagramViewModel.Binary.AL_SC, d.binary());
        assertEquals(3.0, d.maxWtPct());
        assertEquals(400, d.minTempC());
        assertEquals(1000, d.maxTempC());
        assertEquals(MeltModel.EUTECTIC_C, d.invariant().tempC());
        assertEquals(0.60, d.invariant().liquidWtPct());
        assertEquals(3.0, d.liquidus().get(d.liquidus().size() - 1).wtPct(), 1e-12);
        assertTrue(d.liquidus().stream().anyMatch(p -> p.bandC() >= 30), "the band above the eutectic");
        assertEquals(MeltModel.EUTECTIC_C, d.solvus().get(d.solvus().size() - 1).tempC(), 1e-9);
        assertNull(d.alloy());
    }

    @Test
    void theAlloyIsDrawnAtItsScWithItsAgeingTemperatureAndLiquidus() {
        product.set("Scalmalloy-type", Map.of("Sc", 0.7, "Mg", 4.45, "Zr", 0.3));
        PhaseDiagramViewModel.Alloy a = vm.diagramProperty().get().alloy();
        assertEquals("Scalmalloy-type", a.name());
        assertEquals(0.7, a.soluteWtPct(), 1e-12);
        assertEquals(325.0, a.ageTempC());
        assertEquals(properties.estimateProperty().get().properties().liquidusC(), a.liquidusC());
        // Aged at 325 °C: the temperature axis goes down to 300 °C to show it.
        assertEquals(300, vm.diagramProperty().get().minTempC());

        vm.binaryProperty().set(PhaseDiagramViewModel.Binary.AL_ZR);
        PhaseDiagramViewModel.Diagram zr = vm.diagramProperty().get();
        assertEquals(0.3, zr.alloy().soluteWtPct(), 1e-12);
        assertNull(zr.alloy().liquidusC(), "no Al-Zr liquidus model");
        assertTrue(zr.liquidus().isEmpty());
        assertEquals(660.8, zr.invariant().tempC());
        assertEquals(0.6, zr.maxWtPct());
    }

    @Test
    void zoomStepsTheCompositionAxisWithinItsLimitsAndResets() {
        vm.zoomIn();
        assertEquals(2.0, vm.diagramProperty().get().maxWtPct(), 1e-12);
        assertEquals("2", vm.maxWtPctTextProperty().get());
        for (int i = 0; i < 20; i++) {
            vm.zoomIn();
        }
        assertEquals(PhaseDiagramViewModel.SMALLEST_MAX_WT_PCT, vm.diagramProperty().get().maxWtPct(), 1e-12);
        for (int i = 0; i < 20; i++) {
            vm.zoomOut();
        }
        assertEquals(8.0, vm.diagramProperty().get().maxWtPct(), 1e-12);
        vm.resetZoom();
        assertEquals(3.0, vm.diagramProperty().get().maxWtPct(), 1e-12);
    }

    @Test
    void typedAxisEndIsUsedWhenInRangeAndExplainedWhenNot() {
        vm.maxWtPctTextProperty().set("1.5");
        assertEquals(1.5, vm.diagramProperty().get().maxWtPct(), 1e-12);
        assertEquals("", vm.maxWtPctErrorProperty().get());

        vm.maxWtPctTextProperty().set("20");
        assertEquals("wt% max must be from 0.1 to 8", vm.maxWtPctErrorProperty().get());
        assertEquals(1.5, vm.diagramProperty().get().maxWtPct(), 1e-12);

        vm.maxWtPctTextProperty().set("x");
        assertEquals("“x” is not a number", vm.maxWtPctErrorProperty().get());
    }

    @Test
    void exportWritesToTheChosenFileOrShowsWhyNot() {
        List<Path> written = new ArrayList<>();
        vm.exportPng(written::add);
        assertTrue(written.isEmpty(), "cancelled");

        dialogs.imageToSave = Path.of("diagram.png");
        vm.exportPng(written::add);
        assertEquals(List.of(Path.of("diagram.png")), written);
        assertEquals("Diagram saved to diagram.png", vm.statusMessageProperty().get());

        vm.exportPng(file -> {
            throw new IOException("disk full");
        });
        assertEquals(List.of("The file diagram.png cannot be written:\ndisk full"), dialogs.errors);
    }
}
