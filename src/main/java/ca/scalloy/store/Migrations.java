package ca.scalloy.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;

import ca.scalloy.engine.Message;

/**
 * The schema's versions: where a database stands against this Scalloy's Flyway migrations, and bringing it
 * there. The embedded file's upgrade around it (the copy beforehand, the rollback from it) is
 * {@link EmbeddedFile#upgrade}'s.
 */
final class Migrations {

    /**
     * Flyway logs through java.util.logging whatever else is on the class path; its lines ("Migrating
     * schema …", a failed migration's "please restore backups", a stack trace when a connection breaks)
     * would otherwise reach the command line's error stream, and Scalloy reports what happened itself.
     * Held here because java.util.logging keeps loggers only weakly, and a collected logger forgets its level.
     */
    private static final Logger FLYWAY_LOG = Logger.getLogger("org.flywaydb");
    private static final String FLYWAY_LOG_CREATOR = "org.flywaydb.core.internal.logging.javautil.JavaUtilLogCreator";

    private Migrations() {
    }

    /**
     * Brings the database at {@code login} to this Scalloy's schema, unless it is already there (then
     * Flyway writes nothing). On PostgreSQL each migration runs in one transaction with its history row
     * (decision 0011), so a kill leaves the schema at a version it had.
     *
     * @throws StoreException for a newer schema, a failed migration recorded by an earlier Scalloy, or a migration that fails
     */
    static void migrate(DatabaseLogin login, String name) {
        Flyway flyway = flyway(login);
        if (!schemaState(flyway, name, login.user()).pending()) {
            return;
        }
        try {
            flyway.migrate();
        } catch (FlywayException e) {
            Message hint = privilegeHint(login.user(), e);
            throw new StoreException(Message.of("store.upgrade.migrationFailed", "cannot bring the database " + name + " to this Scalloy's"
                    + " schema" + hint.english() + ": " + e.getMessage(), name, hint, Reasons.of(e)), e);
        }
    }

