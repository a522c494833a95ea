package ca.scalloy.ui.batch;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

import ca.scalloy.engine.Composition;
import ca.scalloy.engine.Quantities;
import ca.scalloy.engine.charge.ChargeCalculator;
import ca.scalloy.engine.charge.ChargeLine;
import ca.scalloy.engine.charge.ChargeResult;
import ca.scalloy.engine.charge.DefaultSpreads;
import ca.scalloy.engine.charge.Diagnosis;
import ca.scalloy.engine.charge.ElementTarget;
import ca.scalloy.engine.charge.LimitCheck;
import ca.scalloy.engine.charge.Material;
import ca.scalloy.engine.charge.MaterialKind;
import ca.scalloy.engine.charge.PropertyOutcome;
import ca.scalloy.engine.charge.PropertyTarget;
import ca.scalloy.engine.charge.StrengthCostCurve;
import ca.scalloy.engine.kinetics.AgeingSchedule;
import ca.scalloy.engine.thermo.ProcessRoute;
import ca.scalloy.engine.charge.Recipe;
import ca.scalloy.engine.props.PropertyCalculator;
import ca.scalloy.ui.common.BackgroundExecutor;
import ca.scalloy.ui.common.DiagnosisWords;
import ca.scalloy.ui.common.DialogService;
import ca.scalloy.ui.common.Document;
import ca.scalloy.ui.common.EditRecorder;
import ca.scalloy.ui.common.LatestOnly;
import ca.scalloy.ui.common.MessageWords;
import ca.scalloy.ui.common.Messages;
import ca.scalloy.ui.common.Numbers;
import ca.scalloy.ui.common.PeakAgeing;
import ca.scalloy.ui.common.ProductSource;
import ca.scalloy.ui.common.TypingPause;
import ca.scalloy.ui.common.UndoManager;

/**
 * The Batch screen: one recipe being edited, and its charge recomputed off the UI thread as the
 * user types. The product's key properties (liquidus and holding temperature from the thermodynamic
 * data, the property models as cast and aged) are estimated after each charge on a second worker,
 * so that the charge never waits for them; the next edit cancels an estimate under way. While the
 * inputs are in error, or a new result is on its way, the last result stays shown and
 * {@link #staleProperty()} (for the key properties {@link #keyPropertiesStaleProperty()}) is true.
 */
public final class BatchViewModel implements Document, ProductSource {

    /** The limits a limit clashes with, as the engine lists them ("Mg min 4 %, Fe max 0.15 %"). */

    /** What the results show. */
    public enum ResultState { NONE, SOLVED, INFEASIBLE }

    private final ChargeCalculator calculator;
    private final PropertyCalculator propertyCalculator = new PropertyCalculator();
    /** The spreads a recipe stating none is charged and judged with; read on the workers. */
    private volatile Function<Recipe, DefaultSpreads> spreads = r -> DefaultSpreads.reference();
    private final ChargeInsightsViewModel insights;
    private final StrengthCostViewModel strength;
    private final LatestOnly<Composition, KeyProperties> keyEstimator;
    private final DialogService dialogs;
    private final RecipeDocuments documents;
    private final UndoManager undoManager = new UndoManager();
    private final EditRecorder edits = new EditRecorder(undoManager, this::inputsChanged);
    private final RecipeForm form = new RecipeForm();
    private Messages messages;

