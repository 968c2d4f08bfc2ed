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
