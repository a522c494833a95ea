-- H2's half of the audit trail the database writes itself (V6, decision 0010; PostgreSQL's is
-- db/postgresql/V6_1). One Java trigger, ca.scalloy.store.AuditTrigger, after every INSERT, UPDATE
-- and DELETE of each audited table (audited_tables): it appends the row as it was and as it is, the
-- time, the database user and the application's name and reason (session variables @scalloy_actor,
-- @scalloy_reason). The trigger's name is the table's name and _audit: H2 gives a trigger a temporary
-- table name while it rebuilds a table for ALTER TABLE, so the name is what the trigger goes by.

CREATE TRIGGER materials_audit AFTER INSERT, UPDATE, DELETE ON materials FOR EACH ROW CALL 'ca.scalloy.store.AuditTrigger';
CREATE TRIGGER material_prices_audit AFTER INSERT, UPDATE, DELETE ON material_prices FOR EACH ROW CALL 'ca.scalloy.store.AuditTrigger';
CREATE TRIGGER specifications_audit AFTER INSERT, UPDATE, DELETE ON specifications FOR EACH ROW CALL 'ca.scalloy.store.AuditTrigger';
CREATE TRIGGER specification_versions_audit AFTER INSERT, UPDATE, DELETE ON specification_versions FOR EACH ROW CALL 'ca.scalloy.store.AuditTrigger';
CREATE TRIGGER recipes_audit AFTER INSERT, UPDATE, DELETE ON recipes FOR EACH ROW CALL 'ca.scalloy.store.AuditTrigger';
CREATE TRIGGER recipe_versions_audit AFTER INSERT, UPDATE, DELETE ON recipe_versions FOR EACH ROW CALL 'ca.scalloy.store.AuditTrigger';
CREATE TRIGGER lots_audit AFTER INSERT, UPDATE, DELETE ON lots FOR EACH ROW CALL 'ca.scalloy.store.AuditTrigger';
CREATE TRIGGER heats_audit AFTER INSERT, UPDATE, DELETE ON heats FOR EACH ROW CALL 'ca.scalloy.store.AuditTrigger';
CREATE TRIGGER heat_lines_audit AFTER INSERT, UPDATE, DELETE ON heat_lines FOR EACH ROW CALL 'ca.scalloy.store.AuditTrigger';
CREATE TRIGGER samples_audit AFTER INSERT, UPDATE, DELETE ON samples FOR EACH ROW CALL 'ca.scalloy.store.AuditTrigger';
CREATE TRIGGER sample_imports_audit AFTER INSERT, UPDATE, DELETE ON sample_imports FOR EACH ROW CALL 'ca.scalloy.store.AuditTrigger';
CREATE TRIGGER corrections_audit AFTER INSERT, UPDATE, DELETE ON corrections FOR EACH ROW CALL 'ca.scalloy.store.AuditTrigger';
CREATE TRIGGER heat_casts_audit AFTER INSERT, UPDATE, DELETE ON heat_casts FOR EACH ROW CALL 'ca.scalloy.store.AuditTrigger';
CREATE TRIGGER certificates_audit AFTER INSERT, UPDATE, DELETE ON certificates FOR EACH ROW CALL 'ca.scalloy.store.AuditTrigger';
CREATE TRIGGER settings_audit AFTER INSERT, UPDATE, DELETE ON settings FOR EACH ROW CALL 'ca.scalloy.store.AuditTrigger';
CREATE TRIGGER instrument_mappings_audit AFTER INSERT, UPDATE, DELETE ON instrument_mappings FOR EACH ROW CALL 'ca.scalloy.store.AuditTrigger';

-- A heat's status moves are recorded by the database as they happen (who, when, why), in status_moves,
-- as on PostgreSQL where clients may not write that table.
CREATE TRIGGER heats_status_moves AFTER INSERT, UPDATE ON heats FOR EACH ROW CALL 'ca.scalloy.store.StatusMoveTrigger';
