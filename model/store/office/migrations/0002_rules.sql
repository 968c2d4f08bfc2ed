-- Jobspor's office schema, part 2: what must never break, enforced by the
-- server whatever a laptop sends: who sees what (row-level security, default
-- deny on every table), versions that advance by one, append-only notes and
-- audit, the commit-ordered change sequence, moves and cover only through
-- SECURITY DEFINER functions. Runs as the owner role, which owns every
-- table and is never used to log in (the owner bypasses row-level security).

-- Who am I? The login role mapped to initials (SECURITY DEFINER: reads staff).
CREATE FUNCTION me() RETURNS text LANGUAGE sql STABLE SECURITY DEFINER SET search_path = jobspor, pg_temp
AS $$ SELECT initials FROM staff WHERE role_name = session_user $$;

CREATE FUNCTION i_am_lead() RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER SET search_path = jobspor, pg_temp
AS $$ SELECT coalesce((SELECT is_lead FROM staff WHERE role_name = session_user), false) $$;

-- A lead opens every case only where the office decided so (off by default).
CREATE FUNCTION lead_reads_cases() RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER SET search_path = jobspor, pg_temp
AS $$ SELECT i_am_lead() AND coalesce((SELECT value = 'on' FROM office_setting WHERE key = 'lead_reads_cases'), false) $$;

CREATE FUNCTION owns(c uuid) RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER SET search_path = jobspor, pg_temp
AS $$ SELECT EXISTS (SELECT 1 FROM citizens WHERE gid = c AND caseworker = me()) $$;

CREATE FUNCTION covers(c uuid) RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER SET search_path = jobspor, pg_temp
AS $$ SELECT EXISTS (SELECT 1 FROM cover WHERE citizen_gid = c AND initials = me() AND until >= current_date) $$;

-- May the logged-in caseworker see (and write) the case? Owner, cover, or a
-- lead where the office allows it. SECURITY DEFINER: the owner role reads
-- citizens without row-level security, so the policies do not recurse.
CREATE FUNCTION may_see(c uuid) RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER SET search_path = jobspor, pg_temp
AS $$ SELECT owns(c) OR covers(c) OR lead_reads_cases() $$;

-- Did the caseworker ever have the case? Then a note may still be added late.
CREATE FUNCTION ever_had(c uuid) RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER SET search_path = jobspor, pg_temp
AS $$ SELECT EXISTS (SELECT 1 FROM visibility WHERE citizen_gid = c AND initials = me() AND granted) $$;

-- The commit-ordered change sequence: every writing transaction takes the
-- office's advisory lock before its first number, held to commit, so the
-- numbers become visible in commit order and "everything after N" never
-- skips a transaction that committed late.
CREATE FUNCTION next_seq() RETURNS bigint LANGUAGE plpgsql SECURITY DEFINER SET search_path = jobspor, pg_temp AS $$
BEGIN
    PERFORM pg_advisory_xact_lock(hashtext('jobspor.change_seq'));
    RETURN nextval('jobspor.change_seq');
END $$;

CREATE FUNCTION stamp() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = jobspor, pg_temp AS $$
BEGIN
    NEW.change_seq := next_seq();
    RETURN NEW;
END $$;

-- Mutable records: the version advances by exactly one, the writer is
-- stamped, every accepted version goes to history.
CREATE FUNCTION versioned() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = jobspor, pg_temp AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND NEW.version <> OLD.version + 1 THEN
        RAISE EXCEPTION 'version must advance by one (% -> %)', OLD.version, NEW.version USING ERRCODE = 'check_violation';
    END IF;
    IF TG_OP = 'INSERT' AND NEW.version <> 1 THEN
        RAISE EXCEPTION 'a new record starts at version 1' USING ERRCODE = 'check_violation';
    END IF;
    NEW.updated_by := coalesce(me(), session_user);
    RETURN NEW;
END $$;

CREATE FUNCTION keep_history() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = jobspor, pg_temp AS $$
BEGIN
    INSERT INTO history (tbl, gid, version, citizen_gid, data, updated_by, change_seq)
    VALUES (TG_TABLE_NAME, NEW.gid, NEW.version, NEW.citizen_gid, to_jsonb(NEW), NEW.updated_by, NEW.change_seq);
    RETURN NULL;
