package ca.scalloy.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import ca.scalloy.engine.Message;
import ca.scalloy.store.Database.Work;

/**
 * A {@link Database}'s one connection and the transactions on it: serialized by one lock, joined when
 * nested, run again on the embedded file when the sharing program's handover, a lock timeout or a deadlock
 * stopped one before its commit, made durable after a commit that wrote, and reconnected after a lost
 * connection (told to the user, with whether the action may have been saved).
 */
final class Transactions {

    /** How many times a transaction on the embedded file runs before its failure is reported. */
    private static final int MAX_ATTEMPTS = 10;
    /** How long a sharing process waits, on close, for another process's write in flight through it. */
    private static final Duration WRITES_IN_FLIGHT_PATIENCE = Duration.ofSeconds(10);

    private final DatabaseLogin login;
    private final Path file;
    private final boolean postgres;
    private final String description;
    /** Whom this Scalloy acts for now (the session is told at the next transaction when it changed). */
    private final Supplier<String> actor;
    private final ReentrantLock lock = new ReentrantLock();
    private Connection connection;
    private boolean brokenSinceLastUse;
    /** Set by {@link #close}: a closed database refuses work rather than reconnecting behind its owner's back. */
    private volatile boolean closed;
    /** Set while the commit is on its way: a connection lost then leaves the outcome unknown. */
    private boolean committing;
    private volatile int lostConnections;
    /** The actor the connection's session names to the database's triggers (null: not said yet). */
    private String sessionActor;
    /** Whether this transaction gave the database a reason or quiet mode (the embedded database's must be cleared). */
    private boolean auditContextSet;

    Transactions(DatabaseLogin login, Path file, Connection connection, String description, Supplier<String> actor) {
        this.login = login;
        this.file = file;
        this.postgres = login.isPostgres();
        this.connection = connection;
        this.description = description;
        this.actor = actor;
    }

