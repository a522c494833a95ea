package ca.scalloy.store;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Queue;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import ca.scalloy.engine.Message;

/**
 * A copy of a whole database into another, empty one: the embedded H2 database to a PostgreSQL server
 * and back ({@code scalloy db migrate-to}, issue 7). Tables and columns are read from the JDBC metadata
 * of both sides, so the copy follows the schema as migrations change it. Flyway's history is never
 * copied (each side was migrated by this Scalloy).
 *
 * <p>The copy is one transaction on the target: tables in foreign-key order with their ids as they are,
 * the identity columns moved past the copied ids, then every table's row count and checksum computed
 * again on both sides. Any refusal or difference rolls it back, leaving the target empty.
 */
public final class DatabaseCopy {

    /** Flyway's own table, never copied. */
    private static final String FLYWAY_HISTORY = "flyway_schema_history";
    /**
     * Tables a migration fills on each side with what belongs to that database (which tables are audited, the
     * heat's allowed moves, this server's group role names): never copied, like Flyway's history.
     */
    private static final Set<String> SCHEMA_TABLES = Set.of(FLYWAY_HISTORY, "audited_tables", "heat_status_moves", "db_roles");
    private static final int BATCH_ROWS = 500;
    private static final int FETCH_ROWS = 1000;
    private static final HexFormat HEX = HexFormat.of();

    private DatabaseCopy() {
    }

    /**
     * One table as both sides hold it after the copy.
     *
     * @param table  the table's name, lower case
     * @param rows   its row count
     * @param sha256 the hex SHA-256 of its rows (see {@link DatabaseCopy#copy(Database, DatabaseLogin)})
     */
    public record TableCopy(String table, long rows, String sha256) {
    }

    /**
     * A verified copy.
     *
     * @param source  the source database, for a person (never with a password)
     * @param target  the target database, likewise
     * @param tables  every copied table with the count and checksum both sides agree on, by name
     * @param skipped tables that only one side has and that are empty, each with the side that has it
     */
    public record Result(String source, String target, List<TableCopy> tables, List<String> skipped) {

        public Result {
            tables = List.copyOf(tables);
            skipped = List.copyOf(skipped);
        }
    }

    /**
     * Copies every table of {@code source} into the database at {@code target}, which is migrated to this
     * Scalloy's schema (and created, for an H2 URL) but not seeded: it gets the source's seed rows. Ids
     * are kept; new rows in the target get ids after the copied ones.
     *
     * <p>The checksum of a table is the SHA-256 over its rows' own SHA-256 digests in primary-key order
     * (by the digests, for a table without a key). A row's digest is over a canonical text of its values
     * in column-name order, alike on H2 and PostgreSQL: instants in UTC (ISO-8601), doubles as
     * {@link Double#toString}, decimals without trailing zeros, bytes in hex, NULL as a marker of its own.
     *
     * @return the tables, as verified on both sides
     * @throws StoreException when the target cannot be reached or opened, is not empty (the message names
     *                        each table with rows), differs in schema from the source, or a table fails
     *                        to copy or to verify; the target is then left without any copied row
     */
    public static Result copy(Database source, DatabaseLogin target) {
        try (Database into = Database.connectForCopy(target, source.clock())) {
            return copy(source, into);
        }
    }

    /** Copies {@code source} into the open, empty {@code target} (see {@link #copy(Database, DatabaseLogin)}). */
    static Result copy(Database source, Database target) {
        return source.inTransaction(from -> {
            if (source.isPostgres()) {
                // One snapshot of the source for the copy and its check, even while others write to it.
                try (Statement st = from.createStatement()) {
                    st.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
                }
            }
            return target.inTransaction(to -> copy(source, from, target, to));
        });
    }

    /** The row count and checksum of every table but Flyway's, by name (what a copy is verified by). */
    static List<TableCopy> checksums(Database db) {
        return db.inTransaction(DatabaseCopy::checksums);
    }

