-- 0013: the office (issue 24). Every table that syncs gets a global id
-- (gid, a UUIDv7 text) beside its rowid; rowids stay the local keys, so every
-- query stays as it is. Existing rows are given one by this migration (in
-- Go, see backfillGids); a row written later gets its gid in the first
-- transaction that records it for the office (sync.go), so a laptop without
-- an office pays nothing.
--
-- The outbox is written in the same transaction as the change: the triggers
-- below note which rows a transaction touched (only while an office is
-- configured: sync_state.active), and Store.inTx turns those notes into
-- outbox operations before it commits. No write path can forget it.

ALTER TABLE citizens ADD COLUMN gid TEXT;
CREATE UNIQUE INDEX citizens_gid ON citizens (gid);

ALTER TABLE progress ADD COLUMN gid TEXT;
CREATE UNIQUE INDEX progress_gid ON progress (gid);

ALTER TABLE conversations ADD COLUMN gid TEXT;
CREATE UNIQUE INDEX conversations_gid ON conversations (gid);

ALTER TABLE job_goals ADD COLUMN gid TEXT;
CREATE UNIQUE INDEX job_goals_gid ON job_goals (gid);

ALTER TABLE openings ADD COLUMN gid TEXT;
CREATE UNIQUE INDEX openings_gid ON openings (gid);

ALTER TABLE track_changes ADD COLUMN gid TEXT;
CREATE UNIQUE INDEX track_changes_gid ON track_changes (gid);

ALTER TABLE upskillings ADD COLUMN gid TEXT;
CREATE UNIQUE INDEX upskillings_gid ON upskillings (gid);

ALTER TABLE educations ADD COLUMN gid TEXT;
CREATE UNIQUE INDEX educations_gid ON educations (gid);

ALTER TABLE company_efforts ADD COLUMN gid TEXT;
CREATE UNIQUE INDEX company_efforts_gid ON company_efforts (gid);

ALTER TABLE temp_agencies ADD COLUMN gid TEXT;
CREATE UNIQUE INDEX temp_agencies_gid ON temp_agencies (gid);

ALTER TABLE reception_steps ADD COLUMN gid TEXT;
CREATE UNIQUE INDEX reception_steps_gid ON reception_steps (gid);

ALTER TABLE benefit_cases ADD COLUMN gid TEXT;
CREATE UNIQUE INDEX benefit_cases_gid ON benefit_cases (gid);

ALTER TABLE notices ADD COLUMN gid TEXT;
CREATE UNIQUE INDEX notices_gid ON notices (gid);

ALTER TABLE youth_flags ADD COLUMN gid TEXT;
CREATE UNIQUE INDEX youth_flags_gid ON youth_flags (gid);

ALTER TABLE case_closings ADD COLUMN gid TEXT;
CREATE UNIQUE INDEX case_closings_gid ON case_closings (gid);

ALTER TABLE applications ADD COLUMN gid TEXT;
CREATE UNIQUE INDEX applications_gid ON applications (gid);

ALTER TABLE conversation_jobs ADD COLUMN gid TEXT;
CREATE UNIQUE INDEX conversation_jobs_gid ON conversation_jobs (gid);

ALTER TABLE jobs ADD COLUMN gid TEXT;
CREATE UNIQUE INDEX jobs_gid ON jobs (gid);

ALTER TABLE prospect_editions ADD COLUMN gid TEXT;
CREATE UNIQUE INDEX prospect_editions_gid ON prospect_editions (gid);

ALTER TABLE prospects ADD COLUMN gid TEXT;
CREATE UNIQUE INDEX prospects_gid ON prospects (gid);

ALTER TABLE caseworkers ADD COLUMN gid TEXT;
CREATE UNIQUE INDEX caseworkers_gid ON caseworkers (gid);


-- One row: is this laptop in an office, which, who, and how far it has pulled.
CREATE TABLE sync_state (
    id         INTEGER PRIMARY KEY CHECK (id = 1),
    active     INTEGER NOT NULL DEFAULT 0 CHECK (active IN (0, 1)),
    server     TEXT NOT NULL DEFAULT '',
    initials   TEXT NOT NULL DEFAULT '',
    device     TEXT NOT NULL DEFAULT '',
    since      INTEGER NOT NULL DEFAULT 0, -- the server's change sequence pulled up to
    last_sync  TEXT NOT NULL DEFAULT '',
    last_error TEXT NOT NULL DEFAULT '',
    history_sent INTEGER NOT NULL DEFAULT 0 CHECK (history_sent IN (0, 1)) -- the bulk upload at join is done
) STRICT;
INSERT INTO sync_state (id) VALUES (1);

