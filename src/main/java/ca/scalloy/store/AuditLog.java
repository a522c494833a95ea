package ca.scalloy.store;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import ca.scalloy.engine.Message;
import ca.scalloy.engine.library.AuditEntry;
import ca.scalloy.io.CsvWriter;
import ca.scalloy.io.FileProblems;

/**
 * The audit trail: one entry per change to materials, lots, recipes, specifications, heats and settings.
 * From schema version 6 the database writes the entries itself (decision 0010): a trigger on every audited
 * table appends the row before and after with the server's time and the session's database user; the
 * application only says who it acts for ({@link #setActor}) and why ({@link #because}), before it writes.
 * The entries are read back in the shape they always had ({@link AuditEntries}). Append-only, and the
 * database itself refuses UPDATE and DELETE on it (decision 0006); on a shared server no client may INSERT
 * into it either.
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
            + " db_user, row_table, row_operation, transaction_ref FROM audit_log";
    /** The PostgreSQL settings (H2: session variables {@code @scalloy_actor} …) the database's triggers read. */
    static final String ACTOR = "scalloy.actor";
    static final String REASON = "scalloy.reason";
    static final String QUIET = "scalloy.quiet";

    private final Database db;

    AuditLog(Database db) {
        this.db = db;
    }

    /**
     * Says why the changes this transaction makes from now on are made: the database writes it into their
     * audit entries (and status moves). Call it before the statements it explains.
     */
    void because(Connection c, String reason) throws SQLException {
        ColumnLimits.check("reason", reason, ColumnLimits.TEXT);
        set(c, db.isPostgres(), REASON, reason == null ? "" : reason, true);
        db.auditContextSet();
    }

    /**
     * Asks the database to write no audit entries or status moves for the rest of this transaction: for the seed
     * and for a copy of a whole database, whose rows were never changes. The database grants it to the schema's
     * owner only (on the embedded database, its one user).
     */
    void quiet(Connection c) throws SQLException {
        set(c, db.isPostgres(), QUIET, "on", true);
        db.auditContextSet();
    }

    /** Names who the session's changes are made by (kept for the session: the database reads it in each entry). */
    static void setActor(Connection c, boolean postgres, String actor) throws SQLException {
        set(c, postgres, ACTOR, actor, false);
    }

    /** Clears the embedded database's reason and quiet mode at the end of a transaction (its variables outlive it). */
    static void clearTransactionContext(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("SET @scalloy_reason = NULL");
            st.execute("SET @scalloy_quiet = NULL");
        }
    }

    private static void set(Connection c, boolean postgres, String name, String value, boolean transactionOnly) throws SQLException {
        if (postgres) {
            try (PreparedStatement ps = c.prepareStatement("SELECT set_config(?, ?, ?)")) {
                ps.setString(1, name);
                ps.setString(2, value);
                ps.setBoolean(3, transactionOnly);
                ps.execute();
            }
        } else {
            try (PreparedStatement ps = c.prepareStatement("SET @" + name.replace('.', '_') + " = ?")) {
                ps.setString(1, value);
                ps.execute();
            }
        }
    }

    /**
     * What the embedded database's triggers know of the change being made: who (the application's name for the
     * session, else the database user), why, whether entries are off, and the transaction.
     */
    record Context(String actor, String reason, boolean quiet, String transaction) {

        static Context read(Connection c) throws SQLException {
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT @scalloy_actor, @scalloy_reason, @scalloy_quiet, TRANSACTION_ID(), CURRENT_USER")) {
                rs.next();
                String actor = rs.getString(1);
                String reason = rs.getString(2);
                return new Context(actor == null || actor.isEmpty() ? rs.getString(5) : actor, reason == null ? "" : reason,
                        "on".equals(rs.getString(3)), rs.getString(4));
            }
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
            // The words of a file that cannot be written, with the English the command line has always printed.
            Message said = FileProblems.writing(file, e);
            throw new StoreException(new Message(said.code(), said.args(), "cannot write " + file + ": " + e.getMessage()), e);
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
            List<AuditEntries.Stored> rows = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(SELECT + where + " ORDER BY id")) {
                if (p1 != null) {
                    ps.setString(1, p1);
                }
                if (p2 != null) {
                    ps.setString(2, p2);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows.add(new AuditEntries.Stored(new AuditEntry(rs.getLong(1), Rows.instant(rs, "logged_at"), rs.getString(3),
                                rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                                rs.getString(10)), rs.getString(11), rs.getString(12), rs.getString(13)));
                    }
                }
            }
            return new AuditEntries(c).render(rows);
        });
    }
}
