package ca.scalloy.store;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;

import ca.scalloy.engine.Message;

/**
 * Who may reach an embedded (H2 file) database: its OS user only (issue 11, decision 0010).
 *
 * <ul>
 * <li>Its folder (when it is the database's own) is {@code rwx------} and its files ({@code NAME.mv.db},
 * {@code .lock.db}, {@code .trace.db}, the key file, copies Scalloy leaves beside it) {@code rw-------}, also for a
 * database made before: they are set again at every open.</li>
 * <li>H2's automatic mixed mode (two processes on one file) serves the file on a TCP port; that port listens on
 * the loopback interface only ({@code h2.bindAddress}), and the key H2 writes into the lock file is readable by
 * the owner only.</li>
 * <li>The database user needs a password, made at random on first open and kept in {@code NAME.key} beside the
 * data file, readable by the owner only. A database made before (no password) gets one at its next open.</li>
 * </ul>
 * A lost key file does not lose the data: {@link #lostKey} says what to do.
 */
final class EmbeddedAccess {

    /** The key file's ending: {@code scalloy.key} beside {@code scalloy.mv.db}. */
    static final String KEY_ENDING = ".key";
    /** Where H2's mixed-mode server listens. */
    static final String LOOPBACK = "127.0.0.1";
    private static final String BIND_PROPERTY = "h2.bindAddress";
    private static final String WRONG_PASSWORD = "28000";
    private static final int KEY_BYTES = 32;
    private static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_FOLDER = PosixFilePermissions.fromString("rwx------");
    /** Files of the app (not of one database) that may share its folder: the folder is still the database's own. */
    private static final Set<String> APP_FILES = Set.of("settings.properties");
    /** The default folder ({@code ~/.scalloy}): Scalloy's own whatever else is in it. */
    private static final String DEFAULT_FOLDER = ".scalloy";

    static {
        restrictPort();
    }

    private EmbeddedAccess() {
    }

    /**
     * Asks H2 to serve the automatic mixed mode on the loopback interface only. H2 reads the setting once,
     * when its {@code SysProperties} class loads, so this runs before any H2 database is opened here (it is
     * called from {@link Database}'s class initialisation); {@link #checkPortRestricted} verifies it took.
     */
    static void restrictPort() {
        System.setProperty(BIND_PROPERTY, LOOPBACK);
    }

    /**
     * Refuses to share a file database when H2 started before Scalloy could restrict its port (it would listen on
     * every interface).
     *
     * @throws StoreException naming the address H2 would listen on
     */
    static void checkPortRestricted() {
        String bound = org.h2.engine.SysProperties.BIND_ADDRESS;
        boolean loopback;
        try {
            loopback = bound != null && !bound.isEmpty() && InetAddress.getByName(bound).isLoopbackAddress();
        } catch (UnknownHostException e) {
            loopback = false;
        }
        if (!loopback) {
            Object where = bound == null || bound.isEmpty() ? Message.of("store.open.everyInterface", "every network interface") : bound;
            throw new StoreException(Message.of("store.open.portNotRestricted", "the embedded database's sharing port would listen on " + where
                    + ", not on this machine only (H2 was started before Scalloy could restrict it); the database was not opened. This is a"
                    + " bug: please report it", where));
        }
    }

    /** The key file of the database at {@code base} (a path without H2's ending). */
    static Path keyFile(Path base) {
        return base.resolveSibling(base.getFileName() + KEY_ENDING);
    }

    /** The database path of an H2 file URL ({@code jdbc:h2:file:/x/scalloy;…}), or empty for any other URL. */
    static Optional<Path> fileOf(String url) {
        String prefix = "jdbc:h2:file:";
        if (!url.startsWith(prefix)) {
            return Optional.empty();
        }
        String rest = url.substring(prefix.length());
        int options = rest.indexOf(';');
        String path = options < 0 ? rest : rest.substring(0, options);
        return path.isBlank() ? Optional.empty() : Optional.of(Path.of(path).toAbsolutePath().normalize());
    }

