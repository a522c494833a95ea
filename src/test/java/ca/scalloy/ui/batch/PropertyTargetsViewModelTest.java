package ca.scalloy.ui.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

import ca.scalloy.engine.charge.ChargeCalculator;
import ca.scalloy.engine.charge.Objective;
import ca.scalloy.engine.charge.PropertyTarget;
import ca.scalloy.engine.charge.Recipe;
import ca.scalloy.engine.kinetics.AgeingSchedule;
import ca.scalloy.engine.thermo.ProcessRoute;
import ca.scalloy.io.RecipeFiles;
import ca.scalloy.solver.OjalgoSolver;
import ca.scalloy.ui.common.BackgroundExecutor;
import ca.scalloy.ui.common.Messages;
import ca.scalloy.ui.common.SameThreadExecutor;
import ca.scalloy.ui.common.ScriptedDialogs;

/** The Batch screen's property-targets table and cost-against-strength curve (issue 14, point 2), with no stage. */
class PropertyTargetsViewModelTest {

    private static final Messages EN = Messages.forLocale(Locale.CANADA);
    private static final Messages FR = Messages.forLocale(Locale.CANADA_FRENCH);
    private static final Path YIELD_TARGET = Path.of("recipes/almgsc-powder-yield-target.json");

    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private final InMemoryDocuments documents = new InMemoryDocuments();
    private final SameThreadExecutor executor = new SameThreadExecutor();

    private BatchViewModel opened(BackgroundExecutor models) throws Exception {
        documents.files.put(YIELD_TARGET, RecipeFiles.read(YIELD_TARGET));
        BatchViewModel vm = new BatchViewModel(EN, new ChargeCalculator(new OjalgoSolver()), executor, models, dialogs, documents);
        assertTrue(vm.openFile(YIELD_TARGET));
        return vm;
    }

    private static PropertyTargetRow row(BatchViewModel vm, int i) {
        return vm.form().propertyTargets().get(i);
    }

    @Test
    void theYieldTargetOfTheExampleFillsItsRowAndTheChargeMeetsIt() throws Exception {
        BatchViewModel vm = opened(executor);

        assertEquals(1, vm.form().propertyTargets().size());
        PropertyTargetRow r = row(vm, 0);
        assertEquals("yieldStrengthMPa", r.text(PropertyTargetField.PROPERTY).get());
        assertEquals("420", r.text(PropertyTargetField.MIN_VALUE).get());
        assertEquals("", r.text(PropertyTargetField.MAX_VALUE).get());
        assertEquals("RAPID", r.text(PropertyTargetField.PROCESS).get());
        assertEquals("325:4", r.text(PropertyTargetField.SCHEDULE).get());
        assertEquals(BatchViewModel.ResultState.SOLVED, vm.resultStateProperty().get());
        PropertyTargetRow.Reached reached = r.reachedProperty().get();
        assertTrue(reached.met());
        // README: Mg 4.9 %, Sc 0.1519 %, 420.02 MPa, cost 18,335.37 (the search aims 1e-4/2 inside the limit).
        assertEquals(420.0, reached.value(), 0.1);
        assertTrue(reached.low() < reached.value() && reached.value() < reached.high(), reached.toString());
        assertEquals(18335.37, vm.totalsProperty().get().cost(), 0.005);
        assertFalse(vm.dirtyProperty().get());
    }

