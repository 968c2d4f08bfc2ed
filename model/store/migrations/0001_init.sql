-- 0001: citizens, progress on guide actions, append-only audit trail, settings.
CREATE TABLE citizens (
    id            INTEGER PRIMARY KEY,
    name          TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    name_key      TEXT NOT NULL, -- lower-cased name for search (SQLite folds ASCII only)
    cpr           TEXT NOT NULL DEFAULT '' CHECK (cpr = '' OR length(cpr) = 10),
    phone         TEXT NOT NULL DEFAULT '',
    email         TEXT NOT NULL DEFAULT '',
    benefit       TEXT NOT NULL CHECK (benefit IN ('dagpenge', 'kontanthjaelp', 'uddannelseshjaelp', 'other')),
    education     TEXT NOT NULL CHECK (education IN ('unskilled', 'skilled', 'higher')),
    first_contact TEXT NOT NULL,
    status        TEXT NOT NULL CHECK (status IN ('active', 'in_job', 'in_education', 'closed')),
    track         TEXT NOT NULL DEFAULT '' CHECK (track IN ('', 'intensive', 'education', 'longterm')),
    notes         TEXT NOT NULL DEFAULT '' CHECK (length(notes) <= 5000),
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL
) STRICT;

CREATE UNIQUE INDEX citizens_cpr ON citizens (cpr) WHERE cpr <> '';
CREATE INDEX citizens_name ON citizens (name_key);

CREATE TABLE progress (
    citizen_id INTEGER NOT NULL REFERENCES citizens (id) ON DELETE CASCADE,
    action_id  TEXT NOT NULL,
    done       INTEGER NOT NULL DEFAULT 0 CHECK (done IN (0, 1)),
    done_on    TEXT NOT NULL DEFAULT '',
    note       TEXT NOT NULL DEFAULT '' CHECK (length(note) <= 2000),
    by_user    TEXT NOT NULL DEFAULT '',
    updated_at TEXT NOT NULL,
    PRIMARY KEY (citizen_id, action_id)
) STRICT;

-- The audit trail has no foreign key: it must outlive the records it speaks of.
CREATE TABLE audit (
    id         INTEGER PRIMARY KEY,
    at         TEXT NOT NULL,
    user_name  TEXT NOT NULL,
    action     TEXT NOT NULL,
    citizen_id INTEGER,
    detail     TEXT NOT NULL DEFAULT ''
) STRICT;

CREATE INDEX audit_citizen ON audit (citizen_id, id);

CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
BEGIN
    SELECT RAISE(ABORT, 'audit rows are append-only');
END;

CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
BEGIN
    SELECT RAISE(ABORT, 'audit rows are append-only');
END;

CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;
