-- Jobspor's office schema on PostgreSQL (issue 24, OFFICE.md), part 1: the
-- records. Every synced row: gid (the laptop's UUIDv7), version (mutable
-- rows), change_seq and updated_by stamped by trigger, deleted (soft
-- deletes travel like any change). Case rows carry citizen_gid, which
-- row-level security keys on. Free texts are not columns here: they are
-- append-only rows of note. CPR numbers only as cpr_ct (AES-256-GCM) and
-- cpr_mac (HMAC-SHA256, unique) under the office key, made on the laptop.
-- Generated once from the laptop's schema; TestServerSchemaHasEveryLocalColumn
-- keeps the two in step. Runs as the owner role (see office.Init).

CREATE SEQUENCE change_seq;

-- The roster: one row per caseworker, their database role, lead or not.
CREATE TABLE staff (
    initials   text PRIMARY KEY CHECK (initials ~ '^[A-ZÆØÅ0-9]{1,8}$'),
    name       text NOT NULL,
    role_name  name NOT NULL UNIQUE,
    is_lead    boolean NOT NULL DEFAULT false,
    age_recipient text NOT NULL DEFAULT '', -- the caseworker's age X25519 public key
    wrapped_key   bytea,                    -- the office key, age-encrypted to that recipient
    last_sync  timestamptz
);

-- Office settings (lead-only writes). lead_reads_cases: whether a lead may
-- open every case, the office's data protection decision, off by default.
CREATE TABLE office_setting (
    key   text PRIMARY KEY,
    value text NOT NULL
);
INSERT INTO office_setting VALUES ('lead_reads_cases', 'off');

