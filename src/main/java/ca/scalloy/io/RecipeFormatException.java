package ca.scalloy.io;

/**
 * A recipe file that cannot be read: malformed JSON, a missing or mistyped field, a value the
 * published schema or the engine refuses. The message is one line naming the file, the field (JSON
 * path and pointer), the line and the value.
 */
public final class RecipeFormatException extends FormatException {

    private static final long serialVersionUID = 1L;

    public RecipeFormatException(String source, String jsonPath, String problem) {
        super(source, jsonPath, problem);
    }

    public RecipeFormatException(String source, String jsonPath, String problem, int line) {
        super(source, jsonPath, problem, line);
    }
}
