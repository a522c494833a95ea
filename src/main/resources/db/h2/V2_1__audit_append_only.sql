-- H2's half of the append-only rule on audit_log (decision 0006). PostgreSQL gets its own V2_1 in
-- db/postgresql (a trigger function for UPDATE and DELETE and a BEFORE TRUNCATE trigger), with issue 7.

-- A Java trigger that refuses every UPDATE and DELETE.
CREATE TRIGGER audit_log_append_only BEFORE UPDATE, DELETE ON audit_log FOR EACH ROW CALL 'ca.scalloy.store.AppendOnlyTrigger';

-- H2's TRUNCATE fires no trigger, but it refuses a table that a foreign key references: this empty
-- table is that reference.
CREATE TABLE audit_log_anchor (
    entry_ref BIGINT REFERENCES audit_log (id)
);
