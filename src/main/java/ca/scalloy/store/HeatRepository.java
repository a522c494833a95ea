package ca.scalloy.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import ca.scalloy.engine.Message;
import ca.scalloy.engine.Role;
import ca.scalloy.engine.charge.ChargeLine;
import ca.scalloy.engine.charge.ChargeResult;
import ca.scalloy.engine.charge.Material;
import ca.scalloy.engine.charge.Recipe;
import ca.scalloy.engine.heat.Heat;
import ca.scalloy.engine.heat.HeatAction;
import ca.scalloy.engine.heat.HeatCorrection;
import ca.scalloy.engine.heat.HeatLine;
import ca.scalloy.engine.heat.HeatNumberPattern;
import ca.scalloy.engine.heat.HeatRecord;
import ca.scalloy.engine.heat.HeatRecovery;
import ca.scalloy.engine.heat.HeatRefusal;
import ca.scalloy.engine.heat.HeatRuleException;
import ca.scalloy.engine.heat.HeatSample;
import ca.scalloy.engine.heat.HeatStatus;
import ca.scalloy.engine.heat.HeatTolerances;
import ca.scalloy.engine.heat.HeatWorkflow;
import ca.scalloy.engine.heat.Lot;
import ca.scalloy.engine.heat.Lots;
import ca.scalloy.engine.heat.RecoveryPoint;
import ca.scalloy.engine.heat.SampleAnalysis;
import ca.scalloy.engine.heat.SampleCheck;
import ca.scalloy.engine.heat.SampleChecker;
import ca.scalloy.engine.heat.SampleImportLog;
import ca.scalloy.engine.heat.SampleVerdict;
import ca.scalloy.engine.heat.StatusMove;
import ca.scalloy.engine.spec.ElementCheck;
import ca.scalloy.engine.spec.Specification;
import ca.scalloy.io.ColumnMapping;
import ca.scalloy.io.FormatException;
import ca.scalloy.io.HeatJson;
import ca.scalloy.io.RecipeFiles;
import ca.scalloy.io.RecipeFormatException;
import ca.scalloy.io.SpecificationFiles;
import ca.scalloy.io.SpectrometerImport;

/**
 * Heats: planned from a stored recipe version against a specification, numbered by the plant's
 * pattern, moved through {@link HeatStatus} with every move recorded (who, when, why), with weighed
 * kg and lots per charge line, samples each checked against the heat's specification when entered
 * (the verdict kept with the sample), accepted corrections and the actual recovery at release.
 * The database writes an audit entry for every change, and records every status move, in the same transaction
 * (decision 0010).
 */
public final class HeatRepository {

    /** The settings key of the heat-number pattern. */
    static final String PATTERN_KEY = "heat.numberPattern";
    /** Heats in a list's first page. */
    public static final int PAGE_SIZE = 50;
    /** The element whose actual recovery is recorded at release. */
    public static final String RECOVERY_ELEMENT = "Sc";
    /** The rules new samples are judged by (schema version 5 on): see {@code V5__sample_readings_and_verdicts.sql}. */
    static final int VERDICT_RULES = 4;

    private static final String HEAT_COLUMNS = "h.id, h.heat_number, h.recipe_name, h.recipe_version, h.spec_name, h.spec_version,"
            + " h.furnace, h.operator_name, h.status, h.planned_kg, h.created_at, h.updated_at, h.recovery_element, h.recovery_pct,"
            + " h.row_version, h.updated_by";

    private final Database db;
    private final OptimisticLock lock = new OptimisticLock("heats", "heat_number", "heat");
    private final SampleChecker checker = new SampleChecker();

    HeatRepository(Database db) {
        this.db = db;
    }

    /** The heat-number pattern in use ({@link HeatNumberPattern#standard()} until one is set). */
    public HeatNumberPattern numberPattern() {
        return db.inTransaction(this::numberPattern);
    }

    /** Sets the heat-number pattern for heats planned from now on (numbers already given stay). */
    public void setNumberPattern(HeatNumberPattern pattern, String reason) {
        db.settings().set(PATTERN_KEY, pattern.pattern(), reason);
    }

