package ca.scalloy.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The numbering shared by versioned things (recipes, specifications): a parent row per name with its
 * current version, and one immutable row per version. Taking the next number updates the parent row
 * first, so two writers (two processes through H2's server) queue on that row instead of both
 * taking the same number.
 */
final class Versions {

    private final String parentTable;

    Versions(String parentTable) {
        this.parentTable = parentTable;
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
