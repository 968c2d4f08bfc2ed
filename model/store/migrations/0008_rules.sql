-- 0008: the dates the conversation rules count from, a birth date for
-- citizens without a CPR number, the benefit meeting, and notices as sent.
ALTER TABLE citizens ADD COLUMN unemployed_since TEXT NOT NULL DEFAULT '';
ALTER TABLE citizens ADD COLUMN transferred_on TEXT NOT NULL DEFAULT '';
ALTER TABLE citizens ADD COLUMN birth_date TEXT NOT NULL DEFAULT '';
-- Citizens from before this version: their first contact is the best date known.
UPDATE citizens SET unemployed_since = first_contact;
CREATE INDEX citizens_unemployed_since ON citizens (unemployed_since);

ALTER TABLE benefit_cases ADD COLUMN meeting_at TEXT NOT NULL DEFAULT ''; -- local wall time, 2006-01-02T15:04
ALTER TABLE benefit_cases ADD COLUMN meeting_place TEXT NOT NULL DEFAULT '' CHECK (length(meeting_place) <= 200);

-- When a notice was printed or copied to be sent, and by whom ('' until then).
ALTER TABLE notices ADD COLUMN sent_at TEXT NOT NULL DEFAULT '';
ALTER TABLE notices ADD COLUMN sent_by TEXT NOT NULL DEFAULT '';
ALTER TABLE notices ADD COLUMN sent_how TEXT NOT NULL DEFAULT '' CHECK (sent_how IN ('', 'print', 'copy'));
