package ca.scalloy.ui.properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import ca.scalloy.engine.Composition;
import ca.scalloy.engine.props.Ageing;
import ca.scalloy.engine.props.AlloyProperties;
import ca.scalloy.engine.props.PropertyCalculator;
import ca.scalloy.ui.common.Messages;
import ca.scalloy.ui.common.ProductSource;
import ca.scalloy.ui.common.SameThreadExecutor;

class PropertiesViewModelTest {

    private static final Messages EN = Messages.forLocale(Locale.CANADA);
    private static final Messages FR = Messages.forLocale(Locale.CANADA_FRENCH);

    private final FixedProduct product = new FixedProduct();
    private final SameThreadExecutor executor = new SameThreadExecutor();

    private PropertiesViewModel typed(String composition) {
        PropertiesViewModel vm = new PropertiesViewModel(EN, new PropertyCalculator(), executor, product);
        vm.inputProperty().set(PropertiesViewModel.Input.COMPOSITION);
        vm.compositionTextProperty().set(composition);
        return vm;
    }

    private static PropertyRow row(PropertiesViewModel vm, String id) {
        return vm.rows().stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow(() -> new AssertionError(id));
    }

    @Test
    void theAlloyShownAtFirstIsWrittenInTheUsersDecimalStyle() {
        assertEquals("Sc=0.3, Mg=4.5", new PropertiesViewModel(EN, new PropertyCalculator(), executor, product).compositionTextProperty().get());
        assertEquals("Sc=0,3 ; Mg=4,5", new PropertiesViewModel(FR, new PropertyCalculator(), executor, product).compositionTextProperty().get());
    }