    @Test
    void aTargetIsAddedEditedAndUndoneLikeTheOtherRows() {
        BatchViewModel vm = new BatchViewModel(EN, new ChargeCalculator(new OjalgoSolver()), executor, dialogs, documents);
        PropertyTargetRow r = vm.addPropertyTarget();

        assertEquals("yieldStrengthMPa", r.text(PropertyTargetField.PROPERTY).get());
        assertEquals("CAST", r.text(PropertyTargetField.PROCESS).get());
        assertEquals("325:4", r.text(PropertyTargetField.SCHEDULE).get());
        // No limit yet: the engine's refusal is put on the row's min, named by row and property.
        assertEquals(List.of("Property targets, row 1 (Yield strength): a target needs a minimum, a maximum or both"), vm.inputErrors());
        assertTrue(r.errors().containsKey(PropertyTargetField.MIN_VALUE));

        r.text(PropertyTargetField.MIN_VALUE).set("10");
        assertEquals(List.of(), vm.inputErrors());
        assertEquals(BatchViewModel.ResultState.SOLVED, vm.resultStateProperty().get());
        assertTrue(r.reachedProperty().get().met(), "10 MPa is below any Al alloy's yield");
        assertTrue(vm.dirtyProperty().get());

        vm.undo();
        assertEquals("", r.text(PropertyTargetField.MIN_VALUE).get());
        vm.undo();
        assertEquals(0, vm.form().propertyTargets().size());
        assertEquals(BatchViewModel.ResultState.SOLVED, vm.resultStateProperty().get());
        assertFalse(vm.dirtyProperty().get());
        vm.redo();
        vm.redo();
        assertEquals("10", vm.form().propertyTargets().get(0).text(PropertyTargetField.MIN_VALUE).get());
        vm.removePropertyTarget(vm.form().propertyTargets().get(0));
        assertEquals(0, vm.form().propertyTargets().size());
        vm.undo();
        assertEquals(1, vm.form().propertyTargets().size());
    }

    @Test
    void aScheduleThatCannotBeReadNamesTheFieldTheValueAndWhatIsAllowed() throws Exception {
        BatchViewModel vm = opened(executor);
        double cost = vm.totalsProperty().get().cost();
        row(vm, 0).text(PropertyTargetField.SCHEDULE).set("325h4");

        assertEquals(List.of("Property targets, row 1 (Yield strength), Ageing (°C:h): “325h4” is not °C:h (e.g. 300:24,400:12)"),
                vm.inputErrors());
        assertTrue(row(vm, 0).errors().containsKey(PropertyTargetField.SCHEDULE));
        assertTrue(vm.staleProperty().get());
        assertEquals(cost, vm.totalsProperty().get().cost(), 0.0, "the last result stays");

        row(vm, 0).text(PropertyTargetField.SCHEDULE).set("700:4");
        assertEquals(1, vm.inputErrors().size());
        assertTrue(vm.inputErrors().get(0).contains("700 °C in step “700:4” is outside what the kinetic model covers (100 to 550 °C)"),
                vm.inputErrors().get(0));
    }

    @Test
    void aMinimumAboveTheMaximumIsPutOnTheMinimum() throws Exception {
        BatchViewModel vm = opened(executor);
        row(vm, 0).text(PropertyTargetField.MAX_VALUE).set("400");

        assertEquals(List.of("Property targets, row 1 (Yield strength): the minimum 420 is above the maximum 400"), vm.inputErrors());
        assertTrue(row(vm, 0).errors().containsKey(PropertyTargetField.MIN_VALUE));
    }

    @Test
    void theAimObjectiveWithPropertyTargetsIsRefusedOnTheTargetsRow() throws Exception {
        BatchViewModel vm = opened(executor);
        vm.form().objectiveProperty().set(Objective.AIM);

        assertEquals(1, vm.inputErrors().size());
        assertTrue(vm.inputErrors().get(0).startsWith("Property targets, row 1 (Yield strength): “Aim” cannot be combined with property targets"),
                vm.inputErrors().get(0));
        assertTrue(row(vm, 0).errors().containsKey(PropertyTargetField.PROPERTY));
    }

    @Test
    void aTargetNoChargeMeetsShowsTheEnginesDiagnosisOnItsRow() throws Exception {
        BatchViewModel vm = opened(executor);
        row(vm, 0).text(PropertyTargetField.MIN_VALUE).set("900");

        assertEquals(BatchViewModel.ResultState.INFEASIBLE, vm.resultStateProperty().get());
        PropertyTargetRow.Reached reached = row(vm, 0).reachedProperty().get();
        assertFalse(reached.met());
        assertTrue(reached.value() < 900, "the closest the search reached: " + reached.value());
        assertNotNull(reached.diagnosis());
        // worded from the bundle: the property's name and the route's label, where the command line prints the engine's
        // "yieldStrengthMPa min 900 after RAPID 325:4 cannot be met …"
        assertTrue(reached.diagnosis().startsWith("Yield strength min 900 MPa after Rapid solidification (laser powder bed), aged 325:4"
                + " (°C:h) cannot be met with these materials and limits: the highest the search reached is "), reached.diagnosis());
        assertTrue(reached.diagnosis().matches(".* MPa, at .*"), reached.diagnosis());
        assertEquals(reached.diagnosis(), row(vm, 0).unmet().get(PropertyTargetField.MIN_VALUE));
        assertEquals(List.of(reached.diagnosis()), vm.diagnosis());
        // Back within reach: the mark goes.
        row(vm, 0).text(PropertyTargetField.MIN_VALUE).set("420");
        assertTrue(row(vm, 0).reachedProperty().get().met());
        assertTrue(row(vm, 0).unmet().isEmpty());
    }

