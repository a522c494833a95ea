package ca.scalloy.store;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import ca.scalloy.engine.library.AuditEntry;
import ca.scalloy.io.RowJson;

/**
 * The audit log's rows in the shape people read (entity, id, change, old → new, reason, who, database user,
 * when), the same for both databases and for entries from before schema version 6.
 *
 * <p>An entry written before version 6 was written whole by the application and is shown as stored. From
 * version 6 the database writes one entry per changed row: the row before and after as JSON
 * ({@link RowJson}). This class words those: a heat's status UPDATE is a "move" from the old status to the new,
 * a charge line's weighed kg a "weigh line N", a material price row a "price", and so on, as the application
 * used to word them. Rows that only accompany another change of the same transaction (the charge lines planned
 * with a heat, a recipe's version counter, the price row of a material edit, a setting replaced by a delete and
 * an insert) are folded into that change; a row the wording does not know (a change made by hand with SQL)
 * is shown as its changed columns. Nothing is read back from anywhere but the stored rows and the rows they
 * name (a lot's number, a sample's number, the version or price before).
 */
final class AuditEntries {

    /** A stored row of {@code audit_log}: the entry as stored, and which row change it records (null before version 6). */
    record Stored(AuditEntry entry, String table, String operation, String transaction) {

        boolean isRowChange() {
            return table != null;
        }

        Map<String, Object> before() {
            return entry.oldValue() == null ? null : RowJson.read(entry.oldValue());
        }

        Map<String, Object> after() {
            return entry.newValue() == null ? null : RowJson.read(entry.newValue());
        }

        /** The transaction, entity and id: what folds together. */
        String group() {
            return transaction + "\u0000" + entry.entity() + "\u0000" + entry.entityId();
        }
    }

    private static final String INSERT = "INSERT";
    private static final String UPDATE = "UPDATE";
    private static final String DELETE = "DELETE";
    private static final String RECOVERY_FIELD = "recoveryPct";

    private final Connection c;
    private final Map<Long, String> lotNumbers = new HashMap<>();

    AuditEntries(Connection c) {
        this.c = c;
    }

