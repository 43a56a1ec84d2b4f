-- Plans (issue 14 item 3): the job search, disclosure and benefits plans, each versioned (every
-- save a new row, the newest current), and the dates the disclosure plan was discussed.
-- caseload_disclosure_plans and caseload_benefits_plans keep holding what the ranker reads
-- (level, employer contact, statements, per-employer overrides; the hours threshold), rewritten
-- from the current version in the same transaction as each save.
CREATE TABLE caseload_plan_versions (
    participant_id UUID NOT NULL,
    kind           VARCHAR NOT NULL,   -- job_search, disclosure, benefits
    version        INTEGER NOT NULL,
    saved_at       TIMESTAMPTZ NOT NULL,
    saved_by       VARCHAR NOT NULL,
    body           VARCHAR NOT NULL,   -- JSON object (participants/plans.py documents its keys)
    PRIMARY KEY (participant_id, kind, version)
);

CREATE TABLE caseload_disclosure_discussions (
    id             UUID PRIMARY KEY,
    participant_id UUID NOT NULL,
    discussed_on   DATE NOT NULL,
    topics         VARCHAR[] NOT NULL,  -- pros_cons, accommodations, wording, revisit
    note           VARCHAR NOT NULL DEFAULT '',
    recorded_at    TIMESTAMPTZ NOT NULL,
    recorded_by    VARCHAR NOT NULL
);
CREATE INDEX disclosure_discussions_participant ON caseload_disclosure_discussions (participant_id);

-- Per-employer exceptions to es_may_contact_employers (employer ids from the CRM).
ALTER TABLE caseload_disclosure_plans ADD COLUMN contact_employers VARCHAR[] DEFAULT [];
ALTER TABLE caseload_disclosure_plans ADD COLUMN no_contact_employers VARCHAR[] DEFAULT [];
