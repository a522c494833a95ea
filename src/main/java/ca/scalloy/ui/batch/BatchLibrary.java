package ca.scalloy.ui.batch;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.ObservableSet;

import ca.scalloy.engine.Composition;
import ca.scalloy.engine.charge.ChargeCalculator;
import ca.scalloy.engine.charge.Recipe;
import ca.scalloy.engine.Quantities;
import ca.scalloy.engine.library.LibraryMaterial;
import ca.scalloy.engine.library.PriceFreshness;
import ca.scalloy.engine.props.AlloyProperties;
import ca.scalloy.engine.spec.ComplianceChecker;
import ca.scalloy.engine.spec.ComplianceReport;
import ca.scalloy.engine.spec.ComplianceStatus;
import ca.scalloy.engine.spec.ElementCheck;
import ca.scalloy.engine.spec.MakeItComply;
import ca.scalloy.engine.spec.Specification;
import ca.scalloy.store.Database;
import ca.scalloy.ui.common.BackgroundExecutor;
import ca.scalloy.ui.common.CheckWords;
import ca.scalloy.ui.common.ChoiceLists;
import ca.scalloy.ui.common.DialogService;
import ca.scalloy.ui.common.InputException;
import ca.scalloy.ui.common.LatestOnly;
import ca.scalloy.ui.common.LibraryStore;
import ca.scalloy.ui.common.MessageWords;
import ca.scalloy.ui.common.Messages;
import ca.scalloy.ui.common.Numbers;
import ca.scalloy.ui.common.ProductSource;

/**
 * What the Batch screen takes from the library: the material picker, File › Save to library, the
 * compliance panel (the product of each solve against every stored specification, computed off the
 * UI thread) and "make it comply" for a chosen specification.
 */
public final class BatchLibrary {

    /** One specification's verdict on the product, in words as well as a status for the colour. */
    public record ComplianceRow(String specification, String sector, ComplianceStatus verdict, String verdictText,
                                String worstElement, String marginPct) {
    }

    /** The library's materials by id, the plant's price age and the moment they were read at. */
    private record PriceBook(Map<String, LibraryMaterial> byId, int maxAgeDays, Instant now) {
        static final PriceBook EMPTY = new PriceBook(Map.of(), PriceFreshness.DEFAULT_MAX_AGE_DAYS, Instant.EPOCH);
    }

    /** The product checked, with the aged estimates for property requirements (null: not estimated). */
    private record Check(Composition product, AlloyProperties aged) {
    }

    private final LibraryStore store;
    private final BatchViewModel batch;
    private final DialogService dialogs;
    private final BackgroundExecutor executor;
    private final ComplianceChecker checker = new ComplianceChecker();
    private final MakeItComply comply;
    private final LatestOnly<Check, List<ComplianceReport>> matrixWork;
    private Messages messages;
    private List<ComplianceReport> lastReports = List.of();

    private final ObservableList<LibraryMaterial> pickerMaterials = FXCollections.observableArrayList();
    private final ObservableList<ComplianceRow> matrix = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper matrixNote = new ReadOnlyStringWrapper(this, "matrixNote", "");
    private final ObservableList<Specification> specifications = FXCollections.observableArrayList();
    private final ObjectProperty<Specification> complySpec = new SimpleObjectProperty<>(this, "complySpec");
    private final ReadOnlyStringWrapper complyResult = new ReadOnlyStringWrapper(this, "complyResult", "");
    private final ReadOnlyBooleanWrapper canApply = new ReadOnlyBooleanWrapper(this, "canApply");
    private MakeItComply.Outcome lastOutcome;
    private final LatestOnly<Boolean, PriceBook> priceWork;
    private PriceBook priceBook = PriceBook.EMPTY;
    private final ReadOnlyIntegerWrapper stalePrices = new ReadOnlyIntegerWrapper(this, "stalePrices");
    private final ReadOnlyIntegerWrapper updatablePrices = new ReadOnlyIntegerWrapper(this, "updatablePrices");
    private final ObservableSet<MaterialRow> updatableRows = FXCollections.observableSet();
    private final ObservableSet<MaterialRow> updatableRowsView = FXCollections.unmodifiableObservableSet(updatableRows);

