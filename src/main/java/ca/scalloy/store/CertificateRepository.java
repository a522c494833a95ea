package ca.scalloy.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import ca.scalloy.engine.Message;
import ca.scalloy.engine.Role;
import ca.scalloy.engine.doc.CertificateOfAnalysis;
import ca.scalloy.engine.heat.Heat;
import ca.scalloy.engine.heat.HeatRecord;
import ca.scalloy.engine.heat.HeatAction;
import ca.scalloy.engine.heat.HeatCorrection;
import ca.scalloy.engine.heat.HeatLine;
import ca.scalloy.engine.heat.HeatSample;
import ca.scalloy.engine.heat.HeatWorkflow;
import ca.scalloy.engine.spec.Specification;

/**
 * What was cast, and the certificates of analysis issued for heats. A certificate quotes the heat's
 * last sample with the element checks it got when it was entered (never recomputed), and is refused
 * for a failing analysis unless a concession with its reason is given; the concession is recorded
 * with the certificate and in the audit trail.
 */
public final class CertificateRepository {

    private final Database db;

    CertificateRepository(Database db) {
        this.db = db;
    }

    /**
     * What the certificate states beyond the heat's own record.
     *
     * @param customer         customer
     * @param order            order and line
     * @param product          product and form
     * @param quantityKg       quantity delivered, or null for the cast mass (else the planned mass)
     * @param pieces           pieces, or null for the cast pieces
     * @param concessionReason the concession agreed for a failing analysis, or null
     * @param samplingStandard sampling and test standards
     * @param laboratory       laboratory and accreditation
     * @param signatory        authorised signatory (independent of production)
     * @param signatoryRole    the signatory's role
     */
    public record Request(String customer, String order, String product, Double quantityKg, Integer pieces, String concessionReason,
                          String samplingStandard, String laboratory, String signatory, String signatoryRole) {
    }

