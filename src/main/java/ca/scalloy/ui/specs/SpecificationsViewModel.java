package ca.scalloy.ui.specs;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;
import javafx.collections.transformation.FilteredList;

import ca.scalloy.engine.Message;
import ca.scalloy.engine.MessageException;
import ca.scalloy.engine.library.SpecificationVersion;
import ca.scalloy.engine.spec.ElementLimit;
import ca.scalloy.engine.spec.PropertyRequirement;
import ca.scalloy.engine.spec.Specification;
import ca.scalloy.io.AtomicFiles;
import ca.scalloy.io.SpecificationFiles;
import ca.scalloy.store.Database;
import ca.scalloy.engine.Role;
import ca.scalloy.store.SpecificationRepository;
import ca.scalloy.ui.common.ChoiceLists;
import ca.scalloy.ui.common.DialogService;
import ca.scalloy.ui.common.InputException;
import ca.scalloy.ui.common.LibraryStore;
import ca.scalloy.ui.common.MessageWords;
import ca.scalloy.ui.common.Messages;
import ca.scalloy.ui.common.Numbers;
import ca.scalloy.ui.common.RoleGate;
import ca.scalloy.ui.common.StoreScreen;

/**
 * The Specifications screen: specifications by sector, an editor for the selected one (element
 * limits in a table, others each and total, property requirements), its source and confidence
 * always shown, save as a new version, the version history, and JSON import and export.
 */
public final class SpecificationsViewModel {

    private final LibraryStore store;
    private final StoreScreen screen;
    private final DialogService dialogs;
    private Messages messages;

    private final ObservableList<Specification> all = FXCollections.observableArrayList();
    private final FilteredList<Specification> shown = new FilteredList<>(all);
    private final ObservableList<String> sectors = FXCollections.observableArrayList();
    /** The sector shown, or empty for all. */
    private final StringProperty sector = new SimpleStringProperty(this, "sector", "");
    private final ObjectProperty<Specification> selected = new SimpleObjectProperty<>(this, "selected");
    private final ObservableList<SpecificationVersion> history = FXCollections.observableArrayList();
    /** 1 wt% is 10^4 ppm: the decimal point moves four places (exactly, so that 100 ppm is 0.01 wt% and back). */
    private static final int PPM_DIGITS = 4;

    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyStringWrapper provenance = new ReadOnlyStringWrapper(this, "provenance", "");

    private final Map<SpecField, StringProperty> texts = new EnumMap<>(SpecField.class);
    private final Map<PropertyRequirement.Property, StringProperty> propertyTexts = new EnumMap<>(PropertyRequirement.Property.class);
    private final ObservableList<LimitRow> limits = FXCollections.observableArrayList();
    private final ObservableMap<SpecField, String> errors = FXCollections.observableHashMap();
    private final ObservableList<String> allErrors = FXCollections.observableArrayList();
    /** The stored specification and version the editor started from, or null for a new one: a save is checked against it. */
    private String editingName;
    private Integer editingVersion;
    private final RoleGate changes;

    public SpecificationsViewModel(Messages messages, LibraryStore store, DialogService dialogs) {
        this.messages = Objects.requireNonNull(messages, "messages");
        this.store = Objects.requireNonNull(store, "store");
        this.screen = new StoreScreen(store, this);
        this.dialogs = Objects.requireNonNull(dialogs, "dialogs");
        this.changes = store.gate(Role.METALLURGIST);
        for (SpecField f : SpecField.values()) {
            texts.put(f, new SimpleStringProperty(this, f.name(), ""));
        }
        for (PropertyRequirement.Property p : PropertyRequirement.Property.values()) {
            propertyTexts.put(p, new SimpleStringProperty(this, p.name(), ""));
        }
        texts.get(SpecField.SOURCE).addListener((o, a, b) -> updateProvenance());
        texts.get(SpecField.CONFIDENCE).addListener((o, a, b) -> updateProvenance());
        sector.addListener((o, a, b) -> shown.setPredicate(s -> b == null || b.isEmpty() || s.sector().equals(b)));
        updateProvenance();
        selected.addListener((o, a, b) -> {
            if (b != null) {
                load(b);
            }
            loadHistory(b);
        });
        screen.follow(this::refresh);
    }

