package ca.scalloy.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.h2.api.Trigger;

/**
 * An H2 row trigger that knows its table by the trigger's name ({@code TABLE_suffix}) and reads the table's
 * columns when it first fires: while H2 rebuilds a table for an ALTER TABLE it initialises triggers with a
 * temporary table's name, so neither the name nor the columns given to {@link #init} can be relied on.
 */
abstract class RowTrigger implements Trigger {

    private final String suffix;
    private String schema;
    private String table;
    /** Read when first needed; H2 shares one trigger object between the sessions of several threads. */
    private volatile List<String> columns;

    RowTrigger(String suffix) {
        this.suffix = suffix;
    }

    @Override
    public final void init(Connection conn, String schemaName, String triggerName, String tableName, boolean before, int type) {
        schema = schemaName;
        String name = triggerName.toLowerCase(Locale.ROOT);
        table = name.endsWith(suffix) ? name.substring(0, name.length() - suffix.length()) : tableName.toLowerCase(Locale.ROOT);
    }

    /** The table, lower case. */
    final String table() {
        return table;
    }

    /** The row as column (lower case) to value, in column order; null for no row. */
    final Map<String, Object> row(Connection conn, Object[] values) throws SQLException {
        if (values == null) {
            return null;
        }
        List<String> names = columns;
        if (names == null || names.size() != values.length) {
            names = columns(conn);
            columns = names;
        }
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < values.length && i < names.size(); i++) {
            row.put(names.get(i), values[i]);
        }
        return row;
    }

    private List<String> columns(Connection conn) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = conn.prepareStatement("SELECT COLUMN_NAME FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_SCHEMA = ?"
                + " AND LOWER(TABLE_NAME) = ? ORDER BY ORDINAL_POSITION")) {
            ps.setString(1, schema);
            ps.setString(2, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1).toLowerCase(Locale.ROOT));
                }
            }
        }
        return List.copyOf(out);
    }
}
