package ca.scalloy.store;

import java.time.Clock;

/**
 * A second workstation in its own process, for {@link ServerWorkstationsTest}: connects to the database
 * given as URL and user (password from SCALLOY_DB_PASSWORD, as the real workbench takes it) and weighs
 * one line of a heat {@code count} times. Exits 0 when every weighing was stored.
 *
 * <p>Arguments: URL, user, heat number, line, count.
 */
public final class HeatWriterProcess {

    private HeatWriterProcess() {
    }

    public static void main(String[] args) {
        DatabaseLogin login = new DatabaseLogin(args[0], args[1], System.getenv(DatabaseLogin.PASSWORD_VARIABLE));
        int line = Integer.parseInt(args[3]);
        int count = Integer.parseInt(args[4]);
        try (Database db = Database.connect(login, Clock.systemUTC())) {
            db.setActor("process " + ProcessHandle.current().pid());
            for (int i = 1; i <= count; i++) {
                db.heats().weigh(args[2], line, i, null, "process round " + i);
            }
        }
    }
}
