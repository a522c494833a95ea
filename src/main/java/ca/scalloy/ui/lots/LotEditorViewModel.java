package ca.scalloy.ui.lots;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;

import ca.scalloy.engine.heat.Lot;
import ca.scalloy.engine.library.LibraryMaterial;
import ca.scalloy.store.ColumnLimits;
import ca.scalloy.store.Database;
import ca.scalloy.engine.Role;
import ca.scalloy.store.TextTooLongException;
import ca.scalloy.ui.common.ChoiceLists;
import ca.scalloy.ui.common.ElementAmounts;
import ca.scalloy.ui.common.InputException;
import ca.scalloy.ui.common.LibraryStore;
import ca.scalloy.ui.common.MessageWords;
import ca.scalloy.ui.common.Messages;
import ca.scalloy.ui.common.Numbers;
import ca.scalloy.ui.common.RoleGate;

/**
 * The editor of one lot: its number, material, certificate assay ("Fe=0.08, Si=0.04"), a compound's
 * certified purity and the certificate's reference. Every field is checked before the store is
 * asked, each error naming the field and its value; a save adds the lot (or changes it) through the
 * store's worker, audited there. Used by the Lots screen and by the Heats screen when a weighing names
 * a lot the library does not know.
 */
public final class LotEditorViewModel {

    /** The editor's fields, for their validation marks. */
    public enum Field { LOT_NUMBER, MATERIAL, ASSAY, PURITY_PCT, CERTIFICATE, REASON }

    private final LibraryStore store;
    private Messages messages;
    private final RoleGate gate;

    private final ReadOnlyBooleanWrapper shown = new ReadOnlyBooleanWrapper(this, "shown");
    private final ReadOnlyBooleanWrapper editing = new ReadOnlyBooleanWrapper(this, "editing");
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final Map<Field, StringProperty> texts = new LinkedHashMap<>();
    private final ObservableMap<Field, String> errors = FXCollections.observableHashMap();
    private final ObservableList<String> materialIds = FXCollections.observableArrayList();
    private Instant receivedAt;
    private Consumer<Lot> onSaved = lot -> { };

    LotEditorViewModel(Messages messages, LibraryStore store) {
        this.messages = Objects.requireNonNull(messages, "messages");
        this.store = Objects.requireNonNull(store, "store");
        this.gate = store.gate(Role.METALLURGIST, Role.OPERATOR);
        for (Field f : Field.values()) {
            texts.put(f, new SimpleStringProperty(this, f.name(), ""));
        }
    }

    /** An editor over {@code store}, for another screen that offers to create a lot. */
    public static LotEditorViewModel of(Messages messages, LibraryStore store) {
        return new LotEditorViewModel(messages, store);
    }

    /**
     * Opens the editor for a new lot, prefilled (either may be blank).
     *
     * @param onSaved told the lot once it is stored
     */
    public void openNew(String lotNumber, String materialId, Consumer<Lot> onSaved) {
        this.onSaved = Objects.requireNonNull(onSaved, "onSaved");
        clear();
        receivedAt = null;
        text(Field.LOT_NUMBER).set(Objects.requireNonNullElse(lotNumber, ""));
        text(Field.MATERIAL).set(Objects.requireNonNullElse(materialId, ""));
        editing.set(false);
        title.set(messages.get("lots.editor.new"));
        open();
    }

    /** Opens the editor on a stored lot: its number stays, the rest may change. */
    public void openEdit(Lot lot, Consumer<Lot> onSaved) {
        this.onSaved = Objects.requireNonNull(onSaved, "onSaved");
        clear();
        receivedAt = lot.receivedAt();
        text(Field.LOT_NUMBER).set(lot.lotNumber());
        text(Field.MATERIAL).set(lot.materialId());
        text(Field.ASSAY).set(ElementAmounts.format(lot.assayWtPct(), messages.locale()));
        text(Field.PURITY_PCT).set(Numbers.forInput(lot.purityPct(), messages.locale()));
        text(Field.CERTIFICATE).set(lot.certificate());
        editing.set(true);
        title.set(messages.get("lots.editor.edit", lot.lotNumber()));
        open();
    }

    private void clear() {
        errors.clear();
        message.set("");
        texts.values().forEach(t -> t.set(""));
    }

    private void open() {
        shown.set(true);
        Database db = store.database();
        if (db != null) {
            store.executor().run(() -> db.materials().list(false).stream().map(LibraryMaterial::id).toList(),
                    ids -> ChoiceLists.refresh(materialIds, ids), e -> message.set(MessageWords.failure(e, messages)));
        }
    }

    /** Closes the editor without saving. */
    public void cancel() {
        shown.set(false);
        errors.clear();
        message.set("");
    }

