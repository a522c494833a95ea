package ca.scalloy.io;

import ca.scalloy.engine.Message;

/**
 * A spectrometer export that cannot be read: empty, no header, no sample column, or text where a
 * number belongs. The message names the file, the line and the column.
 */
public final class SpectrometerFormatException extends Exception {

    private static final long serialVersionUID = 1L;

    private final int line;
    private final transient Message reason;

    public SpectrometerFormatException(String source, int line, String problem) {
        this(source, line, Message.of("heats.import.error.other", problem));
    }

    /** The fault at {@code line} (0 for the whole file) of {@code source}, said by {@code problem}. */
    public SpectrometerFormatException(String source, int line, Message problem) {
        super(source + (line > 0 ? ", line " + line : "") + ": " + problem.english());
        this.line = line;
        this.reason = Message.of("heats.import.error.at", source + (line > 0 ? ", line " + line : "") + ": " + problem.english(), source, line,
                problem);
    }

    /** What is wrong, naming the file and the line, as a code and arguments for the workbench. */
    public Message reason() {
        return reason;
    }

    /** The 1-based line of the fault, or 0 for the whole file. */
    public int line() {
        return line;
    }
}
