package ca.scalloy.ui.library;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;
import javafx.collections.transformation.FilteredList;

import ca.scalloy.engine.Composition;
import ca.scalloy.engine.charge.Material;
import ca.scalloy.engine.charge.MaterialKind;
import ca.scalloy.engine.charge.MaterialUncertainty;
import ca.scalloy.engine.library.LibraryMaterial;
import ca.scalloy.engine.library.PriceFreshness;
import ca.scalloy.engine.library.PricePoint;
import ca.scalloy.io.AtomicFiles;
import ca.scalloy.io.MaterialFiles;
import ca.scalloy.store.AuditLog;
import ca.scalloy.store.Database;
import ca.scalloy.store.MaterialRepository;
import ca.scalloy.engine.Role;
import ca.scalloy.ui.common.AuditHistory;
import ca.scalloy.ui.common.DialogService;
import ca.scalloy.ui.common.ElementAmounts;
import ca.scalloy.ui.common.InputException;
import ca.scalloy.ui.common.LibraryStore;
import ca.scalloy.ui.common.MessageWords;
import ca.scalloy.ui.common.Messages;
import ca.scalloy.ui.common.Numbers;
import ca.scalloy.ui.common.RoleGate;
import ca.scalloy.ui.common.StoreScreen;

/**
 * The Library screen: the materials of the library database in a searchable list, an editor for
 * adding, editing and duplicating one (every field checked, each error naming its field and value),
 * retiring, the price and CO2 history of the selected material, and JSON import and export.
 * Database work runs through the store's background executor.
 */
public final class LibraryViewModel {

    /** What the editor is doing. */
    public enum EditMode { NONE, ADD, EDIT }

    private final LibraryStore store;
    private final StoreScreen screen;
    private final DialogService dialogs;
    private Messages messages;

    private final ObservableList<LibraryMaterial> all = FXCollections.observableArrayList();
    private final FilteredList<LibraryMaterial> shown = new FilteredList<>(all);
    private final StringProperty search = new SimpleStringProperty(this, "search", "");
    private final BooleanProperty showRetired = new SimpleBooleanProperty(this, "showRetired", false);
    private final ObjectProperty<LibraryMaterial> selected = new SimpleObjectProperty<>(this, "selected");
    private final ObservableList<PricePoint> history = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    /** The plant's price age and the moment the list was read, for flagging old prices. */
    private int priceMaxAgeDays = PriceFreshness.DEFAULT_MAX_AGE_DAYS;
    private Instant readAt = Instant.EPOCH;

    private final ObjectProperty<EditMode> editMode = new SimpleObjectProperty<>(this, "editMode", EditMode.NONE);
    private final Map<MaterialEditField, StringProperty> texts = new EnumMap<>(MaterialEditField.class);
    private final ObjectProperty<MaterialKind> editKind = new SimpleObjectProperty<>(this, "editKind", MaterialKind.METAL);
    private final ObservableMap<MaterialEditField, String> errors = FXCollections.observableHashMap();
    /** The material being edited, whose other fields (recoveries, stock limits, pieces) the editor keeps. */
    private Material base;
    /** The stored version of the material being edited: its save is refused when someone changed it since. */
    private Integer baseVersion;
    private final RoleGate changes;

    public LibraryViewModel(Messages messages, LibraryStore store, DialogService dialogs) {
        this.messages = Objects.requireNonNull(messages, "messages");
        this.store = Objects.requireNonNull(store, "store");
        this.screen = new StoreScreen(store, this);
        this.dialogs = Objects.requireNonNull(dialogs, "dialogs");
        this.changes = store.gate(Role.METALLURGIST);
        for (MaterialEditField f : MaterialEditField.values()) {
            texts.put(f, new SimpleStringProperty(this, f.name(), ""));
        }
        search.addListener((o, a, b) -> updateFilter());
        showRetired.addListener((o, a, b) -> updateFilter());
        selected.addListener((o, a, b) -> loadHistory(b));
        screen.follow(this::refresh);
    }

    private void updateFilter() {
        String text = search.get().strip().toLowerCase(Locale.ROOT);
        boolean retired = showRetired.get();
        Predicate<LibraryMaterial> p = m -> (retired || !m.retired()) && (text.isEmpty()
                || m.id().toLowerCase(Locale.ROOT).contains(text) || m.material().name().toLowerCase(Locale.ROOT).contains(text));
        shown.setPredicate(p);
    }

