package ca.scalloy.ui.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import ca.scalloy.engine.charge.ChargeCalculator;
import ca.scalloy.engine.charge.DefaultSpreads;
import ca.scalloy.engine.charge.ElementTarget;
import ca.scalloy.engine.charge.Recipe;
import ca.scalloy.engine.charge.RecoverySpread;
import ca.scalloy.io.RecipeFiles;
import ca.scalloy.solver.OjalgoSolver;
import ca.scalloy.ui.common.Messages;
import ca.scalloy.ui.common.SameThreadExecutor;
import ca.scalloy.ui.common.ScriptedDialogs;

/** The Batch screen's probability of passing, sensitivity and cost-against-CO2 front (issue 14), with no stage. */
class ChargeInsightsViewModelTest {

    private static final Messages EN = Messages.forLocale(Locale.CANADA);
    private static final Path SENSITIVITY = Path.of("recipes/almgsc-5028-sensitivity.json");
    private static final Pattern BINDING = Pattern.compile("^(\\w+) (min|max) ([0-9.]+)\u00a0%: (?:lowering|raising) it by 0\\.01 % would save ([0-9,.]+) per batch$");

    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private final InMemoryDocuments documents = new InMemoryDocuments();
    private final ChargeCalculator calculator = new ChargeCalculator(new OjalgoSolver());

    private BatchViewModel opened(Path file) throws Exception {
        documents.files.put(file, RecipeFiles.read(file));
        BatchViewModel vm = new BatchViewModel(EN, calculator, new SameThreadExecutor(), dialogs, documents);
        assertTrue(vm.openFile(file));
        return vm;
    }

    /**
     * Each binding limit's words are checked against a re-solve: moving the limit by 0.01 % (a maximum up, a
     * minimum down) must save what the line says, to the cent it prints (half a cent of rounding, plus the
     * curvature of a 0.01 % step, which the engine's finite-difference test bounds).
     */
    @Test
    void eachBindingLimitSavesWhatAReSolveWithItMovedSaves() throws Exception {
        BatchViewModel vm = opened(SENSITIVITY);
        Recipe r = RecipeFiles.read(SENSITIVITY);
        double base = calculator.solve(r).costTotal();
        List<String> lines = vm.insights().limitLines();
        int binding = 0;
        for (String line : lines) {
            Matcher m = BINDING.matcher(line);
            if (!m.matches()) {
                assertTrue(line.endsWith(": not limiting the charge"), line);
                continue;
            }
            binding++;
            List<ElementTarget> moved = new ArrayList<>();
            for (ElementTarget t : r.targets()) {
                if (t.element().equals(m.group(1))) {
                    t = m.group(2).equals("min") ? new ElementTarget(t.element(), t.minPct() - 0.01, t.aimPct(), t.maxPct())
                            : new ElementTarget(t.element(), t.minPct(), t.aimPct(), t.maxPct() + 0.01);
                }
                moved.add(t);
            }
            double saved = base - calculator.solve(r.withTargets(moved)).costTotal();
            assertEquals(saved, Double.parseDouble(m.group(4).replace(",", "")), 0.006 + 0.001 * Math.abs(saved), line);
        }
        assertTrue(binding >= 1, "a least-cost charge sits on some limit: " + lines);
        assertFalse(vm.insights().priceLines().isEmpty());
        assertTrue(vm.insights().priceLines().stream().anyMatch(l -> l.startsWith("ALSC2 at 200.00/kg: the charge stays the same")),
                vm.insights().priceLines().toString());
    }

    @Test
    void everyChargeShowsItsProbabilityOfPassingAndWhereItsSpreadsCameFrom() throws Exception {
        BatchViewModel vm = opened(SENSITIVITY);
        ChargeInsightsViewModel in = vm.insights();
        assertNotNull(in.passPctProperty().get());
        assertTrue(in.passTextProperty().get().startsWith("First sample passes: "), in.passTextProperty().get());
        assertTrue(in.passTextProperty().get().contains("10,000 draws"),
                in.passTextProperty().get());
        assertEquals(EN.get("insight.spreads.REFERENCE"), in.spreadsTextProperty().get());
        assertEquals(List.of("Mg", "Mn", "Sc", "Zr", "Fe", "Si"), in.elementRates().stream().map(ChargeInsightsViewModel.ElementRate::element).toList());
        double all = in.passPctProperty().get();
        in.elementRates().forEach(e -> assertTrue(e.passPct() >= all - 1e-9, "each element passes at least as often as the whole: " + e));
    }

    /** The front runs from the leanest charge to the cheapest, and a least-cost charge is its cheapest end. */
    @Test
    void theLeastCostChargeSitsAtTheCheapEndOfTheFront() throws Exception {
        ChargeInsightsViewModel in = opened(SENSITIVITY).insights();
        assertEquals(ChargeInsightsViewModel.FRONT_POINTS, in.front().size());
        ChargeInsightsViewModel.FrontPoint cheapest = in.front().get(in.front().size() - 1);
        assertEquals(cheapest.cost(), in.chosenProperty().get().cost(), 0.01);
        assertEquals(cheapest.co2Kg(), in.chosenProperty().get().co2Kg(), 0.01);
        for (int i = 1; i < in.front().size(); i++) {
            assertTrue(in.front().get(i).co2Kg() >= in.front().get(i - 1).co2Kg() - 1e-6, "CO2 rises toward the cheap end");
            assertTrue(in.front().get(i).cost() <= in.front().get(i - 1).cost() + 1e-6, "cost falls toward the cheap end");
        }
    }

