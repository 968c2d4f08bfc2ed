-- 0004: occupations (DST's DISCO-08 groups), prospects by edition and
-- region, the office's job list, jobs presented in conversations, and the
-- citizen's job log.
CREATE TABLE disco_groups (
    code  TEXT PRIMARY KEY,
    level INTEGER NOT NULL CHECK (level BETWEEN 1 AND 5),
    title TEXT NOT NULL
) STRICT, WITHOUT ROWID;

ALTER TABLE job_goals ADD COLUMN code TEXT NOT NULL DEFAULT '';

CREATE TABLE prospect_editions (
    id          INTEGER PRIMARY KEY,
    published   TEXT NOT NULL UNIQUE,
    imported_at TEXT NOT NULL,
    source      TEXT NOT NULL
) STRICT;

CREATE TABLE prospects (
    edition_id INTEGER NOT NULL REFERENCES prospect_editions (id) ON DELETE CASCADE,
    region     TEXT NOT NULL,
    title      TEXT NOT NULL,
    code       TEXT NOT NULL,
    rating     INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 4),
    PRIMARY KEY (edition_id, region, title)
) STRICT;

CREATE INDEX prospects_code ON prospects (edition_id, region, code);

CREATE TABLE jobs (
    id           INTEGER PRIMARY KEY,
    title        TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    code         TEXT NOT NULL DEFAULT '',
    employer     TEXT NOT NULL CHECK (length(employer) BETWEEN 1 AND 200),
    place        TEXT NOT NULL DEFAULT '',
    deadline     TEXT NOT NULL DEFAULT '',
    how_to_apply TEXT NOT NULL DEFAULT '',
    contact      TEXT NOT NULL DEFAULT '',
    source       TEXT NOT NULL DEFAULT '',
    added_on     TEXT NOT NULL,
    hot          INTEGER NOT NULL DEFAULT 0 CHECK (hot IN (0, 1))
) STRICT;

CREATE INDEX jobs_code ON jobs (code, deadline);
CREATE INDEX jobs_deadline ON jobs (deadline);

CREATE TABLE conversation_jobs (
    conversation_id INTEGER NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
    job_id          INTEGER NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
    agreed          INTEGER NOT NULL DEFAULT 0 CHECK (agreed IN (0, 1)),
    PRIMARY KEY (conversation_id, job_id)
) STRICT;

CREATE TABLE applications (
    id         INTEGER PRIMARY KEY,
    citizen_id INTEGER NOT NULL REFERENCES citizens (id) ON DELETE CASCADE,
    job_id     INTEGER REFERENCES jobs (id) ON DELETE SET NULL,
    text       TEXT NOT NULL DEFAULT '' CHECK (length(text) <= 500),
    applied_on TEXT NOT NULL DEFAULT '',
    status     TEXT NOT NULL CHECK (status IN ('agreed', 'applied', 'interview', 'rejected', 'hired')),
    agreed_in  INTEGER REFERENCES conversations (id) ON DELETE SET NULL,
    created_at TEXT NOT NULL
) STRICT;

CREATE INDEX applications_citizen ON applications (citizen_id, applied_on);
CREATE INDEX job_goals_code ON job_goals (code);
