package ca.scalloy.io;

/**
 * A JSON file (recipe, specifications, materials) that cannot be read: malformed JSON, a missing or
 * mistyped field, or a value the engine refuses. The message is one line naming the file, the field
 * (JSON path) and the value.
 */
public class FormatException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String source;
    private final String jsonPath;
    private final String problem;
    private final int line;

    public FormatException(String source, String jsonPath, String problem) {
        this(source, jsonPath, problem, 0);
    }

    /**
     * @param line 1-based line of the faulty value in the file, or 0 when unknown
     */
    public FormatException(String source, String jsonPath, String problem, int line) {
        super(source + ": " + jsonPath + (line > 0 ? " (JSON pointer " + JsonLines.toPointer(jsonPath) + ", line " + line + ")" : "")
                + ": " + problem);
        this.source = source;
        this.jsonPath = jsonPath;
        this.problem = problem;
        this.line = line;
    }

    /** The 1-based line of the faulty value, or 0 when unknown (malformed JSON names it in the problem). */
    public int line() {
        return line;
    }

    /** The JSON pointer of the faulty field, e.g. {@code /materials/1/pricePerKg}. */
    public String jsonPointer() {
        return JsonLines.toPointer(jsonPath);
    }

    /** The file (or other source) read. */
    public String source() {
        return source;
    }

    /** JSON path of the faulty field, e.g. {@code $.materials[1].pricePerKg}; {@code $} for the whole document. */
    public String jsonPath() {
        return jsonPath;
    }

    /** What is wrong, without the source and path. */
    public String problem() {
        return problem;
    }
}