    @Test
    void theLearnedSpreadsAreSaidToComeFromThePlant() throws Exception {
        documents.files.put(SENSITIVITY, RecipeFiles.read(SENSITIVITY));
        BatchViewModel vm = new BatchViewModel(EN, calculator, new SameThreadExecutor(), dialogs, documents);
        vm.setSpreads(r -> DefaultSpreads.reference().withHistory(Map.of("ALSC2", Map.of("Sc", RecoverySpread.of(new double[] {95, 97, 99})))));
        assertTrue(vm.openFile(SENSITIVITY));
        assertEquals(EN.get("insight.spreads.PLANT_HISTORY"), vm.insights().spreadsTextProperty().get());
    }

    /** A confidence typed on a recipe stating no spread is met with the reference spreads, as batch --confidence meets it. */
    @Test
    void aConfidenceWithoutStatedSpreadsChargesAsTheCommandDoes() throws Exception {
        Path oxide = Path.of("recipes/alsc2-oxide-route.json");
        BatchViewModel vm = opened(oxide);
        // At least cost the nominal charge sits on Sc min 1.8 %; to be sure of it 95 times in 100 takes more oxide.
        vm.form().objectiveProperty().set(ca.scalloy.engine.charge.Objective.MIN_COST);
        double nominalOxideKg = chargedKg(vm, "SC2O3-999");
        vm.form().header().text(HeaderField.CONFIDENCE_PCT).set("95");
        Recipe asked = RecipeFiles.read(oxide).withObjective(ca.scalloy.engine.charge.Objective.MIN_COST).withConfidencePct(95.0);
        double robustOxideKg = calculator.analyse(asked, ca.scalloy.engine.charge.ChargeAnalysis.Request.standard(false)).result()
                .massKg("SC2O3-999");
        assertTrue(robustOxideKg > nominalOxideKg, "more oxide to be sure of the Sc minimum");
        assertEquals(robustOxideKg, chargedKg(vm, "SC2O3-999"), 1e-6);
        assertTrue(vm.insights().spreadsTextProperty().get().contains("Charged to meet each limit 95.0 % of the time"),
                vm.insights().spreadsTextProperty().get());
    }

    /** The probability of a property-targeted charge judges its composition only, and the screen says so in both languages. */
    @Test
    void aPropertyTargetedChargeSaysItsProbabilityJudgesTheCompositionOnly() throws Exception {
        BatchViewModel vm = opened(Path.of("recipes/almgsc-powder-yield-target.json"));
        assertNotNull(vm.insights().passPctProperty().get());
        assertTrue(vm.insights().spreadsTextProperty().get().endsWith("\n" + EN.get("insight.pass.compositionOnly")),
                vm.insights().spreadsTextProperty().get());
        Messages fr = Messages.forLocale(Locale.CANADA_FRENCH);
        vm.setMessages(fr);
        assertTrue(vm.insights().spreadsTextProperty().get().endsWith("\n" + fr.get("insight.pass.compositionOnly")),
                vm.insights().spreadsTextProperty().get());
        assertFalse(opened(SENSITIVITY).insights().spreadsTextProperty().get().contains(EN.get("insight.pass.compositionOnly")));
    }

    /** Neither the sensitivity nor the front is worked out for a property-targeted charge: the panel says why, not "—". */
    @Test
    void aPropertyTargetedChargeSaysWhyItHasNoSensitivityAndNoFront() throws Exception {
        ChargeInsightsViewModel in = opened(Path.of("recipes/almgsc-powder-yield-target.json")).insights();
        assertEquals(List.of(EN.get("insight.sens.propertyTargets")), in.limitLines());
        assertTrue(in.front().isEmpty());
        assertEquals(EN.get("insight.front.propertyTargets"), in.frontNoteProperty().get());
        ChargeInsightsViewModel plain = opened(SENSITIVITY).insights();
        assertEquals("", plain.frontNoteProperty().get());
        assertFalse(plain.limitLines().contains(EN.get("insight.sens.propertyTargets")));
    }

    private static double chargedKg(BatchViewModel vm, String materialId) {
        return vm.chargeRows().stream().filter(r -> r.materialId().equals(materialId)).mapToDouble(ChargeRow::massKg).sum();
    }

    @Test
    void theWordsFollowTheLanguage() throws Exception {
        BatchViewModel vm = opened(SENSITIVITY);
        vm.setMessages(Messages.forLocale(Locale.CANADA_FRENCH));
        assertTrue(vm.insights().passTextProperty().get().startsWith("Premier échantillon conforme : "), vm.insights().passTextProperty().get());
        assertTrue(vm.insights().limitLines().stream().allMatch(l -> l.contains("ferait économiser") || l.endsWith("ne limite pas la charge")),
                vm.insights().limitLines().toString());
    }
}
