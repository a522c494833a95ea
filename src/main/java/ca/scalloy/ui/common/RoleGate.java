package ca.scalloy.ui.common;

import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import ca.scalloy.engine.Role;

/**
 * Whether the connected user's roles allow an action, for the view to disable its button, and in
 * words which role it needs when they do not ("Needs the operator role"). Follows the database as it
 * is opened and reopened; the store still refuses what slips through.
 */
public final class RoleGate {

    private final List<Role> anyOf;
    private final ReadOnlyBooleanWrapper allowed = new ReadOnlyBooleanWrapper(this, "allowed", true);
    private final ReadOnlyStringWrapper needed = new ReadOnlyStringWrapper(this, "needed", "");

    RoleGate(List<Role> anyOf) {
        if (anyOf.isEmpty()) {
            throw new IllegalArgumentException("a role gate needs at least one role");
        }
        this.anyOf = List.copyOf(anyOf);
    }

    /** Updates from the roles held now ({@code may}), in the words of {@code messages}. */
    void update(Predicate<Role> may, boolean open, Messages messages) {
        Objects.requireNonNull(messages, "messages");
        // With no database open the screens are unavailable anyway; no role is blamed.
        boolean ok = !open || anyOf.stream().anyMatch(may);
        allowed.set(ok);
        needed.set(ok ? "" : anyOf.size() == 1 ? messages.get("role.needed", messages.label("role", anyOf.get(0)))
                : messages.get("role.neededEither", messages.label("role", anyOf.get(0)), messages.label("role", anyOf.get(1))));
    }

    /** Whether the user may do it (true while no database is open). */
    public ReadOnlyBooleanProperty allowedProperty() {
        return allowed.getReadOnlyProperty();
    }

    /** Which role it needs, in words; empty when allowed. */
    public ReadOnlyStringProperty neededProperty() {
        return needed.getReadOnlyProperty();
    }
}