    /**
     * Runs {@code work} in one transaction: every write commits together or none does.
     *
     * @throws StoreException when the database refuses (the transaction is rolled back)
     */
    <T> T inTransaction(Work<T> work) {
        lock.lock();
        if (lock.getHoldCount() > 1) {
            // Called from inside another transaction's work (a repository reusing a read): it is part of that one.
            try {
                return work.run(connection);
            } catch (SQLException e) {
                throw new NestedFailure(e);
            } finally {
                lock.unlock();
            }
        }
        try {
            long start = System.nanoTime();
            for (int attempt = 1; ; attempt++) {
                try {
                    return attempt(work);
                } catch (SQLException e) {
                    if (mayRunAgain(e, attempt, start)) {
                        brokenSinceLastUse |= isConnectionLost(e);
                        pauseBeforeRetry(attempt);
                        continue;
                    }
                    if (isConnectionLost(e)) {
                        throw lostConnection(e);
                    }
                    throw Conflicts.translate(e).orElseGet(() -> new StoreException(Message.of("store.database.error", "database error: "
                            + SqlErrors.firstLine(e), SqlErrors.firstLine(e)), e));
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /** One run of a transaction: the work, the commit, and for a file that changed, the sync to the disk. */
    private <T> T attempt(Work<T> work) throws SQLException {
        if (closed) {
            throw new StoreException(Message.of("store.database.closed", "the database " + description + " has been closed", description));
        }
        reconnectIfLost();
        connection.setAutoCommit(false);
        committing = false;
        try {
            String actorSaid = sayActor();
            T result = work.run(connection);
            boolean wrote = file != null && hasUncommittedChanges();
            committing = true;
            connection.commit();
            committing = false;
            if (actorSaid != null) {
                sessionActor = actorSaid;
            }
            if (wrote) {
                persistCommitted();
            }
            return result;
        } catch (NestedFailure e) {
            rollbackQuietly();
            throw e.getCause();
        } catch (SQLException | RuntimeException e) {
            rollbackQuietly();
            throw e;
        } finally {
            clearAuditContextQuietly();
            restoreAutoCommitQuietly();
        }
    }

    /**
     * Whether a failed transaction on the embedded file may simply run again: nothing of it committed
     * (it failed before its commit was sent), and the failure was the sharing program handing the file
     * over, a lock timeout or a deadlock. A server's lost connection is told to the user instead (its
     * workbench keeps the edits), as is anything after {@link #MAX_ATTEMPTS} tries or a minute.
     */
    private boolean mayRunAgain(SQLException e, int attempt, long startNanos) {
        return file != null && !committing && !closed && SqlErrors.isTransientFileError(e) && attempt < MAX_ATTEMPTS
                && System.nanoTime() - startNanos < Duration.ofMinutes(1).toNanos();
    }

    /** Waits a little before trying again, longer each attempt and a bit at random, so that processes do not retry in step. */
    static void pauseBeforeRetry(int attempt) {
        long millis = Math.min(1000, 20L << Math.min(attempt, 6)) + ThreadLocalRandom.current().nextLong(50);
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw interrupted(e);
        }
    }

    /** The refusal of a wait for the database that was interrupted. */
    static StoreException interrupted(InterruptedException e) {
        return new StoreException(Message.of("store.database.interrupted", "interrupted while waiting for the database"), e);
    }

    /** A database error inside a joined (nested) transaction, carried out to the outermost one, which reports it. */
    private static final class NestedFailure extends RuntimeException {

        private static final long serialVersionUID = 1L;

        NestedFailure(SQLException cause) {
            super(cause);
        }

        @Override
        public synchronized SQLException getCause() {
            return (SQLException) super.getCause();
        }
    }

    /**
     * Tells the database, once per session and again when it changes, whom this Scalloy acts for: its triggers
     * write that name into the audit entries beside the database user (decision 0010).
     *
     * @return the name said, to be remembered once the transaction commits (a rolled-back setting is undone), or null
     */
    private String sayActor() throws SQLException {
        String a = actor.get();
        if (a.equals(sessionActor)) {
            return null;
        }
        AuditLog.setActor(connection, postgres, a);
        return a;
    }

    /** Marks that this transaction gave the database a reason or quiet mode for its audit entries. */
    void auditContextSet() {
        auditContextSet = true;
    }

    private void clearAuditContextQuietly() {
        if (!auditContextSet) {
            return;
        }
        auditContextSet = false;
        if (postgres) {
            return; // set for the transaction only
        }
        try {
            AuditLog.clearTransactionContext(connection);
        } catch (SQLException e) {
            // the connection is gone; a new one starts without them
        }
    }

    private void rollbackQuietly() {
        try {
            connection.rollback();
        } catch (SQLException e) {
            // a lost connection cannot roll back; the server discards the open transaction itself
        }
    }

    private void restoreAutoCommitQuietly() {
        try {
            connection.setAutoCommit(true);
        } catch (SQLException e) {
            // the connection is gone; the next use reconnects
        }
    }

    /**
     * Whether an error means the connection to the server is gone (the server restarted or the network
     * dropped): SQLSTATE class 08 (connection exception) or 57P (the server shut the session down), or a
     * connection that no longer answers.
     */
    private boolean isConnectionLost(SQLException e) {
        String state = e.getSQLState();
        if (state != null && (state.startsWith("08") || state.startsWith("57P"))) {
            return true;
        }
        try {
            return connection.isClosed() || !connection.isValid(2);
        } catch (SQLException notAnswering) {
            return true;
        }
    }

    private ConnectionLostException lostConnection(SQLException e) {
        lostConnections++;
        Message reconnected;
        try {
            reconnect();
            reconnected = Message.of("store.lost.reconnected", "the connection has been made again");
        } catch (SQLException again) {
            reconnected = Message.of("store.lost.notYet", "the server cannot be reached yet (" + SqlErrors.firstLine(again)
                    + "); Scalloy tries again at the next action", SqlErrors.firstLine(again));
        }
        String why = SqlErrors.firstLine(e);
        if (file != null) {
            String sharing = "lost the connection to the program sharing the database file " + file + " (it closed or stopped: " + why + ")";
            if (committing) {
                committing = false;
                return new ConnectionLostException(Message.of("store.lost.fileWhileSaving", sharing + " while saving; that action may or may"
                        + " not have been saved; " + reconnected + ". Reload to see whether it was saved before you try again.",
                        file.toString(), why, reconnected), e);
            }
            return new ConnectionLostException(Message.of("store.lost.file", sharing + "; that action was not saved, and nothing of it was"
                    + " written; " + reconnected + ". Try again.", file.toString(), why, reconnected), e);
        }
        if (committing) {
            // The server may have committed before the answer was lost: only a look at the data can tell.
            committing = false;
            return new ConnectionLostException(Message.of("store.lost.serverWhileSaving", "lost the connection to " + description + " ("
                    + why + ") while saving; the server may or may not have saved that action; " + reconnected + ". Your edits are kept:"
                    + " reload to see whether it was saved before you try again.", description, why, reconnected), e);
        }
        return new ConnectionLostException(Message.of("store.lost.server", "lost the connection to " + description + " (" + why
                + "); that action was not saved, and nothing of it was written; " + reconnected + ". Your edits are kept: try again.",
                description, why, reconnected), e);
    }

    /** Opens a new connection when the last one was lost (a failed reconnect is retried here, at the next action). */
    private void reconnectIfLost() throws SQLException {
        if (connection.isClosed() || brokenSinceLastUse) {
            reconnect();
        }
    }

    private void reconnect() throws SQLException {
        brokenSinceLastUse = true;
        try {
            connection.close();
        } catch (SQLException ignored) {
            // already gone
        }
        connection = Opener.newConnection(login);
        sessionActor = null;
        brokenSinceLastUse = false;
    }

    /** How many times this connection was found lost. */
    int lostConnections() {
        return lostConnections;
    }

    /** Whether the current transaction changed anything (H2's TRANSACTION_ID() is NULL when it did not). */
    private boolean hasUncommittedChanges() throws SQLException {
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery("SELECT TRANSACTION_ID()")) {
            return rs.next() && rs.getObject(1) != null;
        }
    }

    /**
     * Makes a committed change durable before the caller hears of it. H2's MVStore, even with
     * WRITE_DELAY=0, only tries to write a commit to the file when its store lock is free; under load a
     * commit could stay in memory, and a process killed then lost it (the kill test caught 2-4 of ~100
     * reported commits on a busy machine). CHECKPOINT SYNC writes and syncs it to disk, which also
     * covers a power cut.
     */
    private void persist() throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute("CHECKPOINT SYNC");
        }
    }

