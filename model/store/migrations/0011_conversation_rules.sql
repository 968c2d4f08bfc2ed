-- 0012: what the conversation rules read (issue 23).

-- A conversation records whether the a-kasse took part (a joint
-- conversation, LAB § 31, stk. 2): the joint ones are counted apart.
ALTER TABLE conversations ADD COLUMN with_akasse INTEGER NOT NULL DEFAULT 0;

-- The registration as a job seeker (dagpenge: the first-conversation
-- deadline counts from it, LAB § 31, stk. 4; '' = the first day of
-- unemployment), and which "anden ydelse" ('ledighedsydelse', or '').
ALTER TABLE citizens ADD COLUMN registered_on TEXT NOT NULL DEFAULT '';
ALTER TABLE citizens ADD COLUMN other_benefit TEXT NOT NULL DEFAULT '';

-- The day the citizen changed to the current benefit after the first
-- contact ('' none): LAB § 9, stk. 1, nr. 2 starts a new period then. Set
-- when a citizen's benefit is changed.
ALTER TABLE citizens ADD COLUMN benefit_since TEXT NOT NULL DEFAULT '';

-- The reception plan's variant chosen at the first conversation ('' not
-- chosen: suggested by age; 'standard' the plan as it is).
ALTER TABLE citizens ADD COLUMN reception_variant TEXT NOT NULL DEFAULT '';

-- A concrete assessment that exempts a citizen from the minimum of
-- conversations (up to 25 % of a group from 1 July 2026). Undoing keeps the
-- row (undone_at set); at most one open exemption per citizen.
CREATE TABLE exemptions (
    id          INTEGER PRIMARY KEY,
    citizen_id  INTEGER NOT NULL REFERENCES citizens(id) ON DELETE CASCADE,
    reason      TEXT NOT NULL CHECK (length(trim(reason)) > 0),
    decided_on  TEXT NOT NULL,
    decided_by  TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL,
    undone_at   TEXT NOT NULL DEFAULT ''
);
CREATE UNIQUE INDEX exemptions_open ON exemptions (citizen_id) WHERE undone_at = '';

-- held_days now lists the held individual job conversations (the group's
-- joint follow-up no longer counts: LAB § 31 counts individual ones), each
-- day followed by 'p' when held in person and 'a' when the a-kasse took
-- part: "2026-01-05p,2026-02-02pa". Kinds as model.JobConversationKinds.
DROP TRIGGER held_days_insert;
DROP TRIGGER held_days_delete;
DROP TRIGGER held_days_update;

UPDATE citizens SET held_days = coalesce((SELECT group_concat(substr(c.start, 1, 10)
        || CASE c.form WHEN 'in_person' THEN 'p' ELSE '' END || CASE c.with_akasse WHEN 1 THEN 'a' ELSE '' END)
    FROM conversations c
    WHERE c.citizen_id = citizens.id AND c.attendance = 'held' AND c.kind IN ('first', 'job', 'followup')), '');

CREATE TRIGGER held_days_insert AFTER INSERT ON conversations
WHEN NEW.attendance = 'held' AND NEW.kind IN ('first', 'job', 'followup')
BEGIN
    UPDATE citizens SET held_days = coalesce((SELECT group_concat(substr(c.start, 1, 10)
            || CASE c.form WHEN 'in_person' THEN 'p' ELSE '' END || CASE c.with_akasse WHEN 1 THEN 'a' ELSE '' END)
        FROM conversations c
        WHERE c.citizen_id = citizens.id AND c.attendance = 'held' AND c.kind IN ('first', 'job', 'followup')), '')
    WHERE id = NEW.citizen_id;
END;

CREATE TRIGGER held_days_delete AFTER DELETE ON conversations
WHEN OLD.attendance = 'held' AND OLD.kind IN ('first', 'job', 'followup')
BEGIN
    UPDATE citizens SET held_days = coalesce((SELECT group_concat(substr(c.start, 1, 10)
            || CASE c.form WHEN 'in_person' THEN 'p' ELSE '' END || CASE c.with_akasse WHEN 1 THEN 'a' ELSE '' END)
        FROM conversations c
        WHERE c.citizen_id = citizens.id AND c.attendance = 'held' AND c.kind IN ('first', 'job', 'followup')), '')
    WHERE id = OLD.citizen_id;
END;

CREATE TRIGGER held_days_update AFTER UPDATE OF citizen_id, start, attendance, kind, form, with_akasse ON conversations
WHEN (OLD.attendance = 'held' AND OLD.kind IN ('first', 'job', 'followup'))
    OR (NEW.attendance = 'held' AND NEW.kind IN ('first', 'job', 'followup'))
BEGIN
    UPDATE citizens SET held_days = coalesce((SELECT group_concat(substr(c.start, 1, 10)
            || CASE c.form WHEN 'in_person' THEN 'p' ELSE '' END || CASE c.with_akasse WHEN 1 THEN 'a' ELSE '' END)
        FROM conversations c
        WHERE c.citizen_id = citizens.id AND c.attendance = 'held' AND c.kind IN ('first', 'job', 'followup')), '')
    WHERE id IN (OLD.citizen_id, NEW.citizen_id);
END;