    /** The row count and checksum of every table but Flyway's on {@code c}, by name (what a backup's manifest records). */
    static List<TableCopy> checksums(Connection c) throws SQLException {
        List<TableCopy> out = new ArrayList<>();
        for (Table t : Table.readAll(c).values()) {
            out.add(checksum(c, t));
        }
        return out;
    }

    private static Result copy(Database source, Connection from, Database target, Connection to) throws SQLException {
        // The rows copied were changes made (and audited) in the source, whose trail is copied with them: the
        // target's database writes no entries or status moves of its own for them (its owner may ask that).
        target.audit().quiet(to);
        Map<String, Table> sourceTables = Table.readAll(from);
        Map<String, Table> targetTables = Table.readAll(to);
        refuseRows(to, targetTables, rows -> Message.of("store.copy.targetNotEmpty", "the target " + target.describe() + " is not empty: "
                + rows.english() + "; db migrate-to copies only into a new, empty database (one no Scalloy has opened before)",
                target.describe(), rows));
        List<String> skipped = new ArrayList<>();
        for (Table t : sourceTables.values()) {
            if (!targetTables.containsKey(t.key())) {
                refuseRows(from, Map.of(t.key(), t), rows -> Message.of("store.copy.tableOnlyInSource", "the source " + source.describe()
                        + " has a table the target " + target.describe() + " does not: " + rows.english() + "; db migrate-to copies only"
                        + " between databases of the same Scalloy schema", source.describe(), target.describe(), rows));
                skipped.add(t.key() + " (empty, only in the source)");
            }
        }
        Map<String, Table> copied = new TreeMap<>();
        for (Table t : targetTables.values()) {
            Table s = sourceTables.get(t.key());
            if (s == null) {
                skipped.add(t.key() + " (empty, only in the target)");
            } else {
                refuseOtherColumns(s, t);
                copied.put(t.key(), t);
            }
        }
        // Before any row: on H2 this DDL commits the (still empty) transaction; on PostgreSQL it is part of it.
        for (Table t : copied.values()) {
            restartIdentities(from, sourceTables.get(t.key()), to, t);
        }
        for (Table t : foreignKeyOrder(copied)) {
            copyRows(from, to, sourceTables.get(t.key()), t, target);
        }
        List<TableCopy> tables = new ArrayList<>();
        for (Table t : copied.values()) {
            TableCopy fromSum = checksum(from, sourceTables.get(t.key()));
            TableCopy toSum = checksum(to, t);
            if (!fromSum.equals(toSum)) {
                throw new StoreException(Message.of("store.copy.mismatch", "the copy of table " + t.key() + " does not match its source: the"
                        + " source has " + fromSum.rows() + " rows with SHA-256 " + fromSum.sha256() + ", the target " + toSum.rows()
                        + " rows with SHA-256 " + toSum.sha256() + "; nothing was written to " + target.describe() + " (was the source"
                        + " changed during the copy?)", t.key(), fromSum.rows(), fromSum.sha256(), toSum.rows(), toSum.sha256(),
                        target.describe()));
            }
            tables.add(toSum);
        }
        return new Result(source.describe(), target.describe(), tables, skipped);
    }

    /** Refuses when any of the tables holds rows, with the refusal {@code said} of the tables named each with its count. */
    private static void refuseRows(Connection c, Map<String, Table> tables, Function<Message, Message> said) throws SQLException {
        List<Message> withRows = new ArrayList<>();
        for (Table t : tables.values()) {
            long n = count(c, t);
            if (n > 0) {
                withRows.add(Message.of("store.copy.tableRows", t.key() + " has " + n + (n == 1 ? " row" : " rows"), t.key(), n));
            }
        }
        if (!withRows.isEmpty()) {
            Message rows = new Message("store.copy.tables", List.of(withRows), String.join(", ", Message.english(withRows)));
            throw new StoreException(said.apply(rows));
        }
    }