    @Test
    void typedCompositionIsEstimatedAgedAtTheDefault325For4Hours() {
        PropertiesViewModel vm = typed("Sc=0.3, Mg=4.5");

        PropertiesViewModel.Estimate e = vm.estimateProperty().get();
        assertEquals(new Composition(Map.of("Sc", 0.3, "Mg", 4.5), "Al"), e.composition());
        assertEquals(Ageing.aged(325, 4), e.ageing());
        assertFalse(vm.staleProperty().get());
        assertTrue(vm.problems().isEmpty());
        AlloyProperties expected = new PropertyCalculator().compute(e.composition(), Ageing.aged(325, 4), null);
        assertEquals(expected.yieldStrength().valueMPa(), e.properties().yieldStrength().valueMPa(), 1e-9);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // the entry in error is named in the message
        "Sc=0.3, Xx=1   | Composition (wt%): “Xx” is not a known element",
        "Sc=0.3, Mg     | Composition (wt%): “Mg” is not of the form Element=number",
        "Sc=0.3, Mg=abc | Composition (wt%): “abc” is not a number",
        "Sc=0.3, Sc=0.2 | Composition (wt%): Sc is listed twice",
        "Sc=0.3, Al=90  | Composition (wt%): Al is the balance element and must not be listed (its wt% is the rest to 100)",
    })
    void compositionErrorsNameTheEntryAndKeepTheLastEstimate(String text, String message) {
        PropertiesViewModel vm = typed("Sc=0.3");
        PropertiesViewModel.Estimate before = vm.estimateProperty().get();

        vm.compositionTextProperty().set(text);

        assertEquals(message, vm.errors().get(PropertiesViewModel.Field.COMPOSITION));
        assertEquals(List.of(message), vm.problems());
        assertTrue(vm.staleProperty().get());
        assertEquals(before, vm.estimateProperty().get());
    }

    @Test
    void compositionAboveAHundredPercentIsRefusedOnItsField() {
        PropertiesViewModel vm = typed("Mg=60, Si=50");
        assertEquals("Composition (wt%): the listed elements sum to 110 wt%, above 100 wt%",
                vm.errors().get(PropertiesViewModel.Field.COMPOSITION));
        assertTrue(vm.staleProperty().get());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "700  | 4     | AGE_TEMP_C | Ageing temperature (°C): must be from 100 to 550 °C, was 700",
        "90   | 4     | AGE_TEMP_C | Ageing temperature (°C): must be from 100 to 550 °C, was 90",
        "325  | -1    | AGE_HOURS  | Ageing time (h): must be from 0 to 10,000 h, was -1",
        "325  | 20000 | AGE_HOURS  | Ageing time (h): must be from 0 to 10,000 h, was 20,000",
        "hot  | 4     | AGE_TEMP_C | Ageing temperature (°C): “hot” is not a number",
        "''   | 4     | AGE_TEMP_C | Ageing temperature (°C): a value is needed",
    })
    void ageingOutsideItsRangeIsRefusedOnItsField(String tempC, String hours, PropertiesViewModel.Field field, String message) {
        PropertiesViewModel vm = typed("Sc=0.3");
        vm.ageTempTextProperty().set(tempC);
        vm.ageHoursTextProperty().set(hours);

        assertEquals(Map.of(field, message), Map.copyOf(vm.errors()));
        assertTrue(vm.staleProperty().get());
    }

    @Test
    void asCastIgnoresTheAgeingFields() {
        PropertiesViewModel vm = typed("Sc=0.3");
        vm.ageTempTextProperty().set("900");
        assertFalse(vm.errors().isEmpty());

        vm.agedProperty().set(false);

        assertTrue(vm.errors().isEmpty());
        assertEquals(Ageing.asCast(), vm.estimateProperty().get().ageing());
        assertFalse(vm.rows().stream().anyMatch(r -> r.id().equals("al3ScRadius")), "no precipitates as cast");
    }

    @Test
    void holdingTemperatureBelowTheLiquidusWarns() {
        PropertiesViewModel vm = typed("Sc=0.8");
        vm.holdTempTextProperty().set("660");
        assertTrue(vm.warnings().stream().anyMatch(w -> w.startsWith("Holding temperature 660 °C is not above the liquidus")),
                vm.warnings().toString());

        vm.holdTempTextProperty().set("500");
        assertEquals("Holding temperature (°C): must be from 600 to 1,300 °C, was 500",
                vm.errors().get(PropertiesViewModel.Field.HOLD_TEMP_C));
    }

    @Test
    void recipeProductFeedsTheEstimateAndFollowsIt() {
        PropertiesViewModel vm = new PropertiesViewModel(EN, new PropertyCalculator(), executor, product);
        assertEquals(PropertiesViewModel.Input.RECIPE_PRODUCT, vm.inputProperty().get());
        assertEquals(List.of("No product yet: solve a recipe in the Batch screen, or type a composition."), vm.problems());
        assertNull(vm.estimateProperty().get());

        product.set("Scalmalloy-type", Map.of("Sc", 0.7, "Mg", 4.45, "Zr", 0.3, "Mn", 0.5));
        assertEquals("Scalmalloy-type", vm.estimateProperty().get().alloyName());
        assertEquals(0.7, vm.estimateProperty().get().composition().pct("Sc"), 1e-12);
        assertTrue(vm.alloyDescriptionProperty().get().startsWith("Product of “Scalmalloy-type”: "),
                vm.alloyDescriptionProperty().get());
        assertTrue(vm.alloyDescriptionProperty().get().contains("Sc 0.7"), vm.alloyDescriptionProperty().get());
        assertTrue(vm.problems().isEmpty());

        product.set("Scalmalloy-type", Map.of("Sc", 0.6, "Mg", 4.45));
        assertEquals(0.6, vm.estimateProperty().get().composition().pct("Sc"), 1e-12);

        vm.inputProperty().set(PropertiesViewModel.Input.COMPOSITION);
        product.set("Other", Map.of("Sc", 0.2));
        assertEquals("", vm.estimateProperty().get().alloyName(), "a typed composition does not follow the recipe");
    }

    @Test
    void everyRowNamesItsModelSourceValidityAndConfidence() {
        // Al-0.2Sc-0.05Zr: both solvuses lie below the solidus (the CALPHAD core), so every row is shown
        PropertiesViewModel vm = typed("Sc=0.2, Zr=0.05");
        assertEquals(List.of("density", "liquidus", "solidus", "scSolvus", "scSolubilityAtAgeTemp", "scInSolution", "al3ScVolume",
                "al3ScRadius", "zrSolvus", "zrInSolution", "grainSize", "yieldStrength", "resistivity", "conductivity",
                "growthRestriction"), vm.rows().stream().map(PropertyRow::id).toList());
        for (PropertyRow r : vm.rows()) {
            assertFalse(r.model().equals("—") || r.source().equals("—") || r.validity().equals("—") || r.unit().isBlank(),
                    r.toString());
            assertTrue(List.of("estimate", "calculated", "published", "calibrated").contains(r.confidence()), r.toString());
        }
    }

    @Test
    void inFrenchTheModelNotesAndDatabaseTitlesAreFrenchAndTheCitationsKeepTheirNames() {
        PropertiesViewModel vm = typed("Sc=0.2, Zr=0.05");
        AlloyProperties p = vm.estimateProperty().get().properties();
        vm.setMessages(FR);
        // Pieces of the engine's English (the command line's words) that no French note may keep
        // (file names such as cost507-light-alloys.tdb stay as they are)
        List<String> english = List.of("rule of mixtures", "Al alloys", "rich alloys", "the highest temperature", "light-alloy database",
                "2.037 subset",
                "re-fit", "solidus (the last", "homogenised", "what (Al) keeps", "linear sum", "Matthiessen's", "band calibrated",
                "below the solidus", "forming from", "handbook");
        for (PropertyRow r : vm.rows()) {
            for (String text : List.of(r.model(), r.source(), r.validity())) {
                for (String e : english) {
                    assertFalse(text.contains(e), r.id() + " shows English '" + e + "': " + text);
                }
            }
        }
        assertTrue(row(vm, "density").model().startsWith("loi des mélanges inverse"), row(vm, "density").model());
        // the database titles in French around the file names, which stay as they are
        assertTrue(row(vm, "liquidus").source().contains("cost507-light-alloys.tdb (base de données COST 507 des alliages légers"),
                row(vm, "liquidus").source());
        // a citation keeps its authors, year and journal; the words around it are French
        assertTrue(row(vm, "yieldStrength").source().startsWith("Seidman, Marquis et Dunand 2002 ; Fuller et al. 2005"),
                row(vm, "yieldStrength").source());
        // the band's argument, in French digits: property-bands.csv gives the density band as a share (0.004 = 0,4 %)
        double densityBandPct = 100 * (p.band("densityGPerCm3").high() - p.densityGPerCm3()) / p.densityGPerCm3();
        assertTrue(row(vm, "density").validity().endsWith("bande ±" + String.format(Locale.CANADA_FRENCH, "%.1f", densityBandPct) + " %"),
                row(vm, "density").validity());
    }

    /**
     * The solid-solution note's detail is the route's own account, clause by clause: cast (Scheil-Gulliver from the
     * liquidus to the end of solidification), Mn (a dispersoid former) from the homogenisation equilibrium, Mg (a fast
     * diffuser) from the annealing one. French words every clause, with the temperatures in French digits.
     */
    @Test
    void theSolidSolutionNotesDetailIsWordedClauseByClauseInFrench() {
        PropertiesViewModel vm = typed("Sc=0.2, Zr=0.05, Mn=0.5, Mg=4");
        String english = row(vm, "zrInSolution").source();
        assertTrue(english.contains(": Scheil-Gulliver solidification from ") && english.contains("; homogenised at ")
                && english.contains("; annealed at "), english);
        vm.setMessages(FR);
        String french = row(vm, "zrInSolution").source();
        assertTrue(french.contains("\u00a0: solidification de Scheil-Gulliver de ") && french.contains("\u00a0; homogénéisé à ")
                && french.contains("\u00a0; recuit à "), french);
        for (String e : List.of("Scheil-Gulliver solidification", "homogenised", "annealed", "tied up")) {
            assertFalse(french.contains(e), french);
        }
        // the temperatures in French digits: the Scheil range has one decimal, written with a comma
        assertTrue(french.matches(".*de \\d+(,\\d)? à \\d+(,\\d)? °C.*"), french);
    }

    @Test
    void valuesWithAnUncertaintyShowIt() {
        PropertiesViewModel vm = typed("Sc=1.0");
        AlloyProperties p = vm.estimateProperty().get().properties();
        assertEquals(Math.round(p.liquidusC()) + " ± " + Math.round(p.liquidusUncertaintyC()) + ", hypereutectic",
                row(vm, "liquidus").value());
        assertTrue(row(vm, "yieldStrength").value().matches("≈ \\d+ \\(\\d+–\\d+\\)"), row(vm, "yieldStrength").value());
        assertEquals("calibrated", row(vm, "yieldStrength").confidence());
    }

    @Test
    void contributionsAreListedWithTheirBandsThenTheTotal() {
        PropertiesViewModel vm = typed("Sc=0.3, Mg=4.5");
        List<String> names = vm.contributions().stream().map(ContributionRow::name).toList();
        assertEquals("base (pure Al)", names.get(0));
        assertTrue(names.contains("solid solution Mg"), names.toString());
        assertTrue(names.stream().anyMatch(n -> n.startsWith("Al3(Sc,Zr) precipitation")), names.toString());
        assertTrue(names.stream().anyMatch(n -> n.startsWith("grain size (Hall-Petch")), names.toString());
        ContributionRow total = vm.contributions().get(vm.contributions().size() - 1);
        assertTrue(total.total());
        double sum = vm.contributions().stream().filter(c -> !c.total()).mapToDouble(ContributionRow::valueMPa).sum();
        assertEquals(sum, total.valueMPa(), 1e-9);
        for (ContributionRow c : vm.contributions()) {
            assertTrue(c.lowMPa() <= c.valueMPa() && c.valueMPa() <= c.highMPa(), c.toString());
        }
    }

    @Test
    void frenchWordsTheWarningsContributionsAndRows() {
        PropertiesViewModel vm = typed("Sc=0.8, Mg=4.5");
        vm.setMessages(FR);

        assertEquals("Masse volumique (20 °C)", row(vm, "density").name());
        assertEquals("calibré", row(vm, "density").confidence());
        assertTrue(vm.contributions().stream().anyMatch(c -> c.name().equals("solution solide Mg")));
        assertTrue(vm.warnings().stream().anyMatch(w -> w.startsWith("Les solubilités du Sc et du Zr du modèle de vieillissement")),
                vm.warnings().toString());
        assertTrue(vm.warnings().stream().anyMatch(w -> w.contains("% massique du Sc est hors solution après la solidification")),
                vm.warnings().toString());
    }

    @Test
    void aFailedEstimateIsShownAndTheNextInputRecovers() {
        PropertiesViewModel vm = new PropertiesViewModel(EN, new PropertyCalculator(), executor, product);
        product.product.set(new ProductSource.Product("Sc metal", new Composition(Map.of("Al", 2.0), "Sc")));
        assertEquals(List.of("The property models are for aluminium alloys: this recipe’s balance element is not Al."),
                vm.problems());

        product.set("AlSc2", Map.of("Sc", 2.0));
        assertTrue(vm.problems().isEmpty());
        assertNotNull(vm.estimateProperty().get());
    }

    @Test
    void theAlloyFollowsTheCompositionAndIgnoresTheStateFields() {
        PropertiesViewModel vm = typed("Sc=0.3, Zr=0.1");
        PropertiesViewModel.Alloy a = vm.alloyProperty().get();
        assertEquals(new Composition(Map.of("Sc", 0.3, "Zr", 0.1), "Al"), a.composition());
        assertEquals("", a.name());

        vm.ageTempTextProperty().set("abc");
        assertEquals(a, vm.alloyProperty().get(), "the charts keep the alloy while a state field is in error");
        vm.compositionTextProperty().set("Sc=");
        assertNull(vm.alloyProperty().get());

        product.set("AlSc2", Map.of("Sc", 2.0));
        vm.inputProperty().set(PropertiesViewModel.Input.RECIPE_PRODUCT);
        assertEquals("AlSc2", vm.alloyProperty().get().name());
    }
}