    /** Reads the materials again from the database. */
    public void refresh() {
        Database db = screen.forRefresh(() -> {
            all.clear();
            history.clear();
        });
        if (db == null) {
            return;
        }
        String keep = selected.get() == null ? null : selected.get().id();
        screen.run(() -> new Read(db.materials().list(true), db.settings().priceMaxAgeDays(), db.clock().instant()), read -> {
            List<LibraryMaterial> list = read.materials();
            priceMaxAgeDays = read.priceMaxAgeDays();
            readAt = read.at();
            all.setAll(list);
            updateFilter();
            selected.set(keep == null ? null : list.stream().filter(m -> m.id().equals(keep)).findFirst().orElse(null));
        }, this::failed);
    }

    private record Read(List<LibraryMaterial> materials, int priceMaxAgeDays, Instant at) {
    }

    /**
     * What to say of {@code m}'s price when it is older than the plant allows ("" when it is not): its date and age,
     * for the mark on the price's date.
     */
    public String priceAgeNote(LibraryMaterial m) {
        return PriceFreshness.ofLibraryPrice(m, readAt, priceMaxAgeDays)
                .map(f -> messages.get("library.price.old", messages.quantities().day(f.librarySetAt()), f.ageDays(),
                        priceMaxAgeDays))
                .orElse("");
    }

    private void loadHistory(LibraryMaterial m) {
        Database db = store.database();
        if (m == null || db == null) {
            history.clear();
            return;
        }
        screen.run(() -> db.materials().priceHistory(m.id()), history::setAll, this::failed);
    }

    private void failed(Throwable e) {
        status.set(StoreScreen.failure(messages, e));
    }

    // ------------------------------------------------------------------ editing

    /** Starts a new material in the editor. */
    public void add() {
        base = null;
        baseVersion = null;
        errors.clear();
        texts.values().forEach(t -> t.set(""));
        editKind.set(MaterialKind.METAL);
        editMode.set(EditMode.ADD);
    }

    /**
     * Edits the selected material, as stored now (read again with its version, so that the save can
     * tell whether someone changed it meanwhile).
     */
    public void edit() {
        LibraryMaterial m = selected.get();
        Database db = store.database();
        if (m != null && db != null) {
            startEdit(db, m.id());
        }
    }

    private void startEdit(Database db, String id) {
        screen.run(() -> db.materials().findStamped(id).orElseThrow(() -> new IllegalStateException(
                messages.get("library.gone", id))), stamped -> {
            LibraryMaterial m = stamped.value();
            base = m.material();
            baseVersion = stamped.stamp().version();
            fill(m.material(), m.source(), m.confidence());
            editMode.set(EditMode.EDIT);
        }, this::failed);
    }

    /** Starts a new material from the selected one, with a free id. */
    public void duplicate() {
        LibraryMaterial m = selected.get();
        if (m == null) {
            return;
        }
        base = m.material();
        baseVersion = null;
        fill(m.material(), m.source(), m.confidence());
        String id = m.id() + "-2";
        for (int n = 3; idTaken(id); n++) {
            id = m.id() + "-" + n;
        }
        texts.get(MaterialEditField.ID).set(id);
        editMode.set(EditMode.ADD);
    }

    private boolean idTaken(String id) {
        return all.stream().anyMatch(x -> x.id().equals(id));
    }

    public void cancelEdit() {
        editMode.set(EditMode.NONE);
        errors.clear();
    }

    private void fill(Material m, String source, String confidence) {
        Locale locale = messages.locale();
        errors.clear();
        text(MaterialEditField.ID).set(m.id());
        text(MaterialEditField.NAME).set(m.name().equals(m.id()) ? "" : m.name());
        editKind.set(m.kind());
        text(MaterialEditField.ASSAY).set(assayText(m, locale));
        text(MaterialEditField.PURITY_PCT).set(Numbers.forInput(m.purityPct(), locale));
        text(MaterialEditField.PRICE_PER_KG).set(Numbers.forInput(m.pricePerKg(), locale));
        text(MaterialEditField.CO2_KG_PER_KG).set(Numbers.forInput(m.co2KgPerKg(), locale));
        text(MaterialEditField.SOURCE).set(source);
        text(MaterialEditField.CONFIDENCE).set(confidence);
    }

    /** The assay of a metallic material ("Fe=0.10, Si=0.05", balance named when not Al) or a compound's formula. */
    public static String assayText(Material m, Locale locale) {
        return switch (m.kind()) {
            case COMPOUND -> m.formula().text();
            case FLUX -> "";
            default -> ElementAmounts.formatAssay(m.composition().wtPct(), m.composition().balanceElement(), "Al", locale);
        };
    }