    /** Reads the specifications again. */
    public void refresh() {
        Database db = screen.forRefresh(() -> {
            all.clear();
            history.clear();
        });
        if (db == null) {
            return;
        }
        String keep = selected.get() == null ? null : selected.get().name();
        screen.run(() -> db.specifications().list(), list -> {
            all.setAll(list);
            TreeSet<String> s = new TreeSet<>(Specification.KNOWN_SECTORS);
            list.forEach(x -> s.add(x.sector()));
            List<String> withAll = new ArrayList<>();
            withAll.add("");
            withAll.addAll(s);
            ChoiceLists.refresh(sectors, withAll);
            Specification again = list.stream().filter(x -> x.name().equals(keep)).findFirst()
                    .orElse(keep == null && !list.isEmpty() && text(SpecField.NAME).get().isBlank() ? list.get(0) : null);
            if (again != null && again.equals(selected.get())) {
                loadHistory(again);
            }
            selected.set(again);
        }, this::failed);
    }

    private void loadHistory(Specification s) {
        Database db = store.database();
        if (s == null || db == null) {
            history.clear();
            return;
        }
        screen.run(() -> db.specifications().history(s.name()), h -> {
            List<SpecificationVersion> newestFirst = new ArrayList<>(h);
            java.util.Collections.reverse(newestFirst);
            history.setAll(newestFirst);
            if (s.name().equals(editingName)) {
                // The newest version that is what the editor shows: the list and the history are two reads.
                editingVersion = newestFirst.stream().filter(v -> v.specification().equals(s)).map(SpecificationVersion::version)
                        .findFirst().orElse(newestFirst.isEmpty() ? null : newestFirst.get(0).version());
            }
        }, this::failed);
    }

    private void failed(Throwable e) {
        status.set(StoreScreen.failure(messages, e));
    }

    /** Puts {@code s} in the editor. */
    private void load(Specification s) {
        editingName = s.name();
        editingVersion = null;
        Locale locale = messages.locale();
        errors.clear();
        allErrors.clear();
        text(SpecField.NAME).set(s.name());
        text(SpecField.SECTOR).set(s.sector());
        text(SpecField.REVISION).set(s.revision());
        text(SpecField.SOURCE).set(s.source());
        text(SpecField.CONFIDENCE).set(s.confidence());
        text(SpecField.OTHERS_EACH_MAX_PCT).set(Numbers.forInput(s.othersEachMaxPct(), locale));
        text(SpecField.OTHERS_TOTAL_MAX_PCT).set(Numbers.forInput(s.othersTotalMaxPct(), locale));
        List<LimitRow> rows = new ArrayList<>();
        for (ElementLimit l : s.limits()) {
            LimitRow r = limitRow();
            r.elementProperty().set(l.element());
            r.minPctProperty().set(Numbers.forInput(shown(r, l.minPct()), locale));
            r.maxPctProperty().set(Numbers.forInput(shown(r, l.maxPct()), locale));
            rows.add(r);
        }
        limits.setAll(rows);
        propertyTexts.values().forEach(t -> t.set(""));
        for (PropertyRequirement p : s.properties()) {
            propertyTexts.get(p.property()).set(Numbers.forInput(p.value(), locale));
        }
        updateProvenance();
    }

    private void updateProvenance() {
        String source = text(SpecField.SOURCE).get().strip();
        String tag = text(SpecField.CONFIDENCE).get().strip();
        provenance.set(messages.get("specs.provenance", source.isEmpty() ? messages.get("specs.noSource") : source,
                tag.isEmpty() ? messages.get("specs.noTag") : tag));
    }