    /** What to do when Flyway was refused for want of a privilege on PostgreSQL (empty for any other failure). */
    private static Message privilegeHint(String user, FlywayException e) {
        StringBuilder chain = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            chain.append(t.getMessage()).append('\n');
        }
        String all = chain.toString();
        return all.contains("permission denied for schema")
                ? Message.of("store.hint.noRole", " (the database user " + user + " holds no Scalloy role in this database: ask its"
                        + " administrator for one, e.g. scalloy db grant " + user + " operator)", user)
                : all.contains("permission denied") || all.contains("must be owner")
                ? Message.of("store.hint.notOwner", " (only the schema's owner may upgrade it: open it once as that user with this Scalloy)")
                : Message.of("store.hint.none", "");
    }

    static Flyway flyway(DatabaseLogin login) {
        FLYWAY_LOG.setLevel(Level.OFF); // Scalloy reports what went wrong itself, after putting things right
        var config = Flyway.configure(Migrations.class.getClassLoader())
                .dataSource(login.url(), login.user(), login.password())
                .locations(locations(login.url()))
                .cleanDisabled(true)
                .loggers(FLYWAY_LOG_CREATOR);
        if (FaultPoints.active()) {
            config = config.callbacks(new FaultPointCallback());
        }
        return config.load();
    }

    /**
     * Where the database's schema stands against this Scalloy's migrations.
     *
     * @param current the version it is at ("0" for none)
     * @param latest  the version this Scalloy brings it to
     * @param pending whether migrations are to run
     */
    record SchemaState(String current, String latest, boolean pending) {
    }

    /**
     * Reads where the schema stands, without writing.
     *
     * @throws StoreException for a schema from a newer Scalloy, or a failed migration recorded in its history
     */
    static SchemaState schemaState(Flyway flyway, String name, String user) {
        try {
            MigrationInfoService info = flyway.info();
            MigrationInfo[] newer = Arrays.stream(info.applied())
                    .filter(i -> i.getState() == MigrationState.FUTURE_SUCCESS || i.getState() == MigrationState.FUTURE_FAILED)
                    .toArray(MigrationInfo[]::new);
            if (newer.length > 0) {
                String theirs = newer[newer.length - 1].getVersion().toString();
                String ours = latestSchemaVersion(flyway);
                throw new StoreException(Message.of("store.open.newer", "the database " + name + " was made by a newer Scalloy (schema version "
                        + theirs + "; this Scalloy knows up to " + ours + "); update Scalloy to open it", name, theirs, ours));
            }
            for (MigrationInfo i : info.applied()) {
                if (i.getState() == MigrationState.FAILED) {
                    throw new StoreException(Message.of("store.upgrade.failedRecorded", "the database " + name + " records a failed upgrade to"
                            + " schema " + i.getVersion() + " (" + i.getDescription() + "), left by an earlier Scalloy that could not undo it;"
                            + " restore a backup made before that upgrade with scalloy db restore", name, String.valueOf(i.getVersion()),
                            i.getDescription()));
                }
            }
            MigrationInfo current = info.current();
            return new SchemaState(current == null || current.getVersion() == null ? "0" : current.getVersion().toString(),
                    latestSchemaVersion(flyway), info.pending().length > 0);
        } catch (FlywayException e) {
            Message hint = privilegeHint(user, e);
            throw new StoreException(Message.of("store.open.cannotReadSchema", "cannot read the schema version of the database " + name
                    + hint.english() + ": " + e.getMessage(), name, hint, Reasons.of(e)), e);
        }
    }

    /** Reports each migration and each of its statements as a {@link FaultPoints} moment (only while a kill test set a hook). */
    private static final class FaultPointCallback implements Callback {

        private int statement;

        @Override
        public boolean supports(Event event, Context context) {
            return event == Event.BEFORE_EACH_MIGRATE || event == Event.AFTER_EACH_MIGRATE || event == Event.BEFORE_EACH_MIGRATE_STATEMENT;
        }

        @Override
        public boolean canHandleInTransaction(Event event, Context context) {
            return true;
        }

        @Override
        public void handle(Event event, Context context) {
            String version = context.getMigrationInfo() == null ? "?" : String.valueOf(context.getMigrationInfo().getVersion());
            if (event == Event.BEFORE_EACH_MIGRATE) {
                statement = 0;
                FaultPoints.reach("migrate:before:" + version);
            } else if (event == Event.AFTER_EACH_MIGRATE) {
                FaultPoints.reach("migrate:after:" + version);
            } else {
                FaultPoints.reach("migrate:statement:" + version + ":" + ++statement);
            }
        }

        @Override
        public String getCallbackName() {
            return "scalloy-fault-points";
        }
    }

    /**
     * The migrations for this database: the shared SQL, and the per-database pieces (the audit log's
     * append-only trigger) in {@code db/<vendor>} (decision 0006).
     */
    static String[] locations(String url) {
        if (url.startsWith("jdbc:h2:")) {
            return new String[] {"classpath:db/migration", "classpath:db/h2"};
        }
        if (url.startsWith("jdbc:postgresql:")) {
            return new String[] {"classpath:db/migration", "classpath:db/postgresql"};
        }
        throw new StoreException(Message.of("store.url.unsupported", "only H2 and PostgreSQL databases are supported by this Scalloy, not "
                + DatabaseLogin.redact(url), DatabaseLogin.redact(url)));
    }

    private static String latestSchemaVersion(Flyway flyway) {
        MigrationInfo[] all = flyway.info().all();
        String v = "0";
        for (MigrationInfo i : all) {
            if (i.getState() != MigrationState.FUTURE_SUCCESS && i.getState() != MigrationState.FUTURE_FAILED && i.getVersion() != null) {
                v = i.getVersion().toString();
            }
        }
        return v;
    }

    /** The schema version of the database on {@code c} (its last applied migration; "0" for none). */
    static String schemaVersion(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT \"version\" FROM \"flyway_schema_history\""
                + " WHERE \"success\" AND \"version\" IS NOT NULL ORDER BY \"installed_rank\" DESC")) {
            return rs.next() ? rs.getString(1) : "0";
        }
    }
}
