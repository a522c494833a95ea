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

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import ca.scalloy.engine.Composition;
import ca.scalloy.engine.doc.AdditionPlanner;
import ca.scalloy.engine.doc.MeltHolding;
import ca.scalloy.engine.props.PropertyCalculator;
import ca.scalloy.engine.thermo.PhaseDiagrams;
import ca.scalloy.ui.common.Messages;
import ca.scalloy.ui.common.SameThreadExecutor;
import ca.scalloy.ui.common.ScriptedDialogs;

class PhaseDiagramViewModelTest {

    private static final Messages EN = Messages.forLocale(Locale.CANADA);

    private final FixedProduct product = new FixedProduct();
    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private final SameThreadExecutor executor = new SameThreadExecutor();
    private final PropertiesViewModel properties = new PropertiesViewModel(EN, new PropertyCalculator(), executor, product);
    private final PhaseDiagramViewModel vm = new PhaseDiagramViewModel(EN, PhaseDiagrams.standard(), executor, dialogs,
            properties.alloyProperty(), properties.estimateProperty());

    @BeforeEach
    void onScreen() {
        vm.chart().activeProperty().set(true);
    }

    /*
     * Al-Sc from the thermodynamic data (decision 0013): eutectic 659.15 °C, liquid 0.600 wt% Sc. The temperature axis
     * reaches past the liquidus at 3 wt% (820.4 °C in decision 0013's table), to the next 50 above it plus 30: 900 °C.
     */
    @Test
    void alScByDefaultFrom0To3WtPctWithTheCalculatedEutectic() {
        PhaseDiagramViewModel.Diagram d = vm.diagramProperty().get();
        assertEquals(PhaseDiagramViewModel.Binary.AL_SC, d.binary());
        assertEquals(3.0, d.maxWtPct());
        assertEquals(400, d.minTempC());
        assertEquals(900, d.maxTempC());
        assertEquals(659.15, d.data().invariant().tempC(), 0.05);
        assertEquals(0.60, d.data().invariant().liquidWtPct(), 0.005);
        assertTrue(d.data().eutectic());
        assertTrue(d.source().contains("LIQUID: scalloy-al-sc-liquid-1.tdb"), d.source());
        assertNull(d.alloy());
    }

    /*
     * Scalmalloy-type (Sc 0.7, Zr 0.3, Mg 4.45): Zr 0.3 wt% is far above the 0.09 wt% of the Al-Zr peritectic liquid,
     * so Al3Zr forms first; the melt is held 50 °C above that liquidus (process-temperatures.csv).
     */
    @Test
    void theAlloyIsDrawnAtItsContentWithItsLiquidusPrimaryPhaseHoldingAndAgeingTemperatures() {
        Map<String, Double> scalmalloy = Map.of("Sc", 0.7, "Mg", 4.45, "Zr", 0.3);
        product.set("Scalmalloy-type", scalmalloy);
        PhaseDiagramViewModel.Alloy a = vm.diagramProperty().get().alloy();
        MeltHolding melt = AdditionPlanner.holding(new Composition(scalmalloy, "Al"), 50);
        assertEquals("Scalmalloy-type", a.name());
        assertEquals(0.7, a.soluteWtPct(), 1e-12);
        assertEquals(325.0, a.ageTempC());
        assertEquals(melt.liquidusC(), a.liquidusC(), 1e-9);
        assertEquals("Al₃Zr", a.primaryPhase());
        assertEquals(melt.liquidusC() + 50, a.holdingC(), 1e-9);
        // Aged at 325 °C: the temperature axis goes down to 300 °C to show it; up past the holding temperature.
        assertEquals(300, vm.diagramProperty().get().minTempC());
        assertTrue(vm.diagramProperty().get().maxTempC() >= a.holdingC());

        vm.binaryProperty().set(PhaseDiagramViewModel.Binary.AL_ZR);
        PhaseDiagramViewModel.Diagram zr = vm.diagramProperty().get();
        assertEquals(0.3, zr.alloy().soluteWtPct(), 1e-12);
        assertEquals(0.6, zr.maxWtPct());
        assertEquals(660.68, zr.data().invariant().tempC(), 0.05, "the Al-Zr peritectic");
        assertTrue(!zr.data().eutectic());
    }

    @Test
    void nothingIsCalculatedWhileTheDiagramIsOffScreen() {
        PhaseDiagramViewModel hidden = new PhaseDiagramViewModel(EN, PhaseDiagrams.standard(), executor, dialogs, properties.alloyProperty(),
                properties.estimateProperty());
        int before = executor.runs();
        product.set("AlSc2", Map.of("Sc", 2.0));
        assertNull(hidden.diagramProperty().get());
        assertTrue(hidden.chart().staleProperty().get());

        hidden.chart().activeProperty().set(true);
        assertEquals(2.0, hidden.diagramProperty().get().alloy().soluteWtPct(), 1e-12);
        assertTrue(executor.runs() > before);
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
        assertEquals(8.0, vm.diagramProperty().get().maxWtPct(), 1e-12, "the Al-Sc diagram is calculated up to 8 wt%");
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

        // What a stream's write says on a full disk (ENOSPC).
        vm.exportPng(file -> {
            throw new IOException("No space left on device");
        });
        assertEquals(List.of("Cannot write diagram.png: the disk is full."), dialogs.errors);
    }
}
