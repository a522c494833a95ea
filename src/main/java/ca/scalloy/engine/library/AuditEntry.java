package ca.scalloy.engine.library;

import java.time.Instant;

/**
 * One entry of the audit trail: who changed what, when, from which value to which, and why.
 *
 * @param id       its place in the log (increasing)
 * @param at       when (UTC)
 * @param actor    who: the OS user or the name set in the app
 * @param entity   what kind of thing: material, lot, recipe, specification, heat, setting, instrument
 * @param entityId which one (its id, name or number)
 * @param change   what was done (create, update, price, move, sample, correction, weigh …)
 * @param oldValue the value before, or null for a creation
 * @param newValue the value after, or null for a deletion
 * @param reason   the reason the user gave, or ""
 * @param dbUser   the database user the change came through (on a shared server, the login), or null for
 *                 entries written before schema version 4
 */
public record AuditEntry(long id, Instant at, String actor, String entity, String entityId, String change, String oldValue,
                         String newValue, String reason, String dbUser) {
}
