package ca.scalloy.store;

import java.util.Optional;

import ca.scalloy.engine.Message;
import ca.scalloy.engine.MessageException;

/**
 * A store operation that failed, with a message for the user: a database in use or made by a newer
 * Scalloy, a duplicate name, an unknown recipe, a damaged backup. Unchecked: callers at the edge (the
 * command line, a view model) show the message.
 */
public class StoreException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Message reason;

    public StoreException(String message) {
        super(message);
        this.reason = null;
    }

    /** A refusal with its reason as a code and arguments; {@link #getMessage()} is its English sentence. */
    public StoreException(Message reason) {
        this(reason, null);
    }

    /** A refusal with its reason as a code and arguments; {@link #getMessage()} is its English sentence. */
    public StoreException(Message reason, Throwable cause) {
        super(reason.english(), cause);
        this.reason = reason;
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
        // A store error that carries the engine's or the store's refusal keeps its code for the workbench.
        this.reason = cause instanceof StoreException s ? s.reason : cause instanceof MessageException m ? m.message() : null;
    }

    /** Why, as a code and arguments for the workbench's bundles, when the store gives one. */
    public Optional<Message> reason() {
        return Optional.ofNullable(reason);
    }
}