    private final ReadOnlyObjectWrapper<Path> documentPath = new ReadOnlyObjectWrapper<>(this, "documentPath");
    private final ReadOnlyStringWrapper documentName = new ReadOnlyStringWrapper(this, "documentName", "");
    private final ReadOnlyStringWrapper inputError = new ReadOnlyStringWrapper(this, "inputError", "");
    private final ReadOnlyBooleanWrapper stale = new ReadOnlyBooleanWrapper(this, "stale");
    private final ReadOnlyStringWrapper earlierResults = new ReadOnlyStringWrapper(this, "earlierResults", "");
    private TypingPause typing = TypingPause.NONE;
    /** The form's texts when the results on show were calculated. */
    private RecipeForm.Snapshot lastSolvedForm;
    private final ReadOnlyBooleanWrapper calculating = new ReadOnlyBooleanWrapper(this, "calculating");
    private final ReadOnlyObjectWrapper<ResultState> resultState = new ReadOnlyObjectWrapper<>(this, "resultState", ResultState.NONE);
    private final ReadOnlyObjectWrapper<Totals> totals = new ReadOnlyObjectWrapper<>(this, "totals");
    private final ReadOnlyObjectWrapper<Product> product = new ReadOnlyObjectWrapper<>(this, "product");
    private final ReadOnlyObjectWrapper<KeyProperties> keyProperties = new ReadOnlyObjectWrapper<>(this, "keyProperties");
    private final ReadOnlyBooleanWrapper keyPropertiesStale = new ReadOnlyBooleanWrapper(this, "keyPropertiesStale");
    private final ReadOnlyStringWrapper statusMessage = new ReadOnlyStringWrapper(this, "statusMessage", "");
    private final ObservableList<ChargeRow> chargeRows = FXCollections.observableArrayList();
    private final ObservableList<ChargeRow> chargeRowsView = FXCollections.unmodifiableObservableList(chargeRows);
    private final ObservableList<CompositionRow> compositionRows = FXCollections.observableArrayList();
    private final ObservableList<CompositionRow> compositionRowsView = FXCollections.unmodifiableObservableList(compositionRows);
    private final ObservableList<String> diagnosis = FXCollections.observableArrayList();
    private final ObservableList<String> diagnosisView = FXCollections.unmodifiableObservableList(diagnosis);
    private final ObservableList<String> warnings = FXCollections.observableArrayList();
    private final ObservableList<String> warningsView = FXCollections.unmodifiableObservableList(warnings);
    /** The summary tab's title: with the number of warnings when there are any, so that they are seen from any tab. */
    private final ReadOnlyStringWrapper summaryTitle = new ReadOnlyStringWrapper(this, "summaryTitle", "");
    private final ObservableList<String> inputErrors = FXCollections.observableArrayList();
    private final ObservableList<String> inputErrorsView = FXCollections.unmodifiableObservableList(inputErrors);

    /** The recipe of the last result, and that result; kept to redo the words when the language changes. */
    private ChargeResult lastResult;
    private Recipe lastSolvedRecipe;
    /** One solve in flight at most; only the newest recipe asked for meanwhile is solved next, and only its result shown. */
    private final LatestOnly<Recipe, Solved> solver;
    /** The name of a recipe opened from the library, until it is saved to a file. */
    private String libraryLabel;
    /**
     * The library recipe and version the form started from (opened from, or last saved to, the library),
     * or null: a save to the library is checked against it so that nobody's newer version is overwritten.
     */
    private String libraryName;
    private Integer libraryVersion;

    /** A recipe and the charge solved for it. */
    private record Solved(Recipe recipe, ChargeResult result) {
    }

    /** With the charge and the key properties on the same worker. */
    public BatchViewModel(Messages messages, ChargeCalculator calculator, BackgroundExecutor executor,
                          DialogService dialogs, RecipeDocuments documents) {
        this(messages, calculator, executor, executor, dialogs, documents);
    }

    /**
     * @param executor       solves the charge
     * @param modelsExecutor estimates the key properties (the thermodynamic and property models), so that a slow
     *                       estimate never holds up the next charge
     */
    public BatchViewModel(Messages messages, ChargeCalculator calculator, BackgroundExecutor executor, BackgroundExecutor modelsExecutor,
                          DialogService dialogs, RecipeDocuments documents) {
        this.messages = Objects.requireNonNull(messages, "messages");
        this.calculator = Objects.requireNonNull(calculator, "calculator");
        this.solver = new LatestOnly<>(Objects.requireNonNull(executor, "executor"), (Recipe r) -> new Solved(r, calculator.solve(judged(r))),
                s -> solved(s.recipe(), s.result()), this::failed);
        calculating.bind(solver.progressProperty().greaterThan(LatestOnly.IDLE));
        this.keyEstimator = new LatestOnly<>(modelsExecutor,
                (Composition c, ca.scalloy.engine.Progress p) -> KeyProperties.estimate(c, propertyCalculator, p),
                this::estimated, this::estimateFailed);
        this.insights = new ChargeInsightsViewModel(messages, calculator, modelsExecutor, r -> spreads.apply(r));
        this.strength = new StrengthCostViewModel(messages, calculator, modelsExecutor, this::judged);
        this.dialogs = Objects.requireNonNull(dialogs, "dialogs");
        this.documents = Objects.requireNonNull(documents, "documents");
        for (HeaderField f : HeaderField.values()) {
            edits.watch(form.header().text(f), messages.get("undo.edit", messages.label("header.field", f)));
        }
        edits.watch(form.objectiveProperty(), messages.get("undo.edit", messages.get("header.objective")));
        edits.watch(form.wholePiecesProperty(), messages.get("undo.edit", messages.get("header.wholePieces")));
        undoManager.dirtyProperty().addListener((o, a, b) -> updateDocumentName());
        edits.load(() -> form.load(blankRecipe(messages), messages.locale(), this::newTargetRow, this::newMaterialRow,
                this::newPropertyTargetRow));
        updateDocumentName();
        warnings.addListener((ListChangeListener<String>) c -> updateSummaryTitle());
        updateSummaryTitle();
    }

