package ca.scalloy.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.postgresql.PGConnection;

import ca.scalloy.engine.Message;
import ca.scalloy.engine.Role;

/**
 * The users of a shared PostgreSQL database and their roles (issue 7): login roles that are members of this
 * database's group roles ({@code db_roles}, one set per Scalloy database: decision 0010). Only an admin (who
 * also needs PostgreSQL's CREATEROLE) manages them; the database writes each change into the audit log after
 * checking that it happened ({@code scalloy_audit_user}), never a password. The embedded database has one user
 * and refuses.
 */
public final class UserRepository {

    /** A database user and the Scalloy roles they hold. */
    public record DatabaseUser(String name, Set<Role> roles) {
    }

    private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_.-]{0,62}");
    private final Database db;

    UserRepository(Database db) {
        this.db = db;
    }

    /** The users holding at least one Scalloy role, by name. */
    public List<DatabaseUser> list() {
        serverOnly();
        return db.inTransaction(c -> {
            Map<String, Set<Role>> users = new LinkedHashMap<>();
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT u.rolname, r.role_key FROM db_roles r JOIN pg_roles g ON g.rolname = r.role_name"
                         + " JOIN pg_auth_members m ON m.roleid = g.oid JOIN pg_roles u ON u.oid = m.member ORDER BY u.rolname, r.role_key")) {
                while (rs.next()) {
                    users.computeIfAbsent(rs.getString(1), k -> EnumSet.noneOf(Role.class)).add(Role.of(rs.getString(2)));
                }
            }
            List<DatabaseUser> out = new ArrayList<>();
            users.forEach((name, roles) -> out.add(new DatabaseUser(name, Set.copyOf(roles))));
            return out;
        });
    }

    /**
     * Creates a login user with a password and roles.
     *
     * @throws StoreException for a name PostgreSQL would not take as typed, an empty password or no role, an
     *                        existing user, or an embedded database
     * @throws PermissionException when this user is not an admin
     */
    public void create(String name, String password, Set<Role> roles) {
        serverOnly();
        checkName(name);
        if (password == null || password.length() < 8) {
            throw new StoreException(Message.of("store.user.shortPassword", "the password of " + name + " must have at least 8 characters", name));
        }
        if (roles.isEmpty()) {
            throw new StoreException(Message.of("store.user.noRole", "a user needs at least one role: metallurgist, operator, quality or admin"));
        }
        db.require("create users", Role.ADMIN);
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM pg_roles WHERE rolname = ?")) {
                ps.setString(1, name);
                if (Rows.longOrMissing(ps) >= 0) {
                    throw new StoreException(Message.of("store.user.exists", "a database user named " + name
                            + " already exists; give it roles with: db grant", name));
                }
            }
            try (Statement st = c.createStatement()) {
                // DDL takes no parameters: the name is checked above. The password never travels as text: the
                // driver sends its SCRAM hash, so it is not in the server's log, pg_stat_activity or statistics.
                st.execute("CREATE ROLE \"" + name + "\" LOGIN");
                c.unwrap(PGConnection.class).alterUserPassword(name, password.toCharArray(), "scram-sha-256");
                for (Role r : roles) {
                    st.execute("GRANT \"" + db.groupRole(r) + "\" TO \"" + name + "\"");
                }
            }
            audit(c, name, "create", null);
            return null;
        });
    }

    /** Gives a user a role. */
    public void grant(String name, Role role) {
        change(name, role, true);
    }

    /** Takes a role from a user. */
    public void revoke(String name, Role role) {
        change(name, role, false);
    }

    private void change(String name, Role role, boolean grant) {
        serverOnly();
        checkName(name);
        db.require(grant ? "give roles" : "take roles", Role.ADMIN);
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM pg_roles WHERE rolname = ?")) {
                ps.setString(1, name);
                if (Rows.longOrMissing(ps) < 0) {
                    throw new StoreException(Message.of("store.user.none", "no database user named " + name, name));
                }
            }
            try (Statement st = c.createStatement()) {
                st.execute((grant ? "GRANT \"" : "REVOKE \"") + db.groupRole(role) + (grant ? "\" TO \"" : "\" FROM \"") + name + "\"");
            }
            audit(c, name, grant ? "grant" : "revoke", role.word());
            return null;
        });
    }

    /** Has the database check the change and write its audit entry (clients may not write the log themselves). */
    private static void audit(java.sql.Connection c, String name, String change, String roleWord) throws java.sql.SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT scalloy_audit_user(?, ?, ?)")) {
            ps.setString(1, name);
            ps.setString(2, change);
            ps.setString(3, roleWord);
            ps.execute();
        }
    }

    private void serverOnly() {
        if (!db.isPostgres()) {
            throw new StoreException(Message.of("store.user.embedded", "the embedded database has one user, who holds every role; users and roles"
                    + " are for a shared PostgreSQL database (--db-url)"));
        }
    }

    private static void checkName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new StoreException(Message.of("store.user.badName", "a user name must be 1 to 63 lower-case letters, digits, '_', '.' or '-',"
                    + " starting with a letter or '_'; was \"" + name + "\"", String.valueOf(name)));
        }
    }
}