-- Rows touched by the open transaction (emptied by Store.inTx before commit).
CREATE TABLE sync_changes (
    n   INTEGER PRIMARY KEY,
    tbl TEXT NOT NULL,
    rid INTEGER NOT NULL,
    gid TEXT,
    op  TEXT NOT NULL CHECK (op IN ('insert', 'update', 'delete'))
) STRICT;

-- Operations not yet at the office, in the order they were made.
CREATE TABLE outbox (
    n          INTEGER PRIMARY KEY AUTOINCREMENT,
    op_id      TEXT NOT NULL UNIQUE,
    tbl        TEXT NOT NULL,
    gid        TEXT NOT NULL,
    payload    TEXT NOT NULL, -- JSON, see syncOp
    created_at TEXT NOT NULL
) STRICT;

-- Per synced record: the server version this laptop's copy is based on and
-- its last operation (a later edit is chained to it while it is unsent).
CREATE TABLE sync_record (
    gid         TEXT PRIMARY KEY,
    tbl         TEXT NOT NULL,
    citizen_gid TEXT NOT NULL DEFAULT '',
    version     INTEGER NOT NULL DEFAULT 0,
    last_op     TEXT NOT NULL DEFAULT ''
) STRICT;

-- The free texts as the office has them: notes are append-only rows there;
-- here the column holds the newest version. hash tells a local edit apart.
CREATE TABLE sync_note (
    parent_gid TEXT NOT NULL,
    field      TEXT NOT NULL,
    note_gid   TEXT NOT NULL,
    hash       TEXT NOT NULL,
    PRIMARY KEY (parent_gid, field)
) STRICT;

-- Records to fetch whole at the next pull: those a push left in conflict
-- or refused, and those a pull skipped while they had unsent changes.
CREATE TABLE sync_refresh (
    gid TEXT PRIMARY KEY,
    tbl TEXT NOT NULL
) STRICT;

-- Conflicts and refusals for a person to see: both texts kept.
CREATE TABLE sync_conflict (
    op_id          TEXT PRIMARY KEY,
    citizen_gid    TEXT NOT NULL DEFAULT '',
    tbl            TEXT NOT NULL,
    record_gid     TEXT NOT NULL,
    field          TEXT NOT NULL,
    outcome        TEXT NOT NULL CHECK (outcome IN ('conflict', 'rejected')),
    mine           TEXT NOT NULL,
    theirs         TEXT NOT NULL,
    author         TEXT NOT NULL DEFAULT '',
    resolution     TEXT NOT NULL DEFAULT ''
) STRICT;

CREATE TRIGGER citizens_sync_i AFTER INSERT ON citizens WHEN (SELECT active FROM sync_state)
BEGIN
    INSERT INTO sync_changes (tbl, rid, gid, op) VALUES ('citizens', NEW.rowid, NEW.gid, 'insert');
END;

CREATE TRIGGER citizens_sync_u AFTER UPDATE ON citizens WHEN (SELECT active FROM sync_state)
BEGIN
    INSERT INTO sync_changes (tbl, rid, gid, op) VALUES ('citizens', NEW.rowid, NEW.gid, 'update');
END;

CREATE TRIGGER citizens_sync_d AFTER DELETE ON citizens WHEN (SELECT active FROM sync_state)
BEGIN
    INSERT INTO sync_changes (tbl, rid, gid, op) VALUES ('citizens', OLD.rowid, OLD.gid, 'delete');
END;

CREATE TRIGGER progress_sync_i AFTER INSERT ON progress WHEN (SELECT active FROM sync_state)
BEGIN
    INSERT INTO sync_changes (tbl, rid, gid, op) VALUES ('progress', NEW.rowid, NEW.gid, 'insert');
END;

CREATE TRIGGER progress_sync_u AFTER UPDATE ON progress WHEN (SELECT active FROM sync_state)
BEGIN
    INSERT INTO sync_changes (tbl, rid, gid, op) VALUES ('progress', NEW.rowid, NEW.gid, 'update');
END;

