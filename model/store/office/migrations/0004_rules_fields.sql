-- The fields issue 23's conversation rules added on the laptop (its
-- migration 0011): when the citizen registered as a job seeker, a benefit
-- other than the listed ones (ledighedsydelse), since when the benefit is
-- paid, the reception plan's variant, and whether the a-kasse took part in
-- a conversation.
ALTER TABLE citizens ADD COLUMN registered_on text NOT NULL DEFAULT '';
ALTER TABLE citizens ADD COLUMN other_benefit text NOT NULL DEFAULT '';
ALTER TABLE citizens ADD COLUMN benefit_since text NOT NULL DEFAULT '';
ALTER TABLE citizens ADD COLUMN reception_variant text NOT NULL DEFAULT '';
ALTER TABLE conversations ADD COLUMN with_akasse bigint NOT NULL DEFAULT 0;

-- An exemption from the minimum after a concrete assessment: a case record
-- (its reason is a note, as every free text).
CREATE TABLE exemptions (
    gid        uuid PRIMARY KEY,
    citizen_gid uuid NOT NULL REFERENCES citizens (gid),
    decided_on text NOT NULL,
    decided_by text NOT NULL,
    created_at text NOT NULL,
    undone_at  text NOT NULL,
    version    bigint NOT NULL DEFAULT 1,
    change_seq bigint NOT NULL DEFAULT 0,
    updated_by text NOT NULL DEFAULT '',
    deleted    boolean NOT NULL DEFAULT false
);
CREATE INDEX exemptions_seq ON exemptions (change_seq);
CREATE INDEX exemptions_citizen ON exemptions (citizen_gid);
CREATE TRIGGER a_stamp BEFORE INSERT OR UPDATE ON exemptions FOR EACH ROW EXECUTE FUNCTION stamp();
CREATE TRIGGER b_versioned BEFORE INSERT OR UPDATE ON exemptions FOR EACH ROW EXECUTE FUNCTION versioned();
CREATE TRIGGER z_history AFTER INSERT OR UPDATE ON exemptions FOR EACH ROW EXECUTE FUNCTION keep_history();
CREATE TRIGGER a_no_cpr BEFORE INSERT OR UPDATE ON exemptions FOR EACH ROW EXECUTE FUNCTION no_cpr();
ALTER TABLE exemptions ENABLE ROW LEVEL SECURITY;
CREATE POLICY see ON exemptions FOR SELECT USING (EXISTS (SELECT 1 FROM access a WHERE a.case_gid = citizen_gid AND a.initials = (SELECT me()) AND (a.until IS NULL OR a.until >= current_date)) OR (SELECT lead_reads_cases()));
CREATE POLICY add ON exemptions FOR INSERT WITH CHECK (EXISTS (SELECT 1 FROM access a WHERE a.case_gid = citizen_gid AND a.initials = (SELECT me()) AND (a.until IS NULL OR a.until >= current_date)) OR (SELECT lead_reads_cases()));
CREATE POLICY change ON exemptions FOR UPDATE USING (EXISTS (SELECT 1 FROM access a WHERE a.case_gid = citizen_gid AND a.initials = (SELECT me()) AND (a.until IS NULL OR a.until >= current_date)) OR (SELECT lead_reads_cases())) WITH CHECK (EXISTS (SELECT 1 FROM access a WHERE a.case_gid = citizen_gid AND a.initials = (SELECT me()) AND (a.until IS NULL OR a.until >= current_date)) OR (SELECT lead_reads_cases()));
GRANT SELECT, INSERT, UPDATE ON exemptions TO jobspor_staff;
