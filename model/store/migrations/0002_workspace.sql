-- 0002: the caseworker's workspace: conversations, the opening phase's
-- job goals and needs, track history, and the track-specific records.
CREATE TABLE conversations (
    id         INTEGER PRIMARY KEY,
    citizen_id INTEGER NOT NULL REFERENCES citizens (id) ON DELETE CASCADE,
    start      TEXT NOT NULL, -- local wall time, 2006-01-02T15:04
    end        TEXT NOT NULL,
    kind       TEXT NOT NULL CHECK (kind IN ('first', 'job', 'followup', 'joint_followup', 'company')),
    form       TEXT NOT NULL CHECK (form IN ('in_person', 'phone', 'video')),
    attendance TEXT NOT NULL CHECK (attendance IN ('planned', 'held', 'no_show', 'cancelled')),
    notes      TEXT NOT NULL DEFAULT '' CHECK (length(notes) <= 5000),
    agreements TEXT NOT NULL DEFAULT '' CHECK (length(agreements) <= 2000),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    CHECK (end > start)
) STRICT;

CREATE INDEX conversations_citizen ON conversations (citizen_id, start);
CREATE INDEX conversations_attendance ON conversations (attendance, start);

CREATE TABLE job_goals (
    id         INTEGER PRIMARY KEY,
    citizen_id INTEGER NOT NULL REFERENCES citizens (id) ON DELETE CASCADE,
    title      TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 120),
    horizon    TEXT NOT NULL CHECK (horizon IN ('short', 'long')),
    note       TEXT NOT NULL DEFAULT '' CHECK (length(note) <= 2000),
    created_at TEXT NOT NULL
) STRICT;

CREATE INDEX job_goals_citizen ON job_goals (citizen_id);

CREATE TABLE openings (
    citizen_id      INTEGER PRIMARY KEY REFERENCES citizens (id) ON DELETE CASCADE,
    upskilling_need TEXT NOT NULL DEFAULT '' CHECK (length(upskilling_need) <= 2000),
    euv             TEXT NOT NULL DEFAULT '' CHECK (euv IN ('', 'yes', 'no')),
    updated_at      TEXT NOT NULL
) STRICT;

CREATE TABLE track_changes (
    id         INTEGER PRIMARY KEY,
    citizen_id INTEGER NOT NULL REFERENCES citizens (id) ON DELETE CASCADE,
    track      TEXT NOT NULL CHECK (track IN ('intensive', 'education', 'longterm')),
    on_date    TEXT NOT NULL,
    reason     TEXT NOT NULL CHECK (length(reason) BETWEEN 1 AND 1000),
    by_user    TEXT NOT NULL,
    created_at TEXT NOT NULL
) STRICT;

CREATE INDEX track_changes_citizen ON track_changes (citizen_id, id);

CREATE TABLE upskillings (
    id            INTEGER PRIMARY KEY,
    citizen_id    INTEGER NOT NULL REFERENCES citizens (id) ON DELETE CASCADE,
    kind          TEXT NOT NULL CHECK (kind IN ('vocational', 'certificate', 'fvu', 'obu', 'euv')),
    title         TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 120),
    status        TEXT NOT NULL CHECK (status IN ('planned', 'ongoing', 'completed', 'dropped')),
    completed     TEXT NOT NULL DEFAULT '',
    goals_updated INTEGER NOT NULL DEFAULT 0 CHECK (goals_updated IN (0, 1)),
    cv_updated    INTEGER NOT NULL DEFAULT 0 CHECK (cv_updated IN (0, 1)),
    note          TEXT NOT NULL DEFAULT '' CHECK (length(note) <= 2000)
) STRICT;

CREATE INDEX upskillings_citizen ON upskillings (citizen_id);

CREATE TABLE educations (
    citizen_id     INTEGER PRIMARY KEY REFERENCES citizens (id) ON DELETE CASCADE,
    chosen         TEXT NOT NULL DEFAULT '' CHECK (length(chosen) <= 120),
    prior_learning TEXT NOT NULL DEFAULT '' CHECK (prior_learning IN ('', 'planned', 'done')),
    dyslexia_test  TEXT NOT NULL DEFAULT '' CHECK (dyslexia_test IN ('', 'offered', 'done')),
    enrolled       INTEGER NOT NULL DEFAULT 0 CHECK (enrolled IN (0, 1)),
    start          TEXT NOT NULL DEFAULT '',
    internship     TEXT NOT NULL DEFAULT '' CHECK (internship IN ('', 'searching', 'found')),
    note           TEXT NOT NULL DEFAULT '' CHECK (length(note) <= 2000)
) STRICT;

CREATE TABLE company_efforts (
    id            INTEGER PRIMARY KEY,
    citizen_id    INTEGER NOT NULL REFERENCES citizens (id) ON DELETE CASCADE,
    kind          TEXT NOT NULL CHECK (kind IN ('praktik', 'loentilskud')),
    company       TEXT NOT NULL CHECK (length(company) BETWEEN 1 AND 120),
    start         TEXT NOT NULL,
    end           TEXT NOT NULL,
    conditions    TEXT NOT NULL DEFAULT '' CHECK (length(conditions) <= 2000),
    outcome       TEXT NOT NULL DEFAULT '' CHECK (outcome IN ('', 'job', 'no_job')),
    joint_meeting TEXT NOT NULL DEFAULT '',
    note          TEXT NOT NULL DEFAULT '' CHECK (length(note) <= 2000)
) STRICT;

CREATE INDEX company_efforts_citizen ON company_efforts (citizen_id);

CREATE TABLE temp_agencies (
    id         INTEGER PRIMARY KEY,
    citizen_id INTEGER NOT NULL REFERENCES citizens (id) ON DELETE CASCADE,
    agency     TEXT NOT NULL CHECK (length(agency) BETWEEN 1 AND 120),
    registered TEXT NOT NULL DEFAULT '',
    note       TEXT NOT NULL DEFAULT '' CHECK (length(note) <= 2000)
) STRICT;

CREATE INDEX temp_agencies_citizen ON temp_agencies (citizen_id);
