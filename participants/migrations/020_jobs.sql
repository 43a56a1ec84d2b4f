-- Job episodes (ips-domain.md §3.6, §8 "Job"). `competitive` is deliberately not a column: it is
-- derived from the programme's rules (minimum wage, set-aside, subsidy policy) whenever a job is
-- read, so a change of rules never leaves stale flags behind. Dates are calendar days (UTC).
CREATE TABLE caseload_jobs (
    id                   UUID PRIMARY KEY,
    participant_id       UUID NOT NULL,
    employer_id          UUID NOT NULL,      -- crm_employers.id (checked by the service)
    opening_id           UUID,               -- crm_openings.id, when the job came from one
    lead_id              UUID,               -- caseload_leads.id, when the job came from a lead
    title                VARCHAR NOT NULL DEFAULT '',
    occupation_uri       VARCHAR NOT NULL DEFAULT '',
    occupation_label     VARCHAR NOT NULL DEFAULT '',
    isco_group           VARCHAR NOT NULL DEFAULT '',
    start_date           DATE NOT NULL,
    first_paid_hours_at  DATE,
    hours_week           DOUBLE,
    wage_hourly          DOUBLE,
    currency             VARCHAR,
    contract_type        VARCHAR NOT NULL DEFAULT '',
    set_aside            BOOLEAN NOT NULL DEFAULT false,
    subsidy_type         VARCHAR NOT NULL DEFAULT 'none',
    found_via            VARCHAR,
    end_date             DATE,
    end_learned_at       DATE,
    end_reason           VARCHAR,
    created_at           TIMESTAMPTZ NOT NULL,
    created_by           VARCHAR NOT NULL,
    updated_at           TIMESTAMPTZ NOT NULL,
    updated_by           VARCHAR NOT NULL,
    deleted_at           TIMESTAMPTZ
);

CREATE INDEX jobs_participant ON caseload_jobs (participant_id);
