package ca.scalloy.ui.properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.Locale;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import ca.scalloy.engine.Composition;
import ca.scalloy.engine.kinetics.AgeingSchedule;
import ca.scalloy.engine.kinetics.PrecipitationKinetics;
import ca.scalloy.engine.thermo.ProcessRoute;
import ca.scalloy.engine.kinetics.StartingState;
import ca.scalloy.engine.kinetics.StartingStates;
import ca.scalloy.engine.props.PropertyCalculator;
import ca.scalloy.ui.common.Messages;
import ca.scalloy.ui.common.SameThreadExecutor;
import ca.scalloy.ui.common.ScriptedDialogs;

class AgeingViewModelTest {

    private static final Messages EN = Messages.forLocale(Locale.CANADA);
    private static final PrecipitationKinetics MODEL = new PrecipitationKinetics();

    /** The thermodynamic core's starting states, counted: each new alloy or route needs one, a new schedule none. */
    private static final class Counted implements BiFunction<Composition, ProcessRoute, StartingState> {
        final StartingStates real = new StartingStates();
        final List<ProcessRoute> asked = new ArrayList<>();

        @Override
        public StartingState apply(Composition alloy, ProcessRoute route) {
            asked.add(route);
            return real.of(alloy, route);
        }
    }

    private final FixedProduct product = new FixedProduct();
    private final SameThreadExecutor executor = new SameThreadExecutor();
    private final Counted states = new Counted();
    private final PropertiesViewModel properties = new PropertiesViewModel(EN, new PropertyCalculator(), executor, product);
    private final AgeingViewModel vm = new AgeingViewModel(EN, MODEL, states, executor, new ScriptedDialogs(), properties.alloyProperty());

    @BeforeEach
    void anAlScZrAlloyOnScreen() {
        properties.inputProperty().set(PropertiesViewModel.Input.COMPOSITION);
        properties.compositionTextProperty().set("Sc=0.3, Zr=0.1");
        vm.chart().activeProperty().set(true);
    }

    private Plot plot() {
        return vm.chart().plotProperty().get();
    }

    @Test
    void curvesAtEachTemperatureAndTheSchedulesEndIsMarkedWhereTheModelPutsIt() {
        Plot p = plot();
        for (double t : AgeingViewModel.CURVE_TEMPS_C) {
            assertTrue(p.curve("isothermal-" + (int) t).isPresent(), t + " °C");
        }
        assertTrue(p.x().log());
        assertEquals(0.1, p.x().min(), 1e-12);
        assertEquals("325:4", vm.scheduleTextProperty().get());
        Composition alloy = properties.alloyProperty().get().composition();
        double expected = MODEL.simulate(alloy, new StartingStates().of(alloy, ProcessRoute.CAST), AgeingSchedule.parse("325:4"))
                .last().yieldStrengthMPa();
        Plot.Marker end = p.marker("scheduleMarker").orElseThrow();
        assertEquals(4, end.at().x(), 1e-9);
        assertEquals(expected, end.at().y(), 1e-9);
        assertEquals("325 °C / 4 h → " + Math.round(expected) + " MPa", end.label());
        assertTrue(p.footnote().contains("decision 0014") && p.footnote().contains("Scheil-Gulliver"), p.footnote());
    }

    @Test
    void aNewScheduleMovesTheMarkerWithoutRecalculatingTheCurves() {
        assertEquals(1, states.asked.size());
        vm.scheduleTextProperty().set("300:24,400:12");
        Plot.Marker end = plot().marker("scheduleMarker").orElseThrow();
        assertEquals(36, end.at().x(), 1e-9);
        assertTrue(end.label().startsWith("300 °C / 24 h + 400 °C / 12 h → "), end.label());
        assertEquals(1, states.asked.size(), "the curves of this alloy and route were kept");
        assertEquals("Your schedule: 300 °C / 24 h + 400 °C / 12 h", plot().curve("schedule").orElseThrow().label());
    }

