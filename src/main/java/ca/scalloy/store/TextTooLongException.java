package ca.scalloy.store;

import ca.scalloy.engine.Message;

/**
 * A text longer than the database column that keeps it, refused before the store is asked to write
 * it: the field, the value's length and the limit, so that the caller can say which.
 */
public final class TextTooLongException extends StoreException {

    private static final long serialVersionUID = 1L;

    private final String field;
    private final int length;
    private final int limit;

    TextTooLongException(String field, int length, int limit) {
        super(Message.of("store.refused.tooLong", field + " is " + length + " characters long; at most " + limit + " are kept", field,
                length, limit), null);
        this.field = field;
        this.length = length;
        this.limit = limit;
    }

    /** The field, as the store's callers name it (e.g. "lot number", "certificate"). */
    public String field() {
        return field;
    }

    public int length() {
        return length;
    }

    public int limit() {
        return limit;
    }
}
