package ca.scalloy.store;

import ca.scalloy.engine.Message;

/**
 * The user's role does not allow the change (refused by Scalloy before it reaches the database, or by
 * the database's own grants). The message names the user, what was refused and which role allows it.
 */
public final class PermissionException extends StoreException {

    private static final long serialVersionUID = 1L;

    PermissionException(Message reason, Throwable cause) {
        super(reason, cause);
    }
}
