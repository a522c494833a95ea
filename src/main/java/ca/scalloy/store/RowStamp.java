package ca.scalloy.store;

import java.time.Instant;

/**
 * Where a stored row stands for optimistic locking: how many times it has been changed, by whom and
 * when last. A save names the version it read; a row that moved on refuses it (decision 0008).
 *
 * @param version the row's version (1 when created; schema-4 rows start at 1)
 * @param by      who changed it last (the actor), or null when unknown (rows older than schema 4)
 * @param at      when, or null when unknown
 */
public record RowStamp(int version, String by, Instant at) {
}
