package ca.scalloy.store;

import java.util.Objects;

/**
 * A stored value with the stamp it was read at, read together so that an edit started from it can
 * be saved with the version it really started from.
 */
public record Stamped<T>(T value, RowStamp stamp) {

    public Stamped {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(stamp, "stamp");
    }
}
