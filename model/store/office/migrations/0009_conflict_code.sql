-- Jobspor's office schema, part 9: a refusal's machine code beside its
-- text. "cpr_taken": the office already has the citizen (the unique index
-- citizens_cpr_mac on the CPR number's blind index refused her); the
-- laptop asks one question per such case. The laptop groups by the code,
-- never by the text, which stays as the server said it for the person
-- reading it. Refusals kept before this part are given the code from
-- their text, once, here.
ALTER TABLE conflict ADD COLUMN code text NOT NULL DEFAULT '';
UPDATE conflict SET code = 'cpr_taken'
    WHERE tbl = 'citizens' AND outcome = 'rejected' AND strpos(theirs, 'citizens_cpr_mac') > 0;
