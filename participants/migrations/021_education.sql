-- Education episodes (ips-domain.md §3.7, §8 "EducationEpisode"): Sweden and Denmark count
-- "job or education", so education needs its own record next to jobs.
CREATE TABLE caseload_education (
    id             UUID PRIMARY KEY,
    participant_id UUID NOT NULL,
    institution    VARCHAR NOT NULL,
    programme      VARCHAR NOT NULL DEFAULT '',
    level          VARCHAR NOT NULL,
    start_date     DATE NOT NULL,
    end_date       DATE,
    status         VARCHAR NOT NULL,
    created_at     TIMESTAMPTZ NOT NULL,
    created_by     VARCHAR NOT NULL,
    updated_at     TIMESTAMPTZ NOT NULL,
    updated_by     VARCHAR NOT NULL,
    deleted_at     TIMESTAMPTZ
);

CREATE INDEX education_participant ON caseload_education (participant_id);