CREATE TABLE citizens (
    gid        uuid PRIMARY KEY,
    citizen_gid uuid GENERATED ALWAYS AS (gid) STORED,
    name text NOT NULL,
    cpr_ct bytea,
    cpr_mac bytea,
    phone text NOT NULL,
    email text NOT NULL,
    benefit text NOT NULL,
    education text NOT NULL,
    first_contact text NOT NULL,
    status text NOT NULL,
    track text NOT NULL,
    created_at text NOT NULL,
    postcode text NOT NULL,
    reach text NOT NULL,
    unemployed_since text NOT NULL,
    transferred_on text NOT NULL,
    birth_date text NOT NULL,
    caseworker text NOT NULL REFERENCES staff (initials),
    version    bigint NOT NULL DEFAULT 1,
    change_seq bigint NOT NULL DEFAULT 0,
    updated_by text NOT NULL DEFAULT '',
    deleted    boolean NOT NULL DEFAULT false
);
CREATE INDEX citizens_seq ON citizens (change_seq);
CREATE TABLE progress (
    gid        uuid PRIMARY KEY,
    citizen_gid uuid NOT NULL REFERENCES citizens (gid),
    action_id text NOT NULL,
    done bigint NOT NULL,
    done_on text NOT NULL,
    by_user text NOT NULL,
    version    bigint NOT NULL DEFAULT 1,
    change_seq bigint NOT NULL DEFAULT 0,
    updated_by text NOT NULL DEFAULT '',
    deleted    boolean NOT NULL DEFAULT false
);
CREATE INDEX progress_seq ON progress (change_seq);
CREATE INDEX progress_citizen ON progress (citizen_gid);
CREATE TABLE conversations (
    gid        uuid PRIMARY KEY,
    citizen_gid uuid NOT NULL REFERENCES citizens (gid),
    start text NOT NULL,
    "end" text NOT NULL,
    kind text NOT NULL,
    form text NOT NULL,
    attendance text NOT NULL,
    created_at text NOT NULL,
    version    bigint NOT NULL DEFAULT 1,
    change_seq bigint NOT NULL DEFAULT 0,
    updated_by text NOT NULL DEFAULT '',
    deleted    boolean NOT NULL DEFAULT false
);
CREATE INDEX conversations_seq ON conversations (change_seq);
CREATE INDEX conversations_citizen ON conversations (citizen_gid);
CREATE TABLE job_goals (
    gid        uuid PRIMARY KEY,
    citizen_gid uuid NOT NULL REFERENCES citizens (gid),
    title text NOT NULL,
    horizon text NOT NULL,
    created_at text NOT NULL,
    code text NOT NULL,
    version    bigint NOT NULL DEFAULT 1,
    change_seq bigint NOT NULL DEFAULT 0,
    updated_by text NOT NULL DEFAULT '',
    deleted    boolean NOT NULL DEFAULT false
);
CREATE INDEX job_goals_seq ON job_goals (change_seq);
CREATE INDEX job_goals_citizen ON job_goals (citizen_gid);
CREATE TABLE openings (
    gid        uuid PRIMARY KEY,
    citizen_gid uuid NOT NULL REFERENCES citizens (gid),
    euv text NOT NULL,
    version    bigint NOT NULL DEFAULT 1,
    change_seq bigint NOT NULL DEFAULT 0,
    updated_by text NOT NULL DEFAULT '',
    deleted    boolean NOT NULL DEFAULT false
);
CREATE INDEX openings_seq ON openings (change_seq);
CREATE INDEX openings_citizen ON openings (citizen_gid);
CREATE TABLE track_changes (
    gid        uuid PRIMARY KEY,
    citizen_gid uuid NOT NULL REFERENCES citizens (gid),
    track text NOT NULL,
    on_date text NOT NULL,
    by_user text NOT NULL,
    created_at text NOT NULL,
    version    bigint NOT NULL DEFAULT 1,
    change_seq bigint NOT NULL DEFAULT 0,
    updated_by text NOT NULL DEFAULT '',
    deleted    boolean NOT NULL DEFAULT false
);
CREATE INDEX track_changes_seq ON track_changes (change_seq);
CREATE INDEX track_changes_citizen ON track_changes (citizen_gid);
CREATE TABLE upskillings (
    gid        uuid PRIMARY KEY,
    citizen_gid uuid NOT NULL REFERENCES citizens (gid),
    kind text NOT NULL,
    title text NOT NULL,
    status text NOT NULL,
    completed text NOT NULL,
    goals_updated bigint NOT NULL,
    cv_updated bigint NOT NULL,
    version    bigint NOT NULL DEFAULT 1,
    change_seq bigint NOT NULL DEFAULT 0,
    updated_by text NOT NULL DEFAULT '',
    deleted    boolean NOT NULL DEFAULT false
);
CREATE INDEX upskillings_seq ON upskillings (change_seq);
CREATE INDEX upskillings_citizen ON upskillings (citizen_gid);
CREATE TABLE educations (
    gid        uuid PRIMARY KEY,
    citizen_gid uuid NOT NULL REFERENCES citizens (gid),
    chosen text NOT NULL,
    prior_learning text NOT NULL,
    dyslexia_test text NOT NULL,
    enrolled bigint NOT NULL,
    start text NOT NULL,
    internship text NOT NULL,
    version    bigint NOT NULL DEFAULT 1,
    change_seq bigint NOT NULL DEFAULT 0,
    updated_by text NOT NULL DEFAULT '',
    deleted    boolean NOT NULL DEFAULT false
);
CREATE INDEX educations_seq ON educations (change_seq);
CREATE INDEX educations_citizen ON educations (citizen_gid);
CREATE TABLE company_efforts (
    gid        uuid PRIMARY KEY,
    citizen_gid uuid NOT NULL REFERENCES citizens (gid),
    kind text NOT NULL,
    company text NOT NULL,
    start text NOT NULL,
    "end" text NOT NULL,
    outcome text NOT NULL,
    joint_meeting text NOT NULL,
    version    bigint NOT NULL DEFAULT 1,
    change_seq bigint NOT NULL DEFAULT 0,
    updated_by text NOT NULL DEFAULT '',
    deleted    boolean NOT NULL DEFAULT false
);
CREATE INDEX company_efforts_seq ON company_efforts (change_seq);
CREATE INDEX company_efforts_citizen ON company_efforts (citizen_gid);
CREATE TABLE temp_agencies (
    gid        uuid PRIMARY KEY,
    citizen_gid uuid NOT NULL REFERENCES citizens (gid),
    agency text NOT NULL,
    registered text NOT NULL,
    version    bigint NOT NULL DEFAULT 1,
    change_seq bigint NOT NULL DEFAULT 0,
    updated_by text NOT NULL DEFAULT '',
    deleted    boolean NOT NULL DEFAULT false
);
CREATE INDEX temp_agencies_seq ON temp_agencies (change_seq);
CREATE INDEX temp_agencies_citizen ON temp_agencies (citizen_gid);
CREATE TABLE reception_steps (
    gid        uuid PRIMARY KEY,
    citizen_gid uuid NOT NULL REFERENCES citizens (gid),
    step_id text NOT NULL,
    done_on text NOT NULL,
    by_user text NOT NULL,
    version    bigint NOT NULL DEFAULT 1,
    change_seq bigint NOT NULL DEFAULT 0,
    updated_by text NOT NULL DEFAULT '',
    deleted    boolean NOT NULL DEFAULT false
);
CREATE INDEX reception_steps_seq ON reception_steps (change_seq);
CREATE INDEX reception_steps_citizen ON reception_steps (citizen_gid);
CREATE TABLE benefit_cases (
    gid        uuid PRIMARY KEY,
    citizen_gid uuid NOT NULL REFERENCES citizens (gid),
    intends_on text NOT NULL,
    started_on text NOT NULL,
    settled_on text NOT NULL,
    documents text NOT NULL,
    meeting_at text NOT NULL,
    meeting_place text NOT NULL,
    version    bigint NOT NULL DEFAULT 1,
    change_seq bigint NOT NULL DEFAULT 0,
    updated_by text NOT NULL DEFAULT '',
    deleted    boolean NOT NULL DEFAULT false
);
CREATE INDEX benefit_cases_seq ON benefit_cases (change_seq);
CREATE INDEX benefit_cases_citizen ON benefit_cases (citizen_gid);
CREATE TABLE notices (
    gid        uuid PRIMARY KEY,
    citizen_gid uuid NOT NULL REFERENCES citizens (gid),
    direction text NOT NULL,
    text text NOT NULL,
    created_at text NOT NULL,
    created_by text NOT NULL,
    acknowledged_at text NOT NULL,
    acknowledged_by text NOT NULL,
    sent_at text NOT NULL,
    sent_by text NOT NULL,
    sent_how text NOT NULL,
    version    bigint NOT NULL DEFAULT 1,
    change_seq bigint NOT NULL DEFAULT 0,
    updated_by text NOT NULL DEFAULT '',
    deleted    boolean NOT NULL DEFAULT false
);
CREATE INDEX notices_seq ON notices (change_seq);
CREATE INDEX notices_citizen ON notices (citizen_gid);
CREATE TABLE youth_flags (
    gid        uuid PRIMARY KEY,
    citizen_gid uuid NOT NULL REFERENCES citizens (gid),
    flagged_on text NOT NULL,
    referred_on text NOT NULL,
    version    bigint NOT NULL DEFAULT 1,
    change_seq bigint NOT NULL DEFAULT 0,
    updated_by text NOT NULL DEFAULT '',
    deleted    boolean NOT NULL DEFAULT false
);
CREATE INDEX youth_flags_seq ON youth_flags (change_seq);
CREATE INDEX youth_flags_citizen ON youth_flags (citizen_gid);
CREATE TABLE case_closings (
    gid        uuid PRIMARY KEY,
    citizen_gid uuid NOT NULL REFERENCES citizens (gid),
    closed_on text NOT NULL,
    reason text NOT NULL,
    employer text NOT NULL,
    job_start text NOT NULL,
    hours bigint NOT NULL,
    closed_by text NOT NULL,
    closed_at text NOT NULL,
    version    bigint NOT NULL DEFAULT 1,
    change_seq bigint NOT NULL DEFAULT 0,
    updated_by text NOT NULL DEFAULT '',
    deleted    boolean NOT NULL DEFAULT false
);
CREATE INDEX case_closings_seq ON case_closings (change_seq);
CREATE INDEX case_closings_citizen ON case_closings (citizen_gid);
CREATE TABLE applications (
    gid        uuid PRIMARY KEY,
    citizen_gid uuid NOT NULL REFERENCES citizens (gid),
    job_gid uuid,
    text text NOT NULL,
    applied_on text NOT NULL,
    status text NOT NULL,
    agreed_in_gid uuid,
    created_at text NOT NULL,
    version    bigint NOT NULL DEFAULT 1,
    change_seq bigint NOT NULL DEFAULT 0,
    updated_by text NOT NULL DEFAULT '',
    deleted    boolean NOT NULL DEFAULT false
);
CREATE INDEX applications_seq ON applications (change_seq);
CREATE INDEX applications_citizen ON applications (citizen_gid);
CREATE TABLE conversation_jobs (
    gid        uuid PRIMARY KEY,
    citizen_gid uuid NOT NULL REFERENCES citizens (gid),
    conversation_gid uuid,
    job_gid uuid,
    agreed bigint NOT NULL,
    version    bigint NOT NULL DEFAULT 1,
    change_seq bigint NOT NULL DEFAULT 0,
    updated_by text NOT NULL DEFAULT '',
    deleted    boolean NOT NULL DEFAULT false
);
CREATE INDEX conversation_jobs_seq ON conversation_jobs (change_seq);
CREATE INDEX conversation_jobs_citizen ON conversation_jobs (citizen_gid);
CREATE TABLE jobs (
    gid        uuid PRIMARY KEY,
    title text NOT NULL,
    code text NOT NULL,
    employer text NOT NULL,
    place text NOT NULL,
    deadline text NOT NULL,
    how_to_apply text NOT NULL,
    contact text NOT NULL,
    source text NOT NULL,
    added_on text NOT NULL,
    hot bigint NOT NULL,
    postcode text NOT NULL,
    version    bigint NOT NULL DEFAULT 1,
    change_seq bigint NOT NULL DEFAULT 0,
    updated_by text NOT NULL DEFAULT '',
    deleted    boolean NOT NULL DEFAULT false
);
CREATE INDEX jobs_seq ON jobs (change_seq);
CREATE TABLE prospect_editions (
    gid        uuid PRIMARY KEY,
    published text NOT NULL,
    imported_at text NOT NULL,
    source text NOT NULL,
    version    bigint NOT NULL DEFAULT 1,
    change_seq bigint NOT NULL DEFAULT 0,
    updated_by text NOT NULL DEFAULT '',
    deleted    boolean NOT NULL DEFAULT false
);
CREATE INDEX prospect_editions_seq ON prospect_editions (change_seq);
CREATE TABLE prospects (
    gid        uuid PRIMARY KEY,
    edition_gid uuid,
    region text NOT NULL,
    title text NOT NULL,
    code text NOT NULL,
    rating bigint NOT NULL,
    category text NOT NULL,
    version    bigint NOT NULL DEFAULT 1,
    change_seq bigint NOT NULL DEFAULT 0,
    updated_by text NOT NULL DEFAULT '',
    deleted    boolean NOT NULL DEFAULT false
);
CREATE INDEX prospects_seq ON prospects (change_seq);
CREATE TABLE caseworkers (
    gid        uuid PRIMARY KEY,
    initials text NOT NULL,
    name text NOT NULL,
    version    bigint NOT NULL DEFAULT 1,
    change_seq bigint NOT NULL DEFAULT 0,
    updated_by text NOT NULL DEFAULT '',
    deleted    boolean NOT NULL DEFAULT false
);
CREATE INDEX caseworkers_seq ON caseworkers (change_seq);
CREATE UNIQUE INDEX citizens_cpr_mac ON citizens (cpr_mac) WHERE cpr_mac IS NOT NULL AND NOT deleted;
CREATE INDEX citizens_caseworker ON citizens (caseworker);