    private static long count(Connection c, Table t) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + t.quoted())) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void refuseOtherColumns(Table source, Table target) {
        Set<String> onlySource = new TreeSet<>(source.columns().keySet());
        onlySource.removeAll(target.columns().keySet());
        Set<String> onlyTarget = new TreeSet<>(target.columns().keySet());
        onlyTarget.removeAll(source.columns().keySet());
        if (!onlySource.isEmpty() || !onlyTarget.isEmpty()) {
            throw new StoreException(Message.of("store.copy.otherColumns", "table " + target.key() + " has other columns in the source than in"
                    + " the target (only in the source: " + (onlySource.isEmpty() ? "none" : String.join(", ", onlySource))
                    + "; only in the target: " + (onlyTarget.isEmpty() ? "none" : String.join(", ", onlyTarget))
                    + "); db migrate-to copies only between databases of the same Scalloy schema", target.key(), columns(onlySource),
                    columns(onlyTarget)));
        }
        for (Column s : source.columns().values()) {
            Column t = target.columns().get(s.key());
            if (s.kind() != t.kind()) {
                throw new StoreException(Message.of("store.copy.otherKind", "column " + target.key() + "." + s.key() + " holds " + s.kind().word
                        + " in the source but " + t.kind().word + " in the target; db migrate-to copies only between databases of the same"
                        + " Scalloy schema", target.key() + "." + s.key(), s.kind().said(), t.kind().said()));
            }
        }
    }

    /** Columns named in a refusal: their names, or "none". */
    private static Object columns(Set<String> names) {
        return names.isEmpty() ? Message.of("store.copy.noColumn", "none") : List.copyOf(names);
    }

    /** Moves each identity column of the target past the largest id the source has, so new rows get fresh ids. */
    private static void restartIdentities(Connection from, Table source, Connection to, Table target) throws SQLException {
        for (Column col : target.columns().values()) {
            if (!col.identity() || col.kind() != Kind.INTEGER) {
                continue;
            }
            long max;
            try (Statement st = from.createStatement();
                 ResultSet rs = st.executeQuery("SELECT MAX(" + source.columns().get(col.key()).quoted() + ") FROM " + source.quoted())) {
                rs.next();
                max = rs.getLong(1);
                if (rs.wasNull()) {
                    continue;
                }
            }
            try (Statement st = to.createStatement()) {
                st.execute("ALTER TABLE " + target.quoted() + " ALTER COLUMN " + col.quoted() + " RESTART WITH " + (max + 1));
            }
        }
    }

    private static void copyRows(Connection from, Connection to, Table source, Table target, Database into) throws SQLException {
        // Both tables have the same column keys (refuseOtherColumns), in the same order.
        List<Column> columns = List.copyOf(target.columns().values());
        String insert = "INSERT INTO " + target.quoted() + " (" + target.columnList() + ") VALUES ("
                + columns.stream().map(c -> "?").collect(Collectors.joining(", ")) + ")";
        long row = 0;
        try (PreparedStatement read = from.prepareStatement(source.selectAll());
             PreparedStatement write = to.prepareStatement(insert)) {
            read.setFetchSize(FETCH_ROWS);
            try (ResultSet rs = read.executeQuery()) {
                while (rs.next()) {
                    for (int i = 0; i < columns.size(); i++) {
                        Column col = columns.get(i);
                        col.bind(write, i + 1, col.kind().read(rs, i + 1));
                    }
                    write.addBatch();
                    if (++row % BATCH_ROWS == 0) {
                        write.executeBatch();
                    }
                }
            }
            write.executeBatch();
        } catch (SQLException e) {
            SQLException cause = e.getNextException() != null ? e.getNextException() : e;
            throw new StoreException(Message.of("store.copy.cannotCopy", "cannot copy table " + target.key() + " into " + into.describe() + ": "
                    + firstLine(cause) + "; nothing was written", target.key(), into.describe(), Reasons.of(cause)), e);
        }
    }

    private static String firstLine(SQLException e) {
        String m = String.valueOf(e.getMessage());
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    private static TableCopy checksum(Connection c, Table t) throws SQLException {
        List<Column> columns = List.copyOf(t.columns().values());
        List<Integer> keyIndexes = t.primaryKey().stream().map(k -> columns.indexOf(t.columns().get(k))).toList();
        List<DigestedRow> rows = new ArrayList<>();
        MessageDigest rowDigest = sha256();
        try (PreparedStatement ps = c.prepareStatement(t.selectAll())) {
            ps.setFetchSize(FETCH_ROWS);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Object[] values = new Object[columns.size()];
                    StringBuilder text = new StringBuilder();
                    for (int i = 0; i < columns.size(); i++) {
                        values[i] = columns.get(i).kind().read(rs, i + 1);
                        text.append(columns.get(i).kind().canonical(values[i]));
                    }
                    List<Comparable<?>> key = new ArrayList<>();
                    for (int k : keyIndexes) {
                        key.add(columns.get(k).kind().sortKey(values[k]));
                    }
                    rows.add(new DigestedRow(key, rowDigest.digest(text.toString().getBytes(StandardCharsets.UTF_8))));
                }
            }
        }
        rows.sort(keyIndexes.isEmpty() ? DigestedRow.BY_DIGEST : DigestedRow.BY_KEY);
        MessageDigest table = sha256();
        rows.forEach(r -> table.update(r.digest()));
        return new TableCopy(t.key(), rows.size(), HEX.formatHex(table.digest()));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    /** A row's primary-key values (in key order) and the digest of its canonical text. */
    private record DigestedRow(List<Comparable<?>> key, byte[] digest) {

        static final Comparator<DigestedRow> BY_DIGEST = (a, b) -> Arrays.compareUnsigned(a.digest, b.digest);
        static final Comparator<DigestedRow> BY_KEY = DigestedRow::compareKeys;

        @SuppressWarnings({"unchecked", "rawtypes"})
        private static int compareKeys(DigestedRow a, DigestedRow b) {
            for (int i = 0; i < a.key.size(); i++) {
                Comparable x = a.key.get(i);
                Comparable y = b.key.get(i);
                int c = x == null ? (y == null ? 0 : -1) : y == null ? 1 : x.compareTo(y);
                if (c != 0) {
                    return c;
                }
            }
            return 0;
        }
    }

    /**
     * The tables in an order where every table comes after the tables it refers to (Kahn's algorithm,
     * by name among the ready ones, so the order is the same every time).
     */
    private static List<Table> foreignKeyOrder(Map<String, Table> tables) {
        Map<String, Set<String>> waitingFor = new TreeMap<>();
        for (Table t : tables.values()) {
            Set<String> parents = new TreeSet<>(t.references());
            parents.retainAll(tables.keySet());
            parents.remove(t.key());
            waitingFor.put(t.key(), parents);
        }
        List<Table> order = new ArrayList<>();
        Queue<String> ready = new PriorityQueue<>();
        waitingFor.forEach((k, parents) -> {
            if (parents.isEmpty()) {
                ready.add(k);
            }
        });
        while (!ready.isEmpty()) {
            String done = ready.poll();
            order.add(tables.get(done));
            waitingFor.remove(done);
            for (Map.Entry<String, Set<String>> e : waitingFor.entrySet()) {
                if (e.getValue().remove(done) && e.getValue().isEmpty()) {
                    ready.add(e.getKey());
                }
            }
        }
        if (!waitingFor.isEmpty()) {
            throw new StoreException(Message.of("store.copy.cycle", "the tables " + String.join(", ", waitingFor.keySet())
                    + " refer to each other in a cycle; db migrate-to cannot order them for the copy", List.copyOf(waitingFor.keySet())));
        }
        return order;
    }

    /** How a column's values are read, written and written down alike on H2 and PostgreSQL. */
    private enum Kind {
        INTEGER("integers"),
        DOUBLE("double-precision numbers"),
        REAL("single-precision numbers"),
        DECIMAL("decimals"),
        BOOLEAN("booleans"),
        INSTANT("timestamps with time zone"),
        LOCAL_TIMESTAMP("timestamps"),
        DATE("dates"),
        TIME("times"),
        TEXT("text"),
        BYTES("bytes"),
        OTHER("values of another type");

        final String word;

        Kind(String word) {
            this.word = word;
        }

        /** What the column holds, as a code for the refusal's words. */
        Message said() {
            return Message.of("store.copy.kind." + name(), word);
        }

        static Kind of(int sqlType, String typeName) {
            String name = typeName == null ? "" : typeName.toLowerCase(Locale.ROOT);
            // PostgreSQL's driver reports timestamptz as TIMESTAMP; its type name tells them apart.
            if (sqlType == Types.TIMESTAMP_WITH_TIMEZONE || name.equals("timestamptz")
                    || (name.contains("timestamp") && name.contains("with time zone"))) {
                return INSTANT;
            }
            return switch (sqlType) {
                case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT -> INTEGER;
                case Types.DOUBLE, Types.FLOAT -> DOUBLE;
                case Types.REAL -> REAL;
                case Types.NUMERIC, Types.DECIMAL -> DECIMAL;
                // PostgreSQL's driver reports boolean as BIT.
                case Types.BOOLEAN, Types.BIT -> BOOLEAN;
                case Types.TIMESTAMP -> LOCAL_TIMESTAMP;
                case Types.DATE -> DATE;
                case Types.TIME -> TIME;
                case Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR, Types.NCHAR, Types.NVARCHAR, Types.LONGNVARCHAR, Types.CLOB,
                     Types.NCLOB -> TEXT;
                case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> BYTES;
                default -> OTHER;
            };
        }

        /** The value of column {@code i}, or null for NULL. */
        Object read(ResultSet rs, int i) throws SQLException {
            Object v = switch (this) {
                case INTEGER -> rs.getLong(i);
                case DOUBLE -> rs.getDouble(i);
                case REAL -> rs.getFloat(i);
                case DECIMAL -> rs.getBigDecimal(i);
                case BOOLEAN -> rs.getBoolean(i);
                case INSTANT -> rs.getObject(i, OffsetDateTime.class);
                case LOCAL_TIMESTAMP -> rs.getObject(i, LocalDateTime.class);
                case DATE -> rs.getObject(i, LocalDate.class);
                case TIME -> rs.getObject(i, LocalTime.class);
                case TEXT -> rs.getString(i);
                case BYTES -> rs.getBytes(i);
                case OTHER -> rs.getObject(i);
            };
            return rs.wasNull() ? null : v;
        }

        /** The value as canonical text: a tag, the length and the text, or a NULL marker (unambiguous when joined). */
        String canonical(Object v) {
            if (v == null) {
                return "N;";
            }
            String text = switch (this) {
                case INSTANT -> ((OffsetDateTime) v).toInstant().toString();
                case DECIMAL -> ((BigDecimal) v).stripTrailingZeros().toPlainString();
                case BYTES -> HEX.formatHex((byte[]) v);
                default -> v.toString();
            };
            return name().charAt(0) + String.valueOf(text.length()) + ":" + text;
        }

        /** What rows are ordered by in a checksum: the value itself where it has an order alike on both sides. */
        Comparable<?> sortKey(Object v) {
            if (v == null) {
                return null;
            }
            return switch (this) {
                case INTEGER, DOUBLE, REAL, DECIMAL, BOOLEAN, LOCAL_TIMESTAMP, DATE, TIME, TEXT -> (Comparable<?>) v;
                case INSTANT -> ((OffsetDateTime) v).toInstant();
                case BYTES, OTHER -> canonical(v);
            };
        }
    }

    /** A column: its name as the database spells it, lower-case key, JDBC type, kind, and whether it is an identity. */
    private record Column(String name, String key, int sqlType, Kind kind, boolean identity, String quote) {

        String quoted() {
            return quote + name.replace(quote, quote + quote) + quote;
        }

        void bind(PreparedStatement ps, int i, Object v) throws SQLException {
            if (v == null) {
                ps.setNull(i, sqlType);
                return;
            }
            switch (kind) {
                case INTEGER -> ps.setLong(i, (Long) v);
                case DOUBLE -> ps.setDouble(i, (Double) v);
                case REAL -> ps.setFloat(i, (Float) v);
                case DECIMAL -> ps.setBigDecimal(i, (BigDecimal) v);
                case BOOLEAN -> ps.setBoolean(i, (Boolean) v);
                case TEXT -> ps.setString(i, (String) v);
                case BYTES -> ps.setBytes(i, (byte[]) v);
                default -> ps.setObject(i, v);
            }
        }
    }

    /**
     * A table of the connection's current schema: its name as the database spells it, lower-case key,
     * columns by key, primary-key column keys in key order, and the keys of the tables it refers to.
     */
    private record Table(String name, String key, Map<String, Column> columns, List<String> primaryKey, Set<String> references,
                         String quote) {

        /** What the drivers call a table of rows (H2 2: BASE TABLE; PostgreSQL: TABLE, or PARTITIONED TABLE). */
        private static final Set<String> TABLE_TYPES = Set.of("TABLE", "BASE TABLE", "PARTITIONED TABLE");

        String quoted() {
            return quote + name.replace(quote, quote + quote) + quote;
        }

        /** The columns, quoted, in key order. */
        String columnList() {
            return columns.values().stream().map(Column::quoted).collect(Collectors.joining(", "));
        }

        /**
         * Every row with every column in key order, in primary-key order where there is one (parents before
         * children in a table that refers to itself).
         */
        String selectAll() {
            String order = primaryKey.stream().map(k -> columns.get(k).quoted()).collect(Collectors.joining(", "));
            return "SELECT " + columnList() + " FROM " + quoted() + (order.isEmpty() ? "" : " ORDER BY " + order);
        }

        /** Every table of the connection's current schema but the schema tables (Flyway's history …), by key. */
        static Map<String, Table> readAll(Connection c) throws SQLException {
            DatabaseMetaData md = c.getMetaData();
            String schema = c.getSchema();
            String escape = md.getSearchStringEscape();
            String schemaPattern = like(schema, escape);
            String quote = md.getIdentifierQuoteString().strip();
            List<String> names = new ArrayList<>();
            try (ResultSet rs = md.getTables(null, schemaPattern, "%", null)) {
                while (rs.next()) {
                    if (schema.equals(rs.getString("TABLE_SCHEM")) && TABLE_TYPES.contains(rs.getString("TABLE_TYPE"))
                            && !SCHEMA_TABLES.contains(rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT))) {
                        names.add(rs.getString("TABLE_NAME"));
                    }
                }
            }
            Map<String, Table> tables = new TreeMap<>();
            for (String name : names) {
                Map<String, Column> columns = new TreeMap<>();
                try (ResultSet rs = md.getColumns(null, schemaPattern, like(name, escape), "%")) {
                    while (rs.next()) {
                        if (!name.equals(rs.getString("TABLE_NAME")) || !schema.equals(rs.getString("TABLE_SCHEM"))) {
                            continue;
                        }
                        String col = rs.getString("COLUMN_NAME");
                        int type = rs.getInt("DATA_TYPE");
                        columns.put(lower(col), new Column(col, lower(col), type, Kind.of(type, rs.getString("TYPE_NAME")),
                                "YES".equals(rs.getString("IS_AUTOINCREMENT")), quote));
                    }
                }
                Map<Short, String> key = new TreeMap<>();
                try (ResultSet rs = md.getPrimaryKeys(null, schema, name)) {
                    while (rs.next()) {
                        key.put(rs.getShort("KEY_SEQ"), lower(rs.getString("COLUMN_NAME")));
                    }
                }
                Set<String> references = new TreeSet<>();
                try (ResultSet rs = md.getImportedKeys(null, schema, name)) {
                    while (rs.next()) {
                        references.add(lower(rs.getString("PKTABLE_NAME")));
                    }
                }
                tables.put(lower(name), new Table(name, lower(name), columns, List.copyOf(key.values()), references, quote));
            }
            return tables;
        }

        private static String lower(String name) {
            return name.toLowerCase(Locale.ROOT);
        }

        /** {@code text} as a metadata search pattern that matches only itself. */
        private static String like(String text, String escape) {
            if (escape == null || escape.isEmpty()) {
                return text;
            }
            return text.replace(escape, escape + escape).replace("_", escape + "_").replace("%", escape + "%");
        }
    }
}
