-- Follow-along support contacts with a participant (ips-domain.md §3.6, §8 "SupportContact").
-- Due contacts are not stored: they are computed from the jobs' dates, so editing a job never
-- leaves stale reminders (service/usecases/follow_along.py).
CREATE TABLE caseload_support_contacts (
    id             UUID PRIMARY KEY,
    participant_id UUID NOT NULL,
    contact_date   DATE NOT NULL,
    mode           VARCHAR NOT NULL,     -- face_to_face, phone, video, message
    location       VARCHAR NOT NULL DEFAULT '',
    contact_type   VARCHAR NOT NULL,     -- job_support, employer_support, job_search, ...
    with_whom      VARCHAR[] NOT NULL,   -- participant, employer, family, team
    job_id         UUID,                 -- the job this support was about, when one
    note           VARCHAR NOT NULL DEFAULT '',
    created_at     TIMESTAMPTZ NOT NULL,
    created_by     VARCHAR NOT NULL,
    updated_at     TIMESTAMPTZ NOT NULL,
    updated_by     VARCHAR NOT NULL,
    deleted_at     TIMESTAMPTZ
);

CREATE INDEX support_contacts_participant ON caseload_support_contacts (participant_id);