    /** The starting recipe of File › New: P1020 and AlSc2 master alloy diluted to 0.25 % Sc, 1000 kg. */
    static Recipe blankRecipe(Messages messages) {
        Material p1020 = Material.metallic("P1020", messages.get("blank.p1020"), MaterialKind.METAL,
                new Composition(Map.of("Fe", 0.10, "Si", 0.05), "Al"), 2.60, 4.0);
        Material alSc2 = Material.metallic("ALSC2", messages.get("blank.alsc2"), MaterialKind.MASTER_ALLOY,
                new Composition(Map.of("Sc", 2.0, "Fe", 0.10, "Si", 0.05), "Al"), 95.0, 12.0);
        return Recipe.builder().name(messages.get("blank.name")).grade("AlSc0.25").batchMassKg(1000.0)
                .targets(List.of(ElementTarget.range("Sc", 0.20, 0.25, 0.30), ElementTarget.max("Fe", 0.15), ElementTarget.max("Si", 0.10)))
                .materials(List.of(p1020, alSc2)).build();
    }

    private FormRow<TargetField> newTargetRow() {
        FormRow<TargetField> row = new FormRow<>(TargetField.class);
        for (TargetField f : TargetField.values()) {
            edits.watch(row.text(f), messages.get("undo.edit", messages.label("target.field", f)));
        }
        return row;
    }

    private MaterialRow newMaterialRow() {
        MaterialRow row = new MaterialRow();
        for (MaterialField f : MaterialField.values()) {
            edits.watch(row.text(f), messages.get("undo.edit", messages.label("material.field", f)));
        }
        edits.watch(row.kindProperty(), messages.get("undo.edit", messages.label("material.field", MaterialField.KIND)));
        return row;
    }

    private PropertyTargetRow newPropertyTargetRow() {
        return watched(new PropertyTargetRow());
    }

    private PropertyTargetRow watched(PropertyTargetRow row) {
        for (PropertyTargetField f : PropertyTargetField.values()) {
            edits.watch(row.text(f), messages.get("undo.edit", messages.label("propertyTarget.field", f)));
        }
        return row;
    }

    // ------------------------------------------------------------------ editing

    public RecipeForm form() {
        return form;
    }

    @Override
    public UndoManager undoManager() {
        return undoManager;
    }

    public void undo() {
        undoManager.undo();
    }

    public void redo() {
        undoManager.redo();
    }

    /** Adds an empty target row at the end. */
    public FormRow<TargetField> addTarget() {
        FormRow<TargetField> row = newTargetRow();
        edits.insert(form.targets(), form.targets().size(), row, messages.get("undo.addTarget"));
        return row;
    }

    public void removeTarget(FormRow<TargetField> row) {
        edits.remove(form.targets(), row, messages.get("undo.removeTarget"));
    }

    /**
     * Adds a property target at the end (an undoable edit): yield strength after casting and the usual peak ageing,
     * its limits left for the user to type.
     */
    public PropertyTargetRow addPropertyTarget() {
        PropertyTargetRow row = new PropertyTargetRow();
        // Filled before it is watched: adding the row is one edit, undone at once.
        row.text(PropertyTargetField.PROPERTY).set(StrengthCostCurve.PROPERTY);
        row.text(PropertyTargetField.PROCESS).set(ProcessRoute.CAST.name());
        row.text(PropertyTargetField.SCHEDULE).set(AgeingSchedule.of(PeakAgeing.TEMP_C, PeakAgeing.HOURS).toString());
        watched(row);
        edits.insert(form.propertyTargets(), form.propertyTargets().size(), row, messages.get("undo.addPropertyTarget"));
        return row;
    }

    public void removePropertyTarget(PropertyTargetRow row) {
        edits.remove(form.propertyTargets(), row, messages.get("undo.removePropertyTarget"));
    }

    /** Adds a metal row with a fresh id at the end. */
    public MaterialRow addMaterial() {
        MaterialRow row = newMaterialRow();
        int n = form.materials().size() + 1;
        String id = "M" + n;
        while (idTaken(id)) {
            id = "M" + ++n;
        }
        row.text(MaterialField.ID).set(id);
        row.text(MaterialField.PRICE_PER_KG).set("0");
        edits.insert(form.materials(), form.materials().size(), row, messages.get("undo.addMaterial"));
        return row;
    }

    /**
     * Adds a library material at the end of the materials (an undoable edit).
     *
     * @return false when the recipe already has a material with its id (nothing is added)
     */
    public boolean addLibraryMaterial(Material material) {
        if (idTaken(material.id())) {
            statusMessage.set(messages.get("batch.library.idTaken", material.id()));
            return false;
        }
        MaterialRow row = newMaterialRow();
        RecipeForm.fill(row, material, form.balanceElement(), messages.locale());
        edits.insert(form.materials(), form.materials().size(), row, messages.get("undo.addMaterial"));
        return true;
    }