    /** Starts a new specification in the editor (in the sector shown, if any). */
    public void newSpecification() {
        selected.set(null);
        editingName = null;
        editingVersion = null;
        history.clear();
        errors.clear();
        allErrors.clear();
        texts.values().forEach(t -> t.set(""));
        propertyTexts.values().forEach(t -> t.set(""));
        text(SpecField.SECTOR).set(sector.get() == null || sector.get().isEmpty() ? "MASTER_ALLOY" : sector.get());
        text(SpecField.CONFIDENCE).set("est");
        limits.clear();
        addLimit();
    }

    public LimitRow addLimit() {
        LimitRow r = limitRow();
        limits.add(r);
        return r;
    }

    /** A row whose unit follows its element: ppm for an element in the plant's ppm list, else wt%. */
    private LimitRow limitRow() {
        LimitRow r = new LimitRow();
        r.elementProperty().addListener((o, a, b) -> r.setInPpm(messages.quantities().inPpm(b.strip())));
        return r;
    }

    /** A stored content (wt%, or null) as the row shows it: in ppm when the row is (0.01 wt% is 100 ppm). */
    private static Double shown(LimitRow r, Double wtPct) {
        if (wtPct == null || !r.inPpmProperty().get()) {
            return wtPct;
        }
        return BigDecimal.valueOf(wtPct).movePointRight(PPM_DIGITS).doubleValue();
    }

    /** A content as typed in the row (ppm or wt%, or null) in wt%, as it is stored: 100 ppm is 0.01 wt%. */
    private static Double stored(LimitRow r, Double typed) {
        if (typed == null || !r.inPpmProperty().get()) {
            return typed;
        }
        return BigDecimal.valueOf(typed).movePointLeft(PPM_DIGITS).doubleValue();
    }

    public void removeLimit(LimitRow row) {
        limits.remove(row);
    }

    /**
     * Checks the editor and saves it as a new version (version 1 of a new name). Each faulty field
     * is named with its value.
     *
     * @return whether the specification could be read and was sent to the database
     */
    public boolean save() {
        Specification spec = read();
        Database db = store.database();
        if (spec == null || db == null) {
            return false;
        }
        Integer basedOn = spec.name().equals(editingName) ? editingVersion : null;
        save(db, spec, basedOn, basedOn != null);
        return true;
    }

    /**
     * Saves {@code spec}: with {@code checked}, as the version after {@code basedOn}, refused when
     * someone saved another since (the user then chooses); otherwise created, or added on top (a new
     * name, or "save as a new version").
     */
    private void save(Database db, Specification spec, Integer basedOn, boolean checked) {
        String title = messages.withoutMnemonic("specs.save");
        screen.run(() -> checked ? db.specifications().update(spec, "", basedOn) : db.specifications().save(spec), v -> {
            status.set(messages.get("specs.saved", spec.name(), v.version()));
            selected.set(null);
            selected.set(spec);
            refresh();
        }, e -> {
            switch (store.explainSaveFailure(title, e, true)) {
                case SAVE_AS_NEW -> save(db, spec, null, false);
                case RELOAD -> reload(db, spec.name());
                case EXPLAINED -> allErrors.setAll(MessageWords.failure(e, messages));
                case OTHER -> allErrors.setAll(MessageWords.failure(e, messages));
            }
        });
    }

    /** Reads the specifications again and puts the stored {@code name} in the editor, replacing the edits. */
    private void reload(Database db, String name) {
        screen.run(() -> db.specifications().list(), list -> {
            all.setAll(list);
            selected.set(null);
            selected.set(list.stream().filter(x -> x.name().equals(name)).findFirst().orElse(null));
        }, this::failed);
    }

