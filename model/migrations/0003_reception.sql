-- 0003: the reception plan ticked per citizen, the benefit office in step,
-- the youth flag, and indexes for the Today view.
CREATE INDEX conversations_start ON conversations (start);
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