    @Test
    void aTargetNoChargeMeetsIsDiagnosedInFrenchWithNoEnglish() throws Exception {
        BatchViewModel vm = opened(executor);
        vm.setMessages(FR);
        row(vm, 0).text(PropertyTargetField.MIN_VALUE).set("900");

        assertEquals(BatchViewModel.ResultState.INFEASIBLE, vm.resultStateProperty().get());
        String diagnosis = row(vm, 0).reachedProperty().get().diagnosis();
        assertTrue(diagnosis.startsWith("Limite d’élasticité min 900 MPa après Solidification rapide (fusion laser sur lit de poudre),"
                + " vieilli 325:4 (°C:h) : impossible avec ces matières et ces limites ; la plus haute valeur atteinte par la recherche"
                + " est "), diagnosis);
        // where the search stopped: each element of the design with its French decimal and the limit it sits on
        assertTrue(diagnosis.matches(".* MPa, avec [A-Z][a-z]? \\d+(,\\d+)? %.*"), diagnosis);
        for (String english : List.of("cannot be met", "the highest", "after RAPID", "yieldStrengthMPa", "search reached", ", at ")) {
            assertFalse(diagnosis.contains(english), diagnosis);
        }
        assertEquals(List.of(diagnosis), vm.diagnosis());
        assertEquals(diagnosis, row(vm, 0).unmet().get(PropertyTargetField.MIN_VALUE));
    }

    @Test
    void editedTargetsAreSavedInTheRecipeFileAndComeBackAsTyped() throws Exception {
        BatchViewModel vm = opened(executor);
        vm.addPropertyTarget();
        PropertyTargetRow liquidus = row(vm, 1);
        liquidus.text(PropertyTargetField.PROPERTY).set("liquidusC");
        liquidus.text(PropertyTargetField.MAX_VALUE).set("700");
        liquidus.text(PropertyTargetField.PROCESS).set("EQUILIBRIUM");
        liquidus.text(PropertyTargetField.SCHEDULE).set("");
        row(vm, 0).text(PropertyTargetField.MIN_VALUE).set("410");
        assertEquals(List.of(), vm.inputErrors());
        dialogs.fileToSave = Path.of("edited.json");
        assertTrue(vm.saveAs());

        Recipe saved = documents.files.get(Path.of("edited.json"));
        assertEquals(List.of(new PropertyTarget("yieldStrengthMPa", 410.0, null, ProcessRoute.RAPID, AgeingSchedule.parse("325:4")),
                new PropertyTarget("liquidusC", null, 700.0, ProcessRoute.EQUILIBRIUM, null)), saved.propertyTargets());
        // Through the file format and back into a form: the same texts.
        Recipe reread = RecipeFiles.parse(RecipeFiles.toJson(saved), "edited.json");
        assertEquals(saved.propertyTargets(), reread.propertyTargets());
        documents.files.put(Path.of("reread.json"), reread);
        assertTrue(vm.openFile(Path.of("reread.json")));
        assertEquals("liquidusC", row(vm, 1).text(PropertyTargetField.PROPERTY).get());
        assertEquals("700", row(vm, 1).text(PropertyTargetField.MAX_VALUE).get());
        assertEquals("EQUILIBRIUM", row(vm, 1).text(PropertyTargetField.PROCESS).get());
        assertEquals("", row(vm, 1).text(PropertyTargetField.SCHEDULE).get());
        assertTrue(row(vm, 1).reachedProperty().get().met());
        assertFalse(vm.dirtyProperty().get());
    }

