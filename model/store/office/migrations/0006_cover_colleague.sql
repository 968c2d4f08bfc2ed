-- Cover for an absent colleague from the window (issue 26): the lead grants
-- it for all of the colleague's cases at once, by initials (a lead does not
-- read the cases unless the office decided so, so she cannot name them one
-- by one), and sees the covers in force without names or CPR numbers.

-- Every case the absent caseworker owns is covered by to_initials until
-- until_day (to and including it), each grant audited by grant_cover, the
-- whole once more here. Returns how many cases were covered.
CREATE FUNCTION cover_colleague(absent text, to_initials text, until_day date, why text) RETURNS int
LANGUAGE plpgsql SECURITY DEFINER SET search_path = jobspor, pg_temp AS $$
DECLARE r record; n int := 0;
BEGIN
    IF NOT i_am_lead() THEN
        RAISE EXCEPTION 'only a lead grants cover' USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF NOT EXISTS (SELECT 1 FROM staff WHERE initials = absent) OR NOT EXISTS (SELECT 1 FROM staff WHERE initials = to_initials) THEN
        RAISE EXCEPTION 'no caseworker % or %', absent, to_initials USING ERRCODE = 'foreign_key_violation';
    END IF;
    IF absent = to_initials THEN
        RAISE EXCEPTION 'a caseworker does not cover for herself' USING ERRCODE = 'check_violation';
    END IF;
    IF until_day < current_date THEN
        RAISE EXCEPTION 'the cover would end before today' USING ERRCODE = 'check_violation';
    END IF;
    PERFORM next_seq(); -- the office lock first, like every writer
    FOR r IN SELECT gid FROM citizens WHERE caseworker = absent AND NOT deleted ORDER BY gid LOOP
        PERFORM grant_cover(r.gid, to_initials, until_day, why);
        n := n + 1;
    END LOOP;
    PERFORM audit_write('cover colleague', NULL, absent || ' -> ' || to_initials || ' until ' || until_day || ' (' || n || ' cases): ' || why);
    RETURN n;
END $$;

-- The covers in force, per absent caseworker: for the lead's view (counts
-- only; the view runs with the owner's rights, so it counts every case).
CREATE VIEW cover_overview AS
    SELECT c.caseworker AS absent, v.initials AS coverer, v.until, v.reason, v.granted_by, count(*) AS cases
    FROM cover v JOIN citizens c ON c.gid = v.citizen_gid
    WHERE v.until >= current_date AND NOT c.deleted
    GROUP BY c.caseworker, v.initials, v.until, v.reason, v.granted_by;

REVOKE EXECUTE ON FUNCTION cover_colleague(text, text, date, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION cover_colleague(text, text, date, text) TO jobspor_staff;
GRANT SELECT ON cover_overview TO jobspor_lead;
