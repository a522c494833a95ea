package ca.scalloy.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import ca.scalloy.engine.Message;
import ca.scalloy.engine.Role;
import ca.scalloy.engine.charge.Recipe;
import ca.scalloy.engine.heat.Lot;
import ca.scalloy.engine.heat.Lots;
import ca.scalloy.io.HeatJson;

/**
 * Lots of materials with their certificate assays. A heat's charge is computed with each chosen
 * lot's assay in place of its material's nominal composition ({@link #applyTo}).
 */
public final class LotRepository {

    private static final String SELECT = "SELECT lot_number, material_id, assay_wt_pct, purity_pct, certificate, received_at FROM lots";

    private final Database db;

    LotRepository(Database db) {
        this.db = db;
    }

    /**
     * Adds a lot (and an audit entry, in the same transaction).
     *
     * @param reason why, for the audit trail (may be empty)
     * @throws StoreException when a lot with this number exists
     */
    public void add(Lot lot, String reason) {
        db.require("receive lots", Role.METALLURGIST, Role.OPERATOR);
        checkLengths(lot, reason);
        db.inTransaction(c -> {
            if (ref(c, lot.lotNumber()) >= 0) {
                throw new StoreException(Message.of("store.lot.exists", "a lot numbered \"" + lot.lotNumber() + "\" already exists", lot.lotNumber()));
            }
            requireMaterial(c, lot.materialId());
            db.audit().because(c, reason);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO lots (lot_number, material_id, assay_wt_pct, purity_pct,"
                    + " certificate, received_at) VALUES (?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, lot.lotNumber());
                ps.setString(2, lot.materialId());
                ps.setString(3, HeatJson.wtPct(lot.assayWtPct()));
                ps.setObject(4, lot.purityPct());
                ps.setString(5, lot.certificate());
                Rows.setInstant(ps, 6, lot.receivedAt());
                ps.executeUpdate();
            }
            return null;
        });
    }