    /**
     * Checks the editor's fields and saves: a new material, or the edited one (a changed price or CO2
     * adds a point to its history). Each faulty field gets a message naming the field and its value.
     *
     * @return whether it was saved
     */
    public boolean save() {
        errors.clear();
        LibraryMaterial m = read();
        Database db = store.database();
        if (m == null || db == null) {
            return false;
        }
        if (editMode.get() == EditMode.ADD && idTaken(m.id())) {
            mark(MaterialEditField.ID, messages.get("library.idTaken", m.id()));
            return false;
        }
        EditMode mode = editMode.get();
        Integer expected = baseVersion;
        screen.run(() -> {
            if (mode == EditMode.ADD) {
                db.materials().add(m);
            } else {
                db.materials().update(m, "", expected);
            }
            return m;
        }, saved -> {
            editMode.set(EditMode.NONE);
            status.set(messages.get(mode == EditMode.ADD ? "library.added" : "library.updated", saved.id()));
            selected.set(saved);
            refresh();
        }, e -> {
            String title = messages.get(mode == EditMode.ADD ? "library.editor.add" : "library.editor.edit");
            switch (store.explainSaveFailure(title, e, false)) {
                case RELOAD -> {
                    refresh();
                    startEdit(db, m.id());
                }
                case SAVE_AS_NEW, EXPLAINED -> status.set(StoreScreen.failure(messages, e));
                case OTHER -> mark(MaterialEditField.ID, MessageWords.failure(e, messages));
            }
        });
        return true;
    }

    /** The material the editor describes, or null with its errors marked. */
    private LibraryMaterial read() {
        String id = value(MaterialEditField.ID);
        if (id.isEmpty()) {
            mark(MaterialEditField.ID, messages.get("library.required"));
        }
        Double purity = number(MaterialEditField.PURITY_PCT);
        Double price = number(MaterialEditField.PRICE_PER_KG);
        Double co2 = number(MaterialEditField.CO2_KG_PER_KG);
        if (price == null && !errors.containsKey(MaterialEditField.PRICE_PER_KG)) {
            mark(MaterialEditField.PRICE_PER_KG, messages.get("library.required"));
        }
        MaterialKind kind = editKind.get();
        ElementAmounts.Assay assay = null;
        String assayText = value(MaterialEditField.ASSAY);
        if (kind.isMetallic()) {
            try {
                assay = ElementAmounts.parseAssay(assayText, "Al");
            } catch (InputException e) {
                mark(MaterialEditField.ASSAY, e.localized(messages));
            }
        } else if (kind == MaterialKind.COMPOUND && assayText.isEmpty()) {
            mark(MaterialEditField.ASSAY, messages.get("library.formulaRequired"));
        }
        if (!errors.isEmpty()) {
            return null;
        }
        double co2Value = co2 == null ? 0 : co2;
        try {
            Material m = switch (kind) {
                case COMPOUND -> Material.compound(id, value(MaterialEditField.NAME), assayText, purity == null ? 100 : purity,
                        Map.of(), price, co2Value, null);
                case FLUX -> Material.flux(id, value(MaterialEditField.NAME), price, co2Value);
                default -> Material.metallic(id, value(MaterialEditField.NAME), kind, new Composition(assay.wtPct(), assay.balanceElement()),
                        price, co2Value);
            };
            if (base != null) {
                m = new Material(m.id(), m.name(), m.kind(), m.composition(), m.formula(), m.purityPct(), m.deliveredElement(),
                        base.recoveryPct(), m.pricePerKg(), m.co2KgPerKg(), base.minKg(), base.maxKg(), base.fixedKg(),
                        base.pieceMassKg(), kind == MaterialKind.COMPOUND ? base.flux() : null, kept(base.uncertainty(), m));
            }
            return LibraryMaterial.of(m, value(MaterialEditField.SOURCE), value(MaterialEditField.CONFIDENCE));
        } catch (IllegalArgumentException e) {
            mark(fieldOf(MessageWords.refusedField(e)), MessageWords.failure(e, messages));
            return null;
        }
    }

    /** The editor's field for the field an engine refusal names ({@code "pricePerKg"}). */
    static MaterialEditField fieldOf(String refusedField) {
        String s = refusedField;
        if (s.startsWith("pricePerKg")) {
            return MaterialEditField.PRICE_PER_KG;
        }
        if (s.startsWith("co2KgPerKg")) {
            return MaterialEditField.CO2_KG_PER_KG;
        }
        if (s.startsWith("purityPct")) {
            return MaterialEditField.PURITY_PCT;
        }
        if (s.equals("id")) {
            return MaterialEditField.ID;
        }
        return MaterialEditField.ASSAY;
    }

