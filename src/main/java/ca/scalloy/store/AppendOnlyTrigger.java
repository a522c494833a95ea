package ca.scalloy.store;

import java.sql.Connection;
import java.sql.SQLException;

import org.h2.api.Trigger;

/**
 * H2's half of the rule that the audit log is append-only: created by the H2-only migration
 * {@code db/h2/V2_1__audit_append_only.sql} as a BEFORE UPDATE, DELETE row trigger on
 * {@code audit_log}, it refuses every such statement, whoever sends it (decision 0006). Public with a
 * no-argument constructor because H2 instantiates it by name.
 */
public final class AppendOnlyTrigger implements Trigger {

    /** The message of the refusal. */
    public static final String MESSAGE = "audit_log is append-only: entries cannot be changed or deleted";

    private String table = "audit_log";

    @Override
    public void init(Connection conn, String schemaName, String triggerName, String tableName, boolean before, int type) {
        table = tableName.toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
        throw new SQLException(table.equals("audit_log") ? MESSAGE : table + " is append-only", "42000");
    }
}
