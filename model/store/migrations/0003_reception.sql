-- 0003: the reception plan ticked per citizen, the benefit office in step,
-- the youth flag, and indexes for the Today view.
-- Covering indexes: Today, the attendance charts and the compliance figure
-- read these without touching the table rows.
CREATE INDEX conversations_start ON conversations (start, attendance);
CREATE INDEX conversations_held ON conversations (citizen_id, attendance, start, kind);
CREATE INDEX citizens_first_contact ON citizens (first_contact);

CREATE TABLE reception_steps (
    citizen_id INTEGER NOT NULL REFERENCES citizens (id) ON DELETE CASCADE,
    step_id    TEXT NOT NULL,
    done_on    TEXT NOT NULL,
    by_user    TEXT NOT NULL,
    PRIMARY KEY (citizen_id, step_id)
) STRICT;

CREATE TABLE benefit_cases (
    citizen_id INTEGER PRIMARY KEY REFERENCES citizens (id) ON DELETE CASCADE,
    intends_on TEXT NOT NULL DEFAULT '',
    started_on TEXT NOT NULL DEFAULT '',
    settled_on TEXT NOT NULL DEFAULT '',
    documents  TEXT NOT NULL DEFAULT '' -- indexes of the checklist documents brought, e.g. "0,1,3"
) STRICT;

CREATE TABLE notices (
    id              INTEGER PRIMARY KEY,
    citizen_id      INTEGER NOT NULL REFERENCES citizens (id) ON DELETE CASCADE,
    direction       TEXT NOT NULL CHECK (direction IN ('to_benefit', 'from_benefit')),
    text            TEXT NOT NULL CHECK (length(text) BETWEEN 1 AND 500),
    created_at      TEXT NOT NULL,
    created_by      TEXT NOT NULL,
    acknowledged_at TEXT NOT NULL DEFAULT '',
    acknowledged_by TEXT NOT NULL DEFAULT ''
) STRICT;

CREATE INDEX notices_open ON notices (acknowledged_at, created_at);

CREATE TABLE youth_flags (
    citizen_id  INTEGER PRIMARY KEY REFERENCES citizens (id) ON DELETE CASCADE,
    flagged_on  TEXT NOT NULL,
    referred_on TEXT NOT NULL DEFAULT ''
) STRICT;

-- Conversations per hour and attendance, kept by triggers in the same
-- transaction as each change, so the attendance charts read a few thousand
-- rows instead of every conversation.
CREATE TABLE attendance_hours (
    hour       TEXT NOT NULL, -- 2006-01-02T15 (local wall time)
    attendance TEXT NOT NULL,
    n          INTEGER NOT NULL,
    PRIMARY KEY (hour, attendance)
) STRICT, WITHOUT ROWID;

INSERT INTO attendance_hours (hour, attendance, n)
SELECT substr(start, 1, 13), attendance, count(*) FROM conversations GROUP BY 1, 2;

CREATE TRIGGER attendance_hours_insert AFTER INSERT ON conversations
BEGIN
    INSERT INTO attendance_hours (hour, attendance, n) VALUES (substr(NEW.start, 1, 13), NEW.attendance, 1)
    ON CONFLICT (hour, attendance) DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER attendance_hours_delete AFTER DELETE ON conversations
BEGIN
    UPDATE attendance_hours SET n = n - 1 WHERE hour = substr(OLD.start, 1, 13) AND attendance = OLD.attendance;
END;

CREATE TRIGGER attendance_hours_update AFTER UPDATE OF start, attendance ON conversations
BEGIN
    UPDATE attendance_hours SET n = n - 1 WHERE hour = substr(OLD.start, 1, 13) AND attendance = OLD.attendance;
    INSERT INTO attendance_hours (hour, attendance, n) VALUES (substr(NEW.start, 1, 13), NEW.attendance, 1)
    ON CONFLICT (hour, attendance) DO UPDATE SET n = n + 1;
END;
