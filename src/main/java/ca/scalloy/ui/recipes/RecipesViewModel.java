package ca.scalloy.ui.recipes;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

import ca.scalloy.engine.charge.Recipe;
import ca.scalloy.engine.library.FieldChange;
import ca.scalloy.engine.library.RecipeDiff;
import ca.scalloy.engine.library.RecipeSummary;
import ca.scalloy.engine.library.RecipeVersion;
import ca.scalloy.store.AuditLog;
import ca.scalloy.store.Database;
import ca.scalloy.ui.common.AuditHistory;
import ca.scalloy.ui.common.DialogService;
import ca.scalloy.ui.common.LibraryStore;
import ca.scalloy.ui.common.Messages;
import ca.scalloy.ui.common.StoreScreen;

/**
 * The Recipes screen: the recipes stored in the library (searchable), the versions of the selected
 * one with the fields each changed from the one before, opening a version in the Batch screen and
 * restoring an old version as the newest.
 */
public final class RecipesViewModel {

    /** Opens a stored recipe in the Batch screen. */
    @FunctionalInterface
    public interface Opener {
        /**
         * @param label   what the Batch screen calls the document, e.g. "AlSc2 oxide route v3"
         * @param version the stored version opened, which a save to the library then starts from
         */
        void open(Recipe recipe, String label, int version);
    }

    /**
     * A version with what changed since the version before it (everything is new in version 1).
     *
     * @param materialNames the name of each material by id in this version or the one before (a removed one is named too)
     */
    public record VersionRow(RecipeVersion version, List<FieldChange> changes, Map<String, String> materialNames) {

        public VersionRow {
            materialNames = Map.copyOf(materialNames);
        }
    }

    private final LibraryStore store;
    private final StoreScreen screen;
    private final DialogService dialogs;
    private final Opener opener;
    private Messages messages;

    private final StringProperty search = new SimpleStringProperty(this, "search", "");
    private final ObservableList<RecipeSummary> recipes = FXCollections.observableArrayList();
    private final ObjectProperty<RecipeSummary> selected = new SimpleObjectProperty<>(this, "selected");
    private final ObservableList<VersionRow> versions = FXCollections.observableArrayList();
    private final ObjectProperty<VersionRow> selectedVersion = new SimpleObjectProperty<>(this, "selectedVersion");
    private final ObservableList<String> changes = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");

    public RecipesViewModel(Messages messages, LibraryStore store, DialogService dialogs, Opener opener) {
        this.messages = Objects.requireNonNull(messages, "messages");
        this.store = Objects.requireNonNull(store, "store");
        this.screen = new StoreScreen(store, this);
        this.dialogs = Objects.requireNonNull(dialogs, "dialogs");
        this.opener = Objects.requireNonNull(opener, "opener");
        search.addListener((o, a, b) -> refresh());
        selected.addListener((o, a, b) -> loadVersions(b));
        selectedVersion.addListener((o, a, b) -> showChanges(b));
        screen.follow(this::refresh);
    }

    /** Reads the list again (a recipe saved from the Batch screen appears). */
    public void refresh() {
        Database db = screen.forRefresh(() -> {
            recipes.clear();
            versions.clear();
        });
        if (db == null) {
            return;
        }
        String text = search.get().strip();
        String keep = selected.get() == null ? null : selected.get().name();
        screen.run(() -> text.isEmpty() ? db.recipes().list() : db.recipes().search(text), list -> {
            recipes.setAll(list);
            RecipeSummary again = list.stream().filter(r -> r.name().equals(keep)).findFirst().orElse(null);
            if (again != null && again.equals(selected.get())) {
                loadVersions(again);
            }
            selected.set(again);
        }, this::failed);
    }

    private void loadVersions(RecipeSummary r) {
        Database db = store.database();
        if (r == null || db == null) {
            versions.clear();
            return;
        }
        screen.run(() -> rows(db.recipes().history(r.name())), rows -> {
            versions.setAll(rows);
            selectedVersion.set(rows.isEmpty() ? null : rows.get(0));
        }, this::failed);
    }

