package ca.scalloy.ui.common;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;

import ca.scalloy.engine.library.AuditEntry;
import ca.scalloy.store.Database;

/**
 * The history of one thing (a material, a recipe) from the audit log, read off the UI thread and
 * shown as a message: when, who, what changed, from which value to which, and why.
 */
public final class AuditHistory {

    private AuditHistory() {
    }

    /**
     * Shows the entries of {@code entity}/{@code entityId}, newest first.
     *
     * @param label what the user calls it, for the title
     */
    public static void show(LibraryStore store, DialogService dialogs, Messages messages, String entity, String entityId, String label) {
        Database db = store.database();
        if (db == null || entityId == null) {
            return;
        }
        String title = messages.get("audit.history.title", label);
        store.executor().run(() -> db.audit().of(entity, entityId), entries -> dialogs.showInformation(title,
                entries.isEmpty() ? messages.get("audit.history.none", label) : String.join("\n", lines(entries, messages))),
                store.showingError(title));
    }

    /** One line per entry, newest first. */
    static List<String> lines(List<AuditEntry> entries, Messages messages) {
        DateTimeFormatter dates = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withLocale(messages.locale())
                .withZone(ZoneId.systemDefault());
        return entries.stream().sorted((a, b) -> Long.compare(b.id(), a.id())).map(e -> messages.get("audit.history.entry",
                dates.format(e.at()), e.actor(), changeText(e.change(), messages),
                e.newValue() == null ? "" : ": " + (e.oldValue() == null ? "" : e.oldValue() + " → ") + e.newValue(),
                e.reason().isEmpty() ? "" : " (" + e.reason() + ")")).toList();
    }

    /** The words of an audit entry's kind of change (create, move, sample …), or the kind as stored. */
    public static String changeText(String change, Messages messages) {
        String key = "audit.change." + change;
        return messages.has(key) ? messages.get(key) : change;
    }
}