    /**
     * @param calculator a charge calculator for "make it comply" (its own, as it runs beside the screen's solves)
     * @param executor   runs the compliance checks and re-solves off the UI thread
     */
    public BatchLibrary(Messages messages, LibraryStore store, BatchViewModel batch, ChargeCalculator calculator,
                        BackgroundExecutor executor, DialogService dialogs) {
        this.messages = Objects.requireNonNull(messages, "messages");
        this.store = Objects.requireNonNull(store, "store");
        this.batch = Objects.requireNonNull(batch, "batch");
        this.dialogs = Objects.requireNonNull(dialogs, "dialogs");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.comply = new MakeItComply(calculator, checker);
        this.matrixWork = new LatestOnly<>(executor, this::checkAll, this::showMatrix, e -> {
            matrix.clear();
            matrixNote.set(messages.get("library.failed", MessageWords.failure(e, messages)));
        });
        this.priceWork = new LatestOnly<>(executor, any -> readPriceBook(), book -> {
            priceBook = book;
            markPrices();
        }, e -> {
            priceBook = PriceBook.EMPTY;
            markPrices();
        });
        batch.productProperty().addListener((o, a, b) -> {
            recheck();
            refreshPrices();
        });
        batch.keyPropertiesProperty().addListener((o, a, b) -> recheck());
        store.databaseProperty().addListener((o, a, b) -> {
            refreshSpecifications();
            // the picker is read again each time it opens; opened while the database was still opening it was
            // left empty until opened again
            refreshPicker();
            recheck();
            refreshPrices();
        });
        ListChangeListener<MaterialRow> rows = c -> {
            while (c.next()) {
                c.getAddedSubList().forEach(this::watchPrice);
            }
            markPrices();
        };
        batch.form().materials().addListener(rows);
        batch.form().materials().forEach(this::watchPrice);
        refreshSpecifications();
        recheck();
        refreshPrices();
    }

    // ------------------------------------------------------------------ stale prices

    /** A price or an id typed in {@code row} is compared at once with the library as last read. */
    private void watchPrice(MaterialRow row) {
        row.text(MaterialField.ID).addListener((o, a, b) -> markPrices());
        row.text(MaterialField.PRICE_PER_KG).addListener((o, a, b) -> markPrices());
    }

    /** Reads the library's prices again (off the UI thread), then marks the recipe's stale prices. */
    public void refreshPrices() {
        if (store.database() == null) {
            priceBook = PriceBook.EMPTY;
            markPrices();
            return;
        }
        priceWork.request(Boolean.TRUE);
    }

    private PriceBook readPriceBook() {
        Database db = store.database();
        if (db == null) {
            return PriceBook.EMPTY;
        }
        Map<String, LibraryMaterial> byId = new LinkedHashMap<>();
        for (LibraryMaterial m : db.materials().list(false)) {
            byId.put(m.id(), m);
        }
        return new PriceBook(byId, db.settings().priceMaxAgeDays(), db.clock().instant());
    }

    /** The library's word on the price of {@code row}, if stale; empty for a material not in the library. */
    private Optional<PriceFreshness> freshness(MaterialRow row) {
        LibraryMaterial lib = priceBook.byId().get(row.value(MaterialField.ID));
        if (lib == null) {
            return Optional.empty();
        }
        Double price;
        try {
            price = Numbers.parseOptional(row.value(MaterialField.PRICE_PER_KG));
        } catch (InputException notANumberYet) {
            return Optional.empty();
        }
        return price == null ? Optional.empty()
                : PriceFreshness.ofRecipePrice(price, lib, priceBook.now(), priceBook.maxAgeDays());
    }

    /** Puts on each material row whose price is stale a notice saying the library's price and its date, or its age. */
    private void markPrices() {
        int stale = 0;
        Set<MaterialRow> updatable = new HashSet<>();
        for (MaterialRow row : batch.form().materials()) {
            Optional<PriceFreshness> f = freshness(row);
            if (f.isEmpty()) {
                row.notices().remove(MaterialField.PRICE_PER_KG);
                continue;
            }
            stale++;
            if (f.get().kind() == PriceFreshness.Kind.DIFFERS) {
                updatable.add(row);
            }
            row.notices().put(MaterialField.PRICE_PER_KG, priceNotice(f.get()));
        }
        stalePrices.set(stale);
        updatableRows.retainAll(updatable);
        updatableRows.addAll(updatable);
        updatablePrices.set(updatable.size());
    }

    private String priceNotice(PriceFreshness f) {
        Quantities q = messages.quantities();
        String date = f.librarySetAt() == null ? messages.get("totals.none") : q.day(f.librarySetAt());
        return f.kind() == PriceFreshness.Kind.DIFFERS
                ? messages.get("batch.price.differs", q.moneyPerKg(f.libraryPricePerKg()), date)
                : messages.get("batch.price.old", date, f.ageDays(), priceBook.maxAgeDays());
    }

    /**
     * Takes the library's price into every row whose price differs from it (each an undoable edit, as typed); an
     * old library price stays flagged, as the remedy for it is a new price in the library.
     */
    public void updatePricesFromLibrary() {
        List.copyOf(batch.form().materials()).forEach(this::updatePriceFromLibrary);
    }

