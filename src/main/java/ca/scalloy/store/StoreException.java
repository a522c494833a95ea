package ca.scalloy.store;

/**
 * A store operation that failed, with a message for the user: a database in use or made by a newer
 * Scalloy, a duplicate name, an unknown recipe, a damaged backup. Unchecked: callers at the edge (the
 * command line, a view model) show the message.
 */
public class StoreException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