    /**
     * Plans a heat: the next number from the pattern, status PLANNED, one line per material of the
     * planned charge (with its lot where one was chosen), the creation recorded as the first move.
     *
     * @param recipeName     a stored recipe
     * @param recipeVersion  the version the charge was computed from
     * @param specName       the specification agreed with the customer (its current version is bound)
     * @param furnace        the furnace, or ""
     * @param operator       the operator, or ""
     * @param charge         the solved charge (lots' assays already applied)
     * @param lotsByMaterial the lot chosen per material id (may be empty)
     * @throws StoreException for an unknown recipe version or specification, an unsolved charge, or an unknown lot
     */
    public Heat create(String recipeName, int recipeVersion, String specName, String furnace, String operator, ChargeResult charge,
                       Map<String, String> lotsByMaterial) {
        if (!charge.solved()) {
            throw new StoreException(Message.of("store.heat.notSolved", "the charge of \"" + recipeName + "\" is not solved; a heat needs a planned"
                    + " charge", recipeName));
        }
        require(HeatAction.PLAN);
        ColumnLimits.check("furnace", furnace, ColumnLimits.SHORT);
        ColumnLimits.check("operator", operator, ColumnLimits.SHORT);
        return db.inTransaction(c -> {
            if (recipeBody(c, recipeName, recipeVersion) == null) {
                throw new StoreException(Message.of("store.recipe.noVersion", "recipe \"" + recipeName + "\" has no version " + recipeVersion,
                        recipeName, recipeVersion));
            }
            int specVersion = db.specifications().currentVersion(c, specName);
            if (specVersion < 0) {
                throw new StoreException(Message.of("store.specification.none", "no specification named \"" + specName + "\"", specName));
            }
            Instant now = db.clock().instant();
            String number = nextNumber(c, numberPattern(c), LocalDate.ofInstant(now, ZoneOffset.UTC));
            // The database records the heat, its first move (to PLANNED) and their audit entries with this reason.
            db.audit().because(c, "planned");
            long id;
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO heats (heat_number, recipe_name, recipe_version, spec_name,"
                    + " spec_version, furnace, operator_name, status, planned_kg, created_at, updated_at, updated_by) VALUES (?, ?, ?, ?,"
                    + " ?, ?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
                ps.setString(1, number);
                ps.setString(2, recipeName);
                ps.setInt(3, recipeVersion);
                ps.setString(4, specName);
                ps.setInt(5, specVersion);
                ps.setString(6, furnace == null ? "" : furnace);
                ps.setString(7, operator == null ? "" : operator);
                ps.setString(8, HeatStatus.PLANNED.name());
                ps.setDouble(9, charge.productMassKg());
                Rows.setInstant(ps, 10, now);
                Rows.setInstant(ps, 11, now);
                ps.setString(12, db.actor());
                ps.executeUpdate();
                id = generatedKey(ps);
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO heat_lines (heat_ref, line_no, material_id, planned_kg, lot_ref)"
                    + " VALUES (?, ?, ?, ?, ?)")) {
                int lineNo = 1;
                for (ChargeLine l : charge.charge()) {
                    ps.setLong(1, id);
                    ps.setInt(2, lineNo++);
                    ps.setString(3, l.materialId());
                    ps.setDouble(4, l.massKg());
                    String lot = lotsByMaterial.get(l.materialId());
                    ps.setObject(5, lot == null ? null : lotRef(c, lot));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return heat(c, number).orElseThrow();
        });
    }

    /**
     * Moves a heat to {@code to}, recording who, when and why in one transaction with the audit entry.
     * A move to RELEASED records the heat's actual Sc recovery from its last sample (when Sc was charged).
     *
     * @throws StoreException for an unknown heat or a move the workflow does not allow (naming both states)
     */
    public Heat move(String number, HeatStatus to, String reason) {
        return move(number, to, reason, null);
    }

    /**
     * As {@link #move(String, HeatStatus, String)}, for a move decided on the heat at {@code expectedRevision}.
     * The roles each move needs are the workflow's ({@link HeatAction#moveTo}): release, quality; rejection, quality or
     * operator; the rest, operator.
     *
     * @throws ConcurrentChangeException when someone changed the heat since {@code expectedRevision}
     */
    public Heat move(String number, HeatStatus to, String reason, Integer expectedRevision) {
        ColumnLimits.check("reason", reason, ColumnLimits.TEXT);
        require(HeatAction.moveTo(to));
        return db.inTransaction(c -> {
            Heat h = lockedHeat(c, number, expectedRevision);
            moveOn(c, h, to, reason);
            if (to == HeatStatus.RELEASED) {
                recordRecovery(c, number, RECOVERY_ELEMENT);
            }
            return heat(c, number).orElseThrow();
        });
    }

    /**
     * Records what was weighed into the furnace for one charge line, and its lot. The earlier value
     * stays in the audit trail.
     *
     * @param lineNo    the line, 1-based as listed
     * @param weighedKg kg weighed, &gt;= 0
     * @param lotNumber the lot charged, or null to keep the line's lot
     * @throws StoreException for an unknown heat, line or lot, a negative mass, or a heat already cast, released or rejected
     * @throws HeatRefusedException for a heat the workflow no longer lets weigh, or a mass too far from the planned one
     */
    public HeatLine weigh(String number, int lineNo, double weighedKg, String lotNumber, String reason) {
        return weigh(number, lineNo, weighedKg, lotNumber, reason, null);
    }

    /**
     * As {@link #weigh(String, int, double, String, String)}, for a mass entered on the heat shown at
     * {@code expectedRevision}: refused when someone weighed the same line since. Other changes to the heat
     * meanwhile (a sample, another line) do not refuse it; the heat's status is checked as always.
     *
     * @throws ConcurrentChangeException when the line was weighed after revision {@code expectedRevision}
     */
    public HeatLine weigh(String number, int lineNo, double weighedKg, String lotNumber, String reason, Integer expectedRevision) {
        if (!Double.isFinite(weighedKg) || weighedKg < 0) {
            throw new StoreException(Message.of("store.heat.weighedKgRange", "weighed kg must be a number >= 0, was " + weighedKg, weighedKg));
        }
        require(HeatAction.WEIGH);
        ColumnLimits.check("lot number", lotNumber, ColumnLimits.NUMBER);
        ColumnLimits.check("reason", reason, ColumnLimits.TEXT);
        return db.inTransaction(c -> {
            Heat h = lockedHeat(c, number, null);
            if (expectedRevision != null) {
                refuseIfWeighedSince(c, number, lineNo, expectedRevision);
            }
            HeatWorkflow workflow = workflow(c);
            obey(() -> workflow.require(HeatAction.WEIGH, number, h.status()));
            HeatLine old = lines(c, id(c, number)).stream().filter(l -> l.lineNo() == lineNo).findFirst()
                    .orElseThrow(() -> new StoreException(Message.of("store.heat.noLine", "heat " + number + " has no charge line " + lineNo, number,
                            lineNo)));
            refuse(workflow.checkWeighed(number, lineNo, weighedKg, old.plannedKg()));
            String lot = lotNumber == null ? old.lotNumber() : lotNumber;
            if (lotNumber != null) {
                Lot l = db.lots().find(c, lotNumber)
                        .orElseThrow(() -> new StoreException(Message.of("store.lot.none", "no lot numbered \"" + lotNumber + "\"", lotNumber)));
                if (!l.materialId().equals(old.materialId())) {
                    throw new StoreException(Message.of("store.heat.lotOfOtherMaterial", "lot " + lotNumber + " is of material " + l.materialId()
                            + ", line " + lineNo + " charges " + old.materialId(), lotNumber, l.materialId(), lineNo, old.materialId()));
                }
            }
            db.audit().because(c, reason);
            try (PreparedStatement ps = c.prepareStatement("UPDATE heat_lines SET weighed_kg = ?, lot_ref = ?, weighed_revision = ?,"
                    + " weighed_by = ?, weighed_at = ? WHERE heat_ref = ? AND line_no = ?")) {
                ps.setDouble(1, weighedKg);
                ps.setObject(2, lot == null ? null : lotRef(c, lot));
                ps.setInt(3, h.revision());
                ps.setString(4, db.actor());
                Rows.setInstant(ps, 5, db.clock().instant());
                ps.setLong(6, id(c, number));
                ps.setInt(7, lineNo);
                ps.executeUpdate();
            }
            return new HeatLine(lineNo, old.materialId(), old.plannedKg(), weighedKg, lot);
        });
    }

    /**
     * Adds a sample entered by hand, checked against the heat's specification; the verdict is stored
     * with it. A heat that was CHARGED, CORRECTED or CAST moves to SAMPLED (recorded).
     *
     * @throws StoreException for an unknown heat or a sample number the heat already has
     * @throws HeatRefusedException for a heat not yet charged or already released or rejected, or a sample number
     *                              that names another heat
     */
    public HeatSample addSample(String number, SampleAnalysis analysis, String instrument) {
        require(HeatAction.SAMPLE);
        ColumnLimits.check("sample number", analysis.sampleNumber(), ColumnLimits.NUMBER);
        ColumnLimits.check("instrument", instrument, ColumnLimits.NAME);
        return db.inTransaction(c -> insertSample(c, lockedHeat(c, number), analysis, instrument, null, false));
    }

    /**
     * Adds every sample of a spectrometer import, each checked as {@link #addSample}, and keeps the
     * import's log and warnings; all in one transaction (all samples or none). A sample whose number names
     * another heat refuses the whole import.
     *
     * @param fileName   the file imported, for the log
     * @param instrument the instrument (the file's, when it names one), or ""
     * @throws StoreException as {@link #addSample}
     */
    public List<HeatSample> importSamples(String number, SpectrometerImport imported, String fileName, String instrument) {
        return importSamples(number, imported, fileName, instrument, false);
    }

    /**
     * As {@link #importSamples(String, SpectrometerImport, String, String)}; with {@code otherNumbering} the user
     * states that the file's sample numbers follow another scheme (the laboratory's), so a number that looks like
     * another heat's is accepted, and the import log says so.
     */
    public List<HeatSample> importSamples(String number, SpectrometerImport imported, String fileName, String instrument,
                                          boolean otherNumbering) {
        require(HeatAction.SAMPLE);
        ColumnLimits.check("file name", fileName, 500);
        ColumnLimits.check("instrument", instrument, ColumnLimits.NAME);
        return db.inTransaction(c -> {
            Heat h = lockedHeat(c, number);
            List<String> log = new ArrayList<>(imported.log());
            if (otherNumbering) {
                HeatNumberPattern pattern = numberPattern(c);
                List<String> named = imported.samples().stream().map(SampleAnalysis::sampleNumber)
                        .filter(s -> pattern.heatNamedAtStartOf(s).filter(n -> !n.equals(number)).isPresent()).toList();
                log.add("sample numbers follow another scheme (accepted by " + db.actor() + ")"
                        + (named.isEmpty() ? "" : "; numbers that look like another heat's: " + String.join(", ", named)));
            }
            db.audit().because(c, "imported");
            long importRef;
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO sample_imports (heat_ref, file_name, instrument, log_text,"
                    + " warnings, imported_by, imported_at) VALUES (?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
                ps.setLong(1, id(c, number));
                ps.setString(2, fileName);
                ps.setString(3, instrument == null ? "" : instrument);
                ps.setString(4, HeatJson.lines(log));
                ps.setString(5, HeatJson.lines(imported.warnings()));
                ps.setString(6, db.actor());
                Rows.setInstant(ps, 7, db.clock().instant());
                ps.executeUpdate();
                importRef = generatedKey(ps);
            }
            List<HeatSample> out = new ArrayList<>();
            for (SampleAnalysis a : imported.samples()) {
                out.add(insertSample(c, h, a, instrument, importRef, otherNumbering));
                h = heat(c, number).orElseThrow();
            }
            return out;
        });
    }

    /** The column mapping remembered for an instrument. */
    public Optional<ColumnMapping> instrumentMapping(String instrument) {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT mapping FROM instrument_mappings WHERE instrument = ?")) {
                ps.setString(1, instrument);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(HeatJson.parseMapping(rs.getString(1))) : Optional.empty();
                }
            }
        });
    }

    /** Remembers (or replaces) an instrument's column mapping. */
    public void rememberMapping(String instrument, ColumnMapping mapping) {
        db.require("remember instrument mappings", Role.OPERATOR);
        db.inTransaction(c -> {
            String old = null;
            try (PreparedStatement ps = c.prepareStatement("SELECT mapping FROM instrument_mappings WHERE instrument = ?")) {
                ps.setString(1, instrument);
                try (ResultSet rs = ps.executeQuery()) {
                    old = rs.next() ? rs.getString(1) : null;
                }
            }
            String now = HeatJson.mapping(mapping);
            if (now.equals(old)) {
                return null;
            }
            db.audit().because(c, "");
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM instrument_mappings WHERE instrument = ?")) {
                ps.setString(1, instrument);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO instrument_mappings (instrument, mapping, saved_at) VALUES (?, ?, ?)")) {
                ps.setString(1, instrument);
                ps.setString(2, now);
                Rows.setInstant(ps, 3, db.clock().instant());
                ps.executeUpdate();
            }
            return null;
        });
    }

    /**
     * Records an accepted correction (the additions of a trim) and moves the heat from SAMPLED to CORRECTED.
     *
     * @param sampleNumber the sample it corrects, or null for the heat's last
     * @param meltKg       the melt in the furnace it was computed for, kg
     * @param additionsKg  kg per material id
     * @throws StoreException for an unknown heat or sample
     * @throws HeatRefusedException for a heat that is not SAMPLED
     */
    public HeatCorrection addCorrection(String number, String sampleNumber, double meltKg, Map<String, Double> additionsKg, String reason) {
        return addCorrection(number, sampleNumber, meltKg, additionsKg, reason, null);
    }

    /**
     * As {@link #addCorrection(String, String, double, Map, String)}, for a correction computed on the heat
     * at {@code expectedRevision} (from its last sample then): refused when the heat moved on since.
     *
     * @throws ConcurrentChangeException when the heat is no longer at {@code expectedRevision}
     */
    public HeatCorrection addCorrection(String number, String sampleNumber, double meltKg, Map<String, Double> additionsKg, String reason,
                                        Integer expectedRevision) {
        require(HeatAction.CORRECT);
        ColumnLimits.check("reason", reason, ColumnLimits.TEXT);
        return db.inTransaction(c -> {
            Heat h = lockedHeat(c, number, expectedRevision);
            HeatWorkflow workflow = workflow(c);
            obey(() -> workflow.require(HeatAction.CORRECT, number, h.status()));
            long heatRef = id(c, number);
            Long sampleRef = null;
            String sample = sampleNumber;
            try (PreparedStatement ps = c.prepareStatement(sampleNumber == null
                    ? "SELECT id, sample_number FROM samples WHERE heat_ref = ? ORDER BY id DESC FETCH FIRST 1 ROWS ONLY"
                    : "SELECT id, sample_number FROM samples WHERE heat_ref = ? AND sample_number = ?")) {
                ps.setLong(1, heatRef);
                if (sampleNumber != null) {
                    ps.setString(2, sampleNumber);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        sampleRef = rs.getLong(1);
                        sample = rs.getString(2);
                    } else if (sampleNumber != null) {
                        throw new StoreException(Message.of("store.heat.noSample", "heat " + number + " has no sample " + sampleNumber, number,
                                sampleNumber));
                    }
                }
            }
            moveOn(c, h, workflow.afterCorrection(), "correction" + (reason == null || reason.isEmpty() ? "" : ": " + reason));
            Instant now = db.clock().instant();
            db.audit().because(c, reason);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO corrections (heat_ref, sample_ref, melt_kg, additions, reason,"
                    + " accepted_by, accepted_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                ps.setLong(1, heatRef);
                ps.setObject(2, sampleRef);
                ps.setDouble(3, meltKg);
                ps.setString(4, HeatJson.kgByMaterial(additionsKg));
                ps.setString(5, reason == null ? "" : reason);
                ps.setString(6, db.actor());
                Rows.setInstant(ps, 7, now);
                ps.executeUpdate();
            }
            return new HeatCorrection(sample, meltKg, additionsKg, reason == null ? "" : reason, db.actor(), now);
        });
    }

    /** The heat with everything kept on it. */
    public Optional<HeatRecord> find(String number) {
        return db.inTransaction(c -> {
            Optional<Heat> h = heat(c, number);
            if (h.isEmpty()) {
                return Optional.empty();
            }
            long ref = id(c, number);
            return Optional.of(new HeatRecord(h.get(), lines(c, ref), samples(c, ref), corrections(c, ref), moves(c, ref), imports(c, ref)));
        });
    }

    /**
     * The first page of heats, newest first.
     *
     * @param status only heats in this state, or null
     * @param search only heats whose number starts with it, or that charged a lot whose number starts with it; or null
     * @param limit  at most this many (e.g. {@link #PAGE_SIZE})
     */
    public List<Heat> list(HeatStatus status, String search, int limit) {
        StringBuilder sql = new StringBuilder("SELECT " + HEAT_COLUMNS + " FROM heats h WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        if (status != null) {
            sql.append(" AND h.status = ?");
            params.add(status.name());
        }
        if (search != null && !search.isBlank()) {
            String prefix = Rows.prefixPattern(search.strip());
            sql.append(" AND h.id IN (SELECT n.id FROM heats n WHERE n.heat_number LIKE ? ESCAPE '\\' UNION SELECT l.heat_ref FROM"
                    + " heat_lines l JOIN lots t ON t.id = l.lot_ref WHERE t.lot_number LIKE ? ESCAPE '\\')");
            params.add(prefix);
            params.add(prefix);
        }
        sql.append(" ORDER BY h.id DESC FETCH FIRST ? ROWS ONLY");
        params.add(limit);
        return db.inTransaction(c -> {
            List<Heat> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                for (int i = 0; i < params.size(); i++) {
                    ps.setObject(i + 1, params.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(heat(rs));
                    }
                }
            }
            return out;
        });
    }

    /**
     * The recipe of the heat (its stored version) with the assays of the lots on its lines: what a
     * correction is computed from.
     *
     * @throws StoreException for an unknown heat
     */
    public Recipe recipeOf(String number) {
        return db.inTransaction(c -> recipeWithLots(c, requiredHeat(c, number), id(c, number)));
    }

    /**
     * The specification version the heat was planned against.
     *
     * @throws StoreException for an unknown heat
     */
    public Specification specificationOf(String number) {
        return db.inTransaction(c -> specification(c, requiredHeat(c, number)));
    }

    /**
     * The heat's actual recovery of {@code element}, %, from what went in (weighed kg, else planned, with
     * the lots' assays) and its last sample, over the planned product mass; NaN when none of the
     * element was charged.
     *
     * @throws StoreException for an unknown heat or a heat with no sample
     */
    public double actualRecoveryPct(String number, String element) {
        return db.inTransaction(c -> recovery(c, number, element));
    }

    /**
     * Every released heat's actual recovery that the material took part in, oldest first: the material's
     * recovery history, per route (the heat's recipe).
     */
    public List<RecoveryPoint> recoveryHistory(String materialId) {
        return db.inTransaction(c -> {
            List<RecoveryPoint> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT h.heat_number, h.recipe_name, h.recovery_element, h.recovery_pct,"
                    + " h.updated_at, h.furnace FROM heats h WHERE h.recovery_pct IS NOT NULL AND h.id IN (SELECT l.heat_ref FROM heat_lines l"
                    + " WHERE l.material_id = ?) ORDER BY h.id")) {
                ps.setString(1, materialId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new RecoveryPoint(rs.getString(1), materialId, rs.getString(2), rs.getString(6), rs.getString(3), rs.getDouble(4),
                                Rows.instant(rs, "updated_at")));
                    }
                }
            }
            return out;
        });
    }

    // ---- inside a transaction

    private HeatSample insertSample(Connection c, Heat h, SampleAnalysis a, String instrument, Long importRef, boolean otherNumbering)
            throws SQLException {
        HeatWorkflow workflow = workflow(c);
        obey(() -> workflow.require(HeatAction.SAMPLE, h.number(), h.status()));
        if (!otherNumbering) {
            refuse(workflow.checkSampleNumber(h.number(), a.sampleNumber(), numberPattern(c)));
        }
        long heatRef = id(c, h.number());
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM samples WHERE heat_ref = ? AND sample_number = ?")) {
            ps.setLong(1, heatRef);
            ps.setString(2, a.sampleNumber());
            if (Rows.longOrMissing(ps) >= 0) {
                throw new StoreException(Message.of("heats.refusal.duplicateSample", "heat " + h.number() + " already has a sample "
                        + a.sampleNumber(), h.number(), a.sampleNumber()), null);
            }
        }
        Recipe recipe = recipe(c, h);
        SampleChecker.Result result;
        try {
            result = checker.check(a, specification(c, h), recipe.balanceElement());
        } catch (IllegalArgumentException e) {
            throw new StoreException(e);
        }
        Instant now = db.clock().instant();
        String inst = instrument == null ? "" : instrument;
        db.audit().because(c, importRef == null ? "entered by hand" : "imported");
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO samples (heat_ref, sample_number, taken_at, instrument, method,"
                + " import_ref, values_wt_pct, verdict, checks, entered_by, entered_at, below_detection, verdict_rules)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setLong(1, heatRef);
            ps.setString(2, a.sampleNumber());
            ps.setString(3, a.takenAt());
            ps.setString(4, inst);
            ps.setString(5, a.method());
            ps.setObject(6, importRef);
            ps.setString(7, HeatJson.wtPct(a.wtPct()));
            ps.setString(8, result.verdict().name());
            ps.setString(9, HeatJson.checks(result.checks()));
            ps.setString(10, db.actor());
            Rows.setInstant(ps, 11, now);
            ps.setString(12, HeatJson.belowDetection(a.belowDetection()));
            ps.setInt(13, VERDICT_RULES);
            ps.executeUpdate();
        }
        Optional<HeatStatus> after = workflow.afterSample(h.status());
        if (after.isPresent()) {
            moveOn(c, h, after.get(), "sample " + a.sampleNumber());
        }
        return new HeatSample(a, inst, importRef != null, result.verdict(), result.checks(), db.actor(), now, false);
    }

    /** The plant's workflow: its plausibility tolerances with the plant's settings applied. */
    private HeatWorkflow workflow(Connection c) throws SQLException {
        Map<String, String> overrides = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT setting_key, setting_value FROM settings WHERE setting_key LIKE ?")) {
            ps.setString(1, HeatTolerances.SETTING_PREFIX + "%");
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    overrides.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        try {
            return new HeatWorkflow(HeatTolerances.standard().with(overrides));
        } catch (IllegalArgumentException e) {
            throw new StoreException(e);
        }
    }

    /** The plant's heat workflow (its tolerances with the plant's settings), for the workbench and the commands to ask. */
    public HeatWorkflow workflow() {
        return db.inTransaction(this::workflow);
    }

    /** The workflow of a heat being changed in {@code c}, for the other repositories (casts, certificates). */
    HeatWorkflow workflowIn(Connection c) throws SQLException {
        return workflow(c);
    }

    /** Refuses an action the user's roles do not allow, as the workflow divides them. */
    private void require(HeatAction action) {
        db.require(action.what(), action.roles().toArray(Role[]::new));
    }

    /** Runs a workflow check, turning its refusal into the store's. */
    static void obey(Runnable check) {
        try {
            check.run();
        } catch (HeatRuleException e) {
            throw new HeatRefusedException(e);
        }
    }

    /** Throws the refusal, if any. */
    static void refuse(Optional<HeatRefusal> refusal) {
        if (refusal.isPresent()) {
            throw new HeatRefusedException(new HeatRuleException(refusal.get()));
        }
    }

    private void moveOn(Connection c, Heat h, HeatStatus to, String reason) throws SQLException {
        obey(() -> HeatWorkflow.standard().move(h.number(), h.status(), to));
        // The database records the move (status_moves) and its audit entry, with this reason.
        db.audit().because(c, reason);
        try (PreparedStatement ps = c.prepareStatement("UPDATE heats SET status = ?, updated_at = ? WHERE heat_number = ?")) {
            ps.setString(1, to.name());
            Rows.setInstant(ps, 2, db.clock().instant());
            ps.setString(3, h.number());
            ps.executeUpdate();
        }
    }

    private void recordRecovery(Connection c, String number, String element) throws SQLException {
        if (samples(c, id(c, number)).isEmpty()) {
            return;
        }
        double pct = recovery(c, number, element);
        if (Double.isNaN(pct)) {
            return;
        }
        db.audit().because(c, "at release, from the last sample");
        try (PreparedStatement ps = c.prepareStatement("UPDATE heats SET recovery_element = ?, recovery_pct = ? WHERE heat_number = ?")) {
            ps.setString(1, element);
            ps.setDouble(2, pct);
            ps.setString(3, number);
            ps.executeUpdate();
        }
    }

    private double recovery(Connection c, String number, String element) throws SQLException {
        Heat h = requiredHeat(c, number);
        long ref = id(c, number);
        List<HeatSample> samples = samples(c, ref);
        if (samples.isEmpty()) {
            throw new StoreException(Message.of("store.heat.noSampleForRecovery", "heat " + number + " has no sample to compute its recovery from",
                    number));
        }
        Recipe recipe = recipeWithLots(c, h, ref);
        Map<Material, Double> inKg = new LinkedHashMap<>();
        for (HeatLine l : lines(c, ref)) {
            Material m = recipe.material(l.materialId())
                    .orElseThrow(() -> new StoreException(Message.of("store.heat.materialNotInRecipe", "heat " + number + " charges " + l.materialId()
                            + ", unknown to its recipe", number, l.materialId())));
            inKg.merge(m, l.weighedKg() == null ? l.plannedKg() : l.weighedKg(), Double::sum);
        }
        SampleAnalysis last = samples.get(samples.size() - 1).analysis();
        double finalPct = last.wtPct().getOrDefault(element, 0.0);
        return HeatRecovery.actualPct(element, inKg, recipe.heel().massKg(), recipe.heel().composition().pct(element), h.plannedKg(),
                finalPct);
    }

    private Recipe recipeWithLots(Connection c, Heat h, long ref) throws SQLException {
        Recipe recipe = recipe(c, h);
        Map<String, Lot> lots = new LinkedHashMap<>();
        for (HeatLine l : lines(c, ref)) {
            if (l.lotNumber() != null) {
                lots.put(l.materialId(), db.lots().find(c, l.lotNumber()).orElseThrow());
            }
        }
        try {
            return Lots.apply(recipe, lots);
        } catch (IllegalArgumentException e) {
            throw new StoreException(Message.of("store.heat.lotsRefused", "heat " + h.number() + ": " + e.getMessage(), h.number(),
                    Reasons.of(e)), e);
        }
    }

    private Recipe recipe(Connection c, Heat h) throws SQLException {
        String body = recipeBody(c, h.recipeName(), h.recipeVersion());
        String label = "recipe " + h.recipeName() + " version " + h.recipeVersion();
        if (body == null) {
            throw new StoreException(Message.of("store.damaged.heatRecipeMissing", "heat " + h.number() + ": its " + label + " is missing",
                    h.number(), h.recipeName(), h.recipeVersion()));
        }
        try {
            return RecipeFiles.parse(body, label);
        } catch (RecipeFormatException e) {
            throw RecipeRepository.damaged(h.recipeName(), h.recipeVersion(), e);
        }
    }

    private static String recipeBody(Connection c, String name, int version) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT v.body FROM recipes r JOIN recipe_versions v ON v.recipe_ref = r.id"
                + " WHERE r.name = ? AND v.version = ?")) {
            ps.setString(1, name);
            ps.setInt(2, version);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private static Specification specification(Connection c, Heat h) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT v.body FROM specifications s JOIN specification_versions v"
                + " ON v.spec_ref = s.id WHERE s.name = ? AND v.version = ?")) {
            ps.setString(1, h.specName());
            ps.setInt(2, h.specVersion());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new StoreException(Message.of("store.damaged.heatSpecificationMissing", "heat " + h.number() + ": its specification "
                            + h.specName() + " version " + h.specVersion() + " is missing", h.number(), h.specName(), h.specVersion()));
                }
                return SpecificationFiles.parseSpecification(rs.getString(1), "specification " + h.specName());
            }
        } catch (FormatException e) {
            throw SpecificationRepository.damaged(h.specName(), e);
        }
    }

    private String nextNumber(Connection c, HeatNumberPattern pattern, LocalDate date) throws SQLException {
        String group = pattern.pattern() + " " + pattern.format(date, 1);
        while (true) {
            int seq;
            try (PreparedStatement ps = c.prepareStatement("UPDATE heat_numbering SET last_seq = last_seq + 1 WHERE prefix = ?")) {
                ps.setString(1, group);
                if (ps.executeUpdate() == 0 && !startNumbering(c, group)) {
                    continue;
                }
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT last_seq FROM heat_numbering WHERE prefix = ?")) {
                ps.setString(1, group);
                seq = (int) Rows.longOrMissing(ps);
            }
            String number = pattern.format(date, seq);
            if (!heatExists(c, number)) {
                return number;
            }
        }
    }

    /**
     * Starts the numbering of a new prefix at 1. Two workstations planning the first heat of a prefix at
     * once both try; the second one's insert is refused as a duplicate, undone to a savepoint (a failed
     * statement would otherwise spoil the whole transaction on PostgreSQL), and it takes the next number.
     *
     * @return false when another writer started it first (take the next number)
     */
    private static boolean startNumbering(Connection c, String group) throws SQLException {
        Savepoint before = c.setSavepoint();
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO heat_numbering (prefix, last_seq) VALUES (?, 1)")) {
            insert.setString(1, group);
            insert.executeUpdate();
            c.releaseSavepoint(before);
            return true;
        } catch (SQLException e) {
            if (!"23505".equals(e.getSQLState())) {
                throw e;
            }
            c.rollback(before);
            return false;
        }
    }

    private static boolean heatExists(Connection c, String number) throws SQLException {
        return id(c, number) >= 0;
    }

    private HeatNumberPattern numberPattern(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT setting_value FROM settings WHERE setting_key = ?")) {
            ps.setString(1, PATTERN_KEY);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? new HeatNumberPattern(rs.getString(1)) : HeatNumberPattern.standard();
            }
        }
    }

    private Heat lockedHeat(Connection c, String number) throws SQLException {
        return lockedHeat(c, number, null);
    }

    /** Refuses a weighing when the line was weighed by someone after the revision the user saw. */
    private void refuseIfWeighedSince(Connection c, String number, int lineNo, int expectedRevision) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT l.weighed_revision, l.weighed_by, l.weighed_at FROM heat_lines l"
                + " JOIN heats h ON h.id = l.heat_ref WHERE h.heat_number = ? AND l.line_no = ?")) {
            ps.setString(1, number);
            ps.setInt(2, lineNo);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    int weighedAt = rs.getInt(1);
                    if (!rs.wasNull() && weighedAt > expectedRevision) {
                        throw OptimisticLock.conflict("line " + lineNo + " of heat " + number,
                                new RowStamp(weighedAt, rs.getString(2), Rows.instant(rs, "weighed_at")), db.clock(),
                                "reload it and weigh again", "heat revision");
                    }
                }
            }
        }
    }

    /** For the other repositories' changes to a heat (casts, certificates): {@link #lockedHeat(Connection, String, Integer)}. */
    Heat lockForChange(Connection c, String number, Integer expectedRevision) throws SQLException {
        return lockedHeat(c, number, expectedRevision);
    }

    /**
     * Locks the heat's row for this transaction (a second writer, in this process or another, waits here
     * instead of reading a stale status), checks the revision the user's edit started from, and counts
     * the change (decision 0008).
     *
     * @param expectedRevision the revision the edit started from, or null for a change that overwrites nothing seen
     * @throws ConcurrentChangeException when the heat moved on since {@code expectedRevision}
     */
    private Heat lockedHeat(Connection c, String number, Integer expectedRevision) throws SQLException {
        if (lock.change(c, db, number, expectedRevision) == null) {
            throw new StoreException(Message.of("store.heat.none", "no heat numbered \"" + number + "\"", number));
        }
        return requiredHeat(c, number);
    }

    private Heat requiredHeat(Connection c, String number) throws SQLException {
        return heat(c, number).orElseThrow(() -> new StoreException(Message.of("store.heat.none", "no heat numbered \"" + number + "\"", number)));
    }

    private static Optional<Heat> heat(Connection c, String number) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + HEAT_COLUMNS + " FROM heats h WHERE h.heat_number = ?")) {
            ps.setString(1, number);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(heat(rs)) : Optional.empty();
            }
        }
    }

    private static Heat heat(ResultSet rs) throws SQLException {
        double recovery = rs.getDouble("recovery_pct");
        boolean noRecovery = rs.wasNull();
        return new Heat(rs.getString("heat_number"), rs.getString("recipe_name"), rs.getInt("recipe_version"), rs.getString("spec_name"),
                rs.getInt("spec_version"), rs.getString("furnace"), rs.getString("operator_name"), HeatStatus.valueOf(rs.getString("status")),
                rs.getDouble("planned_kg"), Rows.instant(rs, "created_at"), Rows.instant(rs, "updated_at"), rs.getString("recovery_element"),
                noRecovery ? null : recovery, rs.getInt("row_version"), rs.getString("updated_by"));
    }

    private static long id(Connection c, String number) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM heats WHERE heat_number = ?")) {
            ps.setString(1, number);
            return Rows.longOrMissing(ps);
        }
    }

    private static long lotRef(Connection c, String lotNumber) throws SQLException {
        long ref = LotRepository.ref(c, lotNumber);
        if (ref < 0) {
            throw new StoreException(Message.of("store.lot.none", "no lot numbered \"" + lotNumber + "\"", lotNumber));
        }
        return ref;
    }

    private static List<HeatLine> lines(Connection c, long heatRef) throws SQLException {
        return Rows.list(c, "SELECT l.line_no, l.material_id, l.planned_kg, l.weighed_kg, t.lot_number FROM heat_lines l"
                + " LEFT JOIN lots t ON t.id = l.lot_ref WHERE l.heat_ref = ? ORDER BY l.line_no", heatRef, rs -> {
                    double weighed = rs.getDouble(4);
                    boolean notWeighed = rs.wasNull();
                    return new HeatLine(rs.getInt(1), rs.getString(2), rs.getDouble(3), notWeighed ? null : weighed, rs.getString(5));
                });
    }

    private static List<HeatSample> samples(Connection c, long heatRef) throws SQLException {
        return Rows.list(c, "SELECT sample_number, taken_at, method, instrument, import_ref, values_wt_pct, verdict, checks, entered_by,"
                + " entered_at, below_detection, verdict_rules FROM samples WHERE heat_ref = ? ORDER BY id", heatRef, rs -> {
                    SampleAnalysis a = new SampleAnalysis(rs.getString(1), rs.getString(2), rs.getString(3),
                            HeatJson.parseWtPct(rs.getString(6)), HeatJson.parseBelowDetection(rs.getString(11)));
                    rs.getLong(5);
                    boolean byHand = rs.wasNull();
                    int rules = rs.getInt(12);
                    List<SampleCheck> stored = HeatJson.parseChecks(rs.getString(8));
                    List<SampleCheck> checks = rules < 2 ? legacyChecks(a, stored) : stored;
                    if (rules < 4) {
                        checks = othersAsReadToday(a, checks);
                    }
                    boolean legacy = rules < 2 || !checks.equals(stored);
                    return new HeatSample(a, rs.getString(4), !byHand, SampleVerdict.valueOf(rs.getString(7)),
                            checks, rs.getString(9), Rows.instant(rs, "entered_at"), legacy);
                });
    }

    /**
     * The "others" of a sample judged before version 8, as the rules of today read what it reported (its stored
     * verdict is left as it was given): under rules 2 (or 1) they were judged, as 0 % and PASS, also when it measured
     * no element outside the listed ones (now NOT_REPORTED, version 7); up to rules 3 an unlisted element reported only
     * "&lt;x" counted as 0 % (now as at most x, version 8). The balance is told from the others by its share: an element
     * reported above 50 wt% (no "other" comes near that), as the stored checks do not name the heat's balance element.
     */
    private static List<SampleCheck> othersAsReadToday(SampleAnalysis a, List<SampleCheck> checks) {
        java.util.Set<String> listed = checks.stream().map(SampleCheck::element).collect(java.util.stream.Collectors.toSet());
        int first = 0;
        while (first < checks.size() && !ElementCheck.isOthers(checks.get(first).element())) {
            first++;
        }
        List<SampleCheck> out = new ArrayList<>(checks.subList(0, first));
        out.addAll(SampleChecker.othersChecks(a, e -> listed.contains(e) || a.wtPct().getOrDefault(e, 0.0) > 50,
                checks.subList(first, checks.size())));
        return out;
    }

    /**
     * The checks of a sample judged before version 5, which counted an element it did not report as 0 %: such an
     * element reads as NOT_REPORTED (no value), the others as stored. The sample's verdict is left as it was given.
     */
    private static List<SampleCheck> legacyChecks(SampleAnalysis a, List<SampleCheck> stored) {
        return stored.stream().map(k -> ElementCheck.isOthers(k.element()) || a.reports(k.element()) ? k
                : SampleCheck.unjudged(k.element(), k.minPct(), k.maxPct(), SampleCheck.Reading.ABSENT)).toList();
    }

    private static List<HeatCorrection> corrections(Connection c, long heatRef) throws SQLException {
        return Rows.list(c, "SELECT s.sample_number, k.melt_kg, k.additions, k.reason, k.accepted_by, k.accepted_at FROM corrections k"
                + " LEFT JOIN samples s ON s.id = k.sample_ref WHERE k.heat_ref = ? ORDER BY k.id", heatRef,
                rs -> new HeatCorrection(rs.getString(1), rs.getDouble(2), HeatJson.parseKgByMaterial(rs.getString(3)), rs.getString(4),
                        rs.getString(5), Rows.instant(rs, "accepted_at")));
    }

    private static List<StatusMove> moves(Connection c, long heatRef) throws SQLException {
        return Rows.list(c, "SELECT from_status, to_status, moved_by, moved_at, reason FROM status_moves WHERE heat_ref = ? ORDER BY id",
                heatRef, rs -> {
                    String from = rs.getString(1);
                    return new StatusMove(from == null ? null : HeatStatus.valueOf(from), HeatStatus.valueOf(rs.getString(2)),
                            rs.getString(3), Rows.instant(rs, "moved_at"), rs.getString(5));
                });
    }

    private static List<SampleImportLog> imports(Connection c, long heatRef) throws SQLException {
        return Rows.list(c, "SELECT file_name, instrument, log_text, warnings, imported_by, imported_at FROM sample_imports"
                + " WHERE heat_ref = ? ORDER BY id", heatRef,
                rs -> new SampleImportLog(rs.getString(1), rs.getString(2), HeatJson.parseLines(rs.getString(3)),
                        HeatJson.parseLines(rs.getString(4)), rs.getString(5), Rows.instant(rs, "imported_at")));
    }

    private static long generatedKey(PreparedStatement ps) throws SQLException {
        try (ResultSet keys = ps.getGeneratedKeys()) {
            keys.next();
            return keys.getLong(1);
        }
    }
}
