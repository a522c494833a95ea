package ca.scalloy.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import ca.scalloy.engine.library.AuditEntry;
import ca.scalloy.io.HeatJson;
import ca.scalloy.store.Database;

/** {@code scalloy audit [--entity E [--id ID]] [--csv FILE] [--json]}: the audit trail. */
@Command(name = "audit", mixinStandardHelpOptions = true,
        description = "The audit trail: who changed what and when, old and new values, and why (oldest first).")
final class AuditCommand extends StoreCommand {

    @Option(names = "--entity", paramLabel = "E", description = "Only entries of this kind: material, lot, recipe, specification, heat, setting, instrument.")
    String entity;

    @Option(names = "--id", paramLabel = "ID", description = "Only entries of this id, name or number (with --entity).")
    String id;

    @Option(names = "--csv", paramLabel = "FILE", description = "Write the entries to FILE as CSV (UTF-8, the locale's separator).")
    Path csv;

    @picocli.CommandLine.Mixin
    Overwrite overwrite = new Overwrite();

    @Override
    int run(Database database) {
        if (id != null && entity == null) {
            err().println("scalloy: --id needs --entity (e.g. --entity heat --id H-2026-0001)");
            return ScalloyCli.INVALID_INPUT;
        }
        if (!overwrite.allows(csv, "--csv", err())) {
            return ScalloyCli.INVALID_INPUT;
        }
        List<AuditEntry> entries = entity == null ? database.audit().all() : database.audit().of(entity, id);
        if (csv != null) {
            database.audit().exportCsv(entries, csv, Locale.getDefault());
            if (!json) {
                out().println(entries.size() + " entries written to " + csv);
            }
        }
        if (json) {
            out().print(HeatJson.audit(entries));
        } else if (csv == null) {
            for (AuditEntry e : entries) {
                out().printf(Locale.ROOT, "%6d %s %-14s %-13s %-28s %-14s %s -> %s%s%n", e.id(), e.at(), e.actor(), e.entity(), e.entityId(),
                        e.change(), shorten(e.oldValue()), shorten(e.newValue()), e.reason().isEmpty() ? "" : "  (" + e.reason() + ")");
            }
        }
        return ScalloyCli.OK;
    }

    private static String shorten(String value) {
        if (value == null) {
            return "(none)";
        }
        String oneLine = value.replaceAll("\\s+", " ");
        return oneLine.length() <= 60 ? oneLine : oneLine.substring(0, 57) + "...";
    }
}
