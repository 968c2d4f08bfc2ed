-- 0009: a case has a life: whose it is (caseworkers), how it ends (closings),
-- when its audit trail may be cut (the chain's new starting point).
CREATE TABLE caseworkers (
    initials TEXT PRIMARY KEY CHECK (length(initials) BETWEEN 1 AND 8),
    name     TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 100)
) STRICT;

ALTER TABLE citizens ADD COLUMN caseworker TEXT NOT NULL DEFAULT '';
CREATE INDEX citizens_caseworker ON citizens (caseworker, status);
CREATE INDEX citizens_status ON citizens (status, first_contact);

-- One row per closed case; reopening removes it (the audit keeps the story).
CREATE TABLE case_closings (
    citizen_id INTEGER PRIMARY KEY REFERENCES citizens (id) ON DELETE CASCADE,
    closed_on  TEXT NOT NULL,
    reason     TEXT NOT NULL CHECK (reason IN ('job', 'education', 'moved', 'benefit', 'other')),
    employer   TEXT NOT NULL DEFAULT '' CHECK (length(employer) <= 200),
    job_start  TEXT NOT NULL DEFAULT '',
    hours      INTEGER NOT NULL DEFAULT 0 CHECK (hours BETWEEN 0 AND 80),
    note       TEXT NOT NULL DEFAULT '' CHECK (length(note) <= 2000),
    closed_by  TEXT NOT NULL,
    closed_at  TEXT NOT NULL
) STRICT;

CREATE INDEX case_closings_on ON case_closings (closed_on);

-- Cases closed before closings were recorded: closed on their last change.
INSERT INTO case_closings (citizen_id, closed_on, reason, closed_by, closed_at)
SELECT id, substr(updated_at, 1, 10),
       CASE status WHEN 'in_job' THEN 'job' WHEN 'in_education' THEN 'education' ELSE 'other' END,
       '', updated_at
FROM citizens WHERE status <> 'active';

-- Where the sealed audit trail starts once its oldest rows are cut off past
-- the audit's own retention: the last cut row's ID and seal. `check` starts
-- the chain there. A single row.
CREATE TABLE audit_start (
    id      INTEGER PRIMARY KEY CHECK (id = 1),
    last_id INTEGER NOT NULL,
    hash    TEXT NOT NULL,
    cut_at  TEXT NOT NULL
) STRICT;

-- Attendance gains 'office_cancelled' (called off by the office): the
-- column's CHECK is widened in Go (see allowOfficeCancelled), which SQLite
-- allows without rewriting the table because every stored row still fits.
