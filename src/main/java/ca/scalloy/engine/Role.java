package ca.scalloy.engine;

import java.util.Locale;

/**
 * What a user of a shared database may change (issue 7). Everybody reads everything; the roles divide
 * the writes. On PostgreSQL each is a group role of the database (its names are in {@code db_roles}: each
 * Scalloy database has its own, decision 0010) that login users are members of, and the tables' grants and
 * the database's rule triggers follow the same division (db/postgresql/V6_1); Scalloy checks the role before
 * it writes so that the refusal reads well. The embedded database has one user, who holds
 * every role. The heat workflow ({@code engine.heat.HeatWorkflow}) says which role each action on a heat needs.
 */
public enum Role {
    /** Recipes, materials and their prices and recoveries, specifications, lots. */
    METALLURGIST,
    /** Heats at the furnace: planning, charging, weighed masses, samples, corrections, casts, lots. */
    OPERATOR,
    /** Release and rejection of heats, certificates, concessions. */
    QUALITY,
    /** Everything, and settings and users. */
    ADMIN;

    /** The lower-case word used in commands and messages, e.g. {@code operator}. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The role for a word as typed ({@code operator}, {@code QUALITY}).
     *
     * @throws IllegalArgumentException naming the word and the roles allowed
     */
    public static Role of(String word) {
        for (Role r : values()) {
            if (r.word().equalsIgnoreCase(word == null ? "" : word.strip())) {
                return r;
            }
        }
        throw new IllegalArgumentException("role must be one of metallurgist, operator, quality, admin; was \"" + word + "\"");
    }
}
