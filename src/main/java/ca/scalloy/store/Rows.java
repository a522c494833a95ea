package ca.scalloy.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Column conversions shared by the repositories. */
final class Rows {

    private Rows() {
    }

    /** Binds an instant to a TIMESTAMP WITH TIME ZONE parameter (UTC). */
    static void setInstant(PreparedStatement ps, int index, Instant instant) throws SQLException {
        ps.setObject(index, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
    }

    /** Reads a TIMESTAMP WITH TIME ZONE column as an instant. */
    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    /** Escapes LIKE wildcards so that a search text matches literally, inside {@code %…%}. */
    static String containsPattern(String text) {
        String t = text.toLowerCase(java.util.Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return "%" + t + "%";
    }

    /** Escapes LIKE wildcards so that a search text matches literally, as a prefix ({@code text%}, case kept). */
    static String prefixPattern(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    /** Maps the current row of a result set. */
    @FunctionalInterface
    interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    /** Every row of {@code sql} run with one long parameter (a parent's id), mapped, in the query's order. */
    static <T> java.util.List<T> list(java.sql.Connection c, String sql, long ref, RowMapper<T> mapper) throws SQLException {
        java.util.List<T> out = new java.util.ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, ref);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(mapper.map(rs));
                }
            }
        }
        return out;
    }

    /** A single-value query's long result, or -1 when there is no row. */
    static long longOrMissing(PreparedStatement ps) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getLong(1) : -1;
        }
    }
}
