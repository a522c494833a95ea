package ca.scalloy.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import ca.scalloy.engine.Message;
import ca.scalloy.engine.Role;
import ca.scalloy.engine.library.SpecificationVersion;
import ca.scalloy.engine.spec.Specification;
import ca.scalloy.io.FormatException;
import ca.scalloy.io.SpecificationFiles;

/**
 * Specifications, versioned: every save of an existing name adds a version; the current one is the
 * newest. Names are unique across sectors.
 */
public final class SpecificationRepository {

    private static final String CURRENT = "SELECT s.name, v.version, v.body, v.saved_at FROM specifications s"
            + " JOIN specification_versions v ON v.spec_ref = s.id AND v.version = s.current_version";

    private static final String SAVE = "save specifications";

    private final Database db;
    private final Versions versions = new Versions("specifications", "specification_versions", "spec_ref", "specification");

    SpecificationRepository(Database db) {
        this.db = db;
    }

    /**
     * Adds a new specification as version 1.
     *
     * @throws StoreException when one with the same name exists
     */
    public SpecificationVersion create(Specification spec) {
        db.require(SAVE, Role.METALLURGIST);
        checkFits(spec);
        return db.inTransaction(c -> {
            if (versions.ref(c, spec.name()) >= 0) {
                throw new StoreException(Message.of("store.specification.exists", "a specification named \"" + spec.name() + "\" already exists",
                        spec.name()));
            }
            db.audit().because(c, "");
            return insertVersion(c, versions.create(c, spec.name(), "sector", spec.sector()), 1, spec);
        });
    }

    /**
     * Saves a new version of an existing specification (its sector may change).
     *
     * @throws StoreException when there is none with this name
     */
    public SpecificationVersion update(Specification spec) {
        return update(spec, "");
    }

    /**
     * As {@link #update(Specification)}, with the user's reason for the audit trail.
     *
     * @throws StoreException when there is none with this name
     */
    public SpecificationVersion update(Specification spec, String reason) {
        return update(spec, reason, null);
    }

    /**
     * As {@link #update(Specification, String)}, for an edit that started from version {@code basedOnVersion}:
     * refused when someone saved a newer version meanwhile.
     *
     * @throws ConcurrentChangeException naming who saved the newer version and when
     */
    public SpecificationVersion update(Specification spec, String reason, Integer basedOnVersion) {
        db.require(SAVE, Role.METALLURGIST);
        checkFits(spec);
        return db.inTransaction(c -> {
            long ref = versions.ref(c, spec.name());
            if (ref < 0) {
                throw new StoreException(Message.of("store.specification.none", "no specification named \"" + spec.name() + "\"", spec.name()));
            }
            versions.check(c, db, spec.name(), ref, basedOnVersion);
            db.audit().because(c, reason);
            return saveVersion(c, ref, spec);
        });
    }

    /** Creates the specification, or adds a version when its name exists (an import). */
    public SpecificationVersion save(Specification spec) {
        db.require(SAVE, Role.METALLURGIST);
        checkFits(spec);
        return db.inTransaction(c -> {
            long ref = versions.ref(c, spec.name());
            db.audit().because(c, "");
            return ref < 0 ? insertVersion(c, versions.create(c, spec.name(), "sector", spec.sector()), 1, spec) : saveVersion(c, ref, spec);
        });
    }

    /**
     * Checks that a specification can be stored as it is, before anything is written: every text
     * within its column.
     *
     * @throws TextTooLongException naming the field and the limit
     */
    public static void checkFits(Specification spec) {
        ColumnLimits.check("specification name", spec.name(), ColumnLimits.NAME);
        ColumnLimits.check("specification " + spec.name() + ": sector", spec.sector(), ColumnLimits.SECTOR);
        ColumnLimits.check("specification " + spec.name() + ": revision", spec.revision(), ColumnLimits.SHORT);
        ColumnLimits.check("specification " + spec.name() + ": source", spec.source(), ColumnLimits.TEXT);
        ColumnLimits.check("specification " + spec.name() + ": confidence", spec.confidence(), ColumnLimits.SHORT);
    }