    private Specification read() {
        errors.clear();
        allErrors.clear();
        String name = text(SpecField.NAME).get().strip();
        if (name.isEmpty()) {
            mark(SpecField.NAME, messages.get("library.required"));
        }
        String sectorText = text(SpecField.SECTOR).get().strip().toUpperCase(Locale.ROOT);
        if (!sectorText.matches("[A-Z][A-Z0-9_]*")) {
            mark(SpecField.SECTOR, messages.get("specs.sectorWord"));
        }
        Double each = number(SpecField.OTHERS_EACH_MAX_PCT);
        Double total = number(SpecField.OTHERS_TOTAL_MAX_PCT);
        // The engine's own checks of these, asked here so that the field they concern is the one marked.
        for (SpecField f : List.of(SpecField.OTHERS_EACH_MAX_PCT, SpecField.OTHERS_TOTAL_MAX_PCT)) {
            Double v = f == SpecField.OTHERS_EACH_MAX_PCT ? each : total;
            if (v != null && !(v >= 0 && v <= 100)) {
                mark(f, messages.get("specs.othersRange"));
            }
        }
        if (each != null && total != null && each > total && !errors.containsKey(SpecField.OTHERS_EACH_MAX_PCT)) {
            mark(SpecField.OTHERS_EACH_MAX_PCT, messages.get("specs.othersEachAboveTotal", messages.label("specs.field",
                    SpecField.OTHERS_TOTAL_MAX_PCT)));
        }
        List<ElementLimit> parsed = new ArrayList<>();
        for (int i = 0; i < limits.size(); i++) {
            LimitRow r = limits.get(i);
            String element = r.elementProperty().get().strip();
            if (element.isEmpty() && r.minPctProperty().get().isBlank() && r.maxPctProperty().get().isBlank()) {
                continue;
            }
            String where = messages.get("specs.limitWhere", i + 1, element);
            try {
                ElementLimit limit = new ElementLimit(element, stored(r, Numbers.parseOptional(r.minPctProperty().get())),
                        stored(r, Numbers.parseOptional(r.maxPctProperty().get())));
                if (parsed.stream().anyMatch(l -> l.element().equals(limit.element()))) {
                    allErrors.add(messages.get("specs.limitError", where, messages.get("specs.limitTwice")));
                } else {
                    parsed.add(limit);
                }
            } catch (InputException e) {
                allErrors.add(messages.get("specs.limitError", where, e.localized(messages)));
            } catch (MessageException e) {
                allErrors.add(messages.get("specs.limitError", where, rowWords(e, r.inPpmProperty().get())));
            } catch (IllegalArgumentException e) {
                allErrors.add(messages.get("specs.limitError", where, MessageWords.failure(e, messages)));
            }
        }
        List<PropertyRequirement> props = new ArrayList<>();
        for (Map.Entry<PropertyRequirement.Property, StringProperty> e : propertyTexts.entrySet()) {
            String label = messages.label("specs.property", e.getKey());
            try {
                Double v = Numbers.parseOptional(e.getValue().get());
                if (v != null) {
                    props.add(new PropertyRequirement(e.getKey(), v));
                }
            } catch (InputException x) {
                allErrors.add(messages.get("library.invalid", label, e.getValue().get().strip(), x.localized(messages)));
            } catch (IllegalArgumentException x) {
                allErrors.add(messages.get("library.invalid", label, e.getValue().get().strip(), MessageWords.failure(x, messages)));
            }
        }
        if (!allErrors.isEmpty()) {
            return null;
        }
        try {
            return new Specification(name, sectorText, text(SpecField.REVISION).get().strip(), parsed, each, total, props,
                    text(SpecField.SOURCE).get().strip(), text(SpecField.CONFIDENCE).get().strip());
        } catch (IllegalArgumentException e) {
            // A field the engine refuses is checked above and marked there; what is left concerns the whole.
            allErrors.add(MessageWords.failure(e, messages));
            return null;
        }
    }

