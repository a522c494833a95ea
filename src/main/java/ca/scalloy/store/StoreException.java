package ca.scalloy.store;

import java.util.Optional;

import ca.scalloy.engine.Message;
import ca.scalloy.engine.MessageException;

/**
 * A store operation that failed, with a message for the user: a database in use or made by a newer
 * Scalloy, a duplicate name, an unknown recipe, a damaged backup. Unchecked: callers at the edge (the
 * command line, a view model) show the message. Every refusal carries its reason as a code and arguments
 * ({@link #reason()}), or is the engine's own refusal carried out of the store: there is no constructor
 * that takes an English sentence alone, so that the workbench never has to show one.
 */
public class StoreException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Message reason;

    /** A refusal with its reason as a code and arguments; {@link #getMessage()} is its English sentence. */
    public StoreException(Message reason) {
        this(reason, null);
    }

    /** A refusal with its reason as a code and arguments; {@link #getMessage()} is its English sentence. */
    public StoreException(Message reason, Throwable cause) {
        super(reason.english(), cause);
        this.reason = reason;
    }

    /**
     * The engine's refusal of a value (or of a heat's move), carried out of the store with its English: its code
     * when it carries one ({@link MessageException}); the workbench leaves the words of any other to the log.
     */
    public StoreException(RuntimeException refused) {
        super(refused.getMessage(), refused);
        this.reason = refused instanceof MessageException m ? m.message() : refused instanceof StoreException s ? s.reason : null;
    }

    /** Why, as a code and arguments for the workbench's bundles, when the store gives one. */
    public Optional<Message> reason() {
        return Optional.ofNullable(reason);
    }
}