-- Reference data the office shares (lead-only writes): postcodes and the
-- related titles the catalogue gained from imported editions.
CREATE TABLE postcodes (
    code text NOT NULL, municipality bigint NOT NULL, municipality_name text NOT NULL,
    region bigint NOT NULL, region_name text NOT NULL, town text NOT NULL,
    change_seq bigint NOT NULL DEFAULT 0,
    PRIMARY KEY (code, municipality)
);
CREATE TABLE related_titles (
    title text PRIMARY KEY, code text NOT NULL,
    change_seq bigint NOT NULL DEFAULT 0
);

-- Every free text: append-only. An edit is a new row that supersedes the
-- version it was based on; two edits of one version are both kept.
CREATE TABLE note (
    gid         uuid PRIMARY KEY,
    citizen_gid uuid NOT NULL REFERENCES citizens (gid),
    parent_kind text NOT NULL,   -- the record's table
    parent_gid  uuid NOT NULL,
    field       text NOT NULL,   -- which free text of the record
    supersedes  uuid REFERENCES note (gid),
    body        text NOT NULL,
    author      text NOT NULL,
    written_at  text NOT NULL DEFAULT '', -- as the laptop said (never used for order)
    late        boolean NOT NULL DEFAULT false, -- added after the author lost the case
    change_seq  bigint NOT NULL DEFAULT 0
);
CREATE INDEX note_seq ON note (change_seq);
CREATE INDEX note_citizen ON note (citizen_gid);
CREATE INDEX note_parent ON note (parent_gid, field);

