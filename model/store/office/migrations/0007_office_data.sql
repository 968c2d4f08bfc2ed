-- Jobspor's office schema, part 5 (issue 26): one job list and one set of
-- settings for the office, and the office's figures for everyone.
--
-- The office's own settings (the letterhead every handout prints: name,
-- address, phone, e-mail, hours, where benefit meetings are held) are a
-- record like a job: versioned, every version in history, read by every
-- caseworker, written by a lead only. Their gid is derived from the key on
-- the laptop, so the same setting saved on two laptops is one record.
CREATE TABLE settings (
    gid        uuid PRIMARY KEY,
    key        text NOT NULL UNIQUE,
    value      text NOT NULL,
    version    bigint NOT NULL DEFAULT 1,
    change_seq bigint NOT NULL DEFAULT 0,
    updated_by text NOT NULL DEFAULT '',
    deleted    boolean NOT NULL DEFAULT false
);
CREATE INDEX settings_seq ON settings (change_seq);
CREATE TRIGGER a_stamp BEFORE INSERT OR UPDATE ON settings FOR EACH ROW EXECUTE FUNCTION stamp();
CREATE TRIGGER b_versioned BEFORE INSERT OR UPDATE ON settings FOR EACH ROW EXECUTE FUNCTION versioned();
CREATE TRIGGER z_history AFTER INSERT OR UPDATE ON settings FOR EACH ROW EXECUTE FUNCTION keep_office_history();
CREATE TRIGGER a_no_cpr BEFORE INSERT OR UPDATE ON settings FOR EACH ROW EXECUTE FUNCTION no_cpr();
ALTER TABLE settings ENABLE ROW LEVEL SECURITY;
CREATE POLICY see ON settings FOR SELECT USING (me() IS NOT NULL);
CREATE POLICY add ON settings FOR INSERT WITH CHECK (i_am_lead());
CREATE POLICY change ON settings FOR UPDATE USING (i_am_lead()) WITH CHECK (i_am_lead());
GRANT SELECT, INSERT, UPDATE ON settings TO jobspor_staff;

-- The roster names who holds company contact (10 råd, råd 2: the first
-- conversations can be routed to them). The lead sets it.
ALTER TABLE staff ADD COLUMN company_contact boolean NOT NULL DEFAULT false;

-- The office's two legal figures. The rules stay in the laptop's Go code
-- (no legal rules in PL/pgSQL): each laptop reports the counts for its own
-- caseworker's citizens at every sync, and the server adds them up. A
-- caseworker writes only her own row.
CREATE TABLE figure_report (
    initials          text PRIMARY KEY REFERENCES staff (initials),
    first_on_course   integer NOT NULL CHECK (first_on_course >= 0),
    first_total       integer NOT NULL CHECK (first_total >= first_on_course),
    ontime_on_course  integer NOT NULL CHECK (ontime_on_course >= 0),
    ontime_total      integer NOT NULL CHECK (ontime_total >= ontime_on_course),
    reported_at       timestamptz NOT NULL DEFAULT now()
);
ALTER TABLE figure_report ENABLE ROW LEVEL SECURITY;
CREATE POLICY mine ON figure_report FOR ALL USING (initials = (SELECT me())) WITH CHECK (initials = (SELECT me()));
GRANT SELECT, INSERT, UPDATE ON figure_report TO jobspor_staff;

-- What every caseworker may read of the office: sums without names or CPR,
-- with the moment the server computed them and the oldest report in them.
-- The view runs with the owner's rights, so it adds up every caseworker's row.
CREATE VIEW office_figures AS
    SELECT coalesce(sum(first_on_course), 0)::bigint AS first_on_course,
           coalesce(sum(first_total), 0)::bigint AS first_total,
           coalesce(sum(ontime_on_course), 0)::bigint AS ontime_on_course,
           coalesce(sum(ontime_total), 0)::bigint AS ontime_total,
           count(*) AS caseworkers,
           min(reported_at) AS oldest_report,
           now() AS computed_at
    FROM figure_report;
-- The office's capacity (10 råd, råd 9): every caseworker on the roster
-- (initials only, never a citizen), whether they hold company contact, their
-- active cases and the conversations booked in [from_at, to_at) — the
-- laptop's days (its wall clock, as the conversations are stored).
CREATE FUNCTION office_capacity(from_at text, to_at text)
RETURNS TABLE (initials text, company_contact boolean, cases bigint, booked bigint)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = jobspor, pg_temp AS $$
    SELECT s.initials, s.company_contact, coalesce(c.cases, 0), coalesce(b.booked, 0)
    FROM staff s
    LEFT JOIN (SELECT caseworker, count(*) AS cases FROM citizens
               WHERE NOT deleted AND status = 'active' GROUP BY caseworker) c ON c.caseworker = s.initials
    LEFT JOIN (SELECT z.caseworker, count(*) AS booked FROM conversations v JOIN citizens z ON z.gid = v.citizen_gid
               WHERE v.start >= from_at AND v.start < to_at AND NOT v.deleted AND NOT z.deleted
               GROUP BY z.caseworker) b ON b.caseworker = s.initials
    WHERE me() IS NOT NULL ORDER BY s.initials
$$;
-- The week's conversations and the fortnight's meetings are found by time,
-- not by reading every case: each sync of every laptop asks.
CREATE INDEX conversations_start ON conversations (start) WHERE NOT deleted;
CREATE INDEX benefit_cases_meeting ON benefit_cases (meeting_at) WHERE meeting_at <> '' AND NOT deleted;
REVOKE EXECUTE ON FUNCTION office_capacity(text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION office_capacity(text, text) TO jobspor_staff;
GRANT SELECT ON office_figures TO jobspor_staff;

-- The meetings at the benefit office as one overview for the whole office
-- (10 råd, råd 10): when, where and whose case (initials), never the
-- citizen's name or CPR number.
CREATE VIEW office_meetings AS
    SELECT b.meeting_at, b.meeting_place, c.caseworker
    FROM benefit_cases b JOIN citizens c ON c.gid = b.citizen_gid
    WHERE NOT b.deleted AND NOT c.deleted AND b.meeting_at <> '';
GRANT SELECT ON office_meetings TO jobspor_staff;

-- How far what the office's figures, capacity and meetings are read from
-- has moved, as the caller's snapshot sees it (not the sequence's
-- last_value, which moves before a writer commits): a laptop reads them
-- again only when it moved, or a while passed. A roster change stamps it.
ALTER TABLE staff ADD COLUMN roster_seq bigint NOT NULL DEFAULT 0;
CREATE FUNCTION office_seq() RETURNS bigint LANGUAGE sql STABLE SECURITY DEFINER SET search_path = jobspor, pg_temp
AS $$ SELECT greatest((SELECT max(change_seq) FROM citizens), (SELECT max(change_seq) FROM conversations),
                      (SELECT max(change_seq) FROM benefit_cases), (SELECT max(roster_seq) FROM staff), 0) $$;
REVOKE EXECUTE ON FUNCTION office_seq() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION office_seq() TO jobspor_staff;
