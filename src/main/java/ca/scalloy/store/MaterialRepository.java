package ca.scalloy.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import ca.scalloy.engine.Message;
import ca.scalloy.engine.Role;
import ca.scalloy.engine.charge.Material;
import ca.scalloy.engine.library.LibraryMaterial;
import ca.scalloy.engine.library.PricePoint;
import ca.scalloy.io.FormatException;
import ca.scalloy.io.MaterialFiles;

/**
 * The materials library. A material's price and CO2 are kept as a history of dated points; the
 * current ones are the newest. A material used by a stored recipe is retired, never deleted.
 */
public final class MaterialRepository {

    private static final String SELECT = "SELECT m.id, m.material_id, m.body, m.source, m.confidence, m.retired,"
            + " p.price_per_kg, p.co2_kg_per_kg, p.effective_at FROM materials m JOIN material_prices p ON p.id ="
            + " (SELECT MAX(q.id) FROM material_prices q WHERE q.material_ref = m.id)";

    /** What {@link #remove} did. */
    public enum Removal {
        /** The material was deleted with its history. */
        DELETED,
        /** A stored recipe uses it: it was marked retired and kept. */
        RETIRED
    }

    private static final String CHANGE = "change materials";

    private final Database db;
    private final OptimisticLock lock = new OptimisticLock("materials", "material_id", "material");

    MaterialRepository(Database db) {
        this.db = db;
    }

    /**
     * Adds a material with its first price point (dated {@code priceSetAt}, or now when null).
     *
     * @throws StoreException when a material with the same id exists
     */
    public void add(LibraryMaterial m) {
        db.require(CHANGE, Role.METALLURGIST);
        checkFits(m);
        db.inTransaction(c -> {
            db.audit().because(c, "");
            insert(c, m);
            return null;
        });
    }

    /**
     * Checks that a material can be stored as it is, before anything is written: every text within its
     * column, and a price not dated in the future (a price is what was paid or quoted, never one to come).
     *
     * @throws TextTooLongException naming the field and the limit
     * @throws StoreException for a price dated after now (the database's clock)
     */
    public void checkFits(LibraryMaterial m) {
        ColumnLimits.check("material id", m.id(), ColumnLimits.MATERIAL_ID);
        ColumnLimits.check("material " + m.id() + ": name", m.material().name(), ColumnLimits.NAME);
        ColumnLimits.check("material " + m.id() + ": source", m.source(), ColumnLimits.TEXT);
        ColumnLimits.check("material " + m.id() + ": confidence", m.confidence(), ColumnLimits.SHORT);
        java.time.Instant now = db.clock().instant();
        if (m.priceSetAt() != null && m.priceSetAt().isAfter(now)) {
            throw new StoreException(Message.of("store.refused.priceInFuture", "material " + m.id() + ": priceSetAt " + m.priceSetAt()
                    + " is in the future (now " + now + "); a price is dated when it was set", m.id(), m.priceSetAt()), null);
        }
    }

