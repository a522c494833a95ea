package ca.scalloy.store;

import ca.scalloy.engine.Message;

/**
 * The connection to the database server was lost during an action (the server restarted, the network
 * dropped). The action's transaction did not commit, so nothing of it was written; the database has
 * already tried to connect again, and tries again at the next action. The caller keeps the user's edits
 * and lets them retry.
 */
public final class ConnectionLostException extends StoreException {

    private static final long serialVersionUID = 1L;

    /** The loss with its reason as a code and arguments; {@link #getMessage()} is its English sentence. */
    public ConnectionLostException(Message reason, Throwable cause) {
        super(reason, cause);
    }
}
