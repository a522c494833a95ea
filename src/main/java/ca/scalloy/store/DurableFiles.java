package ca.scalloy.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * File steps that survive a kill or a power cut: data forced to the disk before a file is moved into
 * place, moves that are atomic where the file system allows, the folder's entry forced after a move,
 * and copies of the database readable by their owner only.
 */
final class DurableFiles {

    private DurableFiles() {
    }

    /** Forces a file's content to the disk. */
    static void sync(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
    }

    /**
     * Forces a folder's entries (a file created, moved or deleted in it) to the disk. Some systems
     * (Windows) cannot open a folder for this; there the move itself is all there is.
     */
    static void syncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // not possible on this system; the rename is still atomic where the file system makes it so
        }
    }

    /** Moves {@code from} to {@code to}, replacing it, atomically where possible, and forces the folder. */
    static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
        syncDirectory(to.toAbsolutePath().getParent());
    }

    /**
     * Makes a file readable and writable by its owner only (a copy of the database holds what the
     * database holds). Systems without POSIX permissions keep the folder's.
     */
    static void ownerOnly(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the folder's access rules apply
        }
    }

    /**
     * Creates an empty file readable and writable by its owner only from the start (no moment where
     * another user could open it); on a system without POSIX permissions, an ordinary file.
     *
     * @throws java.nio.file.FileAlreadyExistsException when it exists
     */
    static void createOwnerOnly(Path file) throws IOException {
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(file);
        }
    }

    /** Deletes a file if it is there; a failure leaves it (a leftover temporary file is harmless). */
    static void deleteQuietly(Path p) {
        if (p == null) {
            return;
        }
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            // a leftover temporary file is harmless
        }
    }

    /** Deletes a temporary folder and the files in it, quietly. */
    static void deleteTree(Path dir) {
        if (dir == null || !Files.isDirectory(dir)) {
            return;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path f : files) {
                deleteQuietly(f);
            }
        } catch (IOException e) {
            // leaving a temporary folder behind undoes nothing
        }
        deleteQuietly(dir);
    }
}