CREATE TRIGGER progress_sync_d AFTER DELETE ON progress WHEN (SELECT active FROM sync_state)
BEGIN
    INSERT INTO sync_changes (tbl, rid, gid, op) VALUES ('progress', OLD.rowid, OLD.gid, 'delete');
END;

CREATE TRIGGER conversations_sync_i AFTER INSERT ON conversations WHEN (SELECT active FROM sync_state)
BEGIN
    INSERT INTO sync_changes (tbl, rid, gid, op) VALUES ('conversations', NEW.rowid, NEW.gid, 'insert');
END;

CREATE TRIGGER conversations_sync_u AFTER UPDATE ON conversations WHEN (SELECT active FROM sync_state)
BEGIN
    INSERT INTO sync_changes (tbl, rid, gid, op) VALUES ('conversations', NEW.rowid, NEW.gid, 'update');
END;

CREATE TRIGGER conversations_sync_d AFTER DELETE ON conversations WHEN (SELECT active FROM sync_state)
BEGIN
    INSERT INTO sync_changes (tbl, rid, gid, op) VALUES ('conversations', OLD.rowid, OLD.gid, 'delete');
END;

CREATE TRIGGER job_goals_sync_i AFTER INSERT ON job_goals WHEN (SELECT active FROM sync_state)
BEGIN
    INSERT INTO sync_changes (tbl, rid, gid, op) VALUES ('job_goals', NEW.rowid, NEW.gid, 'insert');
END;

CREATE TRIGGER job_goals_sync_u AFTER UPDATE ON job_goals WHEN (SELECT active FROM sync_state)
BEGIN
    INSERT INTO sync_changes (tbl, rid, gid, op) VALUES ('job_goals', NEW.rowid, NEW.gid, 'update');
END;

CREATE TRIGGER job_goals_sync_d AFTER DELETE ON job_goals WHEN (SELECT active FROM sync_state)
BEGIN
    INSERT INTO sync_changes (tbl, rid, gid, op) VALUES ('job_goals', OLD.rowid, OLD.gid, 'delete');
END;

CREATE TRIGGER openings_sync_i AFTER INSERT ON openings WHEN (SELECT active FROM sync_state)
BEGIN
    INSERT INTO sync_changes (tbl, rid, gid, op) VALUES ('openings', NEW.rowid, NEW.gid, 'insert');
END;

CREATE TRIGGER openings_sync_u AFTER UPDATE ON openings WHEN (SELECT active FROM sync_state)
BEGIN
    INSERT INTO sync_changes (tbl, rid, gid, op) VALUES ('openings', NEW.rowid, NEW.gid, 'update');
END;

CREATE TRIGGER openings_sync_d AFTER DELETE ON openings WHEN (SELECT active FROM sync_state)
BEGIN
    INSERT INTO sync_changes (tbl, rid, gid, op) VALUES ('openings', OLD.rowid, OLD.gid, 'delete');
END;

CREATE TRIGGER track_changes_sync_i AFTER INSERT ON track_changes WHEN (SELECT active FROM sync_state)
BEGIN
    INSERT INTO sync_changes (tbl, rid, gid, op) VALUES ('track_changes', NEW.rowid, NEW.gid, 'insert');
END;

CREATE TRIGGER track_changes_sync_u AFTER UPDATE ON track_changes WHEN (SELECT active FROM sync_state)
BEGIN
    INSERT INTO sync_changes (tbl, rid, gid, op) VALUES ('track_changes', NEW.rowid, NEW.gid, 'update');
END;

CREATE TRIGGER track_changes_sync_d AFTER DELETE ON track_changes WHEN (SELECT active FROM sync_state)
BEGIN
    INSERT INTO sync_changes (tbl, rid, gid, op) VALUES ('track_changes', OLD.rowid, OLD.gid, 'delete');
END;

CREATE TRIGGER upskillings_sync_i AFTER INSERT ON upskillings WHEN (SELECT active FROM sync_state)
BEGIN
    INSERT INTO sync_changes (tbl, rid, gid, op) VALUES ('upskillings', NEW.rowid, NEW.gid, 'insert');
END;

CREATE TRIGGER upskillings_sync_u AFTER UPDATE ON upskillings WHEN (SELECT active FROM sync_state)
BEGIN
    INSERT INTO sync_changes (tbl, rid, gid, op) VALUES ('upskillings', NEW.rowid, NEW.gid, 'update');
