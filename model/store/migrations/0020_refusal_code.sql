-- 0020: a refusal says why in a machine code of its own, beside the
-- office's text (kept for the person reading it). "cpr_taken": the office
-- already has the citizen (the CPR number's blind index is unique,
-- citizens_cpr_mac); her case's refusals are one question
-- (sync_case_refused.go). Grouped and counted by the code, never by the
-- text: a reworded or translated server message changes nothing. Refusals
-- recorded before the code existed are given it from their text, so a
-- laptop updated mid-conflict keeps its one question.
ALTER TABLE sync_conflict ADD COLUMN code TEXT NOT NULL DEFAULT '';
UPDATE sync_conflict SET code = 'cpr_taken'
    WHERE tbl = 'citizens' AND outcome = 'rejected' AND instr(theirs, 'citizens_cpr_mac') > 0;