    private Double number(MaterialEditField f) {
        try {
            return Numbers.parseOptional(value(f));
        } catch (InputException e) {
            mark(f, e.localized(messages));
            return null;
        }
    }

    private void mark(MaterialEditField f, String why) {
        errors.put(f, messages.get("library.invalid", messages.label("library.field", f), value(f), why));
    }

    private String value(MaterialEditField f) {
        return texts.get(f).get().strip();
    }

    // ------------------------------------------------------------------ retire, files

    /** "History…": the selected material's entries in the audit log. */
    public void showHistory() {
        LibraryMaterial m = selected.get();
        if (m != null) {
            AuditHistory.show(store, dialogs, messages, AuditLog.MATERIAL, m.id(), m.id());
        }
    }

    /**
     * Removes the selected material after confirmation: the store deletes it only when no stored
     * recipe uses it, else retires it; the status says which.
     */
    public void retire() {
        LibraryMaterial m = selected.get();
        Database db = store.database();
        if (m == null || db == null || m.retired()
                || !dialogs.confirm(messages.get("library.retire.title"), messages.get("library.retire.confirm", m.id()))) {
            return;
        }
        screen.run(() -> db.materials().remove(m.id()), removal -> {
            status.set(messages.get(removal == MaterialRepository.Removal.RETIRED ? "library.retired" : "library.deleted", m.id()));
            refresh();
        }, this::failed);
    }

    /** Reads a materials JSON file and adds the materials whose ids are new; the others are named. */
    public void importFile() {
        screen.importFile(messages.get("library.import.title"), DialogService.FileKind.JSON_DATA, (db, file) -> {
            List<String> skipped = new ArrayList<>();
            int added = 0;
            List<LibraryMaterial> read = MaterialFiles.read(file);
            // Every one is checked (columns, price date) before the first is added, so that a bad one writes none.
            StoreScreen.checkEach(file, read, db.materials()::checkFits);
            for (LibraryMaterial m : read) {
                if (db.materials().find(m.id()).isPresent()) {
                    skipped.add(m.id());
                } else {
                    db.materials().add(m);
                    added++;
                }
            }
            return messages.get("library.imported", added, skipped.size(), String.join(", ", skipped));
        }, (file, text) -> status.set(text));
    }

    /** Writes the materials shown to a JSON file. */
    public void exportFile() {
        List<LibraryMaterial> out = List.copyOf(shown);
        screen.exportFile(messages.get("library.export.title"), DialogService.FileKind.JSON_DATA, "materials.json", null, (db, file) -> {
            AtomicFiles.writeString(file, MaterialFiles.toJson(out));
            return out.size();
        }, (file, n) -> status.set(messages.get("library.exported", n, file.toString())));
    }

    public void setMessages(Messages newMessages) {
        messages = Objects.requireNonNull(newMessages, "messages");
    }

    // ------------------------------------------------------------------ state for the view

    /** The materials matching the search (retired ones only when shown). */
    public ObservableList<LibraryMaterial> materials() {
        return shown;
    }

    public StringProperty searchProperty() {
        return search;
    }

    public BooleanProperty showRetiredProperty() {
        return showRetired;
    }

    public ObjectProperty<LibraryMaterial> selectedProperty() {
        return selected;
    }

    /** The selected material's price and CO2 points, oldest first. */
    public ObservableList<PricePoint> history() {
        return history;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Whether a database is open. */
    public ReadOnlyBooleanProperty availableProperty() {
        return screen.availableProperty();
    }

    public ObjectProperty<EditMode> editModeProperty() {
        return editMode;
    }

    public StringProperty text(MaterialEditField f) {
        return texts.get(f);
    }

    public ObjectProperty<MaterialKind> editKindProperty() {
        return editKind;
    }

    /** Field → message naming the field and its value, for the fields that cannot be used. */
    public ObservableMap<MaterialEditField, String> errors() {
        return errors;
    }

    /** Whether the user may add, edit and remove materials (the metallurgist role). */
    public RoleGate changeGate() {
        return changes;
    }

    public LibraryStore store() {
        return store;
    }

    /**
     * The edited material keeps the deviations the library stated for it, as far as they still apply (an
     * element no longer in its assay, or another kind, drops them).
     */
    private static MaterialUncertainty kept(MaterialUncertainty u, Material edited) {
        try {
            return edited.withUncertainty(u).uncertainty();
        } catch (IllegalArgumentException e) {
            return MaterialUncertainty.NONE;
        }
    }
}