    /**
     * Records the mass (and pieces) cast from a heat; the earlier value stays in the audit trail.
     *
     * @throws StoreException for an unknown heat or a mass that is not above 0
     * @throws HeatRefusedException for a heat not yet cast, or a mass outside the plausible range ({@link HeatWorkflow#castRangeKg})
     */
    public void recordCast(String heatNumber, double castKg, Integer pieces, String reason) {
        require(HeatAction.CAST);
        if (!Double.isFinite(castKg) || castKg <= 0) {
            throw new StoreException(Message.of("store.certificate.castKgRange", "cast kg must be a number > 0, was " + castKg, castKg));
        }
        if (pieces != null && pieces < 0) {
            throw new StoreException(Message.of("store.certificate.piecesRange", "pieces must be >= 0, was " + pieces, pieces));
        }
        heat(heatNumber);
        db.inTransaction(c -> {
            Heat locked = db.heats().lockForChange(c, heatNumber, null);
            HeatWorkflow workflow = db.heats().workflowIn(c);
            HeatRepository.obey(() -> workflow.require(HeatAction.CAST, heatNumber, locked.status()));
            HeatRecord rec = heat(heatNumber);
            HeatRepository.refuse(workflow.checkCast(heatNumber, castKg, locked.plannedKg(), chargedKg(rec)));
            db.audit().because(c, reason);
            Optional<Double> old = castKg(c, heatNumber);
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM heat_casts WHERE heat_number = ?")) {
                ps.setString(1, heatNumber);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO heat_casts (heat_number, cast_kg, pieces, recorded_at, recorded_by) VALUES (?, ?, ?, ?, ?)")) {
                ps.setString(1, heatNumber);
                ps.setDouble(2, castKg);
                if (pieces == null) {
                    ps.setNull(3, Types.INTEGER);
                } else {
                    ps.setInt(3, pieces);
                }
                Rows.setInstant(ps, 4, db.clock().instant());
                ps.setString(5, db.actor());
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** The mass cast from a heat, if recorded. */
    public Optional<Double> castKg(String heatNumber) {
        return db.inTransaction(c -> castKg(c, heatNumber));
    }

    /**
     * Issues (and records) the certificate of analysis of a cast or released heat.
     *
     * @throws StoreException for an unknown heat, one not yet cast, one without a sample, or a failing
     *                        final analysis without a concession (the message names what fails)
     */
    public CertificateOfAnalysis issue(String heatNumber, Request r) {
        return issue(heatNumber, r, null);
    }

    /**
     * As {@link #issue(String, Request)}, for the heat as shown at {@code expectedRevision}: refused when it
     * changed since (a new sample or cast would otherwise be certified unseen).
     *
     * @throws ConcurrentChangeException when the heat is no longer at {@code expectedRevision}
     */
    public CertificateOfAnalysis issue(String heatNumber, Request r, Integer expectedRevision) {
        require(HeatAction.CERTIFY);
        return db.inTransaction(c -> {
            // Locked first, and everything certified read after: two certificates issued for one heat at once
            // queue here and take different numbers, and a sample added meanwhile is either in or refused.
            db.heats().lockForChange(c, heatNumber, expectedRevision);
            HeatRecord rec = heat(heatNumber);
            HeatWorkflow workflow = db.heats().workflowIn(c);
            HeatRepository.obey(() -> workflow.require(HeatAction.CERTIFY, heatNumber, rec.heat().status()));
            if (rec.samples().isEmpty()) {
                throw new StoreException(Message.of("store.certificate.noAnalysis", "heat " + heatNumber + " has no analysis to certify",
                        heatNumber));
            }
            HeatSample last = rec.samples().get(rec.samples().size() - 1);
            Specification spec = db.heats().specificationOf(heatNumber);
            SettingsRepository settings = db.settings();
            String issuer = settings.get(SettingsRepository.COMPANY_NAME, "Scalloy") + "\n" + settings.get(SettingsRepository.COMPANY_ADDRESS, "");
            Optional<double[]> cast = cast(c, heatNumber);
            double quantity = r.quantityKg() != null ? r.quantityKg() : cast.map(x -> x[0]).orElse(rec.heat().plannedKg());
            Integer pieces = r.pieces() != null ? r.pieces() : cast.filter(x -> !Double.isNaN(x[1])).map(x -> (int) x[1]).orElse(null);
            String number = "COA-" + heatNumber + "-" + (count(c, heatNumber) + 1);
            String date = db.clock().instant().atOffset(ZoneOffset.UTC).toLocalDate().toString();
            String signatory = r.signatory() == null || r.signatory().isBlank() ? db.actor() : r.signatory();
            CertificateOfAnalysis coa;
            try {
                coa = CertificateOfAnalysis.builder(number, heatNumber, last, spec, signatory).issuer(issuer).customer(r.customer())
                        .order(r.order()).product(r.product()).quantityKg(quantity).pieces(pieces)
                        .concessionReason(r.concessionReason()).samplingStandard(r.samplingStandard()).laboratory(r.laboratory())
                        .signatoryRole(r.signatoryRole()).date(date).issue();
            } catch (IllegalArgumentException e) {
                throw new StoreException(e);
            }
            db.audit().because(c, coa.compliant() ? "" : r.concessionReason());
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO certificates (certificate_number, heat_number, sample_number,"
                    + " customer, order_line, product, quantity_kg, pieces, verdict, concession_reason, signatory, signatory_role,"
                    + " issued_at, issued_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, number);
                ps.setString(2, heatNumber);
                ps.setString(3, last.analysis().sampleNumber());
                ps.setString(4, coa.customer());
                ps.setString(5, coa.order());
                ps.setString(6, coa.product());
                ps.setDouble(7, quantity);
                if (pieces == null) {
                    ps.setNull(8, Types.INTEGER);
                } else {
                    ps.setInt(8, pieces);
                }
                ps.setString(9, last.verdict().name());
                ps.setString(10, coa.compliant() ? null : r.concessionReason());
                ps.setString(11, signatory);
                ps.setString(12, coa.signatoryRole());
                Rows.setInstant(ps, 13, db.clock().instant());
                ps.setString(14, db.actor());
                ps.executeUpdate();
            }
            return coa;
        });
    }

    /** The numbers of the certificates issued for a heat, oldest first. */
    public List<String> certificatesOf(String heatNumber) {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT certificate_number FROM certificates WHERE heat_number = ? ORDER BY id")) {
                ps.setString(1, heatNumber);
                try (ResultSet rs = ps.executeQuery()) {
                    List<String> out = new java.util.ArrayList<>();
                    while (rs.next()) {
                        out.add(rs.getString(1));
                    }
                    return out;
                }
            }
        });
    }

    /** What went into the furnace, kg: each line's weighed kg (else its planned kg) plus every accepted correction. */
    static double chargedKg(HeatRecord r) {
        double kg = 0;
        for (HeatLine l : r.lines()) {
            kg += l.weighedKg() == null ? l.plannedKg() : l.weighedKg();
        }
        for (HeatCorrection k : r.corrections()) {
            kg += k.additionsKg().values().stream().mapToDouble(Double::doubleValue).sum();
        }
        return kg;
    }

    private void require(HeatAction action) {
        db.require(action.what(), action.roles().toArray(Role[]::new));
    }

    private HeatRecord heat(String number) {
        return db.heats().find(number).orElseThrow(() -> new StoreException(Message.of("store.heat.none", "no heat numbered " + number, number)));
    }

    private static int count(Connection c, String heatNumber) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM certificates WHERE heat_number = ?")) {
            ps.setString(1, heatNumber);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private static Optional<Double> castKg(Connection c, String heatNumber) throws SQLException {
        return cast(c, heatNumber).map(x -> x[0]);
    }

    /** {cast kg, pieces or NaN}, if recorded. */
    private static Optional<double[]> cast(Connection c, String heatNumber) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT cast_kg, pieces FROM heat_casts WHERE heat_number = ?")) {
            ps.setString(1, heatNumber);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                int pieces = rs.getInt(2);
                return Optional.of(new double[] {rs.getDouble(1), rs.wasNull() ? Double.NaN : pieces});
            }
        }
    }

    private static String kg(double v) {
        return String.format(Locale.ROOT, "%.3f kg", v);
    }
}
