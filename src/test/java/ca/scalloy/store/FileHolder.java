package ca.scalloy.store;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * A child process that opens an embedded file shared, as a Scalloy from before the open lock did (H2's
 * automatic mixed mode, no lock of Scalloy's), says "holding", and keeps it open until its standard
 * input is closed. Argument: the database path.
 */
public final class FileHolder {

    private FileHolder() {
    }

    public static void main(String[] args) throws SQLException, IOException {
        try (Connection c = Database.newConnection(Database.fileLogin(Path.of(args[0]), Database.FileAccess.SHARED))) {
            c.isValid(1);
            System.out.println("holding");
            System.out.flush();
            while (System.in.read() >= 0) {
                // until the test closes our input
            }
        }
    }
}
