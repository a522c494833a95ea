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

    @Override
    public void init(Connection conn, String schemaName, String triggerName, String tableName, boolean before, int type) {
        // Only ever on audit_log. The name given here is not used: while H2 rebuilds the table for an
        // ALTER TABLE (schema version 4 added a column) it is a temporary copy's name.
    }

    @Override
    public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
        throw new SQLException(MESSAGE, "42000");
    }
}
