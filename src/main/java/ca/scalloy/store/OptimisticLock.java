package ca.scalloy.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import ca.scalloy.engine.Message;

/**
 * Optimistic locking for rows that are changed in place (materials, heats; decision 0008). Every change
 * first locks the row ({@code SELECT … FOR UPDATE}), so two writers on the same row queue there instead
 * of interleaving; then, when the caller named the version it read, a row that moved on is refused with
 * who changed it and when; then the version goes up by one.
 */
final class OptimisticLock {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    private final String table;
    private final String keyColumn;
    private final String entity;

    /**
     * @param table     the table, with row_version, updated_by and updated_at columns
     * @param keyColumn its natural key
     * @param entity    what a row is called in messages ("material", "heat")
     */
    OptimisticLock(String table, String keyColumn, String entity) {
        this.table = table;
        this.keyColumn = keyColumn;
        this.entity = entity;
    }

    /** The row's stamp, without locking it; null when there is no such row. */
    RowStamp read(Connection c, String key) throws SQLException {
        return select(c, key, "");
    }

    /**
     * Locks the row for this transaction, checks the version read, and counts the change.
     *
     * @param expectedVersion the version the user's edit started from, or null to change whatever is there
     *                        (commands and appends, which overwrite nothing a user saw)
     * @return the stamp after the change, or null when there is no such row
     * @throws ConcurrentChangeException when the row moved on since {@code expectedVersion}
     */
    RowStamp change(Connection c, Database db, String key, Integer expectedVersion) throws SQLException {
        RowStamp now = select(c, key, " FOR UPDATE");
        if (now == null) {
            return null;
        }
        if (expectedVersion != null && now.version() != expectedVersion) {
            throw conflict(entity + " " + key, now, db.clock(), "reload it and make your change again",
                    entity.equals("heat") ? "revision" : "version");
        }
        Instant at = db.clock().instant();
        try (PreparedStatement ps = c.prepareStatement("UPDATE " + table + " SET row_version = row_version + 1, updated_by = ?,"
                + " updated_at = ? WHERE " + keyColumn + " = ?")) {
            ps.setString(1, db.actor());
            Rows.setInstant(ps, 2, at);
            ps.setString(3, key);
            ps.executeUpdate();
        }
        return new RowStamp(now.version() + 1, db.actor(), at);
    }

    private RowStamp select(Connection c, String key, String suffix) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT row_version, updated_by, updated_at FROM " + table + " WHERE "
                + keyColumn + " = ?" + suffix)) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? new RowStamp(rs.getInt(1), rs.getString(2), Rows.instant(rs, "updated_at")) : null;
            }
        }
    }

    /**
     * The refusal of a save that started from an older version: "recipe X was changed by B at 10:42
     * (version 5; yours started from version 4); reload it, or save yours as a new version".
     */
    static ConcurrentChangeException conflict(String what, RowStamp now, Clock clock, String advice) {
        return conflict(what, now, clock, advice, "version");
    }

    /** As {@link #conflict(String, RowStamp, Clock, String)}, naming the number a heat's "revision". */
    static ConcurrentChangeException conflict(String what, RowStamp now, Clock clock, String advice, String versionWord) {
        String who = now.by() == null || now.by().isBlank() ? "another user" : now.by();
        String when = "";
        if (now.at() != null) {
            ZoneId zone = ZoneId.systemDefault();
            boolean today = LocalDate.ofInstant(now.at(), zone).equals(LocalDate.ofInstant(clock.instant(), zone));
            when = " at " + (today ? TIME : DATE_TIME).format(now.at().atZone(zone));
        }
        return new ConcurrentChangeException(Message.of("store.refused.changedByOther", what + " was changed by " + who + when + " (now "
                + versionWord + " " + now.version() + ") after you opened it; " + advice, who, now.version(), shownName(what)), now.by(),
                now.at());
    }

    /** The name or number in {@code what} as the user knows it: {@code recipe "AlSc2"} → AlSc2, {@code line 2 of heat H-7} → H-7. */
    private static String shownName(String what) {
        int open = what.indexOf('"');
        if (open >= 0 && what.lastIndexOf('"') > open) {
            return what.substring(open + 1, what.lastIndexOf('"'));
        }
        return what.substring(what.lastIndexOf(' ') + 1);
    }
}