    /**
     * Readies the folder and files of the database at {@code base} before it is opened: creates the folder
     * owner-only, restricts a folder that is the database's own and every file of the database, and returns
     * the password to open it with (a new one, kept in the key file, for a database not made yet; the key
     * file's for one that has it; empty for a database made before keys, which {@link #adopt} then keys).
     *
     * @throws StoreException when the folder or the key file cannot be made
     */
    static String prepare(Path base) {
        Path dir = base.getParent();
        try {
            if (!Files.isDirectory(dir)) {
                createOwnerOnlyFolder(dir);
            }
            restrict(base);
            Path key = keyFile(base);
            if (!Files.exists(DatabaseLocation.dataFile(base))) {
                return readKey(key).orElseGet(() -> createKey(key));
            }
            return readKey(key).orElse("");
        } catch (IOException e) {
            throw new StoreException(Message.of("store.open.cannotPrepareFolder", "cannot prepare the folder " + dir + " of the database: "
                    + e.getMessage(), String.valueOf(dir), Reasons.of(e)), e);
        }
    }

    /**
     * Restricts what the database at {@code base} leaves on disk: the folder, when it is the database's own
     * (Scalloy's {@code ~/.scalloy}, or a folder holding only this database's files and Scalloy's settings), to its owner; every file
     * named {@code NAME.*} in it to {@code rw-------}. A folder that holds other files (the user's own) keeps its
     * permissions: the database's files are protected by theirs. Does nothing where the file system has no
     * POSIX permissions.
     */
    static void restrict(Path base) {
        Path dir = base.getParent();
        if (dir == null || Files.getFileAttributeView(dir, PosixFileAttributeView.class) == null) {
            return;
        }
        String prefix = base.getFileName() + ".";
        boolean own = dir.getFileName() != null && dir.getFileName().toString().equals(DEFAULT_FOLDER);
        boolean others = false;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path p : entries) {
                String name = p.getFileName().toString();
                if (name.startsWith(prefix) && Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    setQuietly(p, OWNER_FILE);
                } else if (!APP_FILES.contains(name) && !name.startsWith(".restore-") && !name.startsWith("." + prefix)) {
                    others = true;
                }
            }
        } catch (IOException e) {
            return; // an unreadable folder is not ours to fix; opening it reports the real problem
        }
        if (own || !others) {
            setQuietly(dir, OWNER_FOLDER);
        }
    }

    /**
     * Gives a database made before keys (no password) the password from its key file, making that file when
     * there is none, so that from now on only its OS user can open it.
     *
     * @param url the URL it is opened with
     * @return the password now set
     * @throws StoreException when the database has a password other than the key file's (or the key file is lost)
     */
    static String adopt(Path base, String url, String user) {
        Path key = keyFile(base);
        Optional<String> kept = readKey(key);
        try (Connection c = DriverManager.getConnection(url, user, "")) {
            String password = kept.orElseGet(() -> createKey(key));
            FaultPoints.reach("key:made");
            try (PreparedStatement ps = c.prepareStatement("ALTER USER " + quoted(user) + " SET PASSWORD ?")) {
                ps.setString(1, password);
                ps.execute();
            }
            restrict(base);
            return password;
        } catch (SQLException e) {
            if (!isWrongPassword(e)) {
                throw SqlErrors.openFailure(base.toString(), e);
            }
            // Another process may have keyed it a moment ago: its key file is then the database's.
            Optional<String> now = readKey(key);
            if (now.isPresent()) {
                try {
                    DriverManager.getConnection(url, user, now.get()).close(); // the other process's key opens it
                    return now.get();
                } catch (SQLException again) {
                    if (!isWrongPassword(again)) {
                        throw SqlErrors.openFailure(base.toString(), again);
                    }
                }
            }
            throw lostKey(base, now.isPresent(), e);
        }
    }

    /** Whether H2 (or PostgreSQL) refused a login for its password. */
    static boolean isWrongPassword(SQLException e) {
        return WRONG_PASSWORD.equals(e.getSQLState()) || e.getErrorCode() == org.h2.api.ErrorCode.WRONG_USER_OR_PASSWORD;
    }

    /**
     * The refusal for a database whose key file is missing or holds another password: what happened, that no
     * data is lost, and what to do.
     */
    static StoreException lostKey(Path base, boolean keyFilePresent, SQLException cause) {
        Path key = keyFile(base);
        String english = "the database " + base + " is locked with a password that only its key file " + key.getFileName()
                + " holds, and " + (keyFilePresent ? "that file holds another password" : "that file is missing")
                + "; nothing was changed and no data is lost. Put the key file back from a copy of the folder " + base.getParent()
                + ", or restore a backup made with scalloy db backup (a backup carries its key): scalloy db restore FILE"
                + " --db " + base;
        return new StoreException(Message.of(keyFilePresent ? "store.open.keyMismatch" : "store.open.keyMissing", english,
                String.valueOf(base), String.valueOf(key.getFileName()), String.valueOf(base.getParent())), cause);
    }

    /** The password in the key file, if there is one (and it is not empty). */
    static Optional<String> readKey(Path key) {
        try {
            String text = Files.readString(key, StandardCharsets.UTF_8).strip();
            return text.isEmpty() ? Optional.empty() : Optional.of(text);
        } catch (java.nio.file.NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new StoreException(Message.of("store.key.cannotRead", "cannot read the database's key file " + key + ": " + e.getMessage(),
                    String.valueOf(key), Reasons.of(e)), e);
        }
    }

    /** A new random password: {@value #KEY_BYTES} random bytes in URL-safe Base64. */
    static String newKey() {
        byte[] random = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    /**
     * Makes a key file with a new random password, owner-only from its first byte, or returns the one another
     * process made first (the file appears whole or not at all: written aside, then linked into place).
     */
    static String createKey(Path key) {
        writeKey(key, newKey(), false);
        return readKey(key).orElseThrow(() -> new StoreException(Message.of("store.key.empty", "the database's key file " + key + " is empty",
                String.valueOf(key))));
    }

    /**
     * Writes {@code password} into the key file, owner-only, whole or not at all.
     *
     * @param replace whether an existing key file is replaced (else the one there is kept)
     */
    static void writeKey(Path key, String password, boolean replace) {
        Path aside = key.resolveSibling("." + key.getFileName() + "." + Long.toHexString(System.nanoTime()) + ".part");
        try {
            if (Files.getFileAttributeView(key.getParent(), PosixFileAttributeView.class) != null) {
                Files.createFile(aside, PosixFilePermissions.asFileAttribute(OWNER_FILE));
            } else {
                Files.createFile(aside);
            }
            Files.writeString(aside, password + System.lineSeparator(), StandardCharsets.UTF_8);
            try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(aside, java.nio.file.StandardOpenOption.WRITE)) {
                ch.force(true);
            }
            if (replace) {
                Files.move(aside, key, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            } else {
                try {
                    Files.createLink(key, aside);
                } catch (FileAlreadyExistsException another) {
                    // another process made the key first: its key is the database's
                } catch (UnsupportedOperationException noLinks) {
                    if (!Files.exists(key)) {
                        Files.move(aside, key, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
                    }
                }
            }
        } catch (IOException e) {
            throw new StoreException(Message.of("store.key.cannotWrite", "cannot write the database's key file " + key + ": " + e.getMessage(),
                    String.valueOf(key), Reasons.of(e)), e);
        } finally {
            try {
                Files.deleteIfExists(aside);
            } catch (IOException ignored) {
                // a leftover owner-only file is harmless; restrict() keeps it private
            }
        }
    }

    /** Makes the folder of a database when it is missing, owner-only ({@code rwx------}) from the start. */
    static void createFolder(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            createOwnerOnlyFolder(dir);
        }
    }

    private static void createOwnerOnlyFolder(Path dir) throws IOException {
        Path existing = dir;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing != null && Files.getFileAttributeView(existing, PosixFileAttributeView.class) != null) {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(OWNER_FOLDER));
        } else {
            Files.createDirectories(dir);
        }
    }

    private static void setQuietly(Path p, Set<PosixFilePermission> permissions) {
        try {
            if (!Files.getPosixFilePermissions(p, java.nio.file.LinkOption.NOFOLLOW_LINKS).equals(permissions)) {
                Files.setPosixFilePermissions(p, permissions);
            }
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            // not ours (another user's file in a shared folder) or no POSIX permissions: nothing this open can do
        }
    }

    private static String quoted(String user) {
        return "\"" + user.toUpperCase(java.util.Locale.ROOT).replace("\"", "\"\"") + "\"";
    }
}