    @Test
    void whileARowCannotBeReadTheResultsSayWhichEarlierPropertyTargetTheyBelongTo() throws Exception {
        BatchViewModel vm = opened(executor);
        row(vm, 0).text(PropertyTargetField.MIN_VALUE).set("4x0");

        assertEquals("The results below are for the last recipe that could be read, where Property targets, row 1 (Yield strength),"
                + " Min: “420”.", vm.earlierResultsProperty().get());
    }

    @Test
    void theRowsWordsFollowTheLanguage() throws Exception {
        BatchViewModel vm = opened(executor);
        row(vm, 0).text(PropertyTargetField.SCHEDULE).set("325h4");
        vm.setMessages(FR);
        assertTrue(vm.inputErrors().get(0).startsWith("Visées de propriétés, ligne 1 (Limite d’élasticité), Vieillissement (°C:h)"),
                vm.inputErrors().get(0));
    }

    @Test
    void theCurveIsSweptOnTheModelsWorkerOnlyWhileShownAndAnEditSupersedesIt() throws Exception {
        HeldExecutor models = new HeldExecutor();
        BatchViewModel vm = opened(models);
        models.releaseAll();
        StrengthCostViewModel curve = vm.strengthCost();
        int before = models.started;
        assertTrue(curve.levels().isEmpty(), "nothing swept while the panel is hidden");

        curve.setShown(true);
        assertEquals(before + 1, models.started, "shown: one sweep, on the models worker");
        assertTrue(curve.staleProperty().get());
        // An edit before the sweep ran: the sweep is no longer wanted, and the new charge's takes its place.
        row(vm, 0).text(PropertyTargetField.MIN_VALUE).set("410");
        models.releaseAll();
        assertFalse(curve.staleProperty().get());
        assertEquals(410.0, curve.currentProperty().get().minYieldMPa(), 0.0, "the curve is the edited recipe's");
        assertEquals(vm.totalsProperty().get().cost(), curve.currentProperty().get().cost(), 1e-9);
        assertTrue(curve.levels().stream().anyMatch(l -> l.minYieldMPa() == 410.0));
        assertEquals(StrengthCostViewModel.LEVELS - 1, curve.levels().size(), "the last level is out of reach");
        assertTrue(curve.outOfReachProperty().get().startsWith("No charge of these materials and limits reaches "),
                curve.outOfReachProperty().get());
        assertTrue(curve.captionProperty().get().endsWith("the recipe asks 410 MPa."), curve.captionProperty().get());

        // Hidden again: the next charge's curve waits for the panel, and is swept when it is shown.
        curve.setShown(false);
        row(vm, 0).text(PropertyTargetField.MIN_VALUE).set("415");
        models.releaseAll();
        assertTrue(curve.staleProperty().get());
        assertEquals(410.0, curve.currentProperty().get().minYieldMPa(), 0.0, "not swept while hidden");
        int hidden = models.started;
        curve.setShown(true);
        assertEquals(hidden + 1, models.started);
        models.releaseAll();
        assertEquals(415.0, curve.currentProperty().get().minYieldMPa(), 0.0);
        assertFalse(curve.staleProperty().get());
    }

    @Test
    void aRecipeWithoutYieldTargetIsSweptAfterCastingAndThePeakAgeing() {
        BatchViewModel vm = new BatchViewModel(EN, new ChargeCalculator(new OjalgoSolver()), executor, dialogs, documents);
        vm.strengthCost().setShown(true);

        StrengthCostViewModel curve = vm.strengthCost();
        assertFalse(curve.levels().isEmpty());
        assertTrue(curve.captionProperty().get().startsWith("Least cost of the batch for each minimum yield strength after Cast (Scheil)"
                + " and 325:4. The recipe asks none"), curve.captionProperty().get());
        assertEquals(vm.totalsProperty().get().cost(), curve.currentProperty().get().cost(), 1e-9);
        assertEquals(curve.levels().get(0).cost(), curve.currentProperty().get().cost(), 1e-9, "the cheapest charge starts the curve");
        assertTrue(vm.form().propertyTargets().isEmpty());
    }
}
