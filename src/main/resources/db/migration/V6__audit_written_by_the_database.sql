-- Version 6 (issue 11, decision 0010): nobody gets around the audit trail. SQL that both H2 and
-- PostgreSQL accept; the triggers that use these tables are per database (db/h2/V6_1, db/postgresql/V6_1).
--
-- From this version on the database itself writes the audit trail: a trigger on every audited table
-- appends one entry per changed row, with the row as it was and as it is (JSON, in old_value and
-- new_value), the server's time, the database user of the session, and the name and reason the
-- application put in the transaction. Entries written before keep their text and show as before.

ALTER TABLE audit_log ADD COLUMN row_table VARCHAR(64);
ALTER TABLE audit_log ADD COLUMN row_operation VARCHAR(10);
ALTER TABLE audit_log ADD COLUMN transaction_ref VARCHAR(40);

-- The audited tables: the entity an entry is filed under, the column that names it (or that leads to
-- the row that names it, through key_query with one parameter), and the columns whose change alone is
-- bookkeeping (a row lock's counter, who and when), not an entry. Both triggers read this table.
CREATE TABLE audited_tables (
    table_name      VARCHAR(64) NOT NULL PRIMARY KEY,
    entity          VARCHAR(40) NOT NULL,
    key_column      VARCHAR(64) NOT NULL,
    key_query       VARCHAR(400),
    ignored_columns VARCHAR(400) NOT NULL
);

INSERT INTO audited_tables (table_name, entity, key_column, key_query, ignored_columns) VALUES
    ('materials', 'material', 'material_id', NULL, 'row_version,updated_by,updated_at'),
    ('material_prices', 'material', 'material_ref', 'SELECT material_id FROM materials WHERE id = ?', ''),
    ('specifications', 'specification', 'name', NULL, ''),
    ('specification_versions', 'specification', 'spec_ref', 'SELECT name FROM specifications WHERE id = ?', ''),
    ('recipes', 'recipe', 'name', NULL, ''),
    ('recipe_versions', 'recipe', 'recipe_ref', 'SELECT name FROM recipes WHERE id = ?', ''),
    ('lots', 'lot', 'lot_number', NULL, ''),
    ('heats', 'heat', 'heat_number', NULL, 'row_version,updated_by,updated_at'),
    ('heat_lines', 'heat', 'heat_ref', 'SELECT heat_number FROM heats WHERE id = ?', 'weighed_revision,weighed_by,weighed_at'),
    ('samples', 'heat', 'heat_ref', 'SELECT heat_number FROM heats WHERE id = ?', ''),
    ('sample_imports', 'heat', 'heat_ref', 'SELECT heat_number FROM heats WHERE id = ?', ''),
    ('corrections', 'heat', 'heat_ref', 'SELECT heat_number FROM heats WHERE id = ?', ''),
    ('heat_casts', 'heat', 'heat_number', NULL, ''),
    ('certificates', 'heat', 'heat_number', NULL, ''),
    ('settings', 'setting', 'setting_key', NULL, ''),
    ('instrument_mappings', 'instrument', 'instrument', NULL, '');

-- The moves a heat's status may make and the roles that may make each (engine.heat.HeatStatus.next()
-- and the role division of the README; HeatRulesTest checks that they agree). PostgreSQL's trigger
-- refuses any other move, whoever sends it.
CREATE TABLE heat_status_moves (
    from_status VARCHAR(20) NOT NULL,
    to_status   VARCHAR(20) NOT NULL,
    roles       VARCHAR(100) NOT NULL,
    PRIMARY KEY (from_status, to_status)
);

INSERT INTO heat_status_moves (from_status, to_status, roles) VALUES
    ('PLANNED', 'CHARGED', 'operator'),
    ('PLANNED', 'REJECTED', 'quality,operator'),
    ('CHARGED', 'SAMPLED', 'operator'),
    ('CHARGED', 'REJECTED', 'quality,operator'),
    ('SAMPLED', 'CORRECTED', 'operator'),
    ('SAMPLED', 'CAST', 'operator'),
    ('SAMPLED', 'REJECTED', 'quality,operator'),
    ('CORRECTED', 'SAMPLED', 'operator'),
    ('CORRECTED', 'REJECTED', 'quality,operator'),
    ('CAST', 'SAMPLED', 'operator'),
    ('CAST', 'RELEASED', 'quality'),
    ('CAST', 'REJECTED', 'quality,operator');

-- The database's group role for each Scalloy role (PostgreSQL: one set per Scalloy database, made by
-- db/postgresql/V6_1; empty on the embedded database, whose one user holds every role).
CREATE TABLE db_roles (
    role_key  VARCHAR(20) NOT NULL PRIMARY KEY,
    role_name VARCHAR(63) NOT NULL UNIQUE
);
