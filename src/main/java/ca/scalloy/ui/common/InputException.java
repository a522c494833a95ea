package ca.scalloy.ui.common;

import java.util.Arrays;

/**
 * Text the user typed that cannot be read. Carries a message key and its arguments so that the
 * view model can say what is wrong in the user's language; {@link #getMessage()} is English.
 */
public final class InputException extends IllegalArgumentException {

    private final String key;
    private final transient Object[] args;

    public InputException(String key, String englishMessage, Object... args) {
        super(englishMessage);
        this.key = key;
        this.args = args.clone();
    }

    /** The message key in {@code messages.properties}. */
    public String key() {
        return key;
    }

    /** The arguments of the message. */
    public Object[] args() {
        return Arrays.copyOf(args, args.length);
    }

    /** The message in the language of {@code messages}. */
    public String localized(Messages messages) {
        return messages.get(key, args);
    }
}