END;

CREATE TRIGGER upskillings_sync_d AFTER DELETE ON upskillings WHEN (SELECT active FROM sync_state)
BEGIN
    INSERT INTO sync_changes (tbl, rid, gid, op) VALUES ('upskillings', OLD.rowid, OLD.gid, 'delete');
END;

CREATE TRIGGER educations_sync_i AFTER INSERT ON educations WHEN (SELECT active FROM sync_state)
BEGIN
    INSERT INTO sync_changes (tbl, rid, gid, op) VALUES ('educations', NEW.rowid, NEW.gid, 'insert');
END;

CREATE TRIGGER educations_sync_u AFTER UPDATE ON educations WHEN (SELECT active FROM sync_state)
BEGIN
    INSERT INTO sync_changes (tbl, rid, gid, op) VALUES ('educations', NEW.rowid, NEW.gid, 'update');
END;

CREATE TRIGGER educations_sync_d AFTER DELETE ON educations WHEN (SELECT active FROM sync_state)
BEGIN
    INSERT INTO sync_changes (tbl, rid, gid, op) VALUES ('educations', OLD.rowid, OLD.gid, 'delete');
END;

CREATE TRIGGER company_efforts_sync_i AFTER INSERT ON company_efforts WHEN (SELECT active FROM sync_state)
BEGIN
    INSERT INTO sync_changes (tbl, rid, gid, op) VALUES ('company_efforts', NEW.rowid, NEW.gid, 'insert');
END;

CREATE TRIGGER company_efforts_sync_u AFTER UPDATE ON company_efforts WHEN (SELECT active FROM sync_state)
BEGIN
    INSERT INTO sync_changes (tbl, rid, gid, op) VALUES ('company_efforts', NEW.rowid, NEW.gid, 'update');
END;

CREATE TRIGGER company_efforts_sync_d AFTER DELETE ON company_efforts WHEN (SELECT active FROM sync_state)
BEGIN
    INSERT INTO sync_changes (tbl, rid, gid, op) VALUES ('company_efforts', OLD.rowid, OLD.gid, 'delete');
END;

CREATE TRIGGER temp_agencies_sync_i AFTER INSERT ON temp_agencies WHEN (SELECT active FROM sync_state)
BEGIN
    INSERT INTO sync_changes (tbl, rid, gid, op) VALUES ('temp_agencies', NEW.rowid, NEW.gid, 'insert');
END;

CREATE TRIGGER temp_agencies_sync_u AFTER UPDATE ON temp_agencies WHEN (SELECT active FROM sync_state)
BEGIN
    INSERT INTO sync_changes (tbl, rid, gid, op) VALUES ('temp_agencies', NEW.rowid, NEW.gid, 'update');
END;

CREATE TRIGGER temp_agencies_sync_d AFTER DELETE ON temp_agencies WHEN (SELECT active FROM sync_state)
BEGIN
    INSERT INTO sync_changes (tbl, rid, gid, op) VALUES ('temp_agencies', OLD.rowid, OLD.gid, 'delete');
END;

CREATE TRIGGER reception_steps_sync_i AFTER INSERT ON reception_steps WHEN (SELECT active FROM sync_state)
BEGIN
    INSERT INTO sync_changes (tbl, rid, gid, op) VALUES ('reception_steps', NEW.rowid, NEW.gid, 'insert');
END;

CREATE TRIGGER reception_steps_sync_u AFTER UPDATE ON reception_steps WHEN (SELECT active FROM sync_state)
BEGIN
    INSERT INTO sync_changes (tbl, rid, gid, op) VALUES ('reception_steps', NEW.rowid, NEW.gid, 'update');
END;

CREATE TRIGGER reception_steps_sync_d AFTER DELETE ON reception_steps WHEN (SELECT active FROM sync_state)
BEGIN
    INSERT INTO sync_changes (tbl, rid, gid, op) VALUES ('reception_steps', OLD.rowid, OLD.gid, 'delete');
END;

CREATE TRIGGER benefit_cases_sync_i AFTER INSERT ON benefit_cases WHEN (SELECT active FROM sync_state)
BEGIN
    INSERT INTO sync_changes (tbl, rid, gid, op) VALUES ('benefit_cases', NEW.rowid, NEW.gid, 'insert');
END;