    /**
     * Sets the targets' minimum, aim and maximum to these (each an undoable edit); elements the form
     * has no target for get a new row.
     */
    public void applyTargets(List<ElementTarget> targets) {
        for (ElementTarget t : targets) {
            FormRow<TargetField> row = form.targets().stream().filter(r -> r.value(TargetField.ELEMENT).equals(t.element()))
                    .findFirst().orElse(null);
            if (row == null) {
                row = addTarget();
                row.text(TargetField.ELEMENT).set(t.element());
            }
            row.text(TargetField.MIN_WT_PCT).set(Numbers.forInput(t.minPct(), messages.locale()));
            row.text(TargetField.AIM_WT_PCT).set(Numbers.forInput(t.aimPct(), messages.locale()));
            row.text(TargetField.MAX_WT_PCT).set(Numbers.forInput(t.maxPct(), messages.locale()));
        }
    }

    private boolean idTaken(String id) {
        return form.materials().stream().anyMatch(r -> r.value(MaterialField.ID).equals(id));
    }

    public void removeMaterial(MaterialRow row) {
        edits.remove(form.materials(), row, messages.get("undo.removeMaterial"));
    }

    // ------------------------------------------------------------------ solving

    private void inputsChanged() {
        List<RecipeForm.FieldError> errors = new ArrayList<>();
        Optional<Recipe> recipe = form.build(messages, errors);
        inputErrors.setAll(errors.stream().map(e -> e.describe(messages)).toList());
        inputError.set(inputErrors.isEmpty() ? "" : inputErrors.get(0));
        // An estimate of the product before this edit is no longer wanted: free its worker at its next check.
        keyEstimator.cancelAll();
        keyPropertiesStale.set(true);
        strength.superseded();
        if (recipe.isEmpty()) {
            typing.cancel();
            solver.cancelWaiting();
            stale.set(true);
            statusMessage.set(messages.get("status.inputError", errors.size()));
            describeEarlierResults();
            return;
        }
        earlierResults.set("");
        stale.set(true);
        // Solved once typing pauses: "2000" typed key by key never shows a charge for a 2 kg batch.
        typing.restart(() -> requestSolve(recipe.get()));
    }

    /** While a field cannot be read, the results shown are an earlier recipe's: say which values they were for. */
    private void describeEarlierResults() {
        if (lastSolvedForm == null) {
            earlierResults.set("");
            return;
        }
        List<String> changes = form.changedSince(lastSolvedForm, messages, 3);
        earlierResults.set(changes.isEmpty() ? "" : messages.get("batch.earlierResults", String.join("; ", changes)));
    }

    /**
     * How the results wait for a pause in typing ({@link TypingPause#NONE}, the default, solves at each edit; the
     * workbench sets {@link ca.scalloy.ui.common.FxTypingPause}).
     */
    public void setTypingPause(TypingPause pause) {
        typing.cancel();
        typing = Objects.requireNonNull(pause, "pause");
    }

    /** Empty, or which earlier values the results on show belong to while a field cannot be read. */
    public ReadOnlyStringProperty earlierResultsProperty() {
        return earlierResults.getReadOnlyProperty();
    }

    private void requestSolve(Recipe recipe) {
        stale.set(true);
        statusMessage.set(messages.get("status.calculating"));
        solver.request(recipe);
    }

    /**
     * What is solved for {@code recipe}: a confidence on a recipe stating no spread is met with the learned or reference
     * spreads, as in batch (only then are the spreads looked up: the plant's history is read from the store). Called on
     * the workers.
     */
    private Recipe judged(Recipe recipe) {
        boolean needsSpreads = recipe.confidencePct() != null && !recipe.statesUncertainty();
        return needsSpreads ? spreads.apply(recipe).apply(recipe).recipe() : recipe;
    }

    private void solved(Recipe recipe, ChargeResult result) {
        if (!inputErrors.isEmpty()) {
            return;
        }
        lastResult = result;
        lastSolvedRecipe = recipe;
        lastSolvedForm = form.snapshot();
        showResult();
        Composition c = result.solved() ? result.productComposition(recipe.balanceElement()) : null;
        product.set(c == null ? null : new Product(recipe.name(), c));
        stale.set(false);
        estimateKeyProperties(c);
        if (result.solved()) {
            insights.request(recipe);
            strength.request(recipe);
        } else {
            insights.clear();
            strength.clear();
        }
    }

    /** The probability of passing, the sensitivity and the cost-against-CO2 front of the charge shown. */
    public ChargeInsightsViewModel insights() {
        return insights;
    }

    /** The least cost against the minimum yield strength asked, with the charge shown on it. */
    public StrengthCostViewModel strengthCost() {
        return strength;
    }

