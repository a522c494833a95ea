package ca.scalloy.store;

import java.sql.SQLException;

import ca.scalloy.engine.Message;

/**
 * What a database's errors mean to Scalloy: which H2 errors of an embedded file are worth trying again, and
 * the line a user reads when an open fails.
 */
final class SqlErrors {

    static final int H2_DATABASE_IN_USE = 90020;
    private static final int H2_ERROR_OPENING = 8000;
    private static final int H2_CONNECTION_BROKEN = 90067;
    private static final int H2_DATABASE_CLOSED = 90098;
    private static final int H2_CLOSED_AT_SHUTDOWN = 90121;
    private static final int H2_LOCK_TIMEOUT = 50200;
    private static final int H2_FILE_VERSION_ERROR = 90048;
    private static final int H2_FILE_CORRUPTED = 90030;
    /** H2's "IO Exception: …" with and without a detail: on a served file, the server's socket as it goes. */
    private static final int H2_IO_EXCEPTION_1 = 90031;
    private static final int H2_IO_EXCEPTION_2 = 90028;

    private SqlErrors() {
    }

    static StoreException openFailure(String name, SQLException e) {
        if (e.getErrorCode() == H2_CONNECTION_BROKEN || e.getErrorCode() == H2_CLOSED_AT_SHUTDOWN || e.getErrorCode() == H2_DATABASE_CLOSED
                || e.getErrorCode() == H2_ERROR_OPENING && String.valueOf(e.getMessage()).contains("Lock file")) {
            return handoverFailure(name, e);
        }
        if (e.getSQLState() != null && e.getSQLState().startsWith("28")) {
            return new StoreException(Message.of("store.open.loginRefused", "the database server refused the login for " + name + ": "
                    + firstLine(e), name, firstLine(e)), e);
        }
        if (e.getSQLState() != null && e.getSQLState().startsWith("08")) {
            String driver = firstLine(e);
            int sentence = driver.indexOf(". ");
            String why = sentence > 0 ? driver.substring(0, sentence) : driver;
            return new StoreException(Message.of("store.open.unreachable", "cannot reach the database server for " + name + ": "
                    + why + "; check that the server is running and the URL's host and port", name, why), e);
        }
        return switch (e.getErrorCode()) {
            case H2_DATABASE_IN_USE -> new StoreException(Message.of("store.open.inUse", "the database " + name
                    + " is in use by a program that opened it without sharing (not in H2's automatic mixed mode); close that program"
                    + " and try again", name), e);
            case H2_FILE_VERSION_ERROR, H2_FILE_CORRUPTED -> new StoreException(Message.of("store.open.unreadable", "the database " + name
                    + " cannot be read by this Scalloy (made by another H2 version, or damaged): " + firstLine(e), name, firstLine(e)), e);
            default -> new StoreException(Message.of("store.open.failed", "cannot open the database " + name + ": " + firstLine(e), name,
                    firstLine(e)), e);
        };
    }

    /** The program sharing the file (H2's automatic mixed mode) was closing or stopped, for longer than an open waits. */
    static StoreException handoverFailure(String name, SQLException e) {
        return new StoreException(Message.of("store.open.handover", "the database file " + name + " was being handed over between the"
                + " programs sharing it (one closing or stopped) for longer than Scalloy waits (" + Opener.HANDOVER_PATIENCE.toSeconds()
                + " s): " + firstLine(e) + "; try again", name, (int) Opener.HANDOVER_PATIENCE.toSeconds()), e);
    }

    static String firstLine(SQLException e) {
        String m = String.valueOf(e.getMessage());
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    /**
     * Whether an error of an embedded file is the program that shares it handing it over (it is closing
     * or died, or H2 is taking over its lock file), a lock timeout or a deadlock: worth trying again.
     */
    static boolean isTransientFileError(SQLException e) {
        int code = e.getErrorCode();
        return code == H2_DATABASE_IN_USE || code == H2_CONNECTION_BROKEN || code == H2_DATABASE_CLOSED || code == H2_CLOSED_AT_SHUTDOWN
                || code == H2_LOCK_TIMEOUT || "40001".equals(e.getSQLState())
                || code == H2_ERROR_OPENING && String.valueOf(e.getMessage()).contains("Lock file")
                || e.getSQLState() != null && e.getSQLState().startsWith("08")
                || (code == H2_IO_EXCEPTION_1 || code == H2_IO_EXCEPTION_2) && socketLost(e);
    }

    /**
     * Whether the I/O error behind {@code e} is the connection to the sharing program ending (its socket
     * closed mid-read as it exits: an end of stream or a socket error), not the file's own storage.
     */
    private static boolean socketLost(SQLException e) {
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            if (t instanceof java.io.EOFException || t instanceof java.net.SocketException) {
                return true;
            }
        }
        return false;
    }

    /** The transient H2 error (see {@link #isTransientFileError}) behind {@code e}, if any. */
    static SQLException transientCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && isTransientFileError(sql)) {
                return sql;
            }
        }
        return null;
    }
}
