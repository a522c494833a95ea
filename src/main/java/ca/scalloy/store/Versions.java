package ca.scalloy.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Savepoint;
import java.sql.SQLException;
import java.sql.Statement;

import ca.scalloy.engine.Message;

/**
 * The numbering shared by versioned things (recipes, specifications): a parent row per name with its
 * current version, and one immutable row per version. Taking the next number updates the parent row
 * first, so two writers (two processes through H2's server) queue on that row instead of both
 * taking the same number.
 */
final class Versions {

    private final String parentTable;
    private final String versionTable;
    private final String refColumn;
    private final String entity;

    /**
     * @param parentTable  the table of names with their current version
     * @param versionTable the table of versions, with saved_by and saved_at
     * @param refColumn    the versions' column that points at the parent row
     * @param entity       what a name is called in messages ("recipe")
     */
    Versions(String parentTable, String versionTable, String refColumn, String entity) {
        this.parentTable = parentTable;
        this.versionTable = versionTable;
        this.refColumn = refColumn;
        this.entity = entity;
    }

    /**
     * Locks the parent row for this transaction and checks that its current version is the one the
     * user's edit started from (optimistic locking, decision 0008); 0 for an edit of a new name.
     *
     * @param ref     the parent row, or -1 when the name is new
     * @param basedOn the version the edit started from, or null to save on top of whatever is there
     * @throws ConcurrentChangeException naming who saved the newer version and when
     */
    void check(Connection c, Database db, String name, long ref, Integer basedOn) throws SQLException {
        if (basedOn == null) {
            return;
        }
        int current = 0;
        if (ref >= 0) {
            try (PreparedStatement ps = c.prepareStatement("SELECT current_version FROM " + parentTable + " WHERE id = ? FOR UPDATE")) {
                ps.setLong(1, ref);
                current = (int) Rows.longOrMissing(ps);
            }
        }
        if (current == basedOn) {
            return;
        }
        if (current == 0) {
            throw new StoreException(Message.of("store." + entity + ".gone", entity + " \"" + name + "\" no longer exists", name));
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT saved_by, saved_at FROM " + versionTable + " WHERE " + refColumn
                + " = ? AND version = ?")) {
            ps.setLong(1, ref);
            ps.setInt(2, current);
            try (ResultSet rs = ps.executeQuery()) {
                RowStamp stamp = rs.next() ? new RowStamp(current, rs.getString(1), Rows.instant(rs, "saved_at"))
                        : new RowStamp(current, null, null);
                throw OptimisticLock.conflict(entity + " \"" + name + "\"", stamp, db.clock(),
                        basedOn == 0 ? "it was created meanwhile; reload it, or save yours as a new version of it"
                                : "reload it, or save yours as a new version");
            }
        }
    }

    /** The parent row's id for {@code name}, or -1. */
    long ref(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM " + parentTable + " WHERE name = ?")) {
            ps.setString(1, name);
            return Rows.longOrMissing(ps);
        }
    }

    /** Advances the parent's current version and returns it. */
    int next(Connection c, long ref) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE " + parentTable + " SET current_version = current_version + 1 WHERE id = ?")) {
            ps.setLong(1, ref);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT current_version FROM " + parentTable + " WHERE id = ?")) {
            ps.setLong(1, ref);
            return (int) Rows.longOrMissing(ps);
        }
    }

    /**
     * The parent row's id for {@code name}, and the version the next save takes: an existing parent is advanced
     * ({@link #next}); a missing one is created at version 1 — unless another writer creates it between our look and
     * our insert, when ours becomes the next version of theirs (the unique name refuses the second insert, which is
     * undone to a savepoint, so the transaction goes on). For a save that asked for no particular version ("save as a
     * new version", an import); a save of a new recipe that must not meet another is checked before ({@link #check}).
     *
     */
    NextVersion refAndNextVersion(Connection c, String name) throws SQLException {
        long ref = ref(c, name);
        if (ref >= 0) {
            return new NextVersion(ref, next(c, ref));
        }
        Savepoint beforeInsert = c.setSavepoint();
        try {
            long created = create(c, name);
            c.releaseSavepoint(beforeInsert);
            return new NextVersion(created, 1);
        } catch (SQLException e) {
            if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
                throw e;
            }
            c.rollback(beforeInsert);
            long theirs = ref(c, name);
            if (theirs < 0) {
                throw e;
            }
            return new NextVersion(theirs, next(c, theirs));
        }
    }

    /** The parent row's id and the version the next save takes. */
    record NextVersion(long ref, int version) {
    }

    /** SQLSTATE of a unique constraint refusing a row (H2 and PostgreSQL). */
    private static final String UNIQUE_VIOLATION = "23505";

    /** Inserts a parent row at version 1 with the given extra column values after the name; returns its id. */
    long create(Connection c, String name, String... extraColumnsAndValues) throws SQLException {
        StringBuilder cols = new StringBuilder("name, current_version");
        StringBuilder marks = new StringBuilder("?, 1");
        for (int i = 0; i < extraColumnsAndValues.length; i += 2) {
            cols.append(", ").append(extraColumnsAndValues[i]);
            marks.append(", ?");
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + parentTable + " (" + cols + ") VALUES (" + marks + ")",
                Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, name);
            for (int i = 1; i < extraColumnsAndValues.length; i += 2) {
                ps.setString(2 + i / 2, extraColumnsAndValues[i]);
            }
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }
}
