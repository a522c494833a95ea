-- H2's half of the append-only rule on audit_log (decision 0006): a Java trigger that refuses every
-- UPDATE and DELETE. PostgreSQL gets its own V2_1 in db/postgresql (a trigger function), with issue 7.
CREATE TRIGGER audit_log_append_only BEFORE UPDATE, DELETE ON audit_log FOR EACH ROW CALL 'ca.scalloy.store.AppendOnlyTrigger';