END $$;

-- Office data has no citizen: its history row has none either.
CREATE FUNCTION keep_office_history() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = jobspor, pg_temp AS $$
BEGIN
    INSERT INTO history (tbl, gid, version, citizen_gid, data, updated_by, change_seq)
    VALUES (TG_TABLE_NAME, NEW.gid, NEW.version, NULL, to_jsonb(NEW), NEW.updated_by, NEW.change_seq);
    RETURN NULL;
END $$;

-- A case changes hands only through move_case, which runs as the owner
-- role: this check runs as the caller (no SECURITY DEFINER), so a direct
-- UPDATE of caseworker by a caseworker is refused.
CREATE FUNCTION citizen_moves() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.caseworker <> OLD.caseworker AND current_user <> 'jobspor_owner' THEN
        RAISE EXCEPTION 'a case is moved only with office move (move_case)' USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END $$;

-- A new case is visible to its caseworker from its first change on.
CREATE FUNCTION citizen_created() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = jobspor, pg_temp AS $$
BEGIN
    INSERT INTO visibility (seq, citizen_gid, initials, granted) VALUES (next_seq(), NEW.gid, NEW.caseworker, true);
    RETURN NULL;
END $$;

CREATE FUNCTION append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is append-only', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
END $$;

CREATE FUNCTION note_rules() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = jobspor, pg_temp AS $$
BEGIN
    NEW.author := me();
    NEW.late := NOT may_see(NEW.citizen_gid);
    RETURN NEW;
END $$;

-- The audit's seal: sha256 over the previous hash and the row.
CREATE FUNCTION audit_seal() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = jobspor, pg_temp AS $$
DECLARE prev text;
BEGIN
    PERFORM pg_advisory_xact_lock(hashtext('jobspor.audit'));
    SELECT hash INTO prev FROM audit ORDER BY id DESC LIMIT 1;
    NEW.prev_hash := coalesce(prev, '');
    NEW.hash := encode(sha256(convert_to(concat_ws('|', NEW.prev_hash, NEW.id, NEW.at, NEW.actor, NEW.action,
        NEW.citizen_gid, NEW.detail), 'UTF8')), 'hex');
    RETURN NEW;
END $$;
CREATE TRIGGER audit_seal BEFORE INSERT ON audit FOR EACH ROW EXECUTE FUNCTION audit_seal();
CREATE TRIGGER audit_append_only BEFORE UPDATE OR DELETE ON audit FOR EACH ROW EXECUTE FUNCTION append_only();

CREATE FUNCTION audit_write(action text, c uuid, detail text) RETURNS void LANGUAGE sql SECURITY DEFINER SET search_path = jobspor, pg_temp
AS $$ INSERT INTO audit (actor, action, citizen_gid, detail) VALUES (coalesce(me(), session_user), action, c, detail) $$;

-- Who may see which case, kept by triggers beside citizens and cover, so
-- each policy is a join PostgreSQL plans like any other (an index lookup
-- for one row, a hash for many) instead of a function call per row.
CREATE TABLE access (
    case_gid uuid NOT NULL,
    initials text NOT NULL,
    kind     text NOT NULL CHECK (kind IN ('owner', 'cover')),
    until    date, -- cover: to and including this day; owner: NULL
    PRIMARY KEY (case_gid, initials, kind)
);
CREATE INDEX access_who ON access (initials, case_gid);
ALTER TABLE access ENABLE ROW LEVEL SECURITY;
CREATE POLICY mine ON access FOR SELECT USING (initials = (SELECT me()));

CREATE FUNCTION access_owner() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = jobspor, pg_temp AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO access VALUES (NEW.gid, NEW.caseworker, 'owner', NULL);
    ELSIF NEW.caseworker <> OLD.caseworker THEN
        UPDATE access SET initials = NEW.caseworker WHERE case_gid = NEW.gid AND kind = 'owner';
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER x_access AFTER INSERT OR UPDATE OF caseworker ON citizens FOR EACH ROW EXECUTE FUNCTION access_owner();

