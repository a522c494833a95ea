package ca.scalloy.engine;

import java.util.Objects;

/**
 * Input the engine (or the store, or a file reader) refuses, with the reason as a {@link Message}:
 * {@link #getMessage()} is its English sentence for the command line and logs, the workbench words
 * {@link #message()} from its bundles. An {@link IllegalArgumentException}, as the checks it replaces.
 */
public class MessageException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final transient Message message;

    public MessageException(Message message) {
        super(Objects.requireNonNull(message, "message").english());
        this.message = message;
    }

    /** A refusal with its code, English sentence and arguments. */
    public MessageException(String code, String english, Object... args) {
        this(Message.of(code, english, args));
    }

    /** Why the input is refused, as a code and arguments. */
    public Message message() {
        return message;
    }
}
