package ca.scalloy.store;

import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import ca.scalloy.engine.Message;
import ca.scalloy.engine.Role;

/**
 * Who a {@link Database}'s session is: the database user and the {@link Role}s it holds (on PostgreSQL, its
 * memberships of the database's own group roles: decision 0010), the refusal of what they do not allow,
 * and the actor the audit trail names for its changes.
 */
final class AccessControl {

    private volatile String actor = defaultActor();
    private volatile Set<Role> roles = EnumSet.allOf(Role.class);
    private volatile Map<Role, String> groupRoles = Map.of();
    private volatile String databaseUser = "";

    private static String defaultActor() {
        String user = System.getProperty("user.name");
        return user == null || user.isBlank() ? "unknown" : user;
    }

    /** See {@link Database#actor()}. */
    String actor() {
        return actor;
    }

    /** See {@link Database#setActor(String)}. */
    void setActor(String name) {
        if (name != null && name.strip().length() > 100) {
            throw new IllegalArgumentException("actor name must be at most 100 characters, was " + name.strip().length());
        }
        actor = name == null || name.isBlank() ? defaultActor() : name.strip();
    }

    /**
     * Reads who the connection of {@code db} is and which roles it holds: on PostgreSQL its memberships of this
     * database's group roles ({@code db_roles}; a superuser, the schema's owner, or a server where the roles could
     * not be made, holds all); on H2, the one user holds all.
     */
    void load(Database db) {
        db.inTransaction(c -> {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT CURRENT_USER")) {
                rs.next();
                databaseUser = rs.getString(1);
            }
            if (!db.isPostgres()) {
                return null;
            }
            boolean superuser;
            boolean owner;
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT rolsuper FROM pg_roles WHERE rolname = CURRENT_USER")) {
                superuser = rs.next() && rs.getBoolean(1);
            }
            // The owner of the tables (who installed the schema) administers it, whatever roles exist.
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT pg_has_role(CURRENT_USER, c.relowner, 'MEMBER') FROM pg_class c"
                         + " WHERE c.oid = to_regclass('audit_log')")) {
                owner = rs.next() && rs.getBoolean(1);
            }
            EnumMap<Role, String> names = new EnumMap<>(Role.class);
            EnumSet<Role> held = EnumSet.noneOf(Role.class);
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT r.role_key, r.role_name, pg_has_role(CURRENT_USER, g.oid, 'MEMBER') FROM db_roles r"
                         + " JOIN pg_roles g ON g.rolname = r.role_name")) {
                while (rs.next()) {
                    Role r = Role.of(rs.getString(1));
                    names.put(r, rs.getString(2));
                    if (rs.getBoolean(3)) {
                        held.add(r);
                    }
                }
            }
            groupRoles = Collections.unmodifiableMap(names);
            roles = superuser || owner || names.isEmpty() || held.contains(Role.ADMIN) ? EnumSet.allOf(Role.class) : held;
            return null;
        });
    }

    /** See {@link Database#groupRole(Role)}; {@code db} names the database in the refusal. */
    String groupRole(Role role, Database db) {
        String name = groupRoles.get(role);
        if (name == null) {
            throw new StoreException(db.isPostgres()
                    ? Message.of("store.roles.notCreated", "roles are not in effect on " + db.describe()
                            + ": its installer could not create them (no CREATEROLE); every user holds every role", db.describe())
                    : Message.of("store.roles.notInEffect", "roles are not in effect on " + db.describe(), db.describe()));
        }
        return name;
    }

    /** The roles this user holds (every role on the embedded database; an admin holds every role). */
    Set<Role> roles() {
        return Collections.unmodifiableSet(roles);
    }

    /** Whether this user may do what {@code role} allows. */
    boolean may(Role role) {
        return roles.contains(role) || roles.contains(Role.ADMIN);
    }

    /** The database user the connection logged in as (H2: SA). */
    String databaseUser() {
        return databaseUser;
    }

    /** See {@link Database#require(String, Role...)}. */
    void require(String what, Role... anyOf) {
        for (Role r : anyOf) {
            if (may(r)) {
                return;
            }
        }
        StringBuilder allowed = new StringBuilder();
        for (Role r : anyOf) {
            allowed.append(allowed.length() == 0 ? "" : " or ").append(r.word());
        }
        String held = roles.isEmpty() ? "no Scalloy role" : "the role" + (roles.size() > 1 ? "s " : " ")
                + String.join(", ", roles.stream().map(Role::word).toList());
        throw new PermissionException(Message.of("store.refused.role", databaseUser + " (" + held + ") may not " + what + ": that needs the "
                + allowed + " role; ask an administrator", databaseUser, List.copyOf(roles), List.of(anyOf)), null);
    }
}