CREATE FUNCTION access_cover() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = jobspor, pg_temp AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        DELETE FROM access WHERE case_gid = OLD.citizen_gid AND initials = OLD.initials AND kind = 'cover';
        RETURN NULL;
    END IF;
    INSERT INTO access VALUES (NEW.citizen_gid, NEW.initials, 'cover', NEW.until)
    ON CONFLICT (case_gid, initials, kind) DO UPDATE SET until = excluded.until;
    RETURN NULL;
END $$;
CREATE TRIGGER x_access AFTER INSERT OR UPDATE OR DELETE ON cover FOR EACH ROW EXECUTE FUNCTION access_cover();

-- Per table: stamping, versions, history, row-level security (default deny:
-- enabled on every table, and only the policies below let anything through).
DO $$
DECLARE t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['citizens', 'progress', 'conversations', 'job_goals', 'openings', 'track_changes',
        'upskillings', 'educations', 'company_efforts', 'temp_agencies', 'reception_steps', 'benefit_cases',
        'notices', 'youth_flags', 'case_closings', 'applications', 'conversation_jobs'] LOOP
        -- BEFORE triggers fire in name order: a_stamp, b_versioned, (c_rules).
        EXECUTE format('CREATE TRIGGER a_stamp BEFORE INSERT OR UPDATE ON %I FOR EACH ROW EXECUTE FUNCTION stamp()', t);
        EXECUTE format('CREATE TRIGGER b_versioned BEFORE INSERT OR UPDATE ON %I FOR EACH ROW EXECUTE FUNCTION versioned()', t);
        EXECUTE format('CREATE TRIGGER z_history AFTER INSERT OR UPDATE ON %I FOR EACH ROW EXECUTE FUNCTION keep_history()', t);
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY see ON %I FOR SELECT USING (EXISTS (SELECT 1 FROM access a WHERE a.case_gid = citizen_gid AND a.initials = (SELECT me()) AND (a.until IS NULL OR a.until >= current_date)) OR (SELECT lead_reads_cases()))', t);
        IF t <> 'citizens' THEN
            EXECUTE format('CREATE POLICY add ON %I FOR INSERT WITH CHECK (EXISTS (SELECT 1 FROM access a WHERE a.case_gid = citizen_gid AND a.initials = (SELECT me()) AND (a.until IS NULL OR a.until >= current_date)) OR (SELECT lead_reads_cases()))', t);
            EXECUTE format('CREATE POLICY change ON %I FOR UPDATE USING (EXISTS (SELECT 1 FROM access a WHERE a.case_gid = citizen_gid AND a.initials = (SELECT me()) AND (a.until IS NULL OR a.until >= current_date)) OR (SELECT lead_reads_cases())) WITH CHECK (EXISTS (SELECT 1 FROM access a WHERE a.case_gid = citizen_gid AND a.initials = (SELECT me()) AND (a.until IS NULL OR a.until >= current_date)) OR (SELECT lead_reads_cases()))', t);
        END IF;
    END LOOP;
    FOREACH t IN ARRAY ARRAY['jobs', 'prospect_editions', 'prospects', 'caseworkers'] LOOP
        EXECUTE format('CREATE TRIGGER a_stamp BEFORE INSERT OR UPDATE ON %I FOR EACH ROW EXECUTE FUNCTION stamp()', t);
        EXECUTE format('CREATE TRIGGER b_versioned BEFORE INSERT OR UPDATE ON %I FOR EACH ROW EXECUTE FUNCTION versioned()', t);
        EXECUTE format('CREATE TRIGGER z_history AFTER INSERT OR UPDATE ON %I FOR EACH ROW EXECUTE FUNCTION keep_office_history()', t);
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY see ON %I FOR SELECT USING (me() IS NOT NULL)', t);
        -- lead-only writes, except that anyone adds a job
        EXECUTE format('CREATE POLICY add ON %I FOR INSERT WITH CHECK (i_am_lead() OR %L = ''jobs'')', t, t);
        EXECUTE format('CREATE POLICY change ON %I FOR UPDATE USING (i_am_lead()) WITH CHECK (i_am_lead())', t);
    END LOOP;
    FOREACH t IN ARRAY ARRAY['postcodes', 'related_titles'] LOOP
        EXECUTE format('CREATE TRIGGER a_stamp BEFORE INSERT OR UPDATE ON %I FOR EACH ROW EXECUTE FUNCTION stamp()', t);
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY see ON %I FOR SELECT USING (me() IS NOT NULL)', t);
        EXECUTE format('CREATE POLICY add ON %I FOR INSERT WITH CHECK (i_am_lead())', t);
        EXECUTE format('CREATE POLICY change ON %I FOR UPDATE USING (i_am_lead()) WITH CHECK (i_am_lead())', t);
    END LOOP;
