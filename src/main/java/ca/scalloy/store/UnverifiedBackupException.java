package ca.scalloy.store;

import ca.scalloy.engine.Message;

/**
 * A restore refused because the backup has no manifest (it was made by a Scalloy from before backups
 * carried one), so what it holds cannot be checked against what was backed up. Nothing was changed;
 * the user may restore it all the same, knowingly ({@code db restore --allow-unverified}, or the
 * workbench's confirmation).
 */
public final class UnverifiedBackupException extends StoreException {

    private static final long serialVersionUID = 1L;

    public UnverifiedBackupException(Message reason) {
        super(reason);
    }
}
