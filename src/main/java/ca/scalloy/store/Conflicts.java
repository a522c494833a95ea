package ca.scalloy.store;

import java.sql.SQLException;
import java.util.Optional;

import ca.scalloy.engine.Message;

/** What a database refusal means for the user, for the refusals that have a meaning beyond "database error". */
final class Conflicts {

    private Conflicts() {
    }

    static Optional<StoreException> translate(SQLException e) {
        String state = e.getSQLState();
        if (state == null) {
            return Optional.empty();
        }
        String first = firstLine(e);
        if (state.equals("40001") || state.equals("40P01")) {
            return Optional.of(new ConcurrentChangeException(Message.of("store.refused.sameMoment", "another user changed the same data at the same"
                    + " moment, and the database refused this change to keep both safe (" + first + "); reload and try again"), e));
        }
        if (state.equals("23505")) {
            // Checked before inserting, so this is a second writer that inserted the same name or number
            // between our check and our insert, on another workstation.
            return Optional.of(new ConcurrentChangeException(Message.of("store.refused.sameName", "someone else saved the same name or number at the"
                    + " same moment (" + first + "); reload to see theirs, and save yours under another name or as a new version"), e));
        }
        if (state.equals("42501")) {
            return Optional.of(new PermissionException(Message.of("store.refused.databaseRole", "the database refused the change: " + first
                    + "; your database user lacks the role for it (ask an administrator)"), e));
        }
        return Optional.empty();
    }

    private static String firstLine(SQLException e) {
        String m = String.valueOf(e.getMessage());
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