    /**
     * The engine's refusal of one row's limit, in words under the row's prefix, which already names the element: the
     * sentence leaves it out ("Limit 6 (Be): the min 500 ppm is above the max 50 ppm", not "…: Be: the min…"). In a
     * ppm row the contents are said in ppm, as typed (the engine works in wt%).
     */
    private String rowWords(MessageException e, boolean ppm) {
        Message m = e.message();
        String inRow = ROW_REFUSALS.contains(m.code()) ? ".inRow" : "";
        if (ppm && PPM_REFUSALS.contains(m.code())) {
            Object[] args = m.args().stream()
                    .map(a -> a instanceof Double wtPct ? BigDecimal.valueOf(wtPct).movePointRight(PPM_DIGITS).doubleValue() : a).toArray();
            return messages.get(m.code() + "Ppm" + inRow, args);
        }
        return inRow.isEmpty() ? MessageWords.failure(e, messages)
                : MessageWords.of(new Message(m.code() + inRow, m.args(), m.english()), messages);
    }

    /** The engine's refusals of a limit whose numbers are contents, which have a ppm wording ({@code code + "Ppm"}). */
    private static final List<String> PPM_REFUSALS = List.of("specs.refusal.minRange", "specs.refusal.maxRange",
            "specs.refusal.minAboveMax");
    /** The engine's refusals that name the element first, which have a wording without it ({@code code + ".inRow"}). */
    private static final List<String> ROW_REFUSALS = List.of("specs.refusal.noBound", "specs.refusal.minRange",
            "specs.refusal.maxRange", "specs.refusal.minAboveMax");

    private Double number(SpecField f) {
        try {
            return Numbers.parseOptional(text(f).get());
        } catch (InputException e) {
            mark(f, e.localized(messages));
            return null;
        }
    }

    private void mark(SpecField f, String why) {
        String text = messages.get("library.invalid", messages.label("specs.field", f), text(f).get().strip(), why);
        errors.put(f, text);
        allErrors.add(text);
    }

    /** Reads a specifications JSON file; each one is created or saved as a new version of its name. */
    public void importFile() {
        screen.importFile(messages.get("specs.import.title"), DialogService.FileKind.JSON_DATA, (db, file) -> {
            List<Specification> specs = SpecificationFiles.read(file);
            // Every one is checked against the columns first, so that a bad one writes none.
            StoreScreen.checkEach(file, specs, SpecificationRepository::checkFits);
            specs.forEach(db.specifications()::save);
            return specs.size();
        }, (file, n) -> status.set(messages.get("specs.imported", n, file.toString())));
    }

    /** Writes the specifications shown to a JSON file. */
    public void exportFile() {
        List<Specification> out = List.copyOf(shown);
        screen.exportFile(messages.get("specs.export.title"), DialogService.FileKind.JSON_DATA, "specifications.json", null, (db, file) -> {
            AtomicFiles.writeString(file, SpecificationFiles.toJson(out));
            return out.size();
        }, (file, n) -> status.set(messages.get("specs.exported", n, file.toString())));
    }

    public void setMessages(Messages newMessages) {
        messages = Objects.requireNonNull(newMessages, "messages");
        updateProvenance();
    }

    // ------------------------------------------------------------------ state for the view

    public ObservableList<Specification> specifications() {
        return shown;
    }

    /** The sectors to filter by; the empty string stands for all. */
    public ObservableList<String> sectors() {
        return sectors;
    }

    public StringProperty sectorProperty() {
        return sector;
    }

    public ObjectProperty<Specification> selectedProperty() {
        return selected;
    }

    /** The selected specification's versions, newest first. */
    public ObservableList<SpecificationVersion> history() {
        return history;
    }

    public StringProperty text(SpecField f) {
        return texts.get(f);
    }

    public StringProperty propertyText(PropertyRequirement.Property p) {
        return propertyTexts.get(p);
    }

    public ObservableList<LimitRow> limits() {
        return limits;
    }

    public ObservableMap<SpecField, String> errors() {
        return errors;
    }

    /** Whether the user may save and import specifications (the metallurgist role). */
    public RoleGate changeGate() {
        return changes;
    }

    /** Every error of the last save, in words naming the field and value. */
    public ObservableList<String> allErrors() {
        return allErrors;
    }

    /** "Source: … · Confidence: …" of the specification in the editor. */
    public ReadOnlyStringProperty provenanceProperty() {
        return provenance.getReadOnlyProperty();
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