    /** Newest first, each with its changes from the one before. */
    static List<VersionRow> rows(List<RecipeVersion> history) {
        List<VersionRow> out = new ArrayList<>();
        for (int i = 0; i < history.size(); i++) {
            RecipeVersion v = history.get(i);
            Map<String, String> names = new HashMap<>();
            if (i > 0) {
                history.get(i - 1).recipe().materials().forEach(m -> names.put(m.id(), m.name()));
            }
            v.recipe().materials().forEach(m -> names.put(m.id(), m.name()));
            out.add(0, new VersionRow(v, i == 0 ? List.of() : RecipeDiff.between(history.get(i - 1).recipe(), v.recipe()), names));
        }
        return out;
    }

    private void showChanges(VersionRow row) {
        if (row == null) {
            changes.clear();
            return;
        }
        if (row.version().version() == 1) {
            changes.setAll(messages.get("recipes.firstVersion"));
            return;
        }
        if (row.changes().isEmpty()) {
            changes.setAll(messages.get("recipes.noChange"));
            return;
        }
        changes.setAll(row.changes().stream().map(c -> describe(c, row.materialNames())).toList());
    }

    /** A change in words: the field as a metallurgist says it (materials by name), the values as the user reads them. */
    String describe(FieldChange c, Map<String, String> materialNames) {
        String field = RecipeFieldWords.of(c.field(), messages, id -> materialNames.getOrDefault(id, id));
        if (c.before() == null) {
            return messages.get("recipes.change.added", field, value(c.field(), c.after()));
        }
        if (c.after() == null) {
            return messages.get("recipes.change.removed", field, value(c.field(), c.before()));
        }
        return messages.get("recipes.change.changed", field, value(c.field(), c.before()), value(c.field(), c.after()));
    }

    /**
     * A changed value as the user reads it: a number in the user's style ("1 000,5" in French), an objective or a
     * material kind in words, any other text as it is.
     */
    private String value(String field, String raw) {
        String enumPrefix = field.equals("objective") ? "objective" : field.endsWith("].kind") ? "kind" : null;
        if (enumPrefix != null && messages.has(enumPrefix + "." + raw)) {
            return messages.get(enumPrefix + "." + raw);
        }
        try {
            return messages.quantities().number(Double.parseDouble(raw), 0, 6);
        } catch (NumberFormatException notANumber) {
            return raw;
        }
    }

    private void failed(Throwable e) {
        status.set(StoreScreen.failure(messages, e));
    }

    /** Opens the selected version in the Batch screen. */
    public void openInBatch() {
        VersionRow row = selectedVersion.get();
        if (row != null) {
            Recipe r = row.version().recipe();
            opener.open(r, messages.get("recipes.label", r.name(), row.version().version()), row.version().version());
        }
    }

    /** "History…": the selected recipe's entries in the audit log. */
    public void showHistory() {
        RecipeSummary r = selected.get();
        if (r != null) {
            AuditHistory.show(store, dialogs, messages, AuditLog.RECIPE, r.name(), r.name());
        }
    }

    /** Saves the selected (older) version again as the newest, after confirmation. */
    public void restoreAsNew() {
        VersionRow row = selectedVersion.get();
        RecipeSummary r = selected.get();
        Database db = store.database();
        if (row == null || r == null || db == null
                || !dialogs.confirm(messages.get("recipes.restore.title"), messages.get("recipes.restore.confirm", r.name(), row.version().version()))) {
            return;
        }
        screen.run(() -> db.recipes().restore(r.name(), row.version().version()), v -> {
            status.set(messages.get("recipes.restored", r.name(), row.version().version(), v.version()));
            refresh();
        }, this::failed);
    }

    public void setMessages(Messages newMessages) {
        messages = Objects.requireNonNull(newMessages, "messages");
        showChanges(selectedVersion.get());
    }

    public StringProperty searchProperty() {
        return search;
    }

    public ObservableList<RecipeSummary> recipes() {
        return recipes;
    }

    public ObjectProperty<RecipeSummary> selectedProperty() {
        return selected;
    }

    /** The selected recipe's versions, newest first. */
    public ObservableList<VersionRow> versions() {
        return versions;
    }

    public ObjectProperty<VersionRow> selectedVersionProperty() {
        return selectedVersion;
    }

    /** What the selected version changed, in words. */
    public ObservableList<String> changes() {
        return changes;
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
