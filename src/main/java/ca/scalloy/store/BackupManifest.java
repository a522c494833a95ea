package ca.scalloy.store;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Pattern;

import ca.scalloy.engine.Message;

/**
 * What a backup holds, written into it beside the data file ({@value #ENTRY}) and checked by a restore
 * before anything is changed: the schema version, the data file's name, size and SHA-256, the key file's
 * (the password the data file opens with, decision 0010), and every table's row count and checksum (as
 * {@link DatabaseCopy} computes them: alike on H2 and PostgreSQL). A UTF-8 text of {@code key=value}
 * lines, so a person can read it:
 * <pre>
 * format=1
 * schema-version=6.1
 * data-file=scalloy.mv.db
 * data-bytes=45056
 * data-sha256=9f86…
 * key-file=scalloy.key
 * key-bytes=44
 * key-sha256=2c26…
 * table.audit_log=30 3a7b…
 * </pre>
 * The {@code key-} lines are absent only for a database without a password (an in-memory one); a restore
 * then refuses a data file that needs one.
 *
 * @param schemaVersion the schema version of the database in the backup ("8")
 * @param data          the data file in the zip: name, size and SHA-256
 * @param key           the key file in the zip, if the database has a password
 * @param tables        every table but Flyway's (and the schema's own): rows and checksum, by name
 */
record BackupManifest(String schemaVersion, Entry data, Optional<Entry> key, List<DatabaseCopy.TableCopy> tables) {

    /**
     * One file of the backup, as the manifest describes it.
     *
     * @param name   its name in the zip
     * @param bytes  its size, bytes
     * @param sha256 its SHA-256, hex
     */
    record Entry(String name, long bytes, String sha256) {
    }

    /** The manifest's name in the backup zip. */
    static final String ENTRY = "scalloy-backup-manifest.txt";
    /** The format this Scalloy writes and reads. */
    static final int FORMAT = 1;
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final String TABLE = "table.";

    BackupManifest {
        tables = List.copyOf(tables);
    }

    /** The data file's name in the zip. */
    String dataFile() {
        return data.name();
    }

    /** The manifest's text. */
    String text() {
        StringBuilder b = new StringBuilder("# What this Scalloy backup holds; scalloy db restore checks it before changing anything.\n");
        b.append("format=").append(FORMAT).append('\n');
        b.append("schema-version=").append(schemaVersion).append('\n');
        append(b, "data", data);
        key.ifPresent(k -> append(b, "key", k));
        for (DatabaseCopy.TableCopy t : tables) {
            b.append(TABLE).append(t.table()).append('=').append(t.rows()).append(' ').append(t.sha256()).append('\n');
        }
        return b.toString();
    }

    private static void append(StringBuilder b, String prefix, Entry e) {
        b.append(prefix).append("-file=").append(e.name()).append('\n');
        b.append(prefix).append("-bytes=").append(e.bytes()).append('\n');
        b.append(prefix).append("-sha256=").append(e.sha256()).append('\n');
    }

    /**
     * Reads a manifest.
     *
     * @param backup the backup it came from, for messages
     * @throws StoreException when it is not a manifest this Scalloy can read (naming what is wrong)
     */
    static BackupManifest parse(String text, String backup) {
        Properties p = new Properties();
        try {
            p.load(new StringReader(text));
        } catch (IOException | IllegalArgumentException e) {
            throw damaged(backup, Message.of("store.backup.why.manifestUnreadable", "its manifest cannot be read (" + e.getMessage() + ")",
                    Reasons.of(e)));
        }
        String format = p.getProperty("format", "");
        if (!format.equals(String.valueOf(FORMAT))) {
            throw new StoreException(Message.of("store.backup.newerFormat", backup + " has a manifest of format " + (format.isEmpty() ? "(none)"
                    : format) + "; this Scalloy reads format " + FORMAT + " (a backup made by a newer Scalloy needs that Scalloy); nothing was"
                    + " changed", backup, format.isEmpty() ? "—" : format, FORMAT));
        }
        String schema = required(p, "schema-version", backup);
        Entry data = entry(p, "data", backup);
        Optional<Entry> key = p.getProperty("key-file") == null && p.getProperty("key-sha256") == null ? Optional.empty()
                : Optional.of(entry(p, "key", backup));
        List<DatabaseCopy.TableCopy> tables = new ArrayList<>();
        for (String line : p.stringPropertyNames().stream().filter(k -> k.startsWith(TABLE)).sorted().toList()) {
            String[] v = p.getProperty(line).strip().split(" ");
            if (v.length != 2) {
                throw damaged(backup, Message.of("store.backup.why.manifestLine", "its manifest line " + line + " is \"" + p.getProperty(line)
                        + "\", not a row count and a SHA-256", line, p.getProperty(line)));
            }
            tables.add(new DatabaseCopy.TableCopy(line.substring(TABLE.length()), number(v[0], line, backup), sha(v[1], line, backup)));
        }
        if (tables.isEmpty()) {
            throw damaged(backup, Message.of("store.backup.why.manifestNoTable", "its manifest names no table"));
        }
        return new BackupManifest(schema, data, key, tables);
    }

    private static Entry entry(Properties p, String prefix, String backup) {
        return new Entry(required(p, prefix + "-file", backup), number(required(p, prefix + "-bytes", backup), prefix + "-bytes", backup),
                sha(required(p, prefix + "-sha256", backup), prefix + "-sha256", backup));
    }

    private static String required(Properties p, String key, String backup) {
        String v = p.getProperty(key);
        if (v == null || v.isBlank()) {
            throw damaged(backup, Message.of("store.backup.why.manifestMissing", "its manifest has no " + key, key));
        }
        return v.strip();
    }

    private static long number(String v, String key, String backup) {
        try {
            long n = Long.parseLong(v);
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw damaged(backup, Message.of("store.backup.why.manifestNotCount", "its manifest's " + key + " is \"" + v + "\", not a count", key, v));
    }

    private static String sha(String v, String key, String backup) {
        if (!SHA256.matcher(v).matches()) {
            throw damaged(backup, Message.of("store.backup.why.manifestNotSha", "its manifest's " + key + " is \"" + v + "\", not a SHA-256 in"
                    + " hex", key, v));
        }
        return v;
    }

    /** A refusal of a damaged backup: "{@code backup} is damaged: {@code why}; nothing was changed". */
    static StoreException damaged(String backup, Message why) {
        return new StoreException(Message.of("store.backup.damaged", backup + " is damaged: " + why.english() + "; nothing was changed", backup,
                why));
    }
}