END $$;

CREATE TRIGGER c_moves BEFORE UPDATE ON citizens FOR EACH ROW EXECUTE FUNCTION citizen_moves();
CREATE TRIGGER y_created AFTER INSERT ON citizens FOR EACH ROW EXECUTE FUNCTION citizen_created();
-- A new case is the creator's own (a lead may create one for anyone).
CREATE POLICY add ON citizens FOR INSERT WITH CHECK (caseworker = me() OR i_am_lead());
-- An update's new row must pass the SELECT policy too; moves go through move_case.
CREATE POLICY change ON citizens FOR UPDATE USING (EXISTS (SELECT 1 FROM access a WHERE a.case_gid = gid AND a.initials = (SELECT me()) AND (a.until IS NULL OR a.until >= current_date)) OR (SELECT lead_reads_cases())) WITH CHECK (EXISTS (SELECT 1 FROM access a WHERE a.case_gid = gid AND a.initials = (SELECT me()) AND (a.until IS NULL OR a.until >= current_date)) OR (SELECT lead_reads_cases()));

-- Notes: append-only (no UPDATE/DELETE grant, and this trigger); a note may
-- still be added late to a case handed away.
CREATE TRIGGER a_stamp BEFORE INSERT ON note FOR EACH ROW EXECUTE FUNCTION stamp();
CREATE TRIGGER b_rules BEFORE INSERT ON note FOR EACH ROW EXECUTE FUNCTION note_rules();
CREATE TRIGGER append_only BEFORE UPDATE OR DELETE ON note FOR EACH ROW EXECUTE FUNCTION append_only();
ALTER TABLE note ENABLE ROW LEVEL SECURITY;
CREATE POLICY see ON note FOR SELECT USING (EXISTS (SELECT 1 FROM access a WHERE a.case_gid = citizen_gid AND a.initials = (SELECT me()) AND (a.until IS NULL OR a.until >= current_date)) OR (SELECT lead_reads_cases()));
CREATE POLICY add ON note FOR INSERT WITH CHECK ((EXISTS (SELECT 1 FROM access a WHERE a.case_gid = citizen_gid AND a.initials = (SELECT me()) AND (a.until IS NULL OR a.until >= current_date)) OR (SELECT lead_reads_cases())) OR ever_had(citizen_gid));

CREATE TRIGGER append_only BEFORE UPDATE OR DELETE ON history FOR EACH ROW EXECUTE FUNCTION append_only();
ALTER TABLE history ENABLE ROW LEVEL SECURITY;
CREATE POLICY see ON history FOR SELECT USING (citizen_gid IS NULL OR (EXISTS (SELECT 1 FROM access a WHERE a.case_gid = citizen_gid AND a.initials = (SELECT me()) AND (a.until IS NULL OR a.until >= current_date)) OR (SELECT lead_reads_cases())));

ALTER TABLE applied_op ENABLE ROW LEVEL SECURITY;
CREATE POLICY mine ON applied_op FOR ALL USING (author = (SELECT me())) WITH CHECK (author = (SELECT me()));

