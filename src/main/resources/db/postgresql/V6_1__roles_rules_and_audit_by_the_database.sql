-- PostgreSQL only (issue 11, decision 0010): nobody gets around the audit trail, not even with psql.
--
-- 1. Roles per Scalloy database. The group roles of V4_1 (scalloy_metallurgist …) were the cluster's: an
--    operator of one Scalloy database was an operator of every other on the server. From here each
--    database has its own four, named after it: scalloy_<database>[_<schema>]_<role> (the schema only when
--    it is not public; a long name is shortened with a hash). db_roles keeps the names. On an upgrade,
--    every member of the old cluster-wide roles becomes a member of this database's matching role (nobody
--    loses what they could do here; an admin then revokes those who belong elsewhere), and the old roles
--    lose every privilege in this schema; they stay on the server for other databases until dropped.
-- 2. Grants follow the roles down to tables and columns: an operator may update a charge line's weighed
--    kg and lot, not its planned kg; a heat's status, not its recipe; never a material or its price.
-- 3. Rules in the database: a heat's status moves only along heat_status_moves (HeatStatus.next()) and only
--    by a role that may make the move; a line is weighed only before the heat is cast; samples only on a
--    charged, unreleased heat; a certificate only for a cast heat's last sample and its stored verdict, a
--    failing one only under a concession; recipes' and specifications' current version is their newest.
-- 4. The audit trail is the database's: a trigger on every audited table (audited_tables) appends each
--    changed row before and after, the server's clock and the session's database user, with the name and
--    reason the application set (scalloy.actor, scalloy.reason). status_moves is written the same way.
--    No group role may INSERT into audit_log or status_moves (UPDATE and DELETE were refused since V2_1).
--    The functions run as the schema's owner (SECURITY DEFINER, search_path fixed to this schema).
-- What stays beyond reach: the schema's owner (who can drop triggers) and superusers.

-- Whether the session's login may act for the schema's owner: the owner of audit_log, or a superuser.
CREATE FUNCTION scalloy_is_owner() RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER AS $$
    SELECT pg_has_role(session_user, c.relowner, 'MEMBER') FROM pg_class c WHERE c.oid = 'audit_log'::regclass
$$;

-- Whether the session's login holds one of the Scalloy roles named (or admin, or is the owner). Roles are
-- not in effect (every user holds every role, as on the embedded database) when they could not be made.
CREATE FUNCTION scalloy_holds(role_keys text[]) RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER AS $$
    SELECT scalloy_is_owner()
        OR NOT EXISTS (SELECT 1 FROM db_roles)
        OR EXISTS (SELECT 1 FROM db_roles r JOIN pg_roles g ON g.rolname = r.role_name
                   WHERE (r.role_key = 'admin' OR r.role_key = ANY (role_keys)) AND pg_has_role(session_user, g.oid, 'MEMBER'))
$$;

-- Who the application says it acts for (else the login), why, and whether the owner asked for no entries
-- (the seed, a whole-database copy).
CREATE FUNCTION scalloy_actor() RETURNS text LANGUAGE sql STABLE AS $$
    SELECT coalesce(nullif(current_setting('scalloy.actor', true), ''), session_user::text)
$$;

CREATE FUNCTION scalloy_reason() RETURNS text LANGUAGE sql STABLE AS $$
    SELECT coalesce(current_setting('scalloy.reason', true), '')
$$;

CREATE FUNCTION scalloy_quiet() RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER AS $$
    SELECT coalesce(current_setting('scalloy.quiet', true), '') = 'on' AND scalloy_is_owner()
$$;

