package ca.scalloy.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * Records each move of a heat's status in {@code status_moves} as the database makes it (db/h2/V6_1; on
 * PostgreSQL {@code scalloy_status_move()}, where clients may not write that table): from and to, who (the
 * application's name for the session), when, and the reason it gave ({@link AuditLog#because}). Public with a
 * no-argument constructor because H2 instantiates it by name.
 */
public final class StatusMoveTrigger extends RowTrigger {

    public StatusMoveTrigger() {
        super("_status_moves");
    }

    @Override
    public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
        AuditLog.Context context = AuditLog.Context.read(conn);
        Map<String, Object> before = row(conn, oldRow);
        Map<String, Object> after = row(conn, newRow);
        if (context.quiet() || after == null || (before != null && Objects.equals(before.get("status"), after.get("status")))) {
            return;
        }
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO status_moves (heat_ref, from_status, to_status, moved_by, moved_at,"
                + " reason) VALUES (?, ?, ?, ?, ?, ?)")) {
            ps.setObject(1, after.get("id"));
            ps.setObject(2, before == null ? null : before.get("status"));
            ps.setObject(3, after.get("status"));
            ps.setString(4, context.actor());
            Rows.setInstant(ps, 5, Instant.now());
            ps.setString(6, context.reason());
            ps.executeUpdate();
        }
    }
}