    @Test
    void aScheduleThatCannotBeReadIsExplainedAndTheLastChartStaysGreyed() {
        Plot before = plot();
        vm.scheduleTextProperty().set("325:0");
        assertEquals("the time 0 h in step “325:0” must be above 0", vm.scheduleErrorProperty().get());
        assertEquals("Schedule: the time 0 h in step “325:0” must be above 0", vm.chart().problemProperty().get());
        assertTrue(vm.chart().staleProperty().get());
        assertEquals(before, plot());

        vm.scheduleTextProperty().set("600:1");
        assertEquals("600 °C in step “600:1” is outside what the kinetic model covers (100 to 550 °C)", vm.scheduleErrorProperty().get());
        vm.scheduleTextProperty().set("325:4");
        assertEquals("", vm.chart().problemProperty().get());
        assertFalse(vm.chart().staleProperty().get());
    }

    /*
     * Rapid solidification keeps Sc in solution up to the laser powder-bed fusion limit of
     * rapid-solidification-limits.csv, 0.25 wt% (fitted to Scalmalloy, decision 0015), so 0.250 of the alloy's 0.3; all
     * 0.1 Zr (limit 0.42). Cast, the Scheil path leaves less Sc in (Al) and a coarser grain: the aged strength is higher
     * after RAPID.
     */
    @Test
    void theProcessRouteChangesWhatAluminiumHoldsBeforeAgeing() {
        double cast = plot().marker("scheduleMarker").orElseThrow().at().y();
        vm.routeProperty().set(ProcessRoute.RAPID);
        assertEquals(List.of(ProcessRoute.CAST, ProcessRoute.RAPID), states.asked.subList(0, 2));
        assertEquals("In solution before ageing (Rapid solidification (laser powder bed)): Sc 0.250, Zr 0.100 wt%", plot().notes().get(0));
        assertTrue(plot().marker("scheduleMarker").orElseThrow().at().y() > cast);
        assertTrue(plot().title().endsWith("(Rapid solidification (laser powder bed))"), plot().title());
    }

    @Test
    void theSuggestedScheduleIsMarkedAndCanBeUsed() {
        String text = vm.suggestionTextProperty().get();
        assertTrue(text.startsWith("Suggested within 24 h: "), text);
        assertTrue(vm.suggestionAvailableProperty().get());
        Plot.Marker suggested = plot().marker("suggestionMarker").orElseThrow();
        assertTrue(suggested.at().x() <= 24 + 1e-9);

        vm.useSuggestion();
        assertTrue(vm.scheduleTextProperty().get().matches("[0-9.:,]+"), vm.scheduleTextProperty().get());
        assertEquals(suggested.at().y(), plot().marker("scheduleMarker").orElseThrow().at().y(), 1e-9,
                "the suggestion, used, is the schedule drawn");
    }

    @Test
    void nothingIsCalculatedWhileTheChartIsOffScreen() {
        vm.chart().activeProperty().set(false);
        int asked = states.asked.size();
        properties.compositionTextProperty().set("Sc=0.25");
        vm.scheduleTextProperty().set("300:10");
        assertEquals(asked, states.asked.size());
        assertTrue(vm.chart().staleProperty().get());

        vm.chart().activeProperty().set(true);
        assertFalse(vm.chart().staleProperty().get());
        assertEquals(10, plot().marker("scheduleMarker").orElseThrow().at().x(), 1e-9);
    }

    @Test
    void noAlloyNoChart() {
        AgeingViewModel none = new AgeingViewModel(EN, MODEL, states, executor, new ScriptedDialogs(), new FixedProductAlloy().alloy.getReadOnlyProperty());
        none.chart().activeProperty().set(true);
        assertNull(none.chart().plotProperty().get());
        assertEquals("No alloy yet: solve a recipe in the Batch screen, or type a composition.", none.chart().problemProperty().get());
    }

    /** An alloy property that stays empty. */
    private static final class FixedProductAlloy {
        final javafx.beans.property.ReadOnlyObjectWrapper<PropertiesViewModel.Alloy> alloy = new javafx.beans.property.ReadOnlyObjectWrapper<>();
    }
}
