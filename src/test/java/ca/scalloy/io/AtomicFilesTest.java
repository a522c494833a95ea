package ca.scalloy.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Recipes, PDFs and exports are the user's files: written whole, with the user's normal permissions (issue 13 point 8). */
class AtomicFilesTest {

    @TempDir
    Path dir;

    /** The permissions a plain new file gets in this process (0666 less the umask): what any editor would give. */
    private Set<PosixFilePermission> plainNewFile() throws IOException {
        Path probe = Files.createFile(dir.resolve("probe"));
        try {
            return Files.getPosixFilePermissions(probe);
        } finally {
            Files.delete(probe);
        }
    }

    @Test
    void aNewFileGetsTheUsersNormalPermissionsNotOwnerOnly() throws IOException {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "POSIX file system");
        Set<PosixFilePermission> expected = plainNewFile();
        // Files.createTempFile, used before, made rw------- whatever the umask; a group or world bit shows the difference.
        assumeTrue(!expected.equals(PosixFilePermissions.fromString("rw-------")), "a umask that is not 077");
        Path recipe = dir.resolve("alsc2.json");
        AtomicFiles.writeString(recipe, "{}");
        assertEquals(PosixFilePermissions.toString(expected), PosixFilePermissions.toString(Files.getPosixFilePermissions(recipe)));
    }

    @Test
    void aFileWrittenOverKeepsThePermissionsItsOwnerGaveIt() throws IOException {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "POSIX file system");
        Path sheet = dir.resolve("sheet.csv");
        Files.writeString(sheet, "old");
        Files.setPosixFilePermissions(sheet, PosixFilePermissions.fromString("rw-r-----"));
        AtomicFiles.writeString(sheet, "new");
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(sheet)));
        assertEquals("new", Files.readString(sheet));
    }

    @Test
    void writesTheBytesWholeAndLeavesNoTemporaryFileBehind() throws IOException {
        byte[] bytes = "Al-2Sc, 1 000 kg".getBytes(StandardCharsets.UTF_8);
        Path out = dir.resolve("nested").resolve("out.txt");
        AtomicFiles.write(out, bytes);
        assertArrayEquals(bytes, Files.readAllBytes(out));
        try (Stream<Path> files = Files.list(out.getParent())) {
            assertEquals(1, files.count());
        }
    }
}
