-- PostgreSQL only (issue 7): the roles of a shared plant database and the grants that back Scalloy's
-- own checks (Role.java). Everybody reads everything and appends to the audit log (which its trigger
-- keeps append-only, V2_1); the writes are divided:
--   scalloy_metallurgist  recipes, materials, prices, specifications, lots
--   scalloy_operator      heats, weighed lines, samples, corrections, casts, lots, instrument mappings
--   scalloy_quality       release/rejection (heats, status moves), certificates
--   scalloy_admin         everything, settings; the user who installs the schema becomes one
-- The group roles are the cluster's, shared by every Scalloy schema on it; they are created when
-- missing. An installer without CREATEROLE gets a notice and no grants: Scalloy then treats every
-- user as holding every role, as on the embedded database.

DO $$
DECLARE
    r TEXT;
    s TEXT := quote_ident(current_schema());
    everyone TEXT := 'scalloy_metallurgist, scalloy_operator, scalloy_quality, scalloy_admin';
BEGIN
    FOREACH r IN ARRAY ARRAY['scalloy_metallurgist', 'scalloy_operator', 'scalloy_quality', 'scalloy_admin'] LOOP
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = r) THEN
            BEGIN
                EXECUTE format('CREATE ROLE %I NOLOGIN', r);
            EXCEPTION WHEN insufficient_privilege THEN
                RAISE NOTICE 'Scalloy: cannot create role % (no CREATEROLE); roles are not in effect on this database', r;
                RETURN;
            END;
        END IF;
    END LOOP;

    EXECUTE 'GRANT USAGE ON SCHEMA ' || s || ' TO ' || everyone;
    EXECUTE 'GRANT SELECT ON ALL TABLES IN SCHEMA ' || s || ' TO ' || everyone;
    EXECUTE 'GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA ' || s || ' TO ' || everyone;
    EXECUTE 'ALTER DEFAULT PRIVILEGES IN SCHEMA ' || s || ' GRANT SELECT ON TABLES TO ' || everyone;
    EXECUTE 'ALTER DEFAULT PRIVILEGES IN SCHEMA ' || s || ' GRANT USAGE, SELECT ON SEQUENCES TO ' || everyone;
    EXECUTE 'GRANT INSERT ON audit_log TO ' || everyone;

    EXECUTE 'GRANT INSERT, UPDATE, DELETE ON materials, material_prices, specifications, specification_versions, recipes,'
        || ' recipe_versions, recipe_material_uses TO scalloy_metallurgist';
    EXECUTE 'GRANT INSERT, UPDATE ON lots TO scalloy_metallurgist, scalloy_operator';
    EXECUTE 'GRANT INSERT, UPDATE ON heats, heat_lines, heat_numbering TO scalloy_operator';
    EXECUTE 'GRANT INSERT, UPDATE, DELETE ON instrument_mappings, heat_casts TO scalloy_operator';
    EXECUTE 'GRANT INSERT ON status_moves, samples, sample_imports, corrections TO scalloy_operator';
    EXECUTE 'GRANT UPDATE ON heats TO scalloy_quality';
    EXECUTE 'GRANT INSERT ON status_moves, certificates TO scalloy_quality';
    EXECUTE 'GRANT ALL ON ALL TABLES IN SCHEMA ' || s || ' TO scalloy_admin';
    EXECUTE 'ALTER DEFAULT PRIVILEGES IN SCHEMA ' || s || ' GRANT ALL ON TABLES TO scalloy_admin';

    BEGIN
        EXECUTE 'GRANT scalloy_admin TO ' || quote_ident(current_user);
    EXCEPTION WHEN insufficient_privilege THEN
        RAISE NOTICE 'Scalloy: cannot make % an administrator', current_user;
    END;
END $$;
