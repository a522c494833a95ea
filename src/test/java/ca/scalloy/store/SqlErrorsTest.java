package ca.scalloy.store;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.EOFException;
import java.io.IOException;
import java.net.SocketException;
import java.sql.SQLException;

import org.junit.jupiter.api.Test;

/** Which errors of an embedded file are a handover worth waiting for, and which are final. */
class SqlErrorsTest {

    /** H2 reports a served file's socket closing under a read as "IO Exception" 90028 / 90031 wrapping the socket's error. */
    private static SQLException ioException(int code, Throwable cause) {
        return new SQLException("IO Exception: \"" + cause + "\"", "90028", code, cause);
    }

    @Test
    void theSharingProgramsSocketEndingMidReadIsAHandover() {
        // Seen once under load: a process reading Flyway's history while the serving process exited.
        assertTrue(SqlErrors.isTransientFileError(ioException(90028, new EOFException())));
        assertTrue(SqlErrors.isTransientFileError(ioException(90031, new IOException("read", new SocketException("Connection reset")))));
    }

    @Test
    void anIoErrorOfTheFileItselfIsFinal() {
        assertFalse(SqlErrors.isTransientFileError(ioException(90028, new IOException("No space left on device"))));
        assertFalse(SqlErrors.isTransientFileError(ioException(90031, null)));
        assertFalse(SqlErrors.isTransientFileError(new SQLException("File corrupted", "90030", 90030, new EOFException())));
    }

    @Test
    void theTransientCauseIsFoundUnderAWrapper() {
        SQLException lost = ioException(90028, new EOFException());
        assertSame(lost, SqlErrors.transientCause(new RuntimeException("Flyway: unable to read the history", lost)));
    }
}