    /**
     * Changes a lot's material, certificate assay, purity or certificate reference (its number and the
     * date it was received stay), with an audit entry of the old and new values in the same transaction.
     *
     * @param reason why, for the audit trail (may be empty)
     * @throws StoreException when there is no lot with this number, the material is unknown, or the
     *                        material would change on a lot that a heat has charged
     */
    public void update(Lot lot, String reason) {
        db.require("change lots", Role.METALLURGIST, Role.OPERATOR);
        checkLengths(lot, reason);
        db.inTransaction(c -> {
            Lot old;
            try (PreparedStatement ps = c.prepareStatement(SELECT + " WHERE lot_number = ? FOR UPDATE")) {
                ps.setString(1, lot.lotNumber());
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new StoreException(Message.of("store.lot.none", "no lot numbered \"" + lot.lotNumber() + "\"", lot.lotNumber()));
                    }
                    old = row(rs);
                }
            }
            requireMaterial(c, lot.materialId());
            if (!old.materialId().equals(lot.materialId()) && charged(c, lot.lotNumber())) {
                throw new StoreException(Message.of("store.lot.materialCharged", "lot " + lot.lotNumber() + " is charged on a heat as " + old.materialId()
                        + "; its material cannot change to " + lot.materialId(), lot.lotNumber(), old.materialId(), lot.materialId()));
            }
            db.audit().because(c, reason);
            try (PreparedStatement ps = c.prepareStatement("UPDATE lots SET material_id = ?, assay_wt_pct = ?, purity_pct = ?,"
                    + " certificate = ? WHERE lot_number = ?")) {
                ps.setString(1, lot.materialId());
                ps.setString(2, HeatJson.wtPct(lot.assayWtPct()));
                ps.setObject(3, lot.purityPct());
                ps.setString(4, lot.certificate());
                ps.setString(5, lot.lotNumber());
                ps.executeUpdate();
            }
            return null;
        });
    }

    /**
     * Lots whose number or material id contains {@code search} (ignoring case), newest first.
     *
     * @param search the text to look for, or null or blank for every lot
     * @param limit  the most lots returned, &gt; 0
     */
    public List<Lot> list(String search, int limit) {
        if (limit <= 0) {
            throw new IllegalArgumentException("limit must be > 0, was " + limit);
        }
        boolean all = search == null || search.isBlank();
        return db.inTransaction(c -> {
            List<Lot> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(SELECT + (all ? "" : " WHERE LOWER(lot_number) LIKE ? ESCAPE '\\'"
                    + " OR LOWER(material_id) LIKE ? ESCAPE '\\'") + " ORDER BY id DESC")) {
                if (!all) {
                    String pattern = Rows.containsPattern(search.strip());
                    ps.setString(1, pattern);
                    ps.setString(2, pattern);
                }
                ps.setMaxRows(limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(row(rs));
                    }
                }
            }
            return out;
        });
    }

    private static void checkLengths(Lot lot, String reason) {
        ColumnLimits.check("lot number", lot.lotNumber(), ColumnLimits.NUMBER);
        ColumnLimits.check("material", lot.materialId(), ColumnLimits.MATERIAL_ID);
        ColumnLimits.check("certificate", lot.certificate(), ColumnLimits.TEXT);
        ColumnLimits.check("reason", reason, ColumnLimits.TEXT);
    }

    private static void requireMaterial(Connection c, String materialId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM materials WHERE material_id = ?")) {
            ps.setString(1, materialId);
            if (Rows.longOrMissing(ps) < 0) {
                throw new StoreException(Message.of("store.lot.noMaterial", "no material with id \"" + materialId + "\" in the library", materialId));
            }
        }
    }

    private static boolean charged(Connection c, String lotNumber) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT l.id FROM heat_lines l JOIN lots t ON t.id = l.lot_ref WHERE t.lot_number = ?")) {
            ps.setString(1, lotNumber);
            return Rows.longOrMissing(ps) >= 0;
        }
    }

    /** The lot with this number. */
    public Optional<Lot> find(String lotNumber) {
        return db.inTransaction(c -> find(c, lotNumber));
    }

    /** The lots of one material, oldest first. */
    public List<Lot> of(String materialId) {
        return db.inTransaction(c -> {
            List<Lot> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(SELECT + " WHERE material_id = ? ORDER BY id")) {
                ps.setString(1, materialId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(row(rs));
                    }
                }
            }
            return out;
        });
    }

    /**
     * The recipe with the assays of the given lots in place of their materials' nominal compositions.
     *
     * @return the recipe and, per material id, the lot used
     * @throws StoreException for an unknown lot, a lot of a material the recipe does not charge, or two
     *                        lots of one material
     */
    public Map<String, Lot> lotsFor(Recipe recipe, Collection<String> lotNumbers) {
        Map<String, Lot> byMaterial = new LinkedHashMap<>();
        for (String n : lotNumbers) {
            Lot lot = find(n).orElseThrow(() -> new StoreException(Message.of("store.lot.none", "no lot numbered \"" + n + "\"", n)));
            if (recipe.material(lot.materialId()).isEmpty()) {
                throw new StoreException(Message.of("store.lot.notInRecipe", "lot " + n + " is of material " + lot.materialId() + ", which recipe \""
                        + recipe.name() + "\" does not charge", n, lot.materialId(), recipe.name()));
            }
            if (byMaterial.put(lot.materialId(), lot) != null) {
                throw new StoreException(Message.of("store.lot.twoForMaterial", "two lots given for material " + lot.materialId()
                        + "; give one per material", lot.materialId()));
            }
        }
        return byMaterial;
    }

    /**
     * The recipe with the assays of the given lots (see {@link #lotsFor}) in place of the nominal ones.
     *
     * @throws StoreException as {@link #lotsFor}, or when a lot's assay is not a valid composition
     */
    public Recipe applyTo(Recipe recipe, Collection<String> lotNumbers) {
        try {
            return Lots.apply(recipe, lotsFor(recipe, lotNumbers));
        } catch (IllegalArgumentException e) {
            throw new StoreException(e);
        }
    }

    Optional<Lot> find(Connection c, String lotNumber) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SELECT + " WHERE lot_number = ?")) {
            ps.setString(1, lotNumber);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(row(rs)) : Optional.empty();
            }
        }
    }

    static long ref(Connection c, String lotNumber) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM lots WHERE lot_number = ?")) {
            ps.setString(1, lotNumber);
            return Rows.longOrMissing(ps);
        }
    }

    private static String describe(Lot lot) {
        return "material " + lot.materialId() + ", assay " + HeatJson.wtPct(lot.assayWtPct())
                + (lot.purityPct() == null ? "" : ", purity " + lot.purityPct() + " %")
                + (lot.certificate().isEmpty() ? "" : ", certificate " + lot.certificate());
    }

    private static Lot row(ResultSet rs) throws SQLException {
        double purity = rs.getDouble("purity_pct");
        boolean noPurity = rs.wasNull();
        return new Lot(rs.getString("lot_number"), rs.getString("material_id"), HeatJson.parseWtPct(rs.getString("assay_wt_pct")),
                noPurity ? null : purity, rs.getString("certificate"), Rows.instant(rs, "received_at"));
    }
}
