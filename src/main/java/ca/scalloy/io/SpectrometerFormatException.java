package ca.scalloy.io;

/**
 * A spectrometer export that cannot be read: empty, no header, no sample column, or text where a
 * number belongs. The message names the file, the line and the column.
 */
public final class SpectrometerFormatException extends Exception {

    private static final long serialVersionUID = 1L;

    private final int line;

    public SpectrometerFormatException(String source, int line, String problem) {
        super(source + (line > 0 ? ", line " + line : "") + ": " + problem);
        this.line = line;
    }

    /** The 1-based line of the fault, or 0 for the whole file. */
    public int line() {
        return line;
    }
}