    /**
     * Where the spreads of a recipe stating none come from: by default the reference data; the workbench
     * lays the plant's learned recoveries over them. Called on the workers.
     */
    public void setSpreads(Function<Recipe, DefaultSpreads> newSpreads) {
        spreads = Objects.requireNonNull(newSpreads, "spreads");
    }

    /** Starts the key properties of a new product, or clears them where there is none or it is not aluminium. */
    private void estimateKeyProperties(Composition c) {
        if (c == null || !c.balanceElement().equals("Al")) {
            keyEstimator.cancelAll();
            keyProperties.set(null);
            keyPropertiesStale.set(false);
            return;
        }
        KeyProperties shown = keyProperties.get();
        if (shown != null && shown.product().equals(c)) {
            keyPropertiesStale.set(false);
            return;
        }
        keyPropertiesStale.set(true);
        keyEstimator.request(c);
    }

    private void estimated(KeyProperties k) {
        Product p = product.get();
        if (p == null || !p.composition().equals(k.product())) {
            return;
        }
        keyProperties.set(k);
        keyPropertiesStale.set(false);
    }

    private void estimateFailed(Throwable error) {
        // A product the models cannot take: no key properties rather than wrong ones; the Properties screen says why.
        keyProperties.set(null);
        keyPropertiesStale.set(false);
    }

    private void failed(Throwable error) {
        stale.set(true);
        String text = messages.get("error.solverFailed", MessageWords.failure(error, messages));
        inputError.set(text);
        statusMessage.set(text);
    }

    private void showResult() {
        ChargeResult r = lastResult;
        if (r == null) {
            return;
        }
        chargeRows.setAll(r.charge().stream().map(BatchViewModel::chargeRow).toList());
        compositionRows.setAll(compositionRows(r, lastSolvedRecipe));
        warnings.setAll(MessageWords.of(r.warnings(), messages));
        diagnosis.setAll(r.diagnosis().stream().map(this::describe).toList());
        markUnmetLimits(r.diagnosis());
        showPropertiesReached(r, lastSolvedRecipe);
        totals.set(r.solved() ? new Totals(r.productMassKg(), r.slagKg(), r.drossKg(), r.heelKg(), r.inKg(), r.outKg(),
                r.costTotal(), r.costPerKgProduct(), r.co2TotalKg(), r.co2PerKgProduct(), r.scRecoveryPct()) : null);
        resultState.set(r.solved() ? ResultState.SOLVED : ResultState.INFEASIBLE);
        // the status line is read whatever tab is shown below: a charge with warnings says so there too
        statusMessage.set(!r.solved() ? infeasibleStatus(r.diagnosis())
                : messages.get("status.solved", fmt(r.productMassKg(), 2),
                        messages.quantities().moneyPerKg(r.costPerKgProduct()), warnings.size()));
    }

    /**
     * The status line of a target no charge meets: how many limits cannot hold, or, when every limit holds on the
     * nominal analyses but not with the confidence asked, that confidence and the highest any charge reaches.
     */
    private String infeasibleStatus(List<Diagnosis> why) {
        if (why.size() == 1 && why.get(0).kind() == Diagnosis.Kind.CONFIDENCE) {
            // the numbers as the diagnosis panel words them (DiagnosisWords), so that the two say the same
            Quantities q = messages.quantities();
            Diagnosis d = why.get(0);
            return messages.get("status.infeasibleConfidence", q.number(d.limit(), 0, 4), q.number(d.reachable(), 0, 4));
        }
        return messages.get("status.infeasible", why.size());
    }

    /** Puts each diagnosis on the limit it is about: a target's min or max, the batch mass or the furnace capacity. */
    private void markUnmetLimits(List<Diagnosis> unmetLimits) {
        form.header().unmet().clear();
        form.targets().forEach(t -> t.unmet().clear());
        form.propertyTargets().forEach(t -> t.unmet().clear());
        for (Diagnosis d : unmetLimits) {
            String text = describe(d);
            switch (d.kind()) {
                case ELEMENT_MIN, ELEMENT_MAX -> form.targets().stream()
                        .filter(t -> t.value(TargetField.ELEMENT).equals(d.element()))
                        .forEach(t -> t.unmet().put(d.kind() == Diagnosis.Kind.ELEMENT_MIN ? TargetField.MIN_WT_PCT
                                : TargetField.MAX_WT_PCT, text));
                case PRODUCT_MASS, WHOLE_PIECES -> form.header().unmet().put(HeaderField.BATCH_MASS_KG, text);
                case PRODUCT_MASS_MAX -> form.header().unmet().put(HeaderField.FURNACE_CAPACITY_KG, text);
                case ELEMENT_NEGATIVE -> {
                    // A negative element is no limit the user set: the diagnosis panel says what to change.
                }
            }
        }
    }

