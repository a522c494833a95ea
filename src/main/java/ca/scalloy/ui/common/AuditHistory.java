package ca.scalloy.ui.common;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ca.scalloy.engine.Quantities;

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
        Quantities q = messages.quantities();
        return entries.stream().sorted((a, b) -> Long.compare(b.id(), a.id())).map(e -> messages.get("audit.history.entry",
                q.dateTime(e.at()), e.actor(), what(e, messages), e.reason().isEmpty() ? "" : " (" + e.reason() + ")")).toList();
    }

    /** The kind of change with the values it set, by the bundles' patterns ("update: 80 % → 83.47 %"; in French " : "). */
    private static String what(AuditEntry e, Messages messages) {
        Quantities q = messages.quantities();
        String change = changeText(e.change(), messages);
        if (e.newValue() == null) {
            return change;
        }
        return e.oldValue() == null ? messages.get("audit.history.set", change, valueText(e.newValue(), q))
                : messages.get("audit.history.changed", change, valueText(e.oldValue(), q), valueText(e.newValue(), q));
    }

    private static final Pattern DECIMAL = Pattern.compile("(?<![\\w.])(-?\\d+\\.\\d+(?:E-?\\d+)?)( %)?(?![\\w.])");

    /**
     * A value as the audit log keeps it ("recovery Sc 83.46920859322077 %", "purity 5.0E-4 %"), with
     * each decimal number in it written by the policy: a percentage of 1 % or more with at most two decimals, a
     * smaller one and any other decimal with at most four, never in exponent form or as "-0.00". Whole numbers (ids,
     * versions) and words stay as kept.
     */
    public static String valueText(String kept, Quantities q) {
        Matcher m = DECIMAL.matcher(kept);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            double v = Double.parseDouble(m.group(1));
            // A recovery reads "83.47 %"; a purity or trace content below 1 % keeps its digits ("0.0005 %").
            String text = m.group(2) == null ? q.number(v, 0, 4) : Math.abs(v) >= 1 ? q.percent(v) : q.wtPct(v);
            m.appendReplacement(out, Matcher.quoteReplacement(text));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The words of an audit entry's kind of change (create, move, sample …), or the kind as stored. */
    public static String changeText(String change, Messages messages) {
        String key = "audit.change." + change;
        return messages.has(key) ? messages.get(key) : change;
    }
}
