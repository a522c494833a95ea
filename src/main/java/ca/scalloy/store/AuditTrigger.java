package ca.scalloy.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import ca.scalloy.io.RowJson;

/**
 * H2's half of the audit trail the database writes itself (db/h2/V6_1; PostgreSQL's {@code scalloy_audit_row()}
 * does the same): after every INSERT, UPDATE or DELETE of an audited table it appends one entry with the row
 * before and after (JSON), the time, the database user, and the name and reason the application put in the
 * session ({@link AuditLog#because}). An UPDATE that changes only bookkeeping columns writes none. Public with a
 * no-argument constructor because H2 instantiates it by name.
 */
public final class AuditTrigger extends RowTrigger {

    /** Read when first needed; H2 shares one trigger object between sessions. */
    private volatile Audited config;

    public AuditTrigger() {
        super("_audit");
    }

    /** One row of {@code audited_tables}. */
    private record Audited(String entity, String keyColumn, String keyQuery, Set<String> ignored) {
    }

    @Override
    public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
        AuditLog.Context context = AuditLog.Context.read(conn);
        if (context.quiet()) {
            return;
        }
        Audited a = config(conn);
        Map<String, Object> before = row(conn, oldRow);
        Map<String, Object> after = row(conn, newRow);
        if (before != null && after != null && sameBut(before, after, a.ignored())) {
            return;
        }
        Object key = (after != null ? after : before).get(a.keyColumn());
        String entityId = key == null ? null : a.keyQuery() == null ? key.toString() : lookup(conn, a.keyQuery(), key);
        String operation = before == null ? "INSERT" : after == null ? "DELETE" : "UPDATE";
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO audit_log (logged_at, actor, entity, entity_id, change_kind,"
                + " old_value, new_value, reason, db_user, row_table, row_operation, transaction_ref)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, CURRENT_USER, ?, ?, ?)")) {
            Rows.setInstant(ps, 1, Instant.now());
            ps.setString(2, context.actor());
            ps.setString(3, a.entity());
            ps.setString(4, entityId != null ? entityId : "#" + key);
            ps.setString(5, operation.toLowerCase(java.util.Locale.ROOT));
            ps.setString(6, before == null ? null : RowJson.write(before));
            ps.setString(7, after == null ? null : RowJson.write(after));
            ps.setString(8, context.reason());
            ps.setString(9, table());
            ps.setString(10, operation);
            ps.setString(11, context.transaction());
            ps.executeUpdate();
        }
    }

    private static boolean sameBut(Map<String, Object> before, Map<String, Object> after, Set<String> ignored) {
        Map<String, Object> a = new HashMap<>(before);
        Map<String, Object> b = new HashMap<>(after);
        a.keySet().removeAll(ignored);
        b.keySet().removeAll(ignored);
        return a.keySet().equals(b.keySet()) && a.keySet().stream().allMatch(k -> Objects.equals(a.get(k), b.get(k)));
    }

    private static String lookup(Connection conn, String query, Object key) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement(query)) {
            ps.setObject(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private Audited config(Connection conn) throws SQLException {
        Audited known = config;
        if (known == null) {
            try (PreparedStatement ps = conn.prepareStatement("SELECT entity, key_column, key_query, ignored_columns FROM audited_tables"
                    + " WHERE table_name = ?")) {
                ps.setString(1, table());
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new SQLException("the table " + table() + " has an audit trigger but no row in audited_tables", "42000");
                    }
                    String ignored = rs.getString(4);
                    known = new Audited(rs.getString(1), rs.getString(2), rs.getString(3),
                            ignored.isBlank() ? Set.of() : Set.copyOf(Arrays.asList(ignored.split(","))));
                    config = known;
                }
            }
        }
        return known;
    }
}