    void insert(Connection c, LibraryMaterial m) throws SQLException {
        if (ref(c, m.id()) >= 0) {
            throw new StoreException(Message.of("store.material.exists", "a material with id \"" + m.id() + "\" already exists", m.id()));
        }
        long ref;
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO materials (material_id, name, kind, body, source,"
                + " confidence, retired, created_at, updated_by, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, m.id());
            ps.setString(2, m.material().name());
            ps.setString(3, m.material().kind().name());
            ps.setString(4, MaterialFiles.materialToJson(m.material()));
            ps.setString(5, m.source());
            ps.setString(6, m.confidence());
            ps.setBoolean(7, m.retired());
            Rows.setInstant(ps, 8, db.clock().instant());
            ps.setString(9, db.actor());
            Rows.setInstant(ps, 10, db.clock().instant());
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                ref = keys.getLong(1);
            }
        }
        Instant when = m.priceSetAt() == null ? db.clock().instant() : m.priceSetAt();
        insertPrice(c, ref, m.material().pricePerKg(), m.material().co2KgPerKg(), when, "first price");
    }

    /**
     * Replaces a material's assay, name, source and confidence. A different price or CO2 adds a price
     * point dated now, in the same transaction.
     *
     * @throws StoreException when there is no material with this id
     */
    public void update(LibraryMaterial m) {
        update(m, "");
    }

    /**
     * As {@link #update(LibraryMaterial)}, with the user's reason for the audit trail.
     *
     * @throws StoreException when there is no material with this id
     */
    public void update(LibraryMaterial m, String reason) {
        update(m, reason, null);
    }

    /**
     * As {@link #update(LibraryMaterial, String)}, for an edit that started from the material at
     * {@code expectedVersion} (see {@link #findStamped}): refused when someone changed it since.
     *
     * @throws ConcurrentChangeException when the material is no longer at {@code expectedVersion}
     */
    public void update(LibraryMaterial m, String reason, Integer expectedVersion) {
        db.require(CHANGE, Role.METALLURGIST);
        checkFits(m);
        ColumnLimits.check("reason", reason, ColumnLimits.TEXT);
        db.inTransaction(c -> {
            // Locked first: what is read next is what this change replaces, not a value another writer is replacing.
            if (lock.change(c, db, m.id(), expectedVersion) == null) {
                throw unknown(m.id());
            }
            LibraryMaterial old = find(c, m.id()).orElseThrow(() -> unknown(m.id()));
            db.audit().because(c, reason);
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE materials SET name = ?, kind = ?, body = ?, source = ?, confidence = ? WHERE material_id = ?")) {
                ps.setString(1, m.material().name());
                ps.setString(2, m.material().kind().name());
                ps.setString(3, MaterialFiles.materialToJson(m.material()));
                ps.setString(4, m.source());
                ps.setString(5, m.confidence());
                ps.setString(6, m.id());
                ps.executeUpdate();
            }
            if (old.material().pricePerKg() != m.material().pricePerKg() || old.material().co2KgPerKg() != m.material().co2KgPerKg()) {
                insertPrice(c, ref(c, m.id()), m.material().pricePerKg(), m.material().co2KgPerKg(), db.clock().instant(), "edited");
            }
            return null;
        });
    }

    /**
     * Sets a new price and CO2 from now on; the earlier ones stay in the history.
     *
     * @param note why they changed (free text)
     * @throws StoreException when there is no material with this id
     */
    public void setPrice(String materialId, double pricePerKg, double co2KgPerKg, String note) {
        db.require(CHANGE, Role.METALLURGIST);
        ColumnLimits.check("note", note, ColumnLimits.TEXT);
        PricePoint point = new PricePoint(pricePerKg, co2KgPerKg, db.clock().instant(), note);
        db.inTransaction(c -> {
            // Locked first: two price changes queue, so the audit trail's earlier price is the one each replaced.
            if (lock.change(c, db, materialId, null) == null) {
                throw unknown(materialId);
            }
            db.audit().because(c, note);
            insertPrice(c, ref(c, materialId), point.pricePerKg(), point.co2KgPerKg(), point.effectiveAt(), point.note());
            return null;
        });
    }

    /**
     * Sets a material's default recovery of {@code element} (e.g. from its recovery history over heats).
     *
     * @param recoveryPct the new default, % in (0, 100]
     * @param reason      why, for the audit trail
     * @throws StoreException when there is no material with this id or the value is out of range
     */
    public void setRecovery(String materialId, String element, double recoveryPct, String reason) {
        if (!Double.isFinite(recoveryPct) || recoveryPct <= 0 || recoveryPct > 100) {
            throw new StoreException(Message.of("store.material.recoveryRange", "recovery of " + element + " must be in (0, 100] %, was " + recoveryPct,
                    element, recoveryPct));
        }
        db.require(CHANGE, Role.METALLURGIST);
        db.inTransaction(c -> {
            // Locked first: what is read next is what this change replaces, not a value another writer is replacing.
            if (lock.change(c, db, materialId, null) == null) {
                throw unknown(materialId);
            }
            LibraryMaterial old = find(c, materialId).orElseThrow(() -> unknown(materialId));
            Material m = old.material();
            java.util.Map<String, Double> recovery = new java.util.LinkedHashMap<>(m.recoveryPct());
            recovery.put(element, recoveryPct);
            Material changed = new Material(m.id(), m.name(), m.kind(), m.composition(), m.formula(), m.purityPct(),
                    m.deliveredElement(), recovery, m.pricePerKg(), m.co2KgPerKg(), m.minKg(), m.maxKg(), m.fixedKg(),
                    m.pieceMassKg(), m.flux(), m.uncertainty());
            db.audit().because(c, reason);
            try (PreparedStatement ps = c.prepareStatement("UPDATE materials SET body = ? WHERE material_id = ?")) {
                ps.setString(1, MaterialFiles.materialToJson(changed));
                ps.setString(2, materialId);
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** Every price point of a material, oldest first (empty when there is no such material). */
    public List<PricePoint> priceHistory(String materialId) {
        return db.inTransaction(c -> {
            List<PricePoint> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT p.price_per_kg, p.co2_kg_per_kg, p.effective_at, p.note"
                    + " FROM material_prices p JOIN materials m ON m.id = p.material_ref WHERE m.material_id = ? ORDER BY p.id")) {
                ps.setString(1, materialId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new PricePoint(rs.getDouble(1), rs.getDouble(2), Rows.instant(rs, "effective_at"), rs.getString(4)));
                    }
                }
            }
            return out;
        });
    }

    /** The material with this id, retired or not. */
    public Optional<LibraryMaterial> find(String materialId) {
        return db.inTransaction(c -> find(c, materialId));
    }

    /** Every material by id; retired ones only when asked for. */
    public List<LibraryMaterial> list(boolean includeRetired) {
        return query((includeRetired ? "" : " WHERE m.retired = FALSE") + " ORDER BY m.material_id", null);
    }

    /** Materials (not retired) whose id or name contains {@code text}, ignoring case. */
    public List<LibraryMaterial> search(String text) {
        return query(" WHERE m.retired = FALSE AND (LOWER(m.material_id) LIKE ? ESCAPE '\\' OR LOWER(m.name) LIKE ? ESCAPE '\\')"
                + " ORDER BY m.material_id", Rows.containsPattern(text));
    }

    /**
     * Removes a material: deleted with its history when no stored recipe version uses it, else retired.
     *
     * @throws StoreException when there is no material with this id
     */
    public Removal remove(String materialId) {
        db.require(CHANGE, Role.METALLURGIST);
        return db.inTransaction(c -> {
            // Locked first: what is read next is what this change replaces, not a value another writer is replacing.
            if (lock.change(c, db, materialId, null) == null) {
                throw unknown(materialId);
            }
            if (find(c, materialId).isEmpty()) {
                throw unknown(materialId);
            }
            boolean used;
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM recipe_material_uses WHERE material_id = ?")) {
                ps.setString(1, materialId);
                used = Rows.longOrMissing(ps) >= 0;
            }
            db.audit().because(c, "");
            try (PreparedStatement ps = c.prepareStatement(used ? "UPDATE materials SET retired = TRUE WHERE material_id = ?"
                    : "DELETE FROM materials WHERE material_id = ?")) {
                ps.setString(1, materialId);
                ps.executeUpdate();
            }
            return used ? Removal.RETIRED : Removal.DELETED;
        });
    }

    /** A material with the stamp it was read at, for an edit that will be saved with {@link #update(LibraryMaterial, String, Integer)}. */
    public Optional<Stamped<LibraryMaterial>> findStamped(String materialId) {
        return db.inTransaction(c -> {
            Optional<LibraryMaterial> m = find(c, materialId);
            return m.isEmpty() ? Optional.<Stamped<LibraryMaterial>>empty() : Optional.of(new Stamped<>(m.get(), lock.read(c, materialId)));
        });
    }

    private List<LibraryMaterial> query(String where, String pattern) {
        return db.inTransaction(c -> {
            List<LibraryMaterial> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(SELECT + where)) {
                if (pattern != null) {
                    ps.setString(1, pattern);
                    ps.setString(2, pattern);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(row(rs));
                    }
                }
            }
            return out;
        });
    }

    private Optional<LibraryMaterial> find(Connection c, String materialId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SELECT + " WHERE m.material_id = ?")) {
            ps.setString(1, materialId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(row(rs)) : Optional.empty();
            }
        }
    }

    private static LibraryMaterial row(ResultSet rs) throws SQLException {
        String id = rs.getString("material_id");
        Material m;
        try {
            m = MaterialFiles.parseMaterial(rs.getString("body"), "material " + id);
        } catch (FormatException e) {
            throw new StoreException(Message.of("store.damaged.material", "the stored material " + id + " cannot be read: " + e.getMessage(),
                    id, Reasons.of(e)), e);
        }
        m = new Material(m.id(), m.name(), m.kind(), m.composition(), m.formula(), m.purityPct(), m.deliveredElement(),
                m.recoveryPct(), rs.getDouble("price_per_kg"), rs.getDouble("co2_kg_per_kg"), m.minKg(), m.maxKg(), m.fixedKg(),
                m.pieceMassKg(), m.flux(), m.uncertainty());
        return new LibraryMaterial(m, rs.getString("source"), rs.getString("confidence"), Rows.instant(rs, "effective_at"),
                rs.getBoolean("retired"));
    }

    private static long ref(Connection c, String materialId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM materials WHERE material_id = ?")) {
            ps.setString(1, materialId);
            return Rows.longOrMissing(ps);
        }
    }

    private static void insertPrice(Connection c, long ref, double pricePerKg, double co2KgPerKg, Instant when, String note)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO material_prices (material_ref, price_per_kg, co2_kg_per_kg,"
                + " effective_at, note) VALUES (?, ?, ?, ?, ?)")) {
            ps.setLong(1, ref);
            ps.setDouble(2, pricePerKg);
            ps.setDouble(3, co2KgPerKg);
            Rows.setInstant(ps, 4, when);
            ps.setString(5, note == null ? "" : note);
            ps.executeUpdate();
        }
    }

    private static StoreException unknown(String materialId) {
        return new StoreException(Message.of("store.material.none", "no material with id \"" + materialId + "\"", materialId));
    }
}
