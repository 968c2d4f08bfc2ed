-- Jobspor's office schema, part 6 (issue 26): the office's attendance
-- charts, and company contact set by the lead from the window.
--
-- The attendance pattern (10 råd, råd 9) stays the laptop's to count: each
-- laptop reports its own caseworker's conversations (not those it covers:
-- their owner reports them) per hour of the day, weekday and day of the
-- month, for each of the periods the window offers (3, 6, 12 months back
-- from the laptop's day period_to). Counts only: no names, no CPR numbers.
-- A caseworker writes and reads only her own rows; the office's sums are a
-- view every role reads. Only slots with conversations are reported.
CREATE TABLE attendance_report (
    initials text NOT NULL REFERENCES staff (initials),
    months   integer NOT NULL CHECK (months IN (3, 6, 12)),
    kind     text NOT NULL CHECK (kind IN ('hour', 'weekday', 'day')),
    slot     integer NOT NULL CHECK (slot >= 0 AND slot < CASE kind WHEN 'hour' THEN 24 WHEN 'weekday' THEN 7 ELSE 31 END),
    total    integer NOT NULL CHECK (total >= 0),
    missed   integer NOT NULL CHECK (missed >= 0 AND missed <= total),
    PRIMARY KEY (initials, months, kind, slot)
);
ALTER TABLE attendance_report ENABLE ROW LEVEL SECURITY;
CREATE POLICY mine ON attendance_report FOR ALL USING (initials = (SELECT me())) WITH CHECK (initials = (SELECT me()));
GRANT SELECT, INSERT, UPDATE, DELETE ON attendance_report TO jobspor_staff;

-- When each caseworker last reported (every sync), and the day her periods end.
CREATE TABLE attendance_reported (
    initials    text PRIMARY KEY REFERENCES staff (initials),
    period_to   date NOT NULL,
    reported_at timestamptz NOT NULL DEFAULT now()
);
ALTER TABLE attendance_reported ENABLE ROW LEVEL SECURITY;
CREATE POLICY mine ON attendance_reported FOR ALL USING (initials = (SELECT me())) WITH CHECK (initials = (SELECT me()));
GRANT SELECT, INSERT, UPDATE ON attendance_reported TO jobspor_staff;

-- The office's sums (the views run with the owner's rights, so they add up
-- every caseworker's rows), and how many reported, the oldest report and
-- when the server computed them.
CREATE VIEW office_attendance AS
    SELECT months, kind, slot, sum(total)::bigint AS total, sum(missed)::bigint AS missed
    FROM attendance_report GROUP BY months, kind, slot;
CREATE VIEW office_attendance_reported AS
    SELECT count(*) AS caseworkers, min(reported_at) AS oldest_report, now() AS computed_at
    FROM attendance_reported;
GRANT SELECT ON office_attendance, office_attendance_reported TO jobspor_staff;

-- The office's conversations still planned per day in [from_at, to_at)
-- (the laptops' wall clocks, as stored): next week's load for the whole
-- office. Counts only.
CREATE FUNCTION office_planned(from_at text, to_at text)
RETURNS TABLE (day text, planned bigint)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = jobspor, pg_temp AS $$
    SELECT substr(v.start, 1, 10), count(*) FROM conversations v JOIN citizens z ON z.gid = v.citizen_gid
    WHERE v.start >= from_at AND v.start < to_at AND v.attendance = 'planned' AND NOT v.deleted AND NOT z.deleted
      AND me() IS NOT NULL
    GROUP BY 1 ORDER BY 1
$$;
REVOKE EXECUTE ON FUNCTION office_planned(text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION office_planned(text, text) TO jobspor_staff;

-- The lead marks who holds company contact (10 råd, råd 2) as herself,
-- from the window; anyone else is refused. Audited; the roster's stamp
-- moves, so every laptop reads the capacity again at its next sync.
CREATE FUNCTION set_company_contact(who text, holds boolean) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = jobspor, pg_temp AS $$
BEGIN
    IF NOT i_am_lead() THEN
        RAISE EXCEPTION 'only a lead sets company contact' USING ERRCODE = 'insufficient_privilege';
    END IF;
    UPDATE staff SET company_contact = holds, roster_seq = next_seq() WHERE initials = upper(who);
    IF NOT FOUND THEN
        RAISE EXCEPTION 'no caseworker %', who USING ERRCODE = 'foreign_key_violation';
    END IF;
    PERFORM audit_write('company contact', NULL, upper(who) || CASE WHEN holds THEN ' holds' ELSE ' no longer holds' END || ' company contact');
END $$;
REVOKE EXECUTE ON FUNCTION set_company_contact(text, boolean) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION set_company_contact(text, boolean) TO jobspor_staff;