    /**
     * Puts on each property-target row what the charge reached: the verified value and band; when no charge meets a
     * target, the closest value the search reached and the diagnosis in words. Rows and the solved recipe's targets
     * are in the same order (a recipe is only built when every row reads).
     */
    private void showPropertiesReached(ChargeResult r, Recipe recipe) {
        List<PropertyTargetRow> rows = form.propertyTargets();
        List<PropertyTarget> targets = recipe == null ? List.of() : recipe.propertyTargets();
        PropertyTargetRow.Reached[] reached = new PropertyTargetRow.Reached[targets.size()];
        for (int i = 0; i < r.properties().size() && i < reached.length; i++) {
            PropertyOutcome o = r.properties().get(i);
            reached[i] = new PropertyTargetRow.Reached(o.target().property(), o.value(), o.low(), o.high(), o.met(), null);
        }
        for (Diagnosis d : r.diagnosis()) {
            if (d.kind() != Diagnosis.Kind.PROPERTY) {
                continue;
            }
            // The diagnosis names its target by the limit missed; the first target with that limit not yet placed is it.
            for (int i = 0; i < targets.size(); i++) {
                PropertyTarget t = targets.get(i);
                if (reached[i] == null && (Objects.equals(t.minValue(), d.limit()) || Objects.equals(t.maxValue(), d.limit()))) {
                    reached[i] = new PropertyTargetRow.Reached(t.property(), d.reachable(), Double.NaN, Double.NaN, false, describe(d));
                    if (i < rows.size()) {
                        boolean low = t.minValue() != null && d.reachable() < t.minValue();
                        rows.get(i).unmet().put(low ? PropertyTargetField.MIN_VALUE : PropertyTargetField.MAX_VALUE, describe(d));
                    }
                    break;
                }
            }
        }
        for (int i = 0; i < rows.size(); i++) {
            rows.get(i).setReached(i < reached.length ? reached[i] : null);
        }
    }

    private static ChargeRow chargeRow(ChargeLine l) {
        return new ChargeRow(l.materialId(), l.name(), l.kind(), l.massKg(), l.pieces(), l.costTotal());
    }

    /** Every element of the product, the targeted ones first in target order, with wt% and at%. */
    static List<CompositionRow> compositionRows(ChargeResult r, Recipe recipe) {
        Map<String, Double> wt = r.productCompositionPct();
        Map<String, Double> at = r.solved() ? r.productComposition(recipe.balanceElement()).allAtPct() : Map.of();
        List<CompositionRow> rows = new ArrayList<>();
        for (LimitCheck c : r.limits()) {
            rows.add(new CompositionRow(c.element(), c.minPct(), c.aimPct(), c.maxPct(), c.valuePct(), at.getOrDefault(c.element(), 0.0),
                    true, c.within()));
        }
        for (Map.Entry<String, Double> e : wt.entrySet()) {
            if (recipe.target(e.getKey()).isEmpty()) {
                rows.add(new CompositionRow(e.getKey(), null, null, null, e.getValue(), at.getOrDefault(e.getKey(), 0.0), false, true));
            }
        }
        return rows;
    }

    /** The diagnosis in the user's language. */
    String describe(Diagnosis d) {
        return DiagnosisWords.describe(d, messages);
    }

    private String fmt(double v, int maxDecimals) {
        return Numbers.flexible(v, 0, maxDecimals, messages.locale());
    }

    // ------------------------------------------------------------------ files

    /** File › New, after asking about unsaved changes. */
    @Override
    public void newRecipe() {
        if (confirmDiscard()) {
            load(blankRecipe(messages), null);
        }
    }

    /** File › Open…, after asking about unsaved changes. */
    @Override
    public void open() {
        if (confirmDiscard()) {
            dialogs.chooseFileToOpen(messages.get("dialog.open.title")).ifPresent(this::openFile);
        }
    }

    /**
     * Opens a recipe from the library, after asking about unsaved changes; it has no file until saved.
     *
     * @param label what the title calls it, e.g. "AlSc2 oxide route v3"
     * @return whether it was opened
     */
    public boolean openFromLibrary(Recipe recipe, String label) {
        if (!confirmDiscard()) {
            return false;
        }
        load(recipe, null);
        libraryLabel = label;
        updateDocumentName();
        return true;
    }

    /**
     * As {@link #openFromLibrary(Recipe, String)}, remembering that the form starts from stored
     * version {@code version}, which a save to the library is then checked against.
     */
    public boolean openFromLibrary(Recipe recipe, String label, int version) {
        if (!openFromLibrary(recipe, label)) {
            return false;
        }
        libraryName = recipe.name();
        libraryVersion = version;
        return true;
    }

