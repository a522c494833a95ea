-- Version 4 (issue 7): what several workstations on one database need. SQL that both H2 and
-- PostgreSQL accept.
--
-- Optimistic locking (decision 0008): a materials or heats row carries the number of times it has
-- been changed and who changed it last; a save names the number it read, and is refused when the
-- row moved on. Recipes and specifications already number their versions; each version now says who
-- saved it. The audit log records the database user beside the actor name (on a shared server the
-- login is the identity the database vouches for).

ALTER TABLE materials ADD COLUMN row_version INTEGER DEFAULT 1 NOT NULL;
ALTER TABLE materials ADD COLUMN updated_by VARCHAR(100);
ALTER TABLE materials ADD COLUMN updated_at TIMESTAMP WITH TIME ZONE;

ALTER TABLE heats ADD COLUMN row_version INTEGER DEFAULT 1 NOT NULL;
ALTER TABLE heats ADD COLUMN updated_by VARCHAR(100);

-- A weighing is checked against its own line, not the whole heat: a sample or another line's weighing
-- since the operator opened the heat does not refuse it; someone else's weighing of the same line does.
ALTER TABLE heat_lines ADD COLUMN weighed_revision INTEGER;
ALTER TABLE heat_lines ADD COLUMN weighed_by VARCHAR(100);
ALTER TABLE heat_lines ADD COLUMN weighed_at TIMESTAMP WITH TIME ZONE;

ALTER TABLE recipe_versions ADD COLUMN saved_by VARCHAR(100);
ALTER TABLE specification_versions ADD COLUMN saved_by VARCHAR(100);

ALTER TABLE audit_log ADD COLUMN db_user VARCHAR(100);
