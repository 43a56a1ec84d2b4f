-- Caseload, first schema: participant profiles, their preferences and skills, disclosure and
-- benefits plans, and the append-only change log. No foreign keys (see employers 001).
-- Nothing here records a diagnosis or a criminal record: the engine has no use for them.

CREATE TABLE caseload_participants (
    id            UUID PRIMARY KEY,
    unit_id       VARCHAR NOT NULL,
    specialist_id VARCHAR,
    display_name  VARCHAR NOT NULL,
    language      VARCHAR NOT NULL DEFAULT 'en',
    status        VARCHAR NOT NULL DEFAULT 'active',
    home_city     VARCHAR NOT NULL DEFAULT '',
    home_lat      DOUBLE,
    home_lon      DOUBLE,
    licences      VARCHAR[] NOT NULL DEFAULT [],
    created_at    TIMESTAMPTZ NOT NULL,
    created_by    VARCHAR NOT NULL,
    updated_at    TIMESTAMPTZ NOT NULL,
    updated_by    VARCHAR NOT NULL,
    deleted_at    TIMESTAMPTZ
);

CREATE TABLE caseload_preferences (
    participant_id          UUID PRIMARY KEY,
    preferred_occupations   STRUCT(label VARCHAR, uri VARCHAR, isco_group VARCHAR)[] NOT NULL,
    refused_occupations     STRUCT(label VARCHAR, uri VARCHAR, isco_group VARCHAR)[] NOT NULL,
    liked_sectors           VARCHAR[] NOT NULL,
    refused_sectors         VARCHAR[] NOT NULL,
    hours_min               DOUBLE,
    hours_max               DOUBLE,
    hours_is_constraint     BOOLEAN NOT NULL,
    max_commute_km          DOUBLE,
    commute_is_constraint   BOOLEAN NOT NULL,
    contract_types          VARCHAR[] NOT NULL,
    exclude_missing_licence BOOLEAN NOT NULL,
    goals                   VARCHAR NOT NULL,
    updated_at              TIMESTAMPTZ NOT NULL,
    updated_by              VARCHAR NOT NULL
);

CREATE TABLE caseload_skills (
    participant_id UUID NOT NULL,
    position       INTEGER NOT NULL,
    label          VARCHAR NOT NULL,
    uri            VARCHAR NOT NULL,
    added_at       TIMESTAMPTZ NOT NULL,
    added_by       VARCHAR NOT NULL
);

CREATE TABLE caseload_disclosure_plans (
    participant_id           UUID PRIMARY KEY,
    level                    VARCHAR NOT NULL,
    es_may_contact_employers BOOLEAN NOT NULL,
    approved_statements      VARCHAR[] NOT NULL,
    updated_at               TIMESTAMPTZ NOT NULL,
    updated_by               VARCHAR NOT NULL
);

-- Kept for benefits counselling only. `status` is never read by the ranking path; the
-- threshold only raises a flag on leads whose hours exceed it.
CREATE TABLE caseload_benefits_plans (
    participant_id  UUID PRIMARY KEY,
    status          VARCHAR NOT NULL,
    hours_threshold DOUBLE,
    updated_at      TIMESTAMPTZ NOT NULL,
    updated_by      VARCHAR NOT NULL
);

CREATE TABLE caseload_change_log (
    id          UUID PRIMARY KEY,
    changed_at  TIMESTAMPTZ NOT NULL,
    actor       VARCHAR NOT NULL,
    entity      VARCHAR NOT NULL,
    entity_id   UUID NOT NULL,
    action      VARCHAR NOT NULL,
    field       VARCHAR,
    old_value   VARCHAR,
    new_value   VARCHAR
);

CREATE INDEX participants_unit ON caseload_participants (unit_id);
CREATE INDEX skills_participant ON caseload_skills (participant_id);