-- Every accepted version of every record, written by trigger.
CREATE TABLE history (
    tbl         text NOT NULL,
    gid         uuid NOT NULL,
    version     bigint NOT NULL,
    citizen_gid uuid,
    data        jsonb NOT NULL,
    updated_by  text NOT NULL,
    change_seq  bigint NOT NULL,
    PRIMARY KEY (gid, version)
);
CREATE INDEX history_citizen ON history (citizen_gid);

-- Idempotence: one row per operation ever received, with its one outcome.
CREATE TABLE applied_op (
    op_id          uuid PRIMARY KEY,
    author         text NOT NULL,
    tbl            text NOT NULL DEFAULT '',
    record_gid     uuid,
    outcome        text NOT NULL CHECK (outcome IN ('pending', 'applied', 'conflict', 'rejected')),
    base_version   bigint,
    result_version bigint,
    received_at    timestamptz NOT NULL DEFAULT now()
);

-- Conflicts and refusals, both texts kept, until a person resolves them.
CREATE TABLE conflict (
    id             bigserial PRIMARY KEY,
    op_id          uuid NOT NULL,
    citizen_gid    uuid,
    tbl            text NOT NULL,
    record_gid     uuid,
    field          text NOT NULL,
    note_gid       uuid,            -- the note a refusal holds, if one
    outcome        text NOT NULL CHECK (outcome IN ('conflict', 'rejected')),
    base_version   bigint,
    server_version bigint,
    mine           text NOT NULL,
    theirs         text NOT NULL,
    author         text NOT NULL,
    resolution     text NOT NULL DEFAULT '' CHECK (resolution IN ('', 'theirs', 'mine', 'edited', 'dismissed')),
    resolved_by    text,
    resolved_at    timestamptz,
    change_seq     bigint NOT NULL DEFAULT 0,
    UNIQUE (op_id, field)
);
CREATE INDEX conflict_open ON conflict (citizen_gid) WHERE resolved_at IS NULL;