    /**
     * Takes the library's price into {@code row} alone, when it differs from it (an undoable edit, as typed); nothing
     * for a row whose price is the library's, old or not in the library.
     */
    public void updatePriceFromLibrary(MaterialRow row) {
        Optional<PriceFreshness> f = freshness(row);
        if (f.isPresent() && f.get().kind() == PriceFreshness.Kind.DIFFERS) {
            // the price's own listener (watchPrice) marks the prices again
            row.text(MaterialField.PRICE_PER_KG).set(Numbers.forInput(f.get().libraryPricePerKg(), messages.locale()));
        }
    }

    /** The materials whose price differs from the library's: each one's own "update" applies. */
    public ObservableSet<MaterialRow> updatablePriceRows() {
        return updatableRowsView;
    }

    /** How many of the recipe's prices are flagged (differ from the library's or the library's is old). */
    public ReadOnlyIntegerProperty stalePricesProperty() {
        return stalePrices.getReadOnlyProperty();
    }

    /** How many of the recipe's prices differ from the library's (what "Update from the library" changes). */
    public ReadOnlyIntegerProperty updatablePricesProperty() {
        return updatablePrices.getReadOnlyProperty();
    }

    // ------------------------------------------------------------------ compliance matrix

    private void recheck() {
        ProductSource.Product p = batch.productProperty().get();
        if (store.database() == null) {
            matrix.clear();
            matrixNote.set(store.messageProperty().get());
            return;
        }
        if (p == null) {
            matrix.clear();
            matrixNote.set(messages.get("compliance.noProduct"));
            return;
        }
        KeyProperties k = batch.keyPropertiesProperty().get();
        // Key properties of an earlier product (the new one's are on their way) would judge the wrong alloy.
        matrixWork.request(new Check(p.composition(), k == null || !k.product().equals(p.composition()) ? null : k.aged()));
    }

    /** Off the UI thread: every specification's current version against the product, met ones first. */
    private List<ComplianceReport> checkAll(Check c) {
        Database db = store.database();
        if (db == null) {
            return List.of();
        }
        // The specifications met come first: those are the ones a product is sold against.
        return checker.checkAll(c.product(), db.specifications().list(), c.aged()).stream()
                .sorted(Comparator.comparing(ComplianceReport::verdict)).toList();
    }

    private void showMatrix(List<ComplianceReport> reports) {
        lastReports = reports;
        matrix.setAll(reports.stream().map(this::row).toList());
        long fails = reports.stream().filter(r -> r.verdict() == ComplianceStatus.FAIL).count();
        matrixNote.set(reports.isEmpty() ? messages.get("compliance.noSpecs")
                : messages.get("compliance.summary", reports.size(), reports.size() - fails, fails));
    }

    private ComplianceRow row(ComplianceReport r) {
        Optional<ElementCheck> worst = r.elements().stream().min(Comparator.comparingDouble(ElementCheck::marginPct));
        return new ComplianceRow(r.specification().name(), r.specification().sector(), r.verdict(),
                messages.label("compliance", r.verdict()), worst.map(e -> elementName(e.element())).orElse(""),
                worst.filter(e -> Double.isFinite(e.marginPct()))
                        .map(e -> messages.quantities().content(e.element(), e.marginPct())).orElse(""));
    }

    private String elementName(String engineName) {
        return CheckWords.elementName(engineName, messages);
    }

    // ------------------------------------------------------------------ make it comply

    /** Re-solves the recipe with the chosen specification's limits added to its targets, off the UI thread. */
    public void makeItComply() {
        Specification spec = complySpec.get();
        Optional<Recipe> recipe = batch.currentRecipe();
        canApply.set(false);
        lastOutcome = null;
        if (spec == null) {
            complyResult.set(messages.get("comply.chooseSpec"));
            return;
        }
        if (recipe.isEmpty()) {
            complyResult.set(messages.get("comply.recipeInvalid"));
            return;
        }
        complyResult.set(messages.get("comply.running", spec.name()));
        executor.run(() -> comply.run(recipe.get(), spec), outcome -> {
            lastOutcome = outcome;
            complyResult.set(describe(outcome, spec));
            canApply.set(outcome.after().solved());
        }, e -> complyResult.set(messages.get("comply.failed", spec.name(), MessageWords.failure(e, messages))));
    }

