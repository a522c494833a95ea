package ca.scalloy.ui.lots;

import java.util.List;
import java.util.Objects;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import ca.scalloy.engine.heat.Lot;
import ca.scalloy.store.Database;
import ca.scalloy.ui.common.LibraryStore;
import ca.scalloy.ui.common.MessageWords;
import ca.scalloy.ui.common.Messages;
import ca.scalloy.ui.common.StoreScreen;

/**
 * The Lots screen: the received lots of materials with their certificate assays, newest first,
 * searched by lot number or material as one types; add a lot, or edit the selected one, in the
 * {@link LotEditorViewModel}. Database work runs through the store's background executor.
 */
public final class LotsViewModel {

    /** The most lots listed at once; a search narrows them. */
    static final int LIST_LIMIT = 500;

    private final LibraryStore store;
    private final StoreScreen screen;
    private Messages messages;
    private final LotEditorViewModel editor;

    private final ObservableList<Lot> lots = FXCollections.observableArrayList();
    private final StringProperty search = new SimpleStringProperty(this, "search", "");
    private final ObjectProperty<Lot> selected = new SimpleObjectProperty<>(this, "selected");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");

    public LotsViewModel(Messages messages, LibraryStore store) {
        this.messages = Objects.requireNonNull(messages, "messages");
        this.store = Objects.requireNonNull(store, "store");
        this.screen = new StoreScreen(store, this);
        this.editor = new LotEditorViewModel(messages, store);
        search.addListener((o, a, b) -> refresh());
        screen.follow(this::refresh);
    }

    /** Reads the lots again (those matching the search). */
    public void refresh() {
        refresh(null);
    }

    /** Reads the lots again; then shows {@code done} as the status (null: the count). */
    private void refresh(String done) {
        Database db = screen.forRefresh(lots::clear);
        if (db == null) {
            return;
        }
        String text = search.get();
        String keep = selected.get() == null ? null : selected.get().lotNumber();
        screen.run(() -> db.lots().list(text, LIST_LIMIT), list -> {
            if (!Objects.equals(text, search.get())) {
                return; // a newer search is on its way
            }
            lots.setAll(list);
            selected.set(keep == null ? null : list.stream().filter(l -> l.lotNumber().equals(keep)).findFirst().orElse(null));
            status.set(done != null ? done : list.size() >= LIST_LIMIT ? messages.get("lots.status.limited", LIST_LIMIT)
                    : messages.get("lots.status.count", list.size()));
        }, e -> status.set(messages.get("lots.status.failed", MessageWords.failure(e, messages))));
    }

    /** Opens the editor on a new lot. */
    public void add() {
        editor.openNew("", "", this::saved);
    }

    /** Opens the editor on the selected lot. */
    public void edit() {
        Lot lot = selected.get();
        if (lot != null) {
            editor.openEdit(lot, this::saved);
        }
    }

    private void saved(Lot lot) {
        selected.set(lot);
        refresh(messages.get("lots.status.saved", lot.lotNumber()));
    }

    /** The lots listed. */
    public ObservableList<Lot> lots() {
        return lots;
    }

    /** A lot number or material id to look for, as typed. */
    public StringProperty searchProperty() {
        return search;
    }

    public ObjectProperty<Lot> selectedProperty() {
        return selected;
    }

    public LotEditorViewModel editor() {
        return editor;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Whether a database is open. */
    public ReadOnlyBooleanProperty availableProperty() {
        return screen.availableProperty();
    }

    public LibraryStore store() {
        return store;
    }

    /** The assays listed, in words ("Fe 0.08 %, Na 20 ppm"), each in the plant's unit for it, for the table. */
    static String assayWords(Lot lot, Messages messages) {
        List<String> parts = lot.assayWtPct().entrySet().stream()
                .map(e -> e.getKey() + " " + messages.quantities().content(e.getKey(), e.getValue())).toList();
        return String.join(", ", parts);
    }

    /** Words from now on in the language of {@code newMessages}. */
    public void setMessages(Messages newMessages) {
        messages = Objects.requireNonNull(newMessages, "messages");
        editor.setMessages(newMessages);
    }
}
