-- 0010: what Today and the caseload read often, kept cheap to read at
-- 10,000 citizens.

-- The caseload's progress count seeks each citizen's done actions of the
-- current phase (an index range) instead of matching a LIKE pattern
-- against every progress row.
CREATE INDEX progress_done ON progress (citizen_id, action_id) WHERE done = 1;

-- The days of each citizen's held job conversations ("2026-01-05,…"),
-- kept by triggers in the same transaction as the conversation: the
-- conversation rules' figures and deadlines read one column per citizen
-- instead of every conversation. Job conversations are the kinds in
-- model.JobConversationKinds (a store test checks the two agree).
ALTER TABLE citizens ADD COLUMN held_days TEXT NOT NULL DEFAULT '';
UPDATE citizens SET held_days = coalesce((SELECT group_concat(substr(c.start, 1, 10)) FROM conversations c
    WHERE c.citizen_id = citizens.id AND c.attendance = 'held'
    AND c.kind IN ('first', 'job', 'followup', 'joint_followup')), '');

CREATE TRIGGER held_days_insert AFTER INSERT ON conversations
WHEN NEW.attendance = 'held' AND NEW.kind IN ('first', 'job', 'followup', 'joint_followup')
BEGIN
    UPDATE citizens SET held_days = coalesce((SELECT group_concat(substr(c.start, 1, 10)) FROM conversations c
        WHERE c.citizen_id = citizens.id AND c.attendance = 'held'
        AND c.kind IN ('first', 'job', 'followup', 'joint_followup')), '') WHERE id = NEW.citizen_id;
END;

CREATE TRIGGER held_days_delete AFTER DELETE ON conversations
WHEN OLD.attendance = 'held' AND OLD.kind IN ('first', 'job', 'followup', 'joint_followup')
BEGIN
    UPDATE citizens SET held_days = coalesce((SELECT group_concat(substr(c.start, 1, 10)) FROM conversations c
        WHERE c.citizen_id = citizens.id AND c.attendance = 'held'
        AND c.kind IN ('first', 'job', 'followup', 'joint_followup')), '') WHERE id = OLD.citizen_id;
END;

CREATE TRIGGER held_days_update AFTER UPDATE OF citizen_id, start, attendance, kind ON conversations
WHEN (OLD.attendance = 'held' AND OLD.kind IN ('first', 'job', 'followup', 'joint_followup'))
    OR (NEW.attendance = 'held' AND NEW.kind IN ('first', 'job', 'followup', 'joint_followup'))
BEGIN
    UPDATE citizens SET held_days = coalesce((SELECT group_concat(substr(c.start, 1, 10)) FROM conversations c
        WHERE c.citizen_id = citizens.id AND c.attendance = 'held'
        AND c.kind IN ('first', 'job', 'followup', 'joint_followup')), '') WHERE id IN (OLD.citizen_id, NEW.citizen_id);
END;
