package ca.scalloy.io;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.Locale;

import ca.scalloy.engine.Message;

/**
 * Why a file could not be read or written, as a {@link Message} that names the file the user chose: the common kinds
 * of {@code java.nio} failure (no permission, no such file or folder, a file already there, a full or read-only disk,
 * a path through something that is not a folder) each have a code; anything else has a code saying the reason is in
 * the log. The file named is the one the user chose, not the temporary file an atomic write was using when it failed.
 */
public final class FileProblems {

    private FileProblems() {
    }

    /** Why {@code file} could not be read. */
    public static Message reading(Path file, IOException e) {
        if (e instanceof UnreadableFileException u) {
            return u.reason();
        }
        String f = file.toString();
        if (e instanceof AccessDeniedException) {
            return Message.of("file.read.denied", "cannot read " + f + ": permission denied", f);
        }
        if (e instanceof NoSuchFileException) {
            return Message.of("file.read.missing", "cannot read " + f + ": there is no such file", f);
        }
        if (throughAFile(e)) {
            String folder = notAFolder(file, e);
            return Message.of("file.read.notFolder", "cannot read " + f + ": " + folder + " is not a folder", f, folder);
        }
        return Message.of("file.read.failed", "cannot read " + f + ": " + e.getMessage(), f);
    }

    /** Why {@code file} could not be written. */
    public static Message writing(Path file, IOException e) {
        String f = file.toString();
        if (e instanceof AccessDeniedException) {
            return Message.of("file.write.denied", "cannot write " + f + ": permission denied", f);
        }
        if (e instanceof NoSuchFileException) {
            Path folder = file.toAbsolutePath().getParent();
            return Message.of("file.write.noFolder", "cannot write " + f + ": the folder " + folder + " does not exist", f,
                    String.valueOf(folder));
        }
        if (e instanceof FileAlreadyExistsException x && !file.toAbsolutePath().equals(Path.of(String.valueOf(x.getFile())).toAbsolutePath())) {
            // Making the file's folder met a file of the folder's name.
            return Message.of("file.write.notFolder", "cannot write " + f + ": " + x.getFile() + " is not a folder", f, String.valueOf(x.getFile()));
        }
        if (e instanceof FileAlreadyExistsException) {
            return Message.of("file.write.exists", "cannot write " + f + ": a file of that name is already there", f);
        }
        if (throughAFile(e)) {
            String folder = notAFolder(file, e);
            return Message.of("file.write.notFolder", "cannot write " + f + ": " + folder + " is not a folder", f, folder);
        }
        String reason = e instanceof FileSystemException s && s.getReason() != null ? s.getReason() : String.valueOf(e.getMessage());
        String lower = reason.toLowerCase(Locale.ROOT);
        if (lower.contains("no space left") || lower.contains("disk quota exceeded") || lower.contains("not enough space")) {
            return Message.of("file.write.full", "cannot write " + f + ": the disk is full", f);
        }
        if (lower.contains("read-only file system")) {
            return Message.of("file.write.readOnly", "cannot write " + f + ": the disk is read-only", f);
        }
        return Message.of("file.write.failed", "cannot write " + f + ": " + e.getMessage(), f);
    }

    /**
     * Why an operation on a file failed, without naming the file, for a message that names it in its own words ("cannot
     * read the key file …: {reason}"): permission denied, no such file or folder, not a folder, already there, a full or
     * read-only disk, a file locked by another program; anything else as {@code file.reason.other}, whose system text
     * only the log shows. The English is the system's text, as the command line has always printed it.
     */
    public static Message reason(IOException e) {
        String english = String.valueOf(e.getMessage());
        if (e instanceof UnreadableFileException u) {
            return u.reason();
        }
        if (e instanceof AccessDeniedException) {
            return Message.of("file.reason.denied", english);
        }
        if (e instanceof NoSuchFileException) {
            return Message.of("file.reason.missing", english);
        }
        if (throughAFile(e)) {
            return Message.of("file.reason.notFolder", english);
        }
        if (e instanceof FileAlreadyExistsException) {
            return Message.of("file.reason.exists", english);
        }
        String reason = (e instanceof FileSystemException s && s.getReason() != null ? s.getReason() : english).toLowerCase(Locale.ROOT);
        if (reason.contains("no space left") || reason.contains("disk quota exceeded") || reason.contains("not enough space")) {
            return Message.of("file.reason.full", english);
        }
        if (reason.contains("read-only file system")) {
            return Message.of("file.reason.readOnly", english);
        }
        if (reason.contains("used by another process") || reason.contains("locked a portion") || reason.contains("resource temporarily unavailable")) {
            return Message.of("file.reason.locked", english);
        }
        return Message.of("file.reason.other", english);
    }

    /** A path that goes through a regular file as if it were a folder ("/x/notes.txt/recipe.json"). */
    private static boolean throughAFile(IOException e) {
        return e instanceof NotDirectoryException
                || e instanceof FileSystemException s && s.getReason() != null && s.getReason().toLowerCase(Locale.ROOT).contains("not a directory");
    }

    /** The nearest ancestor of {@code file} that is there but is not a folder, or the path the error names. */
    private static String notAFolder(Path file, IOException e) {
        for (Path p = file.toAbsolutePath().getParent(); p != null; p = p.getParent()) {
            if (Files.exists(p)) {
                return Files.isDirectory(p) ? String.valueOf(((FileSystemException) e).getFile()) : p.toString();
            }
        }
        return String.valueOf(((FileSystemException) e).getFile());
    }

    /** Whether {@code m} is one of the kinds with no code of its own, whose reason only the log holds. */
    public static boolean unexplained(Message m) {
        return m.code().equals("file.read.failed") || m.code().equals("file.write.failed") || m.code().equals("file.reason.other");
    }
}
