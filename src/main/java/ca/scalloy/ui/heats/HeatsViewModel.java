package ca.scalloy.ui.heats;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import ca.scalloy.engine.charge.ChargeCalculator;
import ca.scalloy.engine.charge.ChargeResult;
import ca.scalloy.engine.charge.Recipe;
import ca.scalloy.engine.heat.Heat;
import ca.scalloy.engine.heat.HeatRecord;
import ca.scalloy.engine.heat.HeatSample;
import ca.scalloy.engine.heat.HeatStatus;
import ca.scalloy.engine.heat.SampleVerdict;
import ca.scalloy.engine.library.RecipeVersion;
import ca.scalloy.engine.spec.Specification;
import ca.scalloy.store.Database;
import ca.scalloy.store.HeatRepository;
import ca.scalloy.ui.common.ChoiceLists;
import ca.scalloy.ui.common.DiagnosisWords;
import ca.scalloy.ui.common.DialogService;
import ca.scalloy.ui.common.LibraryStore;
import ca.scalloy.ui.common.MessageWords;
import ca.scalloy.ui.common.Messages;
import ca.scalloy.ui.common.StoreScreen;
import ca.scalloy.ui.documents.DocumentsViewModel;
import ca.scalloy.ui.documents.Printing;

/**
 * The Heats screen: the newest heats (filtered by status, searched by number or lot), a new heat
 * planned from the Batch screen's recipe, the export of the whole audit log, and the selected heat's
 * page ({@link HeatPageViewModel}).
 */
public final class HeatsViewModel {

    /** One heat in the list, with its last sample's verdict (null before the first sample). */
    public record HeatRow(String number, HeatStatus status, String statusText, String recipe, String grade, String spec,
                          SampleVerdict verdict, String verdictText, Instant createdAt) {
    }

    /** What planning a heat gave: the heat, or the diagnosis of a charge that cannot be met. */
    private record Planned(Heat heat, ChargeResult charge) {
    }

    private final LibraryStore store;
    private final StoreScreen screen;
    private final DialogService dialogs;
    private final ChargeCalculator calculator;
    private final Supplier<Optional<Recipe>> batchRecipe;
    private final HeatPageViewModel page;
    private Messages messages;

    private final ObjectProperty<HeatStatus> statusFilter = new SimpleObjectProperty<>(this, "statusFilter");
    private final StringProperty search = new SimpleStringProperty(this, "search", "");
    private final ObservableList<HeatRow> heats = FXCollections.observableArrayList();
    private final ObjectProperty<HeatRow> selected = new SimpleObjectProperty<>(this, "selected");
    private final ObservableList<String> specifications = FXCollections.observableArrayList();
    private final StringProperty newSpec = new SimpleStringProperty(this, "newSpec", "");
    private final StringProperty newFurnace = new SimpleStringProperty(this, "newFurnace", "");
    private final StringProperty newOperator = new SimpleStringProperty(this, "newOperator", "");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyBooleanWrapper planning = new ReadOnlyBooleanWrapper(this, "planning");
    /** The number to select once the list arrives (a heat just planned). */
    private String pendingSelection;

    /**
     * @param batchRecipe the Batch screen's recipe, empty while a field cannot be read
     * @param printing    prints a heat's certificate
     * @param windows     opens the preview of a certificate just issued
     */
    public HeatsViewModel(Messages messages, LibraryStore store, DialogService dialogs, ChargeCalculator calculator,
                          Supplier<Optional<Recipe>> batchRecipe, Printing printing, DocumentsViewModel.PreviewWindows windows) {
        this.messages = Objects.requireNonNull(messages, "messages");
        this.store = Objects.requireNonNull(store, "store");
        this.screen = new StoreScreen(store, this);
        this.dialogs = Objects.requireNonNull(dialogs, "dialogs");
        this.calculator = Objects.requireNonNull(calculator, "calculator");
        this.batchRecipe = Objects.requireNonNull(batchRecipe, "batchRecipe");
        this.page = new HeatPageViewModel(messages, store, dialogs, calculator, printing, windows, this::refresh);
        statusFilter.addListener((o, a, b) -> refresh());
        search.addListener((o, a, b) -> refresh());
        selected.addListener((o, a, b) -> page.show(b == null ? null : b.number()));
        screen.follow(this::refresh);
    }