    /**
     * Checks every field and, when all are good, stores the lot; the editor closes once it is stored.
     *
     * @return whether the lot was handed to the store (false: a field is marked, or no database)
     */
    public boolean save() {
        errors.clear();
        message.set("");
        Database db = store.database();
        Lot lot = read(db);
        if (lot == null || db == null) {
            return false;
        }
        boolean edit = editing.get();
        String reason = value(Field.REASON);
        store.executor().run(() -> {
            if (edit) {
                db.lots().update(lot, reason);
            } else {
                db.lots().add(lot, reason);
            }
            return lot;
        }, saved -> {
            shown.set(false);
            onSaved.accept(saved);
        }, e -> {
            if (e instanceof TextTooLongException t) {
                mark(fieldNamed(t.field()), messages.get("lots.error.tooLong", t.length(), t.limit()));
            } else if (store.explainSaveFailure(title.get(), e, false) == LibraryStore.SaveProblem.OTHER) {
                message.set(messages.get("lots.error.refused", MessageWords.failure(e, messages)));
            }
        });
        return true;
    }

    private Lot read(Database db) {
        String number = value(Field.LOT_NUMBER);
        if (number.isEmpty()) {
            mark(Field.LOT_NUMBER, messages.get("lots.error.required"));
        }
        length(Field.LOT_NUMBER, number, ColumnLimits.NUMBER);
        String material = value(Field.MATERIAL);
        if (material.isEmpty()) {
            mark(Field.MATERIAL, messages.get("lots.error.required"));
        } else if (!materialIds.isEmpty() && !materialIds.contains(material)) {
            mark(Field.MATERIAL, messages.get("lots.error.unknownMaterial", material));
        }
        Map<String, Double> assay = Map.of();
        try {
            assay = ElementAmounts.parse(value(Field.ASSAY));
        } catch (InputException e) {
            mark(Field.ASSAY, e.localized(messages));
        }
        Double purity = null;
        String purityText = value(Field.PURITY_PCT);
        try {
            purity = Numbers.parseOptional(purityText);
            if (purity != null && (purity <= 0 || purity > 100)) {
                mark(Field.PURITY_PCT, messages.get("lots.error.purity", purityText));
            }
        } catch (InputException e) {
            mark(Field.PURITY_PCT, e.localized(messages));
        }
        length(Field.CERTIFICATE, value(Field.CERTIFICATE), ColumnLimits.TEXT);
        length(Field.REASON, value(Field.REASON), ColumnLimits.TEXT);
        if (!errors.isEmpty()) {
            return null;
        }
        try {
            return new Lot(number, material, assay, purity, value(Field.CERTIFICATE),
                    receivedAt != null ? receivedAt : Instant.now(db == null ? java.time.Clock.systemUTC() : db.clock()));
        } catch (IllegalArgumentException e) {
            // The engine refuses an assay it cannot keep (a share outside 0-100 %, a sum above 100 %).
            mark(Field.ASSAY, messages.get("lots.error.assay", value(Field.ASSAY), MessageWords.failure(e, messages)));
            return null;
        }
    }

    private void length(Field f, String value, int limit) {
        if (value.length() > limit && !errors.containsKey(f)) {
            mark(f, messages.get("lots.error.tooLong", value.length(), limit));
        }
    }

    private static Field fieldNamed(String storeField) {
        return switch (storeField) {
            case "lot number" -> Field.LOT_NUMBER;
            case "material" -> Field.MATERIAL;
            case "certificate" -> Field.CERTIFICATE;
            default -> Field.REASON;
        };
    }

    private void mark(Field f, String problem) {
        errors.put(f, messages.get("lots.error.field", messages.get("lots.field." + f.name()), problem));
    }

    private String value(Field f) {
        return Objects.requireNonNullElse(texts.get(f).get(), "").strip();
    }

    /** Words from now on in the language of {@code newMessages}. */
    public void setMessages(Messages newMessages) {
        messages = Objects.requireNonNull(newMessages, "messages");
    }

    /** The text of one field, as typed. */
    public StringProperty text(Field f) {
        return texts.get(f);
    }

    /** Field → what is wrong with it, naming the field and its value. */
    public ObservableMap<Field, String> errors() {
        return errors;
    }

    /** The ids of the library's materials, for the material field's choices. */
    public ObservableList<String> materialIds() {
        return materialIds;
    }

    public ReadOnlyBooleanProperty shownProperty() {
        return shown.getReadOnlyProperty();
    }

    /** Whether a stored lot is edited (its number cannot change) rather than a new one added. */
    public ReadOnlyBooleanProperty editingProperty() {
        return editing.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /** Why the store refused the lot, or "". */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Whether the user may add and change lots (metallurgist or operator). */
    public RoleGate gate() {
        return gate;
    }
}
