-- 0010: the caseload's progress count seeks each citizen's done actions of
-- the current phase (an index range) instead of matching a LIKE pattern
-- against every progress row.
CREATE INDEX progress_done ON progress (citizen_id, action_id) WHERE done = 1;