    /** Reads the list (and the specifications for a new heat) again. */
    public void refresh() {
        Database db = screen.forRefresh(() -> {
            heats.clear();
            specifications.clear();
            page.show(null);
        });
        if (db == null) {
            return;
        }
        HeatStatus only = statusFilter.get();
        String text = search.get().strip();
        String keep = pendingSelection != null ? pendingSelection : selected.get() == null ? null : selected.get().number();
        pendingSelection = null;
        screen.run(() -> rows(db, only, text), list -> {
            heats.setAll(list);
            // With no heat chosen yet, the newest is shown: the one the floor is most likely working on.
            HeatRow again = keep == null ? list.stream().findFirst().orElse(null)
                    : list.stream().filter(r -> r.number().equals(keep)).findFirst().orElse(null);
            if (again != null && selected.get() != null && again.number().equals(selected.get().number())) {
                page.reload();
            }
            selected.set(again);
        }, this::failed);
        screen.run(() -> db.specifications().list().stream().map(Specification::name).toList(), names -> {
            ChoiceLists.refresh(specifications, names);
            if ((newSpec.get() == null || newSpec.get().isBlank()) && !names.isEmpty()) {
                newSpec.set(names.stream().filter(n -> n.equalsIgnoreCase("AlSc2")).findFirst().orElse(names.get(0)));
            }
        }, this::failed);
    }

    private List<HeatRow> rows(Database db, HeatStatus only, String text) {
        Map<String, String> grades = new HashMap<>();
        List<HeatRow> out = new ArrayList<>();
        for (Heat h : db.heats().list(only, text.isEmpty() ? null : text, HeatRepository.PAGE_SIZE)) {
            String grade = grades.computeIfAbsent(h.recipeName() + "\u0000" + h.recipeVersion(), k -> db.recipes()
                    .version(h.recipeName(), h.recipeVersion()).map(v -> v.recipe().grade()).orElse(""));
            // The store's list carries no verdict: the last sample's comes from the heat's record.
            List<HeatSample> samples = db.heats().find(h.number()).map(HeatRecord::samples).orElse(List.of());
            SampleVerdict verdict = samples.isEmpty() ? null : samples.get(samples.size() - 1).verdict();
            out.add(new HeatRow(h.number(), h.status(), messages.label("heats.status", h.status()),
                    messages.get("heats.recipeVersion", h.recipeName(), h.recipeVersion()), grade,
                    messages.get("heats.specVersion", h.specName(), h.specVersion()), verdict,
                    verdict == null ? messages.get("heats.noSample") : messages.label("compliance", verdict), h.createdAt()));
        }
        return out;
    }

    /**
     * "New heat from the Batch recipe…": the Batch screen's recipe (saved to the library first, after
     * asking, when the library does not hold it as it is), its charge solved off the UI thread, the heat
     * planned against the chosen specification.
     */
    public void planFromBatchRecipe() {
        Database db = screen.orExplain(messages.get("heats.new.title"));
        if (db == null) {
            return;
        }
        Optional<Recipe> recipe = batchRecipe.get();
        if (recipe.isEmpty()) {
            dialogs.showError(messages.get("heats.new.title"), messages.get("heats.new.noRecipe"));
            return;
        }
        String spec = newSpec.get() == null ? "" : newSpec.get().strip();
        if (spec.isEmpty()) {
            status.set(messages.get("heats.new.noSpec"));
            return;
        }
        Recipe r = recipe.get();
        planning.set(true);
        screen.run(() -> db.recipes().latest(r.name()), latest -> {
            boolean stored = latest.isPresent() && latest.get().recipe().equals(r);
            if (!stored && !dialogs.confirm(messages.get("heats.new.title"), messages.get("heats.new.saveFirst", r.name()))) {
                planning.set(false);
                status.set(messages.get("heats.new.notSaved"));
                return;
            }
            plan(db, r, stored ? latest.get() : null, spec);
        }, this::planFailed);
    }