    /**
     * The stored version of {@code recipeName} this form started from, or null when it did not start
     * from that recipe in the library (a file, a new recipe, or one renamed): then a save adds a version
     * on top, as before locking.
     */
    Integer libraryVersionOf(String recipeName) {
        return recipeName.equals(libraryName) ? libraryVersion : null;
    }

    /** Replaces the form with stored version {@code version} without asking: the user chose to reload it over their edits. */
    void reloadFromLibrary(Recipe recipe, String label, int version) {
        load(recipe, null);
        libraryLabel = label;
        libraryName = recipe.name();
        libraryVersion = version;
        updateDocumentName();
    }

    /** The form's recipe is now stored as {@code version} of {@code recipeName}: the next save starts from it. */
    void savedToLibrary(String recipeName, int version) {
        libraryName = recipeName;
        libraryVersion = version;
    }

    /** The recipe in the form, or empty while a field cannot be read. */
    public Optional<Recipe> currentRecipe() {
        return form.build(messages, new ArrayList<>());
    }

    /** Opens {@code file} without asking about unsaved changes; tells the user when it cannot be read. */
    public boolean openFile(Path file) {
        Recipe recipe;
        try {
            recipe = documents.read(file);
        } catch (Exception e) {
            dialogs.showError(messages.get("dialog.openFailed.title"), MessageWords.fileFailure(e, file, false, messages));
            return false;
        }
        load(recipe, file);
        return true;
    }

    private void load(Recipe recipe, Path file) {
        libraryLabel = null;
        libraryName = null;
        libraryVersion = null;
        lastResult = null;
        lastSolvedRecipe = null;
        chargeRows.clear();
        compositionRows.clear();
        diagnosis.clear();
        warnings.clear();
        totals.set(null);
        product.set(null);
        keyEstimator.cancelAll();
        keyProperties.set(null);
        keyPropertiesStale.set(false);
        strength.clear();
        resultState.set(ResultState.NONE);
        // the status line spoke of the charge just cleared (its warnings among it): the new one's follows its solve
        statusMessage.set(messages.get("status.ready"));
        documentPath.set(file);
        edits.load(() -> form.load(recipe, messages.locale(), this::newTargetRow, this::newMaterialRow,
                this::newPropertyTargetRow));
        updateDocumentName();
    }

    /** File › Save; Save As when the recipe has no file yet. @return whether it was saved */
    @Override
    public boolean save() {
        return documentPath.get() == null ? saveAs() : saveTo(documentPath.get());
    }

    /** File › Save As…. @return whether it was saved */
    @Override
    public boolean saveAs() {
        Optional<Recipe> recipe = currentRecipeOrExplain();
        if (recipe.isEmpty()) {
            return false;
        }
        String suggested = documentPath.get() != null ? documentPath.get().getFileName().toString()
                : fileNameFor(recipe.get().name());
        Optional<Path> file = dialogs.chooseFileToSave(messages.get("dialog.save.title"), suggested);
        return file.isPresent() && saveTo(file.get());
    }

    private boolean saveTo(Path file) {
        Optional<Recipe> recipe = currentRecipeOrExplain();
        if (recipe.isEmpty()) {
            return false;
        }
        try {
            documents.write(recipe.get(), file);
        } catch (IOException | RuntimeException e) {
            dialogs.showError(messages.get("dialog.saveFailed.title"), MessageWords.fileFailure(e, file, true, messages));
            return false;
        }
        documentPath.set(file);
        libraryLabel = null;
        undoManager.markSaved();
        updateDocumentName();
        statusMessage.set(messages.get("status.saved", file.toString()));
        return true;
    }

    /** The recipe in the form; when a field cannot be read, says which in a dialog and gives empty. */
    Optional<Recipe> currentRecipeOrExplain() {
        List<RecipeForm.FieldError> errors = new ArrayList<>();
        Optional<Recipe> recipe = form.build(messages, errors);
        if (recipe.isEmpty()) {
            dialogs.showError(messages.get("dialog.saveFailed.title"), messages.get("dialog.saveInvalid.message",
                    String.join("\n", errors.stream().map(e -> e.describe(messages)).toList())));
        }
        return recipe;
    }

    private static String fileNameFor(String recipeName) {
        String base = recipeName.strip().toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return (base.isEmpty() ? "recipe" : base) + ".json";
    }

    /**
     * Asks what to do with unsaved changes, if any.
     *
     * @return true when the caller may go on (saved, discarded, or nothing to lose)
     */
    @Override
    public boolean confirmDiscard() {
        if (!undoManager.isDirty()) {
            return true;
        }
        return switch (dialogs.askUnsavedChanges(messages.get("dialog.unsaved.title"),
                messages.get("dialog.unsaved.message", documentName.get()))) {
            case SAVE -> save();
            case DISCARD -> true;
            case CANCEL -> false;
        };
    }

