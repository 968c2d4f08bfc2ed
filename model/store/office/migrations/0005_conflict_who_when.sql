-- Jobspor's office schema, part 5 (issue 26): who and when on both sides of
-- a conflict, and the hand-over's time on a note written after it.

-- When the office took each version (older versions: unknown).
ALTER TABLE history ADD COLUMN at timestamptz;
ALTER TABLE history ALTER COLUMN at SET DEFAULT now();

-- The conflict's two sides: when the laptop made its edit (as it said),
-- and which colleague's version the office holds, taken when.
ALTER TABLE conflict ADD COLUMN mine_at text NOT NULL DEFAULT '';
ALTER TABLE conflict ADD COLUMN theirs_by text NOT NULL DEFAULT '';
ALTER TABLE conflict ADD COLUMN theirs_at timestamptz;

-- A late note (its author no longer had the case): when the author lost it.
ALTER TABLE note ADD COLUMN handed_at timestamptz;

CREATE OR REPLACE FUNCTION note_rules() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = jobspor, pg_temp AS $$
BEGIN
    NEW.author := me();
    NEW.late := NOT may_see(NEW.citizen_gid);
    NEW.handed_at := NULL;
    IF NEW.late THEN
        NEW.handed_at := (SELECT max(at) FROM visibility
            WHERE citizen_gid = NEW.citizen_gid AND initials = me() AND NOT granted);
    END IF;
    RETURN NEW;
END $$;

-- A person's choice about a conflict, made on a laptop (offline too) and
-- sent with its next sync: the conflict is closed once, by its author or a
-- caseworker who may see the case, and the office's audit records it.
-- resolved_at is the laptop's time of the choice (never used for order).
CREATE FUNCTION resolve_conflict(op uuid, how text, chosen_at timestamptz) RETURNS int
LANGUAGE plpgsql SECURITY DEFINER SET search_path = jobspor, pg_temp AS $$
DECLARE r record; n int := 0;
BEGIN
    PERFORM next_seq(); -- the office lock first, like every writer
    FOR r IN UPDATE conflict SET resolution = how, resolved_by = me(), resolved_at = chosen_at
        WHERE op_id = op AND resolved_at IS NULL
          AND (author = me() OR (citizen_gid IS NOT NULL AND may_see(citizen_gid)))
        RETURNING citizen_gid, tbl, field LOOP
        PERFORM audit_write('conflict ' || how, r.citizen_gid, r.tbl || '.' || r.field);
        n := n + 1;
    END LOOP;
    RETURN n;
END $$;
REVOKE EXECUTE ON FUNCTION resolve_conflict(uuid, text, timestamptz) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION resolve_conflict(uuid, text, timestamptz) TO jobspor_staff;
