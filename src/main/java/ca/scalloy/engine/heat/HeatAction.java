package ca.scalloy.engine.heat;

import java.util.EnumSet;
import java.util.Set;

import ca.scalloy.engine.Role;

/**
 * What a user does to a heat, with the roles that may do it (an administrator may do everything). The
 * division is README's: the operator plans, charges, weighs, samples, corrects and casts; quality
 * releases and certifies; both may reject. A shared PostgreSQL database enforces the same division.
 */
public enum HeatAction {
    /** Plan a heat from a stored recipe. */
    PLAN("plan heats", Role.OPERATOR),
    /** Move a heat along the furnace floor's steps (CHARGED, SAMPLED, CORRECTED, CAST). */
    MOVE("move heats", Role.OPERATOR),
    /** Release a cast heat. */
    RELEASE("release heats", Role.QUALITY),
    /** Reject a heat before release. */
    REJECT("reject heats", Role.QUALITY, Role.OPERATOR),
    /** Record the weighed kg (and lot) of a charge line. */
    WEIGH("weigh charges", Role.OPERATOR),
    /** Enter or import samples. */
    SAMPLE("enter samples", Role.OPERATOR),
    /** Record an accepted correction (trim). */
    CORRECT("record corrections", Role.OPERATOR),
    /** Record the mass and pieces cast. */
    CAST("record casts", Role.OPERATOR),
    /** Issue a certificate of analysis. */
    CERTIFY("issue certificates", Role.QUALITY);

    private final String what;
    private final Set<Role> roles;

    HeatAction(String what, Role first, Role... more) {
        this.what = what;
        this.roles = EnumSet.of(first, more);
    }

    /** The action in words, as in "… may not weigh charges". */
    public String what() {
        return what;
    }

    /** The roles that allow it (besides the administrator, who may do everything). */
    public Set<Role> roles() {
        return EnumSet.copyOf(roles);
    }

    /** Whether a user holding {@code held} may do it. */
    public boolean allowedFor(Set<Role> held) {
        return held.contains(Role.ADMIN) || held.stream().anyMatch(roles::contains);
    }

    /** The action a move to {@code to} is: release and rejection have their own roles. */
    public static HeatAction moveTo(HeatStatus to) {
        return switch (to) {
            case RELEASED -> RELEASE;
            case REJECTED -> REJECT;
            default -> MOVE;
        };
    }
}
