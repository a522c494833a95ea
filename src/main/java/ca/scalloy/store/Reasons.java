package ca.scalloy.store;

import java.io.IOException;
import java.sql.SQLException;

import ca.scalloy.engine.Message;
import ca.scalloy.engine.MessageException;
import ca.scalloy.io.FileProblems;
import ca.scalloy.io.FormatException;

/**
 * Why something under a store refusal failed, as a {@link Message} to put in the refusal as an argument (the
 * workbench words it from its bundles; the command line prints the refusal's own English, unchanged): a coded
 * refusal as its code, a file's failure in the vocabulary of {@link FileProblems#reason}, a database's error as
 * its first line, damaged stored data by its place; anything else as a reason only the log holds.
 */
public final class Reasons {

    private Reasons() {
    }

    /** Why {@code e} happened, as a code and arguments; its English is {@code e}'s message. */
    public static Message of(Throwable e) {
        if (e instanceof StoreException s && s.reason().isPresent()) {
            return s.reason().get();
        }
        if (e instanceof MessageException m) {
            return m.message();
        }
        if (e instanceof IOException io) {
            return FileProblems.reason(io);
        }
        if (e instanceof SQLException sql) {
            return Message.of("store.reason.database", String.valueOf(e.getMessage()), SqlErrors.firstLine(sql));
        }
        if (e instanceof FormatException f) {
            return Message.of("store.reason.format", String.valueOf(e.getMessage()), f.jsonPointer(), f.line());
        }
        Throwable cause = e.getCause();
        if (cause != null && cause != e && (cause instanceof SQLException || cause instanceof IOException || cause instanceof MessageException
                || cause instanceof StoreException)) {
            // A wrapper (a store error without a code, Flyway's, an unchecked I/O error) says no more than what it wraps.
            Message wrapped = of(cause);
            return new Message(wrapped.code(), wrapped.args(), String.valueOf(e.getMessage()));
        }
        return Message.of("store.reason.other", String.valueOf(e.getMessage()));
    }

    /** Whether {@code m} is a reason the words leave to the log (the system's or the parser's own English). */
    public static boolean inLog(Message m) {
        return FileProblems.unexplained(m) || m.code().equals("store.reason.other") || m.code().equals("store.reason.format");
    }
}