    /** The entries of {@code rows} (in log order), worded. */
    List<AuditEntry> render(List<Stored> rows) throws SQLException {
        Map<String, Set<String>> kinds = new HashMap<>();
        for (Stored s : rows) {
            if (s.isRowChange()) {
                kinds.computeIfAbsent(s.group(), k -> new HashSet<>()).add(s.table() + " " + s.operation());
            }
        }
        List<AuditEntry> out = new ArrayList<>();
        Map<String, Map<String, Object>> replaced = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            Stored s = rows.get(i);
            if (!s.isRowChange()) {
                out.add(s.entry());
                continue;
            }
            Set<String> group = kinds.get(s.group());
            if (foldedIntoAnother(s, group)) {
                continue;
            }
            if (s.operation().equals(DELETE) && group.contains(s.table() + " " + INSERT) && isReplaceable(s.table())) {
                replaced.put(s.group() + "\u0000" + s.table(), s.before());
                continue;
            }
            Map<String, Object> before = replaced.remove(s.group() + "\u0000" + s.table());
            out.addAll(word(s, before != null ? before : s.before(), s.after(), rows, i));
        }
        return out;
    }

    /** Whether the row change only accompanies another one of its transaction, which says it. */
    private static boolean foldedIntoAnother(Stored s, Set<String> group) {
        return switch (s.table() + " " + s.operation()) {
            case "heat_lines INSERT" -> group.contains("heats INSERT");
            case "material_prices INSERT" -> group.contains("materials INSERT") || group.contains("materials UPDATE");
            case "specifications INSERT", "specifications UPDATE" -> group.contains("specification_versions INSERT");
            case "recipes INSERT", "recipes UPDATE" -> group.contains("recipe_versions INSERT");
            case "sample_imports INSERT" -> group.contains("samples INSERT");
            default -> false;
        };
    }

    private static String lot(Map<String, Object> row) {
        BigDecimal purity = number(row, "purity_pct");
        String certificate = text(row, "certificate");
        return "material " + text(row, "material_id") + ", assay " + text(row, "assay_wt_pct")
                + (purity == null ? "" : ", purity " + purity.doubleValue() + " %")
                + (certificate == null || certificate.isEmpty() ? "" : ", certificate " + certificate);
    }

    private static boolean isReplaceable(String table) {
        return table.equals("settings") || table.equals("instrument_mappings") || table.equals("heat_casts");
    }

    private List<AuditEntry> word(Stored s, Map<String, Object> before, Map<String, Object> after, List<Stored> rows, int at)
            throws SQLException {
        String op = s.operation();
        Map<String, Object> row = after != null ? after : before;
        switch (s.table()) {
            case "materials" -> {
                return materials(s, before, after);
            }
            case "material_prices" -> {
                if (op.equals(INSERT)) {
                    Map<String, Object> earlier = earlierPrice(number(row, "material_ref").longValue(), number(row, "id").longValue());
                    return one(s, "price", earlier == null ? null : priceText(earlier), priceText(row));
                }
            }
            case "specification_versions" -> {
                if (op.equals(INSERT)) {
                    int version = number(row, "version").intValue();
                    return one(s, version == 1 ? "create" : "version " + version,
                            version == 1 ? null : versionBody("specification_versions", "spec_ref", number(row, "spec_ref").longValue(), version - 1),
                            text(row, "body"));
                }
            }
            case "recipe_versions" -> {
                if (op.equals(INSERT)) {
                    int version = number(row, "version").intValue();
                    return one(s, version == 1 ? "create" : "version " + version, version == 1 ? null : "version " + (version - 1),
                            "version " + version);
                }
            }
            case "lots" -> {
                if (op.equals(INSERT)) {
                    return one(s, "create", null, lot(row));
                }
                if (op.equals(UPDATE)) {
                    return one(s, "update", lot(before), lot(after));
                }
            }
            case "heats" -> {
                return heats(s, before, after, rows, at);
            }
            case "heat_lines" -> {
                int line = number(row, "line_no").intValue();
                return one(s, switch (op) {
                    case UPDATE -> "weigh line " + line;
                    case INSERT -> "add line " + line;
                    default -> "delete line " + line;
                }, before == null ? null : line(before), after == null ? null : line(after));
            }
            case "samples" -> {
                if (op.equals(INSERT)) {
                    String below = text(row, "below_detection");
                    return one(s, "sample", null, "sample " + text(row, "sample_number") + " " + text(row, "values_wt_pct")
                            + (below == null || below.isEmpty() || below.equals("{}") ? "" : " below detection " + below) + ": "
                            + text(row, "verdict"));
                }
            }
            case "corrections" -> {
                if (op.equals(INSERT)) {
                    BigDecimal sample = number(row, "sample_ref");
                    return one(s, "correction", null, "after sample " + (sample == null ? null : sampleNumber(sample.longValue()))
                            + ", melt " + kg3(number(row, "melt_kg")) + " kg, add " + text(row, "additions"));
                }
            }
            case "heat_casts" -> {
                if (after != null) {
                    BigDecimal pieces = number(after, "pieces");
                    return one(s, "cast", before == null ? null : kg3(number(before, "cast_kg")) + " kg",
                            kg3(number(after, "cast_kg")) + " kg" + (pieces == null ? "" : " in " + pieces.intValue() + " pieces"));
                }
            }
            case "certificates" -> {
                if (op.equals(INSERT)) {
                    return one(s, text(row, "concession_reason") == null ? "certificate" : "certificate under concession", null,
                            text(row, "certificate_number") + " for sample " + text(row, "sample_number") + ", verdict " + text(row, "verdict"));
                }
            }
            case "settings" -> {
                return one(s, after == null ? "delete" : before == null ? "create" : "update",
                        before == null ? null : text(before, "setting_value"), after == null ? null : text(after, "setting_value"));
            }
            case "instrument_mappings" -> {
                return one(s, after == null ? "delete mapping" : "mapping", before == null ? null : text(before, "mapping"),
                        after == null ? null : text(after, "mapping"));
            }
            default -> {
                // a table the wording does not know: below
            }
        }
        return columns(s, before, after);
    }

    private List<AuditEntry> materials(Stored s, Map<String, Object> before, Map<String, Object> after) {
        if (before == null) {
            return one(s, "create", null, text(after, "body"));
        }
        if (after == null) {
            return one(s, "delete", text(before, "body"), null);
        }
        if (!Boolean.TRUE.equals(before.get("retired")) && Boolean.TRUE.equals(after.get("retired"))) {
            return one(s, "retire", text(before, "body"), "retired");
        }
        String oldBody = text(before, "body");
        String newBody = text(after, "body");
        if (!Objects.equals(oldBody, newBody) && sameBut(before, after, Set.of("body"))
                && RowJson.equalWithout(oldBody, newBody, RECOVERY_FIELD)) {
            Map<String, BigDecimal> was = RowJson.numbers(oldBody, RECOVERY_FIELD);
            Map<String, BigDecimal> now = RowJson.numbers(newBody, RECOVERY_FIELD);
            List<AuditEntry> out = new ArrayList<>();
            Set<String> elements = new java.util.TreeSet<>(was.keySet());
            elements.addAll(now.keySet());
            for (String element : elements) {
                if (!Objects.equals(was.get(element), now.get(element))) {
                    out.add(entry(s, "recovery " + element, was.containsKey(element) ? was.get(element).doubleValue() + " %" : "(recipe default)",
                            now.containsKey(element) ? now.get(element).doubleValue() + " %" : "(recipe default)"));
                }
            }
            return out;
        }
        return one(s, "update", oldBody, newBody);
    }

    private List<AuditEntry> heats(Stored s, Map<String, Object> before, Map<String, Object> after, List<Stored> rows, int at)
            throws SQLException {
        if (before == null) {
            Map<String, String> lots = new LinkedHashMap<>();
            for (int i = at + 1; i < rows.size(); i++) {
                Stored line = rows.get(i);
                if (line.isRowChange() && line.group().equals(s.group()) && "heat_lines".equals(line.table())
                        && INSERT.equals(line.operation())) {
                    Map<String, Object> l = line.after();
                    BigDecimal lot = number(l, "lot_ref");
                    if (lot != null) {
                        lots.put(text(l, "material_id"), lotNumber(lot.longValue()));
                    }
                }
            }
            return one(s, "create", null, "recipe \"" + text(after, "recipe_name") + "\" version " + number(after, "recipe_version").intValue()
                    + ", specification \"" + text(after, "spec_name") + "\" version " + number(after, "spec_version").intValue()
                    + ", furnace " + text(after, "furnace") + ", operator " + text(after, "operator_name") + ", planned "
                    + kg3(number(after, "planned_kg")) + " kg, lots " + lots);
        }
        if (after == null) {
            return columns(s, before, null);
        }
        List<AuditEntry> out = new ArrayList<>();
        Set<String> handled = new HashSet<>(Set.of("row_version", "updated_by", "updated_at"));
        if (!Objects.equals(before.get("status"), after.get("status"))) {
            out.add(entry(s, "move", text(before, "status"), text(after, "status")));
            handled.add("status");
        }
        if (!Objects.equals(before.get("recovery_pct"), after.get("recovery_pct"))) {
            BigDecimal was = number(before, "recovery_pct");
            BigDecimal now = number(after, "recovery_pct");
            out.add(entry(s, "recovery " + text(after, "recovery_element"), was == null ? null : was.doubleValue() + " %",
                    now == null ? null : now.doubleValue() + " %"));
            handled.add("recovery_pct");
            handled.add("recovery_element");
        }
        if (!sameBut(before, after, handled)) {
            out.addAll(columns(s, before, after));
        }
        return out;
    }

    /** A change the wording does not know: the columns that changed (all of them for an insert or delete). */
    private static List<AuditEntry> columns(Stored s, Map<String, Object> before, Map<String, Object> after) {
        StringBuilder was = new StringBuilder();
        StringBuilder now = new StringBuilder();
        Set<String> names = new java.util.LinkedHashSet<>();
        if (before != null) {
            names.addAll(before.keySet());
        }
        if (after != null) {
            names.addAll(after.keySet());
        }
        for (String column : names) {
            Object a = before == null ? null : before.get(column);
            Object b = after == null ? null : after.get(column);
            if (before != null && after != null && Objects.equals(a, b)) {
                continue;
            }
            if (before != null) {
                was.append(was.length() == 0 ? "" : ", ").append(column).append('=').append(plain(a));
            }
            if (after != null) {
                now.append(now.length() == 0 ? "" : ", ").append(column).append('=').append(plain(b));
            }
        }
        return one(s, s.operation().toLowerCase(Locale.ROOT) + " " + s.table(), before == null ? null : was.toString(),
                after == null ? null : now.toString());
    }

    private static boolean sameBut(Map<String, Object> before, Map<String, Object> after, Set<String> ignored) {
        Set<String> names = new HashSet<>(before.keySet());
        names.addAll(after.keySet());
        names.removeAll(ignored);
        for (String n : names) {
            if (!Objects.equals(before.get(n), after.get(n))) {
                return false;
            }
        }
        return true;
    }

    private static List<AuditEntry> one(Stored s, String change, String oldValue, String newValue) {
        return List.of(entry(s, change, oldValue, newValue));
    }

    private static AuditEntry entry(Stored s, String change, String oldValue, String newValue) {
        AuditEntry e = s.entry();
        return new AuditEntry(e.id(), e.at(), e.actor(), e.entity(), e.entityId(), change, oldValue, newValue, e.reason(), e.dbUser());
    }

    private String line(Map<String, Object> l) throws SQLException {
        BigDecimal weighed = number(l, "weighed_kg");
        BigDecimal lot = number(l, "lot_ref");
        return "line " + number(l, "line_no").intValue() + " " + text(l, "material_id") + ": planned " + number(l, "planned_kg").doubleValue()
                + " kg, weighed " + (weighed == null ? "(not yet)" : weighed.doubleValue() + " kg") + ", lot "
                + (lot == null ? "(none)" : lotNumber(lot.longValue()));
    }

    private static String priceText(Map<String, Object> price) {
        return "pricePerKg=" + number(price, "price_per_kg").doubleValue() + ", co2KgPerKg=" + number(price, "co2_kg_per_kg").doubleValue();
    }

    private static String kg3(BigDecimal kg) {
        return String.format(Locale.ROOT, "%.3f", kg.doubleValue());
    }

    private static String text(Map<String, Object> row, String column) {
        Object v = row.get(column);
        return v == null ? null : v instanceof BigDecimal d ? d.toPlainString() : v.toString();
    }

    private static BigDecimal number(Map<String, Object> row, String column) {
        Object v = row.get(column);
        return v == null ? null : v instanceof BigDecimal d ? d : new BigDecimal(v.toString());
    }

    private static String plain(Object v) {
        return v instanceof BigDecimal d ? (d.scale() > 0 ? Double.toString(d.doubleValue()) : d.toPlainString()) : String.valueOf(v);
    }

    private String lotNumber(long ref) throws SQLException {
        String n = lotNumbers.get(ref);
        if (n == null) {
            n = single("SELECT lot_number FROM lots WHERE id = ?", ref);
            n = n == null ? "#" + ref : n;
            lotNumbers.put(ref, n);
        }
        return n;
    }

    private String sampleNumber(long ref) throws SQLException {
        String n = single("SELECT sample_number FROM samples WHERE id = ?", ref);
        return n == null ? "#" + ref : n;
    }

    private Map<String, Object> earlierPrice(long materialRef, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT price_per_kg, co2_kg_per_kg FROM material_prices WHERE material_ref = ?"
                + " AND id < ? ORDER BY id DESC FETCH FIRST 1 ROWS ONLY")) {
            ps.setLong(1, materialRef);
            ps.setLong(2, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                return Map.of("price_per_kg", BigDecimal.valueOf(rs.getDouble(1)), "co2_kg_per_kg", BigDecimal.valueOf(rs.getDouble(2)));
            }
        }
    }

    private String versionBody(String table, String refColumn, long ref, int version) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT body FROM " + table + " WHERE " + refColumn + " = ? AND version = ?")) {
            ps.setLong(1, ref);
            ps.setInt(2, version);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private String single(String sql, long ref) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, ref);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }
}
