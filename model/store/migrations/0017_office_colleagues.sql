-- 0017: colleagues and cover in the window (issue 26). What the last pull
-- brought of the office's roster and of the covers this caseworker holds,
-- so that the window names colleagues and says "Du dækker for AL til 12-12"
-- offline too. Both are replaced whole by every pull.

-- The office's roster: every caseworker, lead or not.
CREATE TABLE office_staff (
    initials TEXT PRIMARY KEY,
    name     TEXT NOT NULL,
    lead     INTEGER NOT NULL DEFAULT 0 CHECK (lead IN (0, 1))
) STRICT;

-- The cases this laptop's caseworker covers for an absent colleague: to and
-- including until (YYYY-MM-DD), why, and which lead granted it.
CREATE TABLE office_cover (
    citizen_gid TEXT PRIMARY KEY,
    until       TEXT NOT NULL,
    reason      TEXT NOT NULL,
    granted_by  TEXT NOT NULL
) STRICT;