CREATE TRIGGER a_stamp BEFORE INSERT OR UPDATE ON conflict FOR EACH ROW EXECUTE FUNCTION stamp();
ALTER TABLE conflict ENABLE ROW LEVEL SECURITY;
CREATE POLICY see ON conflict FOR SELECT USING (author = (SELECT me()) OR (EXISTS (SELECT 1 FROM access a WHERE a.case_gid = citizen_gid AND a.initials = (SELECT me()) AND (a.until IS NULL OR a.until >= current_date)) OR (SELECT lead_reads_cases())));
CREATE POLICY add ON conflict FOR INSERT WITH CHECK (author = me());
CREATE POLICY resolve ON conflict FOR UPDATE USING (author = (SELECT me()) OR (EXISTS (SELECT 1 FROM access a WHERE a.case_gid = citizen_gid AND a.initials = (SELECT me()) AND (a.until IS NULL OR a.until >= current_date)) OR (SELECT lead_reads_cases())));

ALTER TABLE visibility ENABLE ROW LEVEL SECURITY;
CREATE POLICY mine ON visibility FOR SELECT USING (initials = (SELECT me()) OR (SELECT i_am_lead()));

ALTER TABLE cover ENABLE ROW LEVEL SECURITY;
CREATE POLICY see ON cover FOR SELECT USING (initials = me() OR i_am_lead() OR owns(citizen_gid));

ALTER TABLE staff ENABLE ROW LEVEL SECURITY;
CREATE POLICY see ON staff FOR SELECT USING (me() IS NOT NULL);

ALTER TABLE office_setting ENABLE ROW LEVEL SECURITY;
CREATE POLICY see ON office_setting FOR SELECT USING (me() IS NOT NULL);
CREATE POLICY change ON office_setting FOR UPDATE USING (i_am_lead()) WITH CHECK (i_am_lead());

ALTER TABLE audit ENABLE ROW LEVEL SECURITY;
CREATE POLICY see ON audit FOR SELECT USING (i_am_lead() OR actor = me());

-- Hand-over: the owner or a lead moves a case. Runs as the owner role (an
-- UPDATE's new row must pass the SELECT policy, which a case handed away
-- no longer does). The new owner's next pull gets all of it; the old
-- owner's next pull removes it.
CREATE FUNCTION move_case(c uuid, to_initials text) RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = jobspor, pg_temp AS $$
DECLARE v bigint; cur text;
BEGIN
    PERFORM next_seq(); -- the office lock first, like every writer
    SELECT version, caseworker INTO v, cur FROM citizens WHERE gid = c AND NOT deleted FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'no such case' USING ERRCODE = 'no_data_found';
    END IF;
    IF NOT (cur = me() OR i_am_lead()) THEN
        RAISE EXCEPTION 'only the owner or a lead may move a case' USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF NOT EXISTS (SELECT 1 FROM staff WHERE initials = to_initials) THEN
        RAISE EXCEPTION 'no caseworker %', to_initials USING ERRCODE = 'foreign_key_violation';
    END IF;
    IF cur = to_initials THEN
        RETURN v;
    END IF;
    UPDATE citizens SET caseworker = to_initials, version = version + 1 WHERE gid = c;
    INSERT INTO visibility (seq, citizen_gid, initials, granted)
    VALUES (next_seq(), c, cur, false), (next_seq(), c, to_initials, true);
    PERFORM audit_write('move', c, cur || ' -> ' || to_initials);
    RETURN v + 1;
END $$;