CREATE TRIGGER benefit_cases_sync_u AFTER UPDATE ON benefit_cases WHEN (SELECT active FROM sync_state)
BEGIN
    INSERT INTO sync_changes (tbl, rid, gid, op) VALUES ('benefit_cases', NEW.rowid, NEW.gid, 'update');
END;

CREATE TRIGGER benefit_cases_sync_d AFTER DELETE ON benefit_cases WHEN (SELECT active FROM sync_state)
BEGIN
    INSERT INTO sync_changes (tbl, rid, gid, op) VALUES ('benefit_cases', OLD.rowid, OLD.gid, 'delete');
END;

CREATE TRIGGER notices_sync_i AFTER INSERT ON notices WHEN (SELECT active FROM sync_state)
BEGIN
    INSERT INTO sync_changes (tbl, rid, gid, op) VALUES ('notices', NEW.rowid, NEW.gid, 'insert');
END;

CREATE TRIGGER notices_sync_u AFTER UPDATE ON notices WHEN (SELECT active FROM sync_state)
BEGIN
    INSERT INTO sync_changes (tbl, rid, gid, op) VALUES ('notices', NEW.rowid, NEW.gid, 'update');
END;

CREATE TRIGGER notices_sync_d AFTER DELETE ON notices WHEN (SELECT active FROM sync_state)
BEGIN
    INSERT INTO sync_changes (tbl, rid, gid, op) VALUES ('notices', OLD.rowid, OLD.gid, 'delete');
END;

CREATE TRIGGER youth_flags_sync_i AFTER INSERT ON youth_flags WHEN (SELECT active FROM sync_state)
BEGIN
    INSERT INTO sync_changes (tbl, rid, gid, op) VALUES ('youth_flags', NEW.rowid, NEW.gid, 'insert');
END;

CREATE TRIGGER youth_flags_sync_u AFTER UPDATE ON youth_flags WHEN (SELECT active FROM sync_state)
BEGIN
    INSERT INTO sync_changes (tbl, rid, gid, op) VALUES ('youth_flags', NEW.rowid, NEW.gid, 'update');
END;

CREATE TRIGGER youth_flags_sync_d AFTER DELETE ON youth_flags WHEN (SELECT active FROM sync_state)
BEGIN
    INSERT INTO sync_changes (tbl, rid, gid, op) VALUES ('youth_flags', OLD.rowid, OLD.gid, 'delete');
END;

CREATE TRIGGER case_closings_sync_i AFTER INSERT ON case_closings WHEN (SELECT active FROM sync_state)
BEGIN
    INSERT INTO sync_changes (tbl, rid, gid, op) VALUES ('case_closings', NEW.rowid, NEW.gid, 'insert');
END;

CREATE TRIGGER case_closings_sync_u AFTER UPDATE ON case_closings WHEN (SELECT active FROM sync_state)
BEGIN
    INSERT INTO sync_changes (tbl, rid, gid, op) VALUES ('case_closings', NEW.rowid, NEW.gid, 'update');
END;

CREATE TRIGGER case_closings_sync_d AFTER DELETE ON case_closings WHEN (SELECT active FROM sync_state)
BEGIN
    INSERT INTO sync_changes (tbl, rid, gid, op) VALUES ('case_closings', OLD.rowid, OLD.gid, 'delete');
END;

CREATE TRIGGER applications_sync_i AFTER INSERT ON applications WHEN (SELECT active FROM sync_state)
BEGIN
    INSERT INTO sync_changes (tbl, rid, gid, op) VALUES ('applications', NEW.rowid, NEW.gid, 'insert');
END;

CREATE TRIGGER applications_sync_u AFTER UPDATE ON applications WHEN (SELECT active FROM sync_state)
BEGIN
    INSERT INTO sync_changes (tbl, rid, gid, op) VALUES ('applications', NEW.rowid, NEW.gid, 'update');
END;

CREATE TRIGGER applications_sync_d AFTER DELETE ON applications WHEN (SELECT active FROM sync_state)
BEGIN
    INSERT INTO sync_changes (tbl, rid, gid, op) VALUES ('applications', OLD.rowid, OLD.gid, 'delete');
END;

CREATE TRIGGER conversation_jobs_sync_i AFTER INSERT ON conversation_jobs WHEN (SELECT active FROM sync_state)
BEGIN
    INSERT INTO sync_changes (tbl, rid, gid, op) VALUES ('conversation_jobs', NEW.rowid, NEW.gid, 'insert');
