package ca.scalloy.io;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The JSON of the {@code db info} and {@code db users} commands. Never a password: the caller gives the
 * URL already without it.
 */
public final class DatabaseJson {

    private DatabaseJson() {
    }

    /**
     * {@code {"database": "PostgreSQL scalloy on host as u", "url": "jdbc:…", "kind": "postgresql"|"h2", "user": "u",
     * "roles": ["operator"], "schemaVersion": "4"}}.
     */
    public static String info(String description, String safeUrl, boolean postgres, String user, Collection<String> roles,
                              String schemaVersion) {
        ObjectNode n = RecipeFiles.MAPPER.createObjectNode();
        n.put("database", description).put("url", safeUrl).put("kind", postgres ? "postgresql" : "h2").put("user", user);
        ArrayNode r = n.putArray("roles");
        roles.forEach(r::add);
        n.put("schemaVersion", schemaVersion);
        return MaterialFiles.write(n);
    }

    /** {@code [{"user": "jroy", "roles": ["operator"]}]}, in the order given. */
    public static String users(Map<String, List<String>> rolesByUser) {
        ArrayNode a = RecipeFiles.MAPPER.createArrayNode();
        rolesByUser.forEach((user, roles) -> {
            ObjectNode o = a.addObject().put("user", user);
            ArrayNode r = o.putArray("roles");
            roles.forEach(r::add);
        });
        return MaterialFiles.write(a);
    }
}
