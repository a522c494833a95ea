package ca.scalloy.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;

import ca.scalloy.engine.Message;

/**
 * A file that cannot be taken as the text it should be: too big, or not UTF-8. The message names the file; the
 * workbench words {@link #reason()} from its bundles.
 */
public final class UnreadableFileException extends IOException {

    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final transient Message reason;

    /** Why, as a code and arguments; {@link #getMessage()} is its English sentence. */
    public UnreadableFileException(Path file, Message reason) {
        super(Objects.requireNonNull(reason, "reason").english());
        this.file = file;
        this.reason = reason;
    }

    public UnreadableFileException(Path file, String problem) {
        this(file, Message.of("file.read.unreadable", file + " " + problem, file.toString()));
    }

    /** The file. */
    public Path file() {
        return file;
    }

    /** Why the file cannot be read, as a code and arguments. */
    public Message reason() {
        return reason;
    }
}
