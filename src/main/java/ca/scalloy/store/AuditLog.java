package ca.scalloy.store;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import ca.scalloy.engine.library.AuditEntry;
import ca.scalloy.io.CsvWriter;

/**
 * The audit trail: one entry per change to materials, lots, recipes, specifications, heats and
 * settings, written by the repositories in the same transaction as the change. Append-only, and
 * the database itself refuses UPDATE and DELETE on it (decision 0006).
 */
public final class AuditLog {

    /** Entity names used in the log. */
    public static final String MATERIAL = "material";
    public static final String LOT = "lot";
    public static final String RECIPE = "recipe";
    public static final String SPECIFICATION = "specification";
    public static final String HEAT = "heat";
    public static final String SETTING = "setting";
    public static final String INSTRUMENT = "instrument";

    private static final String SELECT = "SELECT id, logged_at, actor, entity, entity_id, change_kind, old_value, new_value, reason,"
            + " db_user FROM audit_log";

    private final Database db;

    AuditLog(Database db) {
        this.db = db;
    }

    /** Appends one entry on {@code c}, dated by the database's clock, by its actor. */
    void append(Connection c, String entity, String entityId, String change, String oldValue, String newValue, String reason)
            throws SQLException {
        ColumnLimits.check("reason", reason, ColumnLimits.TEXT);
        ColumnLimits.check(entity + " id", entityId, 200);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO audit_log (logged_at, actor, entity, entity_id, change_kind,"
                + " old_value, new_value, reason, db_user) VALUES (?, ?, ?, ?, ?, ?, ?, ?, CURRENT_USER)")) {
            Rows.setInstant(ps, 1, db.clock().instant());
            ps.setString(2, db.actor());
            ps.setString(3, entity);
            ps.setString(4, entityId);
            ps.setString(5, change);
            ps.setString(6, oldValue);
            ps.setString(7, newValue);
            ps.setString(8, reason == null ? "" : reason);
            ps.executeUpdate();
        }
    }

    /** Every entry, oldest first. */
    public List<AuditEntry> all() {
        return query("", null, null);
    }

    /** The entries of one entity kind (e.g. {@code "heat"}), oldest first; {@code entityId} null for all of that kind. */
    public List<AuditEntry> of(String entity, String entityId) {
        return entityId == null ? query(" WHERE entity = ?", entity, null) : query(" WHERE entity = ? AND entity_id = ?", entity, entityId);
    }

    /**
     * The whole log as CSV (UTF-8 with BOM, separator and decimal mark of {@code locale}): id, at (UTC),
     * actor, entity, id, change, old value, new value, reason.
     */
    public String csv(List<AuditEntry> entries, Locale locale) {
        return writer(entries, locale).text();
    }

    /**
     * Writes {@code entries} as {@link #csv} to {@code file} (through a temporary file).
     *
     * @throws StoreException when the file cannot be written
     */
    public void exportCsv(List<AuditEntry> entries, Path file, Locale locale) {
        try {
            writer(entries, locale).write(file);
        } catch (IOException e) {
            throw new StoreException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private static CsvWriter writer(List<AuditEntry> entries, Locale locale) {
        CsvWriter w = new CsvWriter(CsvWriter.separatorFor(locale), locale);
        w.row(List.of("id", "at_utc", "actor", "entity", "entity_id", "change", "old_value", "new_value", "reason", "db_user"));
        for (AuditEntry e : entries) {
            w.row(Arrays.asList(e.id(), e.at().toString(), e.actor(), e.entity(), e.entityId(), e.change(), e.oldValue(),
                    e.newValue(), e.reason(), e.dbUser()));
        }
        return w;
    }

    private List<AuditEntry> query(String where, String p1, String p2) {
        return db.inTransaction(c -> {
            List<AuditEntry> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(SELECT + where + " ORDER BY id")) {
                if (p1 != null) {
                    ps.setString(1, p1);
                }
                if (p2 != null) {
                    ps.setString(2, p2);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new AuditEntry(rs.getLong(1), Rows.instant(rs, "logged_at"), rs.getString(3), rs.getString(4),
                                rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10)));
                    }
                }
            }
            return out;
        });
    }
}
