package ca.scalloy.engine;

import java.util.Objects;
import java.util.Optional;

/**
 * Input the engine (or the store, or a file reader) refuses, with the reason as a {@link Message}:
 * {@link #getMessage()} is its English sentence for the command line and logs, the workbench words
 * {@link #message()} from its bundles. An {@link IllegalArgumentException}, as the checks it replaces.
 */
public class MessageException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final transient Message message;
    private final String field;

    public MessageException(Message message) {
        this(message, null);
    }

    private MessageException(Message message, String field) {
        super(Objects.requireNonNull(message, "message").english());
        this.message = message;
        this.field = field;
    }

    /** A refusal with its code, English sentence and arguments. */
    public MessageException(String code, String english, Object... args) {
        this(Message.of(code, english, args));
    }

    /** Why the input is refused, as a code and arguments. */
    public Message message() {
        return message;
    }

    /**
     * The same refusal naming the field it concerns, as the recipe file names it ({@code "batchMassKg"},
     * {@code "materials[2].id"}, {@code "minPct"}), so that a form can mark that field without reading the English.
     */
    public MessageException at(String refusedField) {
        return new MessageException(message, Objects.requireNonNull(refusedField, "refusedField"));
    }

    /** The field refused, when the thrower named it. */
    public Optional<String> field() {
        return Optional.ofNullable(field);
    }
}
