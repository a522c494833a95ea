package ca.scalloy.store;

import java.time.Instant;
import java.util.Optional;

import ca.scalloy.engine.Message;

/**
 * Someone else saved the same recipe, material, specification or heat after this user read it: the save
 * is refused rather than overwriting their change (optimistic locking, decision 0008). The message names
 * who changed it and when; the caller offers to reload, or (for versioned things) to save as a new version.
 */
public final class ConcurrentChangeException extends StoreException {

    private static final long serialVersionUID = 1L;

    private final String changedBy;
    private final transient Instant changedAt;

    ConcurrentChangeException(Message reason, String changedBy, Instant changedAt) {
        super(reason, null);
        this.changedBy = changedBy;
        this.changedAt = changedAt;
    }

    ConcurrentChangeException(Message reason, Throwable cause) {
        super(reason, cause);
        this.changedBy = null;
        this.changedAt = null;
    }

    /** Who saved the other change, when known. */
    public Optional<String> changedBy() {
        return Optional.ofNullable(changedBy);
    }

    /** When the other change was saved, when known. */
    public Optional<Instant> changedAt() {
        return Optional.ofNullable(changedAt);
    }
}