-- Who gained or lost a case when (moves, cover): the grant/revoke log.
CREATE TABLE visibility (
    seq         bigint PRIMARY KEY,
    citizen_gid uuid NOT NULL,
    initials    text NOT NULL,
    granted     boolean NOT NULL,
    at          timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX visibility_who ON visibility (initials, citizen_gid);

-- Cover for an absent colleague: granted by the lead until a date, with a reason.
CREATE TABLE cover (
    citizen_gid uuid NOT NULL REFERENCES citizens (gid),
    initials    text NOT NULL REFERENCES staff (initials),
    until       date NOT NULL,
    reason      text NOT NULL CHECK (length(reason) BETWEEN 1 AND 500),
    granted_by  text NOT NULL,
    granted_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (citizen_gid, initials)
);

-- The server's audit trail: append-only, each row sealed with the hash of
-- its content and the previous row's hash (like the laptop's audit_chain;
-- a laptop's join records its own chain head here, so the chain continues).
CREATE TABLE audit (
    id          bigserial PRIMARY KEY,
    at          timestamptz NOT NULL DEFAULT now(),
    actor       text NOT NULL,
    action      text NOT NULL,
    citizen_gid uuid,
    detail      text NOT NULL DEFAULT '',
    prev_hash   text NOT NULL DEFAULT '',
    hash        text NOT NULL DEFAULT ''
);