    /**
     * {@link #persist} after a commit the database confirmed: if the connection is lost now (the program
     * sharing the file closed), the change is saved all the same (H2 writes what was committed when it
     * closes), so the action is not reported as failed; the next one reconnects.
     */
    private void persistCommitted() throws SQLException {
        try {
            persist();
        } catch (SQLException e) {
            if (!isConnectionLost(e)) {
                throw e;
            }
            brokenSinceLastUse = true;
        }
    }

    /**
     * Closes the connection for good (the caller holds {@link #lock}); a process that serves the file to others
     * ({@code serving}) first waits for their writes in flight.
     */
    void close(boolean serving) throws SQLException {
        if (serving && !closed) {
            waitForWritesInFlightThroughThisProcess();
        }
        closed = true;
        connection.close();
    }

    /**
     * When this process serves the file to others (H2's automatic mixed mode: it opened it first), waits
     * for their writes in flight to finish before it lets go: a process that exits takes the server with
     * it, and a commit on its way would be lost in the middle, its outcome unknown to the writer. Bounded
     * by {@link #WRITES_IN_FLIGHT_PATIENCE}; idle connections are not waited for (they reconnect).
     */
    private void waitForWritesInFlightThroughThisProcess() {
        long deadline = System.nanoTime() + WRITES_IN_FLIGHT_PATIENCE.toNanos();
        try (Statement st = connection.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT CLIENT_ADDR FROM INFORMATION_SCHEMA.SESSIONS WHERE SESSION_ID = SESSION_ID()")) {
                if (!rs.next() || rs.getString(1) != null) {
                    return; // this process is itself a client of another's server
                }
            }
            while (System.nanoTime() < deadline) {
                try (ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS WHERE SESSION_ID <> SESSION_ID()"
                        + " AND CLIENT_ADDR IS NOT NULL AND (CONTAINS_UNCOMMITTED OR EXECUTING_STATEMENT IS NOT NULL)")) {
                    if (!rs.next() || rs.getLong(1) == 0) {
                        return;
                    }
                }
                Thread.sleep(20);
            }
        } catch (SQLException e) {
            // the connection is already gone: nothing to wait for
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The connection, for a backup run under {@link #lock}. */
    Connection connection() {
        return connection;
    }

    ReentrantLock lock() {
        return lock;
    }
}