    private void plan(Database db, Recipe r, RecipeVersion stored, String spec) {
        String furnace = newFurnace.get().strip();
        String operator = newOperator.get().strip();
        screen.run(() -> {
            RecipeVersion v = stored != null ? stored : db.recipes().save(r, "saved to plan a heat");
            ChargeResult charge = calculator.solve(db.lots().applyTo(r, List.of()));
            if (!charge.solved()) {
                return new Planned(null, charge);
            }
            return new Planned(db.heats().create(r.name(), v.version(), spec, furnace, operator, charge, Map.of()), charge);
        }, planned -> {
            planning.set(false);
            if (planned.heat() == null) {
                dialogs.showError(messages.get("heats.new.title"), messages.get("heats.new.infeasible", r.name(),
                        String.join("\n", planned.charge().diagnosis().stream().map(d -> "• " + DiagnosisWords.describe(d, messages)).toList())));
                return;
            }
            Heat h = planned.heat();
            status.set(messages.get("heats.new.planned", h.number(), h.recipeName(), h.recipeVersion(), h.specName()));
            pendingSelection = h.number();
            statusFilter.set(null);
            search.set("");
            refresh();
        }, this::planFailed);
    }

    private void planFailed(Throwable e) {
        planning.set(false);
        if (!LibraryStore.alreadyReported(e)) {
            dialogs.showError(messages.get("heats.new.title"), MessageWords.failure(e, messages));
        }
    }

    /** File › Export audit log (CSV)…: every entry of the log, in the user's separator and decimal mark. */
    public void exportAuditLog() {
        String title = messages.get("audit.export.title");
        Database db = screen.orExplain(title);
        if (db == null) {
            return;
        }
        String suggested = "scalloy-audit-" + LocalDate.now(db.clock().withZone(ZoneId.systemDefault())) + ".csv";
        screen.exportFile(title, DialogService.FileKind.CSV, suggested, db, (d, file) -> {
            List<ca.scalloy.engine.library.AuditEntry> all = d.audit().all();
            d.audit().exportCsv(all, file, messages.locale());
            return all.size();
        }, (file, n) -> status.set(messages.get("audit.export.done", n, file.toString())));
    }

    private void failed(Throwable e) {
        status.set(StoreScreen.failure(messages, e));
    }

    public void setMessages(Messages newMessages) {
        messages = Objects.requireNonNull(newMessages, "messages");
        page.setMessages(newMessages);
        refresh();
    }

    public HeatPageViewModel page() {
        return page;
    }

    /** Only heats in this state; null for all. */
    public ObjectProperty<HeatStatus> statusFilterProperty() {
        return statusFilter;
    }

    /** A heat number's (or a charged lot's) first characters. */
    public StringProperty searchProperty() {
        return search;
    }

    /** The newest heats first. */
    public ObservableList<HeatRow> heats() {
        return heats;
    }

    public ObjectProperty<HeatRow> selectedProperty() {
        return selected;
    }

    /** The stored specifications' names, for a new heat. */
    public ObservableList<String> specifications() {
        return specifications;
    }

    public StringProperty newSpecProperty() {
        return newSpec;
    }

    public StringProperty newFurnaceProperty() {
        return newFurnace;
    }

    public StringProperty newOperatorProperty() {
        return newOperator;
    }

    /** Whether a heat is being planned (its charge solved). */
    public ReadOnlyBooleanProperty planningProperty() {
        return planning.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty availableProperty() {
        return screen.availableProperty();
    }

    public LibraryStore store() {
        return store;
    }
}
