-- Employer CRM, first schema: employers, their sites, openings, and the append-only change log.
-- Tables are prefixed crm_ instead of living in a DuckDB schema: a schema named like the database
-- file (e.g. crm.duckdb) makes every reference to it ambiguous.
-- No foreign keys on purpose: DuckDB cannot add them later, has no ON DELETE CASCADE, and checks
-- them eagerly on updates of parent rows; integrity is kept by the store (soft delete only).

CREATE TABLE crm_employers (
    id                 UUID PRIMARY KEY,
    name               VARCHAR NOT NULL,
    aliases            VARCHAR[] NOT NULL DEFAULT [],
    registry_number    VARCHAR,
    registry_kind      VARCHAR,
    country            VARCHAR,
    sector_nace        VARCHAR,
    sector_label       VARCHAR,
    size_band          VARCHAR,
    stage              VARCHAR NOT NULL DEFAULT 'prospect',
    do_not_contact     BOOLEAN NOT NULL DEFAULT false,
    website            VARCHAR,
    phone              VARCHAR,
    needs_learned      VARCHAR NOT NULL DEFAULT '',
    hiring_occupations VARCHAR[] NOT NULL DEFAULT [],
    owner              VARCHAR,
    external_id        VARCHAR,
    created_at         TIMESTAMPTZ NOT NULL,
    created_by         VARCHAR NOT NULL,
    updated_at         TIMESTAMPTZ NOT NULL,
    updated_by         VARCHAR NOT NULL,
    deleted_at         TIMESTAMPTZ,
    merged_into_id     UUID
);

CREATE TABLE crm_sites (
    id          UUID PRIMARY KEY,
    employer_id UUID NOT NULL,
    name        VARCHAR NOT NULL DEFAULT '',
    address     VARCHAR NOT NULL DEFAULT '',
    postcode    VARCHAR NOT NULL DEFAULT '',
    city        VARCHAR NOT NULL DEFAULT '',
    country     VARCHAR,
    lat         DOUBLE,
    lon         DOUBLE,
    created_at  TIMESTAMPTZ NOT NULL,
    created_by  VARCHAR NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL,
    updated_by  VARCHAR NOT NULL,
    deleted_at  TIMESTAMPTZ
);

CREATE TABLE crm_openings (
    id                  UUID PRIMARY KEY,
    employer_id         UUID NOT NULL,
    site_id             UUID,
    title               VARCHAR NOT NULL,
    description         VARCHAR NOT NULL DEFAULT '',
    language            VARCHAR NOT NULL DEFAULT 'en',
    occupation_uri      VARCHAR NOT NULL DEFAULT '',
    occupation_label    VARCHAR NOT NULL DEFAULT '',
    isco_group          VARCHAR NOT NULL DEFAULT '',
    hours_min           DOUBLE,
    hours_max           DOUBLE,
    contract_type       VARCHAR NOT NULL DEFAULT '',
    wage_hourly         DOUBLE,
    currency            VARCHAR,
    required_licences   VARCHAR[] NOT NULL DEFAULT [],
    essential_skills    VARCHAR[] NOT NULL DEFAULT [],
    application_route   VARCHAR NOT NULL DEFAULT 'either',
    status              VARCHAR NOT NULL DEFAULT 'open',
    posted_at           TIMESTAMPTZ,
    closes_at           TIMESTAMPTZ,
    city                VARCHAR NOT NULL DEFAULT '',
    lat                 DOUBLE,
    lon                 DOUBLE,
    created_at          TIMESTAMPTZ NOT NULL,
    created_by          VARCHAR NOT NULL,
    updated_at          TIMESTAMPTZ NOT NULL,
    updated_by          VARCHAR NOT NULL,
    deleted_at          TIMESTAMPTZ
);

CREATE TABLE crm_change_log (
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

CREATE INDEX openings_employer ON crm_openings (employer_id);
CREATE INDEX sites_employer ON crm_sites (employer_id);
CREATE INDEX change_log_entity ON crm_change_log (entity_id);