    /** The current version of the named specification. */
    public Optional<Specification> find(String name) {
        List<Specification> found = query(" WHERE s.name = ?", name);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /** Every specification's current version, by sector then name. */
    public List<Specification> list() {
        return query(" ORDER BY s.sector, s.name", null);
    }

    /** The current versions in one sector, by name. */
    public List<Specification> list(String sector) {
        return query(" WHERE s.sector = ? ORDER BY s.name", sector);
    }

    /** Every version of the named specification, oldest first (empty when there is none). */
    public List<SpecificationVersion> history(String name) {
        return db.inTransaction(c -> {
            List<SpecificationVersion> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT s.name, v.version, v.body, v.saved_at FROM specifications s"
                    + " JOIN specification_versions v ON v.spec_ref = s.id WHERE s.name = ? ORDER BY v.version")) {
                ps.setString(1, name);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(version(rs));
                    }
                }
            }
            return out;
        });
    }

    /** One version of the named specification. */
    public Optional<SpecificationVersion> version(String name, int version) {
        return history(name).stream().filter(v -> v.version() == version).findFirst();
    }

    /** The current version's number of the named specification, or -1. */
    int currentVersion(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT current_version FROM specifications WHERE name = ?")) {
            ps.setString(1, name);
            return (int) Rows.longOrMissing(ps);
        }
    }

    private Specification current(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(CURRENT + " WHERE s.name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? version(rs).specification() : null;
            }
        }
    }

    void insertSeed(Connection c, Specification spec) throws SQLException {
        if (versions.ref(c, spec.name()) < 0) {
            insertVersion(c, versions.create(c, spec.name(), "sector", spec.sector()), 1, spec);
        }
    }

    private SpecificationVersion saveVersion(Connection c, long ref, Specification spec) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE specifications SET sector = ? WHERE id = ?")) {
            ps.setString(1, spec.sector());
            ps.setLong(2, ref);
            ps.executeUpdate();
        }
        return insertVersion(c, ref, versions.next(c, ref), spec);
    }

    private SpecificationVersion insertVersion(Connection c, long ref, int version, Specification spec) throws SQLException {
        SpecificationVersion v = new SpecificationVersion(version, db.clock().instant(), spec);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO specification_versions (spec_ref, version, revision, source,"
                + " confidence, body, saved_at, saved_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setLong(1, ref);
            ps.setInt(2, version);
            ps.setString(3, spec.revision());
            ps.setString(4, spec.source());
            ps.setString(5, spec.confidence());
            ps.setString(6, SpecificationFiles.specificationToJson(spec));
            Rows.setInstant(ps, 7, v.savedAt());
            ps.setString(8, db.actor());
            ps.executeUpdate();
        }
        return v;
    }

    private List<Specification> query(String where, String parameter) {
        return db.inTransaction(c -> {
            List<Specification> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(CURRENT + where)) {
                if (parameter != null) {
                    ps.setString(1, parameter);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(version(rs).specification());
                    }
                }
            }
            return out;
        });
    }

    private static SpecificationVersion version(ResultSet rs) throws SQLException {
        String name = rs.getString("name");
        try {
            return new SpecificationVersion(rs.getInt("version"), Rows.instant(rs, "saved_at"),
                    SpecificationFiles.parseSpecification(rs.getString("body"), "specification " + name));
        } catch (FormatException e) {
            throw damaged(name, e);
        }
    }

    /** The refusal of a stored specification that cannot be read (damaged data). */
    static StoreException damaged(String name, FormatException e) {
        return new StoreException(Message.of("store.damaged.specification", "the stored specification " + name + " cannot be read: "
                + e.getMessage(), name, Reasons.of(e)), e);
    }
}
