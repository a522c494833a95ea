package ca.scalloy.ui.properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import ca.scalloy.engine.props.PropertyCalculator;
import ca.scalloy.engine.thermo.ThermoCalculator;
import ca.scalloy.ui.common.Messages;
import ca.scalloy.ui.common.SameThreadExecutor;
import ca.scalloy.ui.common.ScriptedDialogs;

class SolidificationViewModelTest {

    private static final Messages EN = Messages.forLocale(Locale.CANADA);

    private final FixedProduct product = new FixedProduct();
    private final SameThreadExecutor executor = new SameThreadExecutor();
    private final SameThreadExecutor thermoExecutor = new SameThreadExecutor();
    private final PropertiesViewModel properties = new PropertiesViewModel(EN, new PropertyCalculator(), executor, product);
    private final SolidificationViewModel vm = new SolidificationViewModel(EN, ThermoCalculator.alRichCorner(), thermoExecutor,
            new ScriptedDialogs(), properties.alloyProperty());

    private void typed(String composition) {
        properties.inputProperty().set(PropertiesViewModel.Input.COMPOSITION);
        properties.compositionTextProperty().set(composition);
    }

    /*
     * Al-0.4Sc lies below the eutectic liquid (0.60 wt% Sc, decision 0013): (Al) forms first, at about
     * 660.32 - (660.32 - 659.15) x 0.4 / 0.6 = 659.5 °C on the nearly straight liquidus from pure Al to the eutectic, the
     * liquid is enriched to the eutectic and the rest freezes as (Al) + Al3Sc at 659.15 °C, the end of Scheil solidification.
     */
    @Test
    void aHypoeutecticAlScAlloyFreezesAsAluminiumThenTheEutectic() {
        vm.scheil().activeProperty().set(true);
        typed("Sc=0.4");

        Plot scheil = vm.scheil().plotProperty().get();
        assertEquals("Scheil-Gulliver solidification: Al-0.4Sc", scheil.title());
        Plot.Curve path = scheil.curve("scheil").orElseThrow();
        assertEquals(0, path.points().get(0).x(), 1e-12);
        assertEquals(1, path.points().get(path.points().size() - 1).x(), 1e-3);
        assertEquals("(Al) from 660 °C", scheil.marker("appears-FCC_A1").orElseThrow().label());
        assertTrue(scheil.marker("appears-AL3SC").isPresent());
        Plot.Marker end = scheil.marker("solidificationEnd").orElseThrow();
        assertEquals(659.15, end.at().y(), 0.06);
        assertEquals("end of solidification 659 °C", end.label());
        assertTrue(scheil.curve("equilibrium").isPresent(), "equilibrium solidification beside it");
        assertTrue(scheil.notes().get(0).startsWith("Kept in (Al), wt% of the alloy: Sc 0."), scheil.notes().toString());
        assertTrue(scheil.footnote().contains("mc_al-2.037-subset-al-sc-zr.tdb"), scheil.footnote());
        assertTrue(scheil.y().min() < 659 && scheil.y().max() > 660);
        assertEquals("", vm.scheil().problemProperty().get());
        assertTrue(!vm.scheil().staleProperty().get());
    }

    @Test
    void thePhaseFractionsShowEachPhaseAndTheMeltingRange() {
        vm.phases().activeProperty().set(true);
        typed("Sc=0.4");

        Plot p = vm.phases().plotProperty().get();
        assertTrue(p.y().log(), "fractions on a log axis: the precipitates are a few percent beside (Al)");
        assertEquals(SolidificationViewModel.SWEEP_FROM_C, p.x().min());
        for (String phase : List.of("LIQUID", "FCC_A1", "AL3SC")) {
            assertTrue(p.curve("phase-" + phase + "-0").isPresent(), phase);
        }
        assertEquals("(Al)", p.curve("phase-FCC_A1-0").orElseThrow().label());
        assertEquals(2, p.guides().size(), "liquidus and solidus");
        assertTrue(p.guides().get(0).label().startsWith("liquidus 66"), p.guides().get(0).label());
    }

    /* Al-0.2Sc-0.3Zr: Zr 0.3 wt% is above the 0.09 wt% of the Al-Zr peritectic liquid, so Al3Zr is the first solid. */
    @Test
    void primaryAl3ZrIsMarkedFirstAndNamedOnTheLiquidus() {
        vm.scheil().activeProperty().set(true);
        typed("Sc=0.2, Zr=0.3");
        Plot scheil = vm.scheil().plotProperty().get();
        assertEquals("appears-AL3ZR", scheil.markers().get(0).id());
        assertTrue(scheil.guides().get(0).label().endsWith("(Al₃Zr primary)"), scheil.guides().get(0).label());
    }

    @Test
    void nothingIsCalculatedOffScreenAndAnAlloyTheDataCannotTakeIsExplained() {
        typed("Sc=0.3, Cu=4");
        assertNull(vm.scheil().plotProperty().get());
        assertEquals(0, thermoExecutor.runs(), "no thermodynamic work while hidden");

        vm.scheil().activeProperty().set(true);
        assertEquals("The thermodynamic databases cover Al, Fe, Mg, Mn, Sc, Si, Ti, Zr; this alloy has Cu 4 wt% of other elements, "
                + "more than the 1 wt% that may be left out.", vm.scheil().problemProperty().get());
        assertNull(vm.scheil().plotProperty().get());
    }
}
