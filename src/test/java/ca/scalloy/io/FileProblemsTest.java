package ca.scalloy.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ca.scalloy.engine.Message;

class FileProblemsTest {

    @TempDir
    Path dir;

    @Test
    void eachCommonKindOfWriteFailureHasItsCodeAndNamesTheChosenFileNotTheTemporaryOne() {
        Path pdf = dir.resolve("sheet.pdf");
        Path temp = dir.resolve(".sheet.pdf.tmp");
        assertEquals("file.write.denied", FileProblems.writing(pdf, new AccessDeniedException(temp.toString())).code());
        assertEquals("cannot write " + pdf + ": permission denied", FileProblems.writing(pdf, new AccessDeniedException(temp.toString())).english());
        assertEquals("file.write.exists", FileProblems.writing(pdf, new FileAlreadyExistsException(pdf.toString())).code());
        assertEquals("file.write.notFolder", FileProblems.writing(pdf, new NotDirectoryException(dir.toString())).code());
        assertEquals("file.write.full", FileProblems.writing(pdf, new FileSystemException(temp.toString(), null, "No space left on device")).code());
        // A stream's write on a full disk throws a plain IOException with the system's text.
        assertEquals("file.write.full", FileProblems.writing(pdf, new IOException("No space left on device")).code());
        assertEquals("file.write.readOnly", FileProblems.writing(pdf, new FileSystemException(temp.toString(), null, "Read-only file system")).code());
        Message other = FileProblems.writing(pdf, new IOException("Stale file handle"));
        assertEquals("file.write.failed", other.code());
        assertEquals(java.util.List.of(pdf.toString()), other.args(), "the system's text stays out of what the workbench words");
    }

    @Test
    void aReasonUnderARefusalHasTheCodeOfItsKindAndLeavesTheSystemsTextToTheEnglish() {
        Path key = dir.resolve("scalloy.key");
        assertEquals("file.reason.denied", FileProblems.reason(new AccessDeniedException(key.toString())).code());
        assertEquals("file.reason.missing", FileProblems.reason(new NoSuchFileException(key.toString())).code());
        assertEquals("file.reason.notFolder", FileProblems.reason(new NotDirectoryException(dir.toString())).code());
        assertEquals("file.reason.exists", FileProblems.reason(new FileAlreadyExistsException(key.toString())).code());
        assertEquals("file.reason.full", FileProblems.reason(new IOException("No space left on device")).code());
        assertEquals("file.reason.readOnly", FileProblems.reason(new FileSystemException(key.toString(), null, "Read-only file system")).code());
        // Windows' sharing violation, as the JDK words it.
        assertEquals("file.reason.locked", FileProblems.reason(new FileSystemException(key.toString(), null,
                "The process cannot access the file because it is being used by another process")).code());
        Message other = FileProblems.reason(new IOException("Stale file handle"));
        assertEquals("file.reason.other", other.code());
        assertEquals(java.util.List.of(), other.args(), "the system's text stays out of what the workbench words");
        assertEquals("Stale file handle", other.english(), "the command line and the log keep it");
        assertTrue(FileProblems.unexplained(other));
    }

    @Test
    void aWriteThroughAFileTakenForAFolderNamesThatFile() throws IOException {
        Path notes = dir.resolve("notes.txt");
        Files.writeString(notes, "not a folder");
        Path file = notes.resolve("sub/recipe.json");
        IOException e = assertThrows(IOException.class, () -> AtomicFiles.writeString(file, "{}"));
        Message m = FileProblems.writing(file, e);
        assertEquals("file.write.notFolder", m.code());
        assertEquals(java.util.List.of(file.toString(), notes.toString()), m.args());
    }

    @Test
    void aWriteIntoAMissingFolderNamesTheFolder() {
        Path file = dir.resolve("no-such-folder/recipe.json");
        Message m = FileProblems.writing(file, new NoSuchFileException(file.toString()));
        assertEquals("file.write.noFolder", m.code());
        assertEquals(java.util.List.of(file.toString(), dir.resolve("no-such-folder").toString()), m.args());
    }

    @Test
    void aMissingFileAndATooBigOneAreSaidAsSuch() throws IOException {
        Path missing = dir.resolve("missing.json");
        IOException gone = assertThrows(IOException.class, () -> RecipeFiles.read(missing));
        assertEquals("file.read.missing", FileProblems.reading(missing, gone).code());
        assertEquals("file.read.denied", FileProblems.reading(missing, new AccessDeniedException(missing.toString())).code());

        Path big = dir.resolve("big.json");
        Files.write(big, new byte[(int) TextFiles.RECIPE_MAX_BYTES + 1]);
        IOException tooBig = assertThrows(IOException.class, () -> RecipeFiles.read(big));
        Message m = FileProblems.reading(big, tooBig);
        assertEquals("file.read.tooBig", m.code());
        assertEquals(tooBig.getMessage(), m.english(), "the command line's sentence is unchanged");
    }
}