-- Cover for an absent colleague: only the lead grants it (or ends it, with
-- until in the past); it needs nothing from the absent laptop and expires by
-- itself; every grant and end is audited.
CREATE FUNCTION grant_cover(c uuid, to_initials text, until_day date, why text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = jobspor, pg_temp AS $$
BEGIN
    IF NOT i_am_lead() THEN
        RAISE EXCEPTION 'only a lead grants cover' USING ERRCODE = 'insufficient_privilege';
    END IF;
    PERFORM next_seq();
    INSERT INTO cover (citizen_gid, initials, until, reason, granted_by)
    VALUES (c, to_initials, until_day, why, me())
    ON CONFLICT (citizen_gid, initials) DO UPDATE SET until = excluded.until, reason = excluded.reason,
        granted_by = excluded.granted_by, granted_at = now();
    INSERT INTO visibility (seq, citizen_gid, initials, granted) VALUES (next_seq(), c, to_initials, until_day >= current_date);
    PERFORM audit_write('cover', c, to_initials || ' until ' || until_day || ': ' || why);
END $$;

-- Covers past their day: removed and audited (any sync calls it).
CREATE FUNCTION expire_cover() RETURNS int
LANGUAGE plpgsql SECURITY DEFINER SET search_path = jobspor, pg_temp AS $$
DECLARE r record; n int := 0;
BEGIN
    IF NOT EXISTS (SELECT 1 FROM cover WHERE until < current_date) THEN
        RETURN 0; -- the common case: no lock taken
    END IF;
    PERFORM next_seq(); -- the office lock before any row lock, like every writer (no deadlock with grant_cover)
    FOR r IN DELETE FROM cover WHERE until < current_date RETURNING citizen_gid, initials LOOP
        INSERT INTO visibility (seq, citizen_gid, initials, granted) VALUES (next_seq(), r.citizen_gid, r.initials, false);
        PERFORM audit_write('cover expired', r.citizen_gid, r.initials);
        n := n + 1;
    END LOOP;
    RETURN n;
END $$;

-- Each caseworker's last sync, for the lead's view.
CREATE FUNCTION synced() RETURNS void LANGUAGE sql SECURITY DEFINER SET search_path = jobspor, pg_temp
AS $$ UPDATE staff SET last_sync = now() WHERE role_name = session_user $$;

-- Office figures for the lead: aggregates only, no names, no CPR. Views run
-- with the owner's rights, so they count every case; only leads may read them.
CREATE VIEW figures_by_caseworker AS
    SELECT caseworker, status, track, count(*) AS citizens
    FROM citizens WHERE NOT deleted GROUP BY caseworker, status, track;
CREATE VIEW figures_conversations AS
    SELECT substr(c.start, 1, 7) AS month, c.kind, c.attendance, count(*) AS conversations
    FROM conversations c WHERE NOT c.deleted GROUP BY 1, 2, 3;
CREATE VIEW staff_sync AS
    SELECT initials, is_lead, last_sync FROM staff;

-- No CPR number in any server text: a text that looks like one (DDMMYY,
-- optional dash, four digits) is refused in every record, note and
-- conflict. CPR numbers travel only as cpr_ct/cpr_mac (bytea).
CREATE FUNCTION looks_like_cpr(t text) RETURNS boolean LANGUAGE sql IMMUTABLE
AS $$ SELECT t ~ '(^|[^0-9])[0-3][0-9][01][0-9][0-9][0-9]-?[0-9]{4}([^0-9]|$)' $$;

CREATE FUNCTION no_cpr() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM jsonb_each(to_jsonb(NEW)) e
               WHERE jsonb_typeof(e.value) = 'string' AND e.key NOT IN ('cpr_ct', 'cpr_mac', 'op_id', 'supersedes') AND e.key NOT LIKE '%gid'
                 AND jobspor.looks_like_cpr(e.value #>> '{}')) THEN
        RAISE EXCEPTION 'no CPR numbers in the office''s texts' USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END $$;

DO $$
DECLARE t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['citizens', 'progress', 'conversations', 'job_goals', 'openings', 'track_changes',
        'upskillings', 'educations', 'company_efforts', 'temp_agencies', 'reception_steps', 'benefit_cases',
        'notices', 'youth_flags', 'case_closings', 'applications', 'conversation_jobs', 'jobs', 'prospect_editions',
        'prospects', 'caseworkers', 'note', 'conflict', 'audit'] LOOP
        EXECUTE format('CREATE TRIGGER a_no_cpr BEFORE INSERT OR UPDATE ON %I FOR EACH ROW EXECUTE FUNCTION no_cpr()', t);
    END LOOP;
END $$;

-- A laptop that joins records the head of its own sealed audit trail here,
-- so the office's chain continues the laptop's.
CREATE FUNCTION joined(head text) RETURNS void LANGUAGE sql SECURITY DEFINER SET search_path = jobspor, pg_temp
AS $$ SELECT audit_write('join', NULL, head) $$;