END;

CREATE TRIGGER conversation_jobs_sync_u AFTER UPDATE ON conversation_jobs WHEN (SELECT active FROM sync_state)
BEGIN
    INSERT INTO sync_changes (tbl, rid, gid, op) VALUES ('conversation_jobs', NEW.rowid, NEW.gid, 'update');
END;

CREATE TRIGGER conversation_jobs_sync_d AFTER DELETE ON conversation_jobs WHEN (SELECT active FROM sync_state)
BEGIN
    INSERT INTO sync_changes (tbl, rid, gid, op) VALUES ('conversation_jobs', OLD.rowid, OLD.gid, 'delete');
END;

CREATE TRIGGER jobs_sync_i AFTER INSERT ON jobs WHEN (SELECT active FROM sync_state)
BEGIN
    INSERT INTO sync_changes (tbl, rid, gid, op) VALUES ('jobs', NEW.rowid, NEW.gid, 'insert');
END;

CREATE TRIGGER jobs_sync_u AFTER UPDATE ON jobs WHEN (SELECT active FROM sync_state)
BEGIN
    INSERT INTO sync_changes (tbl, rid, gid, op) VALUES ('jobs', NEW.rowid, NEW.gid, 'update');
END;

CREATE TRIGGER jobs_sync_d AFTER DELETE ON jobs WHEN (SELECT active FROM sync_state)
BEGIN
    INSERT INTO sync_changes (tbl, rid, gid, op) VALUES ('jobs', OLD.rowid, OLD.gid, 'delete');
END;

CREATE TRIGGER prospect_editions_sync_i AFTER INSERT ON prospect_editions WHEN (SELECT active FROM sync_state)
BEGIN
    INSERT INTO sync_changes (tbl, rid, gid, op) VALUES ('prospect_editions', NEW.rowid, NEW.gid, 'insert');
END;

CREATE TRIGGER prospect_editions_sync_u AFTER UPDATE ON prospect_editions WHEN (SELECT active FROM sync_state)
BEGIN
    INSERT INTO sync_changes (tbl, rid, gid, op) VALUES ('prospect_editions', NEW.rowid, NEW.gid, 'update');
END;

CREATE TRIGGER prospect_editions_sync_d AFTER DELETE ON prospect_editions WHEN (SELECT active FROM sync_state)
BEGIN
    INSERT INTO sync_changes (tbl, rid, gid, op) VALUES ('prospect_editions', OLD.rowid, OLD.gid, 'delete');
END;

CREATE TRIGGER prospects_sync_i AFTER INSERT ON prospects WHEN (SELECT active FROM sync_state)
BEGIN
    INSERT INTO sync_changes (tbl, rid, gid, op) VALUES ('prospects', NEW.rowid, NEW.gid, 'insert');
END;

CREATE TRIGGER prospects_sync_u AFTER UPDATE ON prospects WHEN (SELECT active FROM sync_state)
BEGIN
    INSERT INTO sync_changes (tbl, rid, gid, op) VALUES ('prospects', NEW.rowid, NEW.gid, 'update');
END;

CREATE TRIGGER prospects_sync_d AFTER DELETE ON prospects WHEN (SELECT active FROM sync_state)
BEGIN
    INSERT INTO sync_changes (tbl, rid, gid, op) VALUES ('prospects', OLD.rowid, OLD.gid, 'delete');
END;

CREATE TRIGGER caseworkers_sync_i AFTER INSERT ON caseworkers WHEN (SELECT active FROM sync_state)
BEGIN
    INSERT INTO sync_changes (tbl, rid, gid, op) VALUES ('caseworkers', NEW.rowid, NEW.gid, 'insert');
END;

CREATE TRIGGER caseworkers_sync_u AFTER UPDATE ON caseworkers WHEN (SELECT active FROM sync_state)
BEGIN
    INSERT INTO sync_changes (tbl, rid, gid, op) VALUES ('caseworkers', NEW.rowid, NEW.gid, 'update');
END;

CREATE TRIGGER caseworkers_sync_d AFTER DELETE ON caseworkers WHEN (SELECT active FROM sync_state)
BEGIN
    INSERT INTO sync_changes (tbl, rid, gid, op) VALUES ('caseworkers', OLD.rowid, OLD.gid, 'delete');
END;
