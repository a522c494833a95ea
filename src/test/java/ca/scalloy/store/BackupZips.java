package ca.scalloy.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/** Backups damaged or made old on purpose, for the tests of restore (store, command line, workbench). */
public final class BackupZips {

    /** The name of a backup's manifest entry. */
    public static final String MANIFEST = BackupManifest.ENTRY;

    private BackupZips() {
    }

    /**
     * Rewrites the zip {@code from} to {@code to} (they may be the same file) with each entry's bytes through
     * {@code edit}, given the entry's name; null leaves the entry out. The result is a valid zip holding
     * what was edited.
     */
    public static void rewrite(Path from, Path to, BiFunction<String, byte[], byte[]> edit) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipFile z = new ZipFile(from.toFile())) {
            for (Enumeration<? extends ZipEntry> e = z.entries(); e.hasMoreElements();) {
                ZipEntry entry = e.nextElement();
                try (InputStream in = z.getInputStream(entry)) {
                    byte[] bytes = edit.apply(entry.getName(), in.readAllBytes());
                    if (bytes != null) {
                        entries.put(entry.getName(), bytes);
                    }
                }
            }
        }
        try (OutputStream out = Files.newOutputStream(to); ZipOutputStream zout = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                zout.putNextEntry(new ZipEntry(e.getKey()));
                zout.write(e.getValue());
                zout.closeEntry();
            }
        }
    }

    /**
     * Zeroes the last 4 KiB block of the backup's data file, in a zip that is otherwise whole: the block
     * holds the newest chunk's footer, and H2 alone opens such a file at the chunk before, an older state,
     * without an error.
     */
    public static void damageDataFile(Path zip, Path to) throws IOException {
        rewrite(zip, to, (name, bytes) -> {
            if (!name.endsWith(".mv.db")) {
                return bytes;
            }
            byte[] out = bytes.clone();
            Arrays.fill(out, out.length - 4096, out.length, (byte) 0);
            return out;
        });
    }

    /** The backup without its manifest: a zip with the data file only, as Scalloy made them before manifests. */
    public static void dropManifest(Path zip, Path to) throws IOException {
        rewrite(zip, to, (name, bytes) -> name.equals(MANIFEST) ? null : bytes);
    }
}
