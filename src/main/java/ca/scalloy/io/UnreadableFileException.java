package ca.scalloy.io;

import java.io.IOException;
import java.nio.file.Path;

/** A file that cannot be taken as the text it should be: too big, or not UTF-8. The message names the file. */
public final class UnreadableFileException extends IOException {

    private static final long serialVersionUID = 1L;

    private final transient Path file;

    public UnreadableFileException(Path file, String problem) {
        super(file + " " + problem);
        this.file = file;
    }

    /** The file. */
    public Path file() {
        return file;
    }
}
