-- Employer CRM, second schema: what job developers live in. People at employers (many-to-many
-- with role and dates), the contact log, follow-up tasks, notes, stage history, dedupe decisions,
-- merges (with what moved, for undo) and import runs (with before-images, for revert).
-- Same rules as 001: crm_ prefix, UUID keys made in Python, UTC stamps, soft delete, no foreign
-- keys. New columns on existing tables are nullable: DuckDB cannot add NOT NULL columns.
-- Uniqueness of live registry numbers is enforced by the store inside the write transaction
-- (a UNIQUE index would be rewritten as delete+insert on every update of the row in DuckDB).

ALTER TABLE crm_employers ADD COLUMN hiring_process VARCHAR;
ALTER TABLE crm_employers ADD COLUMN deleted_by VARCHAR;
ALTER TABLE crm_openings ADD COLUMN subsidy_type VARCHAR;
ALTER TABLE crm_openings ADD COLUMN external_id VARCHAR;
ALTER TABLE crm_openings ADD COLUMN deleted_by VARCHAR;

CREATE TABLE crm_stage_history (
    id          UUID PRIMARY KEY,
    employer_id UUID NOT NULL,
    from_stage  VARCHAR,
    to_stage    VARCHAR NOT NULL,
    changed_at  TIMESTAMPTZ NOT NULL,
    changed_by  VARCHAR NOT NULL
);

CREATE TABLE crm_people (
    id          UUID PRIMARY KEY,
    full_name   VARCHAR NOT NULL,
    email       VARCHAR,
    phone       VARCHAR,
    title       VARCHAR NOT NULL DEFAULT '',
    notes       VARCHAR NOT NULL DEFAULT '',
    external_id VARCHAR,
    created_at  TIMESTAMPTZ NOT NULL,
    created_by  VARCHAR NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL,
    updated_by  VARCHAR NOT NULL,
    deleted_at  TIMESTAMPTZ,
    deleted_by  VARCHAR
);

-- A person's role at an employer; kept after they leave (left_on), so history survives.
CREATE TABLE crm_employer_people (
    id          UUID PRIMARY KEY,
    employer_id UUID NOT NULL,
    person_id   UUID NOT NULL,
    role        VARCHAR NOT NULL DEFAULT '',
    active_from DATE,
    left_on     DATE,
    created_at  TIMESTAMPTZ NOT NULL,
    created_by  VARCHAR NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL,
    updated_by  VARCHAR NOT NULL,
    deleted_at  TIMESTAMPTZ,
    deleted_by  VARCHAR
);

-- participant_unit is copied from the caseload when the service links a participant, so the
-- employer store can hide the link from other units without reading participant tables.
CREATE TABLE crm_contacts (
    id               UUID PRIMARY KEY,
    employer_id      UUID NOT NULL,
    person_id        UUID,
    opening_id       UUID,
    specialist       VARCHAR NOT NULL,
    occurred_at      TIMESTAMPTZ NOT NULL,
    mode             VARCHAR NOT NULL,
    status           VARCHAR NOT NULL,
    purpose          VARCHAR NOT NULL,
    learned          VARCHAR NOT NULL DEFAULT '',
    next_step        VARCHAR NOT NULL DEFAULT '',
    next_step_due    DATE,
    participant_id   UUID,
    participant_unit VARCHAR,
    external_id      VARCHAR,
    created_at       TIMESTAMPTZ NOT NULL,
    created_by       VARCHAR NOT NULL,
    updated_at       TIMESTAMPTZ NOT NULL,
    updated_by       VARCHAR NOT NULL,
    deleted_at       TIMESTAMPTZ,
    deleted_by       VARCHAR
);

CREATE TABLE crm_tasks (
    id          UUID PRIMARY KEY,
    employer_id UUID NOT NULL,
    person_id   UUID,
    contact_id  UUID,
    title       VARCHAR NOT NULL,
    due_on      DATE,
    assignee    VARCHAR NOT NULL,
    status      VARCHAR NOT NULL DEFAULT 'open',
    done_at     TIMESTAMPTZ,
    created_at  TIMESTAMPTZ NOT NULL,
    created_by  VARCHAR NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL,
    updated_by  VARCHAR NOT NULL,
    deleted_at  TIMESTAMPTZ,
    deleted_by  VARCHAR
);

CREATE TABLE crm_notes (
    id          UUID PRIMARY KEY,
    employer_id UUID NOT NULL,
    person_id   UUID,
    opening_id  UUID,
    body        VARCHAR NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL,
    created_by  VARCHAR NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL,
    updated_by  VARCHAR NOT NULL,
    deleted_at  TIMESTAMPTZ,
    deleted_by  VARCHAR
);

-- "Not a duplicate" memory: the pair (employer_a < employer_b) is never suggested again.
CREATE TABLE crm_duplicate_decisions (
    employer_a UUID NOT NULL,
    employer_b UUID NOT NULL,
    decision   VARCHAR NOT NULL,
    decided_at TIMESTAMPTZ NOT NULL,
    decided_by VARCHAR NOT NULL,
    PRIMARY KEY (employer_a, employer_b)
);

-- One row per merge: the survivor's values before, and every child row moved (JSON), so undo
-- moves exactly those rows back.
CREATE TABLE crm_merges (
    id              UUID PRIMARY KEY,
    survivor_id     UUID NOT NULL,
    loser_id        UUID NOT NULL,
    survivor_before VARCHAR NOT NULL,
    survivor_after  VARCHAR NOT NULL,
    moved           VARCHAR NOT NULL,
    merged_at       TIMESTAMPTZ NOT NULL,
    merged_by       VARCHAR NOT NULL,
    undone_at       TIMESTAMPTZ,
    undone_by       VARCHAR
);

CREATE TABLE crm_imports (
    id            UUID PRIMARY KEY,
    entity        VARCHAR NOT NULL,
    mode          VARCHAR NOT NULL,
    file_name     VARCHAR NOT NULL,
    file_sha256   VARCHAR NOT NULL,
    columns       VARCHAR NOT NULL,
    dry_run       BOOLEAN NOT NULL,
    skip_bad_rows BOOLEAN NOT NULL,
    status        VARCHAR NOT NULL,
    created       INTEGER NOT NULL,
    updated       INTEGER NOT NULL,
    skipped       INTEGER NOT NULL,
    errors        INTEGER NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL,
    created_by    VARCHAR NOT NULL,
    reverted_at   TIMESTAMPTZ,
    reverted_by   VARCHAR
);

-- Per row of an import: what happened, the record touched, its values before an update (JSON),
-- the original cells (JSON, for the failed-rows file) and the error.
CREATE TABLE crm_import_rows (
    import_id   UUID NOT NULL,
    row_number  INTEGER NOT NULL,
    action      VARCHAR NOT NULL,
    entity_id   UUID,
    link_id     UUID,
    before      VARCHAR,
    after       VARCHAR,
    cells       VARCHAR NOT NULL,
    field       VARCHAR,
    message     VARCHAR,
    PRIMARY KEY (import_id, row_number)
);

CREATE INDEX stage_history_employer ON crm_stage_history (employer_id);
CREATE INDEX links_employer ON crm_employer_people (employer_id);
CREATE INDEX links_person ON crm_employer_people (person_id);
CREATE INDEX contacts_employer ON crm_contacts (employer_id);
CREATE INDEX contacts_specialist ON crm_contacts (specialist);
CREATE INDEX tasks_employer ON crm_tasks (employer_id);
CREATE INDEX notes_employer ON crm_notes (employer_id);