    private String describe(MakeItComply.Outcome o, Specification spec) {
        if (!o.after().solved()) {
            return messages.get("comply.infeasible", spec.name(), o.after().diagnosis().size(),
                    String.join("\n", o.after().diagnosis().stream().map(batch::describe).toList()));
        }
        String after = Numbers.fixed(o.after().costTotal(), 2, messages.locale());
        if (o.costDifference() == null) {
            return messages.get("comply.solvedOnly", spec.name(), after);
        }
        String before = Numbers.fixed(o.before().costTotal(), 2, messages.locale());
        String diff = (o.costDifference() >= 0 ? "+" : "") + Numbers.fixed(o.costDifference(), 2, messages.locale());
        String verdict = o.reportAfter() == null ? "" : messages.label("compliance", o.reportAfter().verdict());
        return messages.get("comply.result", spec.name(), before, after, diff, verdict);
    }

    /** Puts the re-solve's targets (the recipe's own with the specification's limits) in the recipe. */
    public void applyComplyTargets() {
        if (lastOutcome != null && lastOutcome.after().solved()) {
            batch.applyTargets(lastOutcome.constrained().targets());
            canApply.set(false);
            complyResult.set(messages.get("comply.applied", complySpec.get() == null ? "" : complySpec.get().name()));
        }
    }

    private void refreshSpecifications() {
        Database db = store.database();
        if (db == null) {
            specifications.clear();
            return;
        }
        store.executor().run(() -> db.specifications().list(), list -> ChoiceLists.refresh(specifications, list), e -> specifications.clear());
    }

    // ------------------------------------------------------------------ picker, save

    /** Reads the library's materials (not retired) for the picker. */
    public void refreshPicker() {
        Database db = store.database();
        if (db == null) {
            pickerMaterials.clear();
            return;
        }
        store.executor().run(() -> db.materials().list(false), list -> ChoiceLists.refresh(pickerMaterials, list), e -> pickerMaterials.clear());
    }

    /** Adds the chosen library material to the recipe's materials. */
    public boolean addToRecipe(LibraryMaterial m) {
        return m != null && batch.addLibraryMaterial(m.material());
    }

    /**
     * File › Save to library: the recipe as a new version of its name. When the form started from a
     * stored version and someone has saved a newer one since, the user chooses: save as a new version
     * (on top of theirs), reload the newest (the form's edits go), or cancel (the edits stay).
     */
    public void saveToLibrary() {
        Database db = store.database();
        if (db == null) {
            dialogs.showError(messages.get("batch.library.saveTitle"), store.messageProperty().get());
            return;
        }
        Optional<Recipe> recipe = batch.currentRecipeOrExplain();
        if (recipe.isEmpty()) {
            return;
        }
        save(db, recipe.get(), batch.libraryVersionOf(recipe.get().name()));
    }

    private void save(Database db, Recipe recipe, Integer basedOn) {
        String title = messages.get("batch.library.saveTitle");
        store.executor().run(() -> db.recipes().save(recipe, "", basedOn), v -> {
            batch.savedToLibrary(recipe.name(), v.version());
            batch.setStatus(messages.get("batch.library.saved", recipe.name(), v.version()));
        }, e -> {
            switch (store.explainSaveFailure(title, e, true)) {
                case SAVE_AS_NEW -> save(db, recipe, null);
                case RELOAD -> store.executor().run(() -> db.recipes().latest(recipe.name()).orElseThrow(), latest ->
                        batch.reloadFromLibrary(latest.recipe(), messages.get("recipes.label", recipe.name(), latest.version()),
                                latest.version()), store.showingError(title));
                case EXPLAINED -> { }
                case OTHER -> dialogs.showError(title, MessageWords.failure(e, messages));
            }
        });
    }

    public void setMessages(Messages newMessages) {
        messages = Objects.requireNonNull(newMessages, "messages");
        showMatrix(lastReports);
        markPrices();
        if (store.database() == null || batch.productProperty().get() == null) {
            recheck();
        }
    }

    // ------------------------------------------------------------------ state for the view

    public ObservableList<LibraryMaterial> pickerMaterials() {
        return pickerMaterials;
    }

    /** One row per stored specification: the current product's verdict. */
    public ObservableList<ComplianceRow> matrix() {
        return matrix;
    }

    /** A line above the matrix: how many pass, or why there is none. */
    public ReadOnlyStringProperty matrixNoteProperty() {
        return matrixNote.getReadOnlyProperty();
    }

    public ObservableList<Specification> specifications() {
        return specifications;
    }

    /** The specification for "make it comply". */
    public ObjectProperty<Specification> complySpecProperty() {
        return complySpec;
    }

    public ReadOnlyStringProperty complyResultProperty() {
        return complyResult.getReadOnlyProperty();
    }

    /** Whether the last "make it comply" found a charge whose targets can be put in the recipe. */
    public ReadOnlyBooleanProperty canApplyProperty() {
        return canApply.getReadOnlyProperty();
    }
}