-- The group role of a Scalloy role in this database (for later migrations' grants).
CREATE FUNCTION scalloy_role(role_key text) RETURNS text LANGUAGE sql STABLE AS $$
    SELECT role_name FROM db_roles WHERE db_roles.role_key = $1
$$;

-- The audit trigger: one entry per changed row of an audited table.
CREATE FUNCTION scalloy_audit_row() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER AS $$
DECLARE
    audited audited_tables%ROWTYPE;
    before_row jsonb;
    after_row jsonb;
    ignored text[];
    key_value text;
    entity_id text;
BEGIN
    IF scalloy_quiet() THEN
        RETURN NULL;
    END IF;
    SELECT * INTO audited FROM audited_tables WHERE table_name = TG_TABLE_NAME;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'the table % has an audit trigger but no row in audited_tables', TG_TABLE_NAME;
    END IF;
    IF TG_OP <> 'INSERT' THEN
        before_row := to_jsonb(OLD);
    END IF;
    IF TG_OP <> 'DELETE' THEN
        after_row := to_jsonb(NEW);
    END IF;
    IF TG_OP = 'UPDATE' THEN
        ignored := coalesce(string_to_array(nullif(audited.ignored_columns, ''), ','), ARRAY[]::text[]);
        IF (before_row - ignored) = (after_row - ignored) THEN
            RETURN NULL;
        END IF;
    END IF;
    key_value := coalesce(after_row, before_row) ->> audited.key_column;
    IF audited.key_query IS NULL THEN
        entity_id := key_value;
    ELSE
        EXECUTE replace(audited.key_query, '?', '$1') INTO entity_id USING key_value::bigint;
    END IF;
    INSERT INTO audit_log (logged_at, actor, entity, entity_id, change_kind, old_value, new_value, reason, db_user, row_table,
                           row_operation, transaction_ref)
    VALUES (clock_timestamp(), scalloy_actor(), audited.entity, coalesce(entity_id, '#' || key_value), lower(TG_OP),
            before_row::text, after_row::text, scalloy_reason(), session_user, TG_TABLE_NAME, TG_OP, txid_current()::text);
    RETURN NULL;
END;
$$;

-- A heat's status moves, as the database makes them.
CREATE FUNCTION scalloy_status_move() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER AS $$
BEGIN
    IF scalloy_quiet() OR (TG_OP = 'UPDATE' AND NEW.status IS NOT DISTINCT FROM OLD.status) THEN
        RETURN NULL;
    END IF;
    INSERT INTO status_moves (heat_ref, from_status, to_status, moved_by, moved_at, reason)
    VALUES (NEW.id, CASE WHEN TG_OP = 'UPDATE' THEN OLD.status END, NEW.status, scalloy_actor(), clock_timestamp(), scalloy_reason());
    RETURN NULL;
END;
$$;

-- The rules of heats and what hangs on them, whoever sends the change.
CREATE FUNCTION scalloy_heat_rules() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER AS $$
DECLARE
    heat heats%ROWTYPE;
    move heat_status_moves%ROWTYPE;
    last_sample samples%ROWTYPE;
BEGIN
    IF scalloy_quiet() THEN
        RETURN NEW;
    END IF;
    IF TG_TABLE_NAME = 'heats' THEN
        IF TG_OP = 'INSERT' THEN
            IF NEW.status <> 'PLANNED' THEN
                RAISE EXCEPTION 'heat %: a heat starts PLANNED, not %', NEW.heat_number, NEW.status USING ERRCODE = '23514';
            END IF;
            RETURN NEW;
        END IF;
        IF NEW.status IS DISTINCT FROM OLD.status THEN
            SELECT * INTO move FROM heat_status_moves WHERE from_status = OLD.status AND to_status = NEW.status;
            IF NOT FOUND THEN
                RAISE EXCEPTION 'heat %: a heat cannot move from % to %', NEW.heat_number, OLD.status, NEW.status USING ERRCODE = '23514';
            END IF;
            IF NOT scalloy_holds(string_to_array(move.roles, ',')) THEN
                RAISE EXCEPTION 'permission denied: % may not move heat % from % to %: that needs the % role', session_user,
                    NEW.heat_number, OLD.status, NEW.status, replace(move.roles, ',', ' or ') USING ERRCODE = '42501';
            END IF;
        END IF;
        IF NEW.recovery_pct IS DISTINCT FROM OLD.recovery_pct OR NEW.recovery_element IS DISTINCT FROM OLD.recovery_element THEN
            IF NEW.status <> 'RELEASED' OR OLD.recovery_pct IS NOT NULL THEN
                RAISE EXCEPTION 'heat %: the actual recovery is recorded once, at release', NEW.heat_number USING ERRCODE = '23514';
            END IF;
        END IF;
        RETURN NEW;
    END IF;

    IF TG_TABLE_NAME IN ('heat_casts', 'certificates') THEN
        SELECT * INTO heat FROM heats WHERE heat_number = NEW.heat_number;
    ELSE
        SELECT * INTO heat FROM heats WHERE id = NEW.heat_ref;
    END IF;
    IF TG_TABLE_NAME = 'heat_lines' THEN
        IF TG_OP = 'INSERT' AND heat.status <> 'PLANNED' THEN
            RAISE EXCEPTION 'heat % is %: charge lines are planned with the heat', heat.heat_number, heat.status USING ERRCODE = '23514';
        END IF;
        IF TG_OP = 'UPDATE' AND (NEW.weighed_kg IS DISTINCT FROM OLD.weighed_kg OR NEW.lot_ref IS DISTINCT FROM OLD.lot_ref) THEN
            IF heat.status IN ('CAST', 'RELEASED', 'REJECTED') THEN
                RAISE EXCEPTION 'heat % is %; its charge can no longer be weighed', heat.heat_number, heat.status USING ERRCODE = '23514';
            END IF;
            IF NEW.weighed_kg < 0 THEN
                RAISE EXCEPTION 'weighed kg must be >= 0, was %', NEW.weighed_kg USING ERRCODE = '23514';
            END IF;
        END IF;
    ELSIF TG_TABLE_NAME = 'samples' THEN
        IF heat.status IN ('PLANNED', 'RELEASED', 'REJECTED') THEN
            RAISE EXCEPTION 'heat % is %; no sample can be added', heat.heat_number, heat.status USING ERRCODE = '23514';
        END IF;
    ELSIF TG_TABLE_NAME = 'corrections' THEN
        IF heat.status <> 'CORRECTED' THEN
            RAISE EXCEPTION 'heat % is %; a correction is recorded as the heat moves to CORRECTED', heat.heat_number, heat.status
                USING ERRCODE = '23514';
        END IF;
    ELSIF TG_TABLE_NAME = 'heat_casts' THEN
        IF heat.status NOT IN ('CAST', 'RELEASED') THEN
            RAISE EXCEPTION 'heat % is %; record the cast once it is CAST', heat.heat_number, heat.status USING ERRCODE = '23514';
        END IF;
        IF NEW.cast_kg <= 0 THEN
            RAISE EXCEPTION 'cast kg must be > 0, was %', NEW.cast_kg USING ERRCODE = '23514';
        END IF;
    ELSIF TG_TABLE_NAME = 'certificates' THEN
        IF heat.status NOT IN ('CAST', 'RELEASED') THEN
            RAISE EXCEPTION 'heat % is %; a certificate is issued for a cast heat', heat.heat_number, heat.status USING ERRCODE = '23514';
        END IF;
        SELECT * INTO last_sample FROM samples WHERE heat_ref = heat.id ORDER BY id DESC LIMIT 1;
        IF NOT FOUND OR last_sample.sample_number <> NEW.sample_number OR last_sample.verdict <> NEW.verdict THEN
            RAISE EXCEPTION 'heat %: a certificate states the last sample (%) and its verdict (%)', heat.heat_number,
                coalesce(last_sample.sample_number, 'none'), coalesce(last_sample.verdict, 'none') USING ERRCODE = '23514';
        END IF;
        IF NEW.verdict NOT IN ('PASS', 'MARGINAL') AND coalesce(btrim(NEW.concession_reason), '') = '' THEN
            RAISE EXCEPTION 'heat %: sample % is %; a certificate for it needs a concession', heat.heat_number, NEW.sample_number,
                NEW.verdict USING ERRCODE = '23514';
        END IF;
    END IF;
    RETURN NEW;
END;
$$;

-- A recipe's or specification's current version is its newest stored version (checked at commit: the
-- application moves the counter and then adds the version).
CREATE FUNCTION scalloy_current_version_rule() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER AS $$
DECLARE
    newest integer;
    current integer;
BEGIN
    IF scalloy_quiet() THEN
        RETURN NULL;
    END IF;
    -- The row as it is at commit (NEW is the row as one of the transaction's statements left it).
    IF TG_TABLE_NAME = 'recipes' THEN
        SELECT current_version INTO current FROM recipes WHERE id = NEW.id;
        SELECT max(version) INTO newest FROM recipe_versions WHERE recipe_ref = NEW.id;
    ELSE
        SELECT current_version INTO current FROM specifications WHERE id = NEW.id;
        SELECT max(version) INTO newest FROM specification_versions WHERE spec_ref = NEW.id;
    END IF;
    IF current IS NOT NULL AND newest IS DISTINCT FROM current THEN
        RAISE EXCEPTION '%: the current version of "%" must be its newest stored version (%), not %', TG_TABLE_NAME, NEW.name,
            coalesce(newest::text, 'none'), current USING ERRCODE = '23514';
    END IF;
    RETURN NULL;
END;
$$;

-- Who was given or refused which role, written by the database after checking it happened (db user-add,
-- db grant, db revoke run it; only an admin may).
CREATE FUNCTION scalloy_audit_user(user_name text, change text, role_word text) RETURNS void LANGUAGE plpgsql SECURITY DEFINER AS $$
DECLARE
    holds boolean;
    held text;
BEGIN
    IF NOT scalloy_holds(ARRAY['admin']) THEN
        RAISE EXCEPTION 'permission denied: % may not manage users: that needs the admin role', session_user USING ERRCODE = '42501';
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = user_name) THEN
        RAISE EXCEPTION 'no database user named %', user_name USING ERRCODE = '42704';
    END IF;
    IF change IN ('grant', 'revoke') THEN
        SELECT pg_has_role(user_name, r.role_name, 'MEMBER') INTO holds FROM db_roles r WHERE r.role_key = role_word;
        IF holds IS DISTINCT FROM (change = 'grant') THEN
            RAISE EXCEPTION '% does not % hold the role %', user_name, CASE WHEN change = 'grant' THEN 'now' ELSE 'still' END, role_word
                USING ERRCODE = '23514';
        END IF;
        held := role_word;
    ELSE
        SELECT 'roles ' || string_agg(r.role_key, ', ' ORDER BY CASE r.role_key WHEN 'metallurgist' THEN 1 WHEN 'operator' THEN 2
                WHEN 'quality' THEN 3 ELSE 4 END)
            INTO held FROM db_roles r JOIN pg_roles g ON g.rolname = r.role_name JOIN pg_auth_members m ON m.roleid = g.oid
            JOIN pg_roles u ON u.oid = m.member WHERE u.rolname = user_name;
    END IF;
    INSERT INTO audit_log (logged_at, actor, entity, entity_id, change_kind, old_value, new_value, reason, db_user)
    VALUES (clock_timestamp(), scalloy_actor(), 'user', user_name, change, NULL, held, '', session_user);
END;
$$;

DO $$
DECLARE
    s text := current_schema();
    qs text := quote_ident(current_schema());
    base text;
    role_key text;
    role_name text;
    table_name text;
    old_role text;
    member_name text;
    t record;
    made boolean := true;
    upgrade boolean;
    metallurgist text;
    operator text;
    quality text;
    admin text;
    everyone text;
BEGIN
    -- Functions run as their owner with this schema's objects only.
    FOR t IN SELECT p.proname FROM pg_proc p WHERE p.pronamespace = s::regnamespace AND p.proname LIKE 'scalloy\_%' AND p.prosecdef LOOP
        EXECUTE format('ALTER FUNCTION %I.%I SET search_path = %I, pg_temp', s, t.proname, s);
    END LOOP;
    EXECUTE format('REVOKE EXECUTE ON FUNCTION %I.scalloy_audit_user(text, text, text) FROM PUBLIC', s);

    -- Triggers.
    FOR t IN SELECT a.table_name AS audited FROM audited_tables a LOOP
        EXECUTE format('CREATE TRIGGER %I AFTER INSERT OR UPDATE OR DELETE ON %I FOR EACH ROW EXECUTE FUNCTION scalloy_audit_row()',
            t.audited || '_audit', t.audited);
    END LOOP;
    CREATE TRIGGER heats_status_moves AFTER INSERT OR UPDATE OF status ON heats FOR EACH ROW EXECUTE FUNCTION scalloy_status_move();
    FOREACH table_name IN ARRAY ARRAY['heats', 'heat_lines', 'samples', 'corrections', 'heat_casts', 'certificates'] LOOP
        EXECUTE format('CREATE TRIGGER %I BEFORE INSERT OR UPDATE ON %I FOR EACH ROW EXECUTE FUNCTION scalloy_heat_rules()',
            table_name || '_rules', table_name);
    END LOOP;
    CREATE CONSTRAINT TRIGGER recipes_current_version AFTER INSERT OR UPDATE ON recipes DEFERRABLE INITIALLY DEFERRED
        FOR EACH ROW EXECUTE FUNCTION scalloy_current_version_rule();
    CREATE CONSTRAINT TRIGGER specifications_current_version AFTER INSERT OR UPDATE ON specifications DEFERRABLE INITIALLY DEFERRED
        FOR EACH ROW EXECUTE FUNCTION scalloy_current_version_rule();

    -- This database's roles.
    base := lower(regexp_replace('scalloy_' || current_database() || CASE WHEN s = 'public' THEN '' ELSE '_' || s END,
        '[^a-zA-Z0-9_]', '_', 'g'));
    IF length(base) > 49 THEN
        base := left(base, 40) || '_' || left(md5(base), 8);
    END IF;
    upgrade := EXISTS (SELECT 1 FROM seed_runs);
    FOREACH role_key IN ARRAY ARRAY['metallurgist', 'operator', 'quality', 'admin'] LOOP
        role_name := base || '_' || role_key;
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = role_name) THEN
            BEGIN
                EXECUTE format('CREATE ROLE %I NOLOGIN', role_name);
            EXCEPTION WHEN insufficient_privilege THEN
                RAISE NOTICE 'Scalloy: cannot create role % (no CREATEROLE); roles are not in effect on this database', role_name;
                made := false;
            END;
        END IF;
        EXIT WHEN NOT made;
        EXECUTE 'INSERT INTO db_roles (role_key, role_name) VALUES ($1, $2)' USING role_key, role_name;
    END LOOP;
    IF NOT made THEN
        DELETE FROM db_roles;
    END IF;

    -- The old cluster-wide roles: their members keep their role here (on an upgrade), they lose this schema.
    -- A table this migration does not know (a later feature's, migrated before it) keeps its writers: what
    -- an old role may do there, its new role may do.
    FOREACH role_key IN ARRAY ARRAY['metallurgist', 'operator', 'quality', 'admin'] LOOP
        old_role := 'scalloy_' || role_key;
        CONTINUE WHEN NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = old_role) OR old_role = base || '_' || role_key;
        IF made THEN
            FOR t IN SELECT g.table_name AS tbl, g.privilege_type AS privilege FROM information_schema.role_table_grants g
                     WHERE g.grantee = old_role AND g.table_schema = s AND g.privilege_type IN ('INSERT', 'UPDATE', 'DELETE')
                       AND g.table_name NOT IN ('materials', 'material_prices', 'specifications', 'specification_versions', 'recipes',
                           'recipe_versions', 'recipe_material_uses', 'lots', 'heats', 'heat_lines', 'heat_numbering', 'samples',
                           'sample_imports', 'corrections', 'heat_casts', 'instrument_mappings', 'certificates', 'settings',
                           'status_moves', 'audit_log', 'seed_runs', 'flyway_schema_history', 'audited_tables', 'heat_status_moves',
                           'db_roles') LOOP
                EXECUTE format('GRANT %s ON %I.%I TO %I', t.privilege, s, t.tbl, base || '_' || role_key);
            END LOOP;
        END IF;
        IF made AND upgrade THEN
            FOR member_name IN SELECT u.rolname FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid
                                   JOIN pg_roles u ON u.oid = m.member WHERE g.rolname = old_role LOOP
                BEGIN
                    EXECUTE format('GRANT %I TO %I', base || '_' || role_key, member_name);
                EXCEPTION WHEN insufficient_privilege OR invalid_grant_operation THEN
                    RAISE NOTICE 'Scalloy: could not give % the role %', member_name, base || '_' || role_key;
                END;
            END LOOP;
        END IF;
        EXECUTE format('REVOKE ALL ON ALL TABLES IN SCHEMA %I FROM %I', s, old_role);
        EXECUTE format('REVOKE ALL ON ALL SEQUENCES IN SCHEMA %I FROM %I', s, old_role);
        EXECUTE format('REVOKE ALL ON SCHEMA %I FROM %I', s, old_role);
        EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I REVOKE ALL ON TABLES FROM %I', s, old_role);
        EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I REVOKE ALL ON SEQUENCES FROM %I', s, old_role);
    END LOOP;

    IF NOT made THEN
        RETURN;
    END IF;
    metallurgist := quote_ident(base || '_metallurgist');
    operator := quote_ident(base || '_operator');
    quality := quote_ident(base || '_quality');
    admin := quote_ident(base || '_admin');
    everyone := metallurgist || ', ' || operator || ', ' || quality || ', ' || admin;

    EXECUTE 'GRANT USAGE ON SCHEMA ' || qs || ' TO ' || everyone;
    EXECUTE 'GRANT SELECT ON ALL TABLES IN SCHEMA ' || qs || ' TO ' || everyone;
    EXECUTE 'GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA ' || qs || ' TO ' || everyone;
    EXECUTE 'ALTER DEFAULT PRIVILEGES IN SCHEMA ' || qs || ' GRANT SELECT ON TABLES TO ' || everyone;
    EXECUTE 'ALTER DEFAULT PRIVILEGES IN SCHEMA ' || qs || ' GRANT USAGE, SELECT ON SEQUENCES TO ' || everyone;

    -- Metallurgist: recipes, materials, prices, specifications (versions are only ever added).
    EXECUTE 'GRANT INSERT, DELETE ON materials TO ' || metallurgist || ', ' || admin;
    EXECUTE 'GRANT UPDATE (name, kind, body, source, confidence, retired, row_version, updated_by, updated_at) ON materials TO '
        || metallurgist || ', ' || admin;
    EXECUTE 'GRANT INSERT ON material_prices, specifications, specification_versions, recipes, recipe_versions, recipe_material_uses TO '
        || metallurgist || ', ' || admin;
    EXECUTE 'GRANT UPDATE (sector, current_version) ON specifications TO ' || metallurgist || ', ' || admin;
    EXECUTE 'GRANT UPDATE (current_version) ON recipes TO ' || metallurgist || ', ' || admin;
    -- Lots: metallurgist and operator.
    EXECUTE 'GRANT INSERT, UPDATE ON lots TO ' || metallurgist || ', ' || operator || ', ' || admin;
    -- Operator: heats at the furnace.
    EXECUTE 'GRANT INSERT ON heats, heat_lines, samples, sample_imports, corrections TO ' || operator || ', ' || admin;
    EXECUTE 'GRANT UPDATE (status, updated_at, row_version, updated_by) ON heats TO ' || operator || ', ' || quality || ', ' || admin;
    EXECUTE 'GRANT UPDATE (weighed_kg, lot_ref, weighed_revision, weighed_by, weighed_at) ON heat_lines TO ' || operator || ', ' || admin;
    EXECUTE 'GRANT INSERT, UPDATE ON heat_numbering TO ' || operator || ', ' || admin;
    EXECUTE 'GRANT INSERT, DELETE ON heat_casts, instrument_mappings TO ' || operator || ', ' || admin;
    EXECUTE 'GRANT UPDATE (cast_kg, pieces, recorded_at, recorded_by) ON heat_casts TO ' || operator || ', ' || admin;
    -- Quality: release and rejection (the rule trigger checks which move), the recovery at release, certificates.
    EXECUTE 'GRANT UPDATE (recovery_element, recovery_pct) ON heats TO ' || quality || ', ' || admin;
    EXECUTE 'GRANT INSERT ON certificates TO ' || quality || ', ' || admin;
    -- Admin: settings (and users, through CREATEROLE and scalloy_audit_user).
    EXECUTE 'GRANT INSERT, UPDATE, DELETE ON settings TO ' || admin;
    EXECUTE 'GRANT EXECUTE ON FUNCTION scalloy_audit_user(text, text, text) TO ' || admin;

    BEGIN
        EXECUTE 'GRANT ' || admin || ' TO ' || quote_ident(current_user);
    EXCEPTION WHEN insufficient_privilege OR invalid_grant_operation THEN
        RAISE NOTICE 'Scalloy: cannot make % an administrator', current_user;
    END;
END $$;
