package ca.scalloy.cli;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import ca.scalloy.engine.Message;
import ca.scalloy.io.DatabaseJson;
import ca.scalloy.store.Database;
import ca.scalloy.engine.Role;
import ca.scalloy.store.StoreException;
import ca.scalloy.store.UserRepository.DatabaseUser;

/** {@code scalloy db info}, {@code db users}, {@code db user-add}, {@code db grant}, {@code db revoke}: who uses a shared database. */
final class DbUsersCommands {

    /** The environment variable with a new user's password (for scripts; else it is asked for). */
    static final String NEW_PASSWORD_VARIABLE = "SCALLOY_NEW_USER_PASSWORD";

    private DbUsersCommands() {
    }

    @Command(name = "info", mixinStandardHelpOptions = true,
            description = "Which database this is, the database user and their roles, and the schema version.")
    static final class Info extends StoreCommand {

        @Override
        int run(Database database) {
            List<String> roles = database.roles().stream().sorted().map(Role::word).toList();
            if (json) {
                out().println(DatabaseJson.info(database.describe(), database.url(), database.isPostgres(), database.databaseUser(), roles,
                        database.schemaVersion()));
            } else {
                out().println("database: " + database.describe());
                out().println("user: " + database.databaseUser() + "; roles: " + String.join(", ", roles));
                out().println("schema version: " + database.schemaVersion());
            }
            return ScalloyCli.OK;
        }
    }

    @Command(name = "users", mixinStandardHelpOptions = true, description = "The users of a shared database and their roles.")
    static final class Users extends StoreCommand {

        @Override
        int run(Database database) {
            List<DatabaseUser> users = database.users().list();
            Map<String, List<String>> byUser = new LinkedHashMap<>();
            users.forEach(u -> byUser.put(u.name(), u.roles().stream().sorted().map(Role::word).toList()));
            if (json) {
                out().println(DatabaseJson.users(byUser));
            } else {
                byUser.forEach((u, r) -> out().printf("%-32s %s%n", u, String.join(", ", r)));
            }
            return ScalloyCli.OK;
        }
    }

    @Command(name = "user-add", mixinStandardHelpOptions = true,
            description = "Create a user of a shared database with one or more roles (admin only). The password is asked for, or"
                    + " taken from $" + NEW_PASSWORD_VARIABLE + "; never an argument.")
    static final class UserAdd extends StoreCommand {

        @Parameters(index = "0", paramLabel = "NAME", description = "The login name (lower case).")
        String name;

        @Option(names = "--role", required = true, paramLabel = "ROLE",
                description = "metallurgist, operator, quality or admin; repeatable.")
        List<String> roles = new ArrayList<>();

        @Override
        int run(Database database) {
            Set<Role> wanted = EnumSet.noneOf(Role.class);
            for (String r : roles) {
                wanted.add(role(r));
            }
            String password = ScalloyCli.environment().get(NEW_PASSWORD_VARIABLE);
            if (password == null || password.isEmpty()) {
                java.io.Console console = System.console();
                if (console == null) {
                    throw new StoreException(Message.of("db.refusal.noPassword", "no password: set " + NEW_PASSWORD_VARIABLE + " or run in a"
                            + " terminal to be asked for it", NEW_PASSWORD_VARIABLE));
                }
                char[] typed = console.readPassword("password for %s: ", name);
                password = typed == null ? "" : new String(typed);
            }
            database.users().create(name, password, wanted);
            out().println("created user " + name + " with the role" + (wanted.size() > 1 ? "s " : " ")
                    + String.join(", ", wanted.stream().map(Role::word).toList()));
            return ScalloyCli.OK;
        }
    }

    /** Gives or takes one role; {@link Grant} and {@link Revoke}. */
    abstract static class RoleChange extends StoreCommand {

        @Parameters(index = "0", paramLabel = "NAME", description = "The user.")
        String name;

        @Parameters(index = "1", paramLabel = "ROLE", description = "metallurgist, operator, quality or admin.")
        String role;

        abstract boolean grants();

        @Override
        int run(Database database) {
            Role r = role(role);
            if (grants()) {
                database.users().grant(name, r);
                out().println(name + " now has the role " + r.word());
            } else {
                database.users().revoke(name, r);
                out().println(name + " no longer has the role " + r.word());
            }
            return ScalloyCli.OK;
        }
    }

    @Command(name = "grant", mixinStandardHelpOptions = true, description = "Give a user of a shared database a role (admin only).")
    static final class Grant extends RoleChange {

        @Override
        boolean grants() {
            return true;
        }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true, description = "Take a role from a user of a shared database (admin only).")
    static final class Revoke extends RoleChange {

        @Override
        boolean grants() {
            return false;
        }
    }

    /** The role for a word as typed; an unknown word is a one-line refusal (exit 2). */
    static Role role(String word) {
        try {
            return Role.of(word);
        } catch (IllegalArgumentException e) {
            throw new StoreException(e);
        }
    }
}
