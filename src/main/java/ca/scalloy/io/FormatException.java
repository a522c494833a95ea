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

    public FormatException(String source, String jsonPath, String problem) {
        super(source + ": " + jsonPath + ": " + problem);
        this.source = source;
        this.jsonPath = jsonPath;
        this.problem = problem;
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
