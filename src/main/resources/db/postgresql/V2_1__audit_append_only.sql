-- PostgreSQL's half of the append-only rule on audit_log (decision 0006; H2's is in db/h2/V2_1).
-- A trigger function refuses every UPDATE and DELETE row by row, and a statement trigger refuses
-- TRUNCATE (which fires no row trigger). The message matches H2's (AppendOnlyTrigger.MESSAGE).

CREATE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_log is append-only: entries cannot be changed or deleted' USING ERRCODE = '42000';
END;
$$;

CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change();

CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change();