    private void updateDocumentName() {
        Path p = documentPath.get();
        String name = p != null ? p.getFileName().toString() : libraryLabel != null ? libraryLabel : messages.get("document.untitled");
        documentName.set(name);
    }

    // ------------------------------------------------------------------ language

    /** Switches the language of every message this view model makes, and redoes the current ones. */
    public void setMessages(Messages newMessages) {
        messages = Objects.requireNonNull(newMessages, "messages");
        insights.setMessages(newMessages);
        strength.setMessages(newMessages);
        updateDocumentName();
        updateSummaryTitle();
        List<RecipeForm.FieldError> errors = new ArrayList<>();
        form.build(messages, errors);
        inputErrors.setAll(errors.stream().map(e -> e.describe(messages)).toList());
        inputError.set(inputErrors.isEmpty() ? "" : inputErrors.get(0));
        if (inputErrors.isEmpty()) {
            showResult();
        } else {
            statusMessage.set(messages.get("status.inputError", errors.size()));
            describeEarlierResults();
        }
    }

    public Messages messages() {
        return messages;
    }

    private void updateSummaryTitle() {
        summaryTitle.set(messages.get("batch.tab.summary", warnings.size()));
    }

    // ------------------------------------------------------------------ state for the view

    public ReadOnlyObjectProperty<Path> documentPathProperty() {
        return documentPath.getReadOnlyProperty();
    }

    /** The file name, or "Untitled". */
    @Override
    public ReadOnlyStringProperty documentNameProperty() {
        return documentName.getReadOnlyProperty();
    }

    @Override
    public ReadOnlyBooleanProperty dirtyProperty() {
        return undoManager.dirtyProperty();
    }

    /** The first input error in words ("where: what"), or empty. */
    public ReadOnlyStringProperty inputErrorProperty() {
        return inputError.getReadOnlyProperty();
    }

    /** Every input error in words. */
    public ObservableList<String> inputErrors() {
        return inputErrorsView;
    }

    /** True when the results shown are not those of the inputs shown (inputs in error, or a solve under way). */
    public ReadOnlyBooleanProperty staleProperty() {
        return stale.getReadOnlyProperty();
    }

    @Override
    public ReadOnlyBooleanProperty calculatingProperty() {
        return calculating.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ResultState> resultStateProperty() {
        return resultState.getReadOnlyProperty();
    }

    /** Totals of the last solved charge; null when the last result is infeasible or there is none. */
    public ReadOnlyObjectProperty<Totals> totalsProperty() {
        return totals.getReadOnlyProperty();
    }

    /** One line for the status bar. */
    @Override
    public ReadOnlyStringProperty statusMessageProperty() {
        return statusMessage.getReadOnlyProperty();
    }

    /** Shows a line in the status bar. */
    void setStatus(String text) {
        statusMessage.set(text);
    }

    /** The product of the last solved charge; null when there is none. */
    @Override
    public ReadOnlyObjectProperty<Product> productProperty() {
        return product.getReadOnlyProperty();
    }

    /** The last product's key properties, as cast and aged; null when there is no product or it is not aluminium. */
    public ReadOnlyObjectProperty<KeyProperties> keyPropertiesProperty() {
        return keyProperties.getReadOnlyProperty();
    }

    /** True while the key properties shown are not those of the product shown (an estimate is on its way, or was cancelled). */
    public ReadOnlyBooleanProperty keyPropertiesStaleProperty() {
        return keyPropertiesStale.getReadOnlyProperty();
    }

    /** How far the key-properties estimate under way got, 0..1, or {@link LatestOnly#IDLE}. */
    public javafx.beans.property.ReadOnlyDoubleProperty keyPropertiesProgressProperty() {
        return keyEstimator.progressProperty();
    }

    public ObservableList<ChargeRow> chargeRows() {
        return chargeRowsView;
    }

    public ObservableList<CompositionRow> compositionRows() {
        return compositionRowsView;
    }

    /** Why the targets cannot be met, in words; empty when solved. */
    public ObservableList<String> diagnosis() {
        return diagnosisView;
    }

    public ObservableList<String> warnings() {
        return warningsView;
    }

    /** "Totals, properties and warnings", with the number of warnings when there are any: "… (2)". */
    public ReadOnlyStringProperty summaryTitleProperty() {
        return summaryTitle.getReadOnlyProperty();
    }

    /** The charge's kg of {@code materialId} in the last result (0 when not charged). */
    public double chargedKg(String materialId) {
        return chargeRows.stream().filter(r -> r.materialId().equals(materialId)).mapToDouble(ChargeRow::massKg).sum();
    }
}
