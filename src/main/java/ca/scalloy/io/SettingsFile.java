package ca.scalloy.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Properties;

/**
 * The workbench's settings file ({@code ~/.scalloy/settings.properties}): {@code db.path} for the
 * embedded database, {@code db.url}, {@code db.user} and {@code db.password} for a database server.
 * It holds a password, so it is written whole (never half) and readable by its owner alone where the
 * file system has POSIX permissions.
 */
public final class SettingsFile {

    /** The embedded database's path. */
    public static final String DB_PATH = "db.path";
    /** The JDBC URL of a database server. */
    public static final String DB_URL = "db.url";
    /** The database user. */
    public static final String DB_USER = "db.user";
    /** The database password (kept only in this file). */
    public static final String DB_PASSWORD = "db.password";

    private SettingsFile() {
    }

    /**
     * The settings in {@code file}; empty when there is no file.
     *
     * @throws UnreadableFileException when it is larger than {@link TextFiles#SETTINGS_MAX_BYTES}
     * @throws IOException when it exists but cannot be read
     */
    public static Properties read(Path file) throws IOException {
        Properties p = new Properties();
        if (Files.isRegularFile(file)) {
            if (Files.size(file) > TextFiles.SETTINGS_MAX_BYTES) {
                throw TextFiles.tooBig(file, file + " is " + Files.size(file) + " bytes, too big for a settings file (at most "
                        + (TextFiles.SETTINGS_MAX_BYTES >> 10) + " KiB)", TextFiles.SETTINGS_MAX_BYTES);
            }
            // ISO 8859-1 with \\uXXXX escapes, as store() writes it: every byte is a character, no encoding to get wrong.
            try (InputStream in = Files.newInputStream(file)) {
                p.load(in);
            }
        }
        return p;
    }

    /**
     * Sets (or, for a null or blank value, removes) the given keys in {@code file}, keeping its other
     * settings, and writes it atomically with owner-only permissions where the system allows.
     *
     * @throws IOException when it cannot be read or written
     */
    public static void update(Path file, Map<String, String> values) throws IOException {
        Properties p = read(file);
        values.forEach((k, v) -> {
            if (v == null || v.isBlank()) {
                p.remove(k);
            } else {
                p.setProperty(k, v);
            }
        });
        // store(OutputStream) writes ISO 8859-1 with \\uXXXX escapes, as load(InputStream) reads it: a password
        // or path in any script survives (store(Writer) would write such characters raw, and lose them here).
        java.io.ByteArrayOutputStream text = new java.io.ByteArrayOutputStream();
        p.store(text, "Scalloy settings; holds the database password: keep it private");
        Path target = file.toAbsolutePath();
        Files.createDirectories(target.getParent());
        // The temporary file gets owner-only permissions before the password is written into it.
        Path tmp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
        try {
            ownerOnly(tmp);
            Files.write(tmp, text.toByteArray());
            AtomicFiles.replace(tmp, target);
        } finally {
            Files.deleteIfExists(tmp);
        }
        ownerOnly(target);
    }

    private static void ownerOnly(Path file) throws IOException {
        PosixFileAttributeView posix = Files.getFileAttributeView(file, PosixFileAttributeView.class);
        if (posix != null) {
            posix.setPermissions(PosixFilePermissions.fromString("rw-------"));
        }
    }
}
