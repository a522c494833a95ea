package ca.scalloy.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes files whole or not at all: into a temporary file beside the target, forced to disk, then a move
 * over it, so that a failure (full disk, killed process, power cut) never leaves a half-written file in
 * place of the user's.
 *
 * <p>The file belongs to the user like any other they save (issue 13 point 8): the temporary file is
 * created with the process's default permissions (the user's umask, e.g. 0644), not the owner-only 0600
 * of {@link Files#createTempFile}; a file written over keeps the permissions its owner gave it.
 * Owner-only files (the settings file with a password) set their permissions themselves.
 */
public final class AtomicFiles {

    private static final int NAME_ATTEMPTS = 100;

    private AtomicFiles() {
    }

    /** Writes {@code bytes} to {@code file}, replacing it. */
    public static void write(Path file, byte[] bytes) throws IOException {
        Path target = file.toAbsolutePath();
        Path dir = target.getParent();
        Files.createDirectories(dir);
        Path tmp = newSibling(target);
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ByteBuffer buf = ByteBuffer.wrap(bytes);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
            }
            keepPermissionsOf(target, tmp);
            replace(tmp, target);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * An empty new file beside {@code target}, hidden and named after it, made with the default permissions
     * ({@code Files.createFile} without attributes: 0666 less the umask).
     */
    private static Path newSibling(Path target) throws IOException {
        for (int i = 0; ; i++) {
            Path tmp = target.resolveSibling("." + target.getFileName() + "."
                    + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36) + ".tmp");
            try {
                return Files.createFile(tmp);
            } catch (FileAlreadyExistsException e) {
                if (i >= NAME_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    /** Gives {@code tmp} the POSIX permissions of {@code target} when it exists (a file written over keeps them). */
    private static void keepPermissionsOf(Path target, Path tmp) throws IOException {
        PosixFileAttributeView from = Files.getFileAttributeView(target, PosixFileAttributeView.class);
        PosixFileAttributeView to = Files.getFileAttributeView(tmp, PosixFileAttributeView.class);
        if (from != null && to != null && Files.exists(target)) {
            to.setPermissions(from.readAttributes().permissions());
        }
    }

    /** Moves the finished temporary file {@code tmp} over {@code target}, atomically where the file system can. */
    static void replace(Path tmp, Path target) throws IOException {
        try {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Writes {@code text} in UTF-8 to {@code file}, replacing it. */
    public static void writeString(Path file, CharSequence text) throws IOException {
        write(file, text.toString().getBytes(StandardCharsets.UTF_8));
    }
}
