-- The career profile, versioned (issue 14 item 2): every save is a new row; the newest is the
-- current profile. `body` is the whole profile as JSON (participants/profiles.py documents its
-- keys). caseload_preferences and caseload_skills keep holding what the ranker reads, rewritten
-- from the current version in the same transaction as each save.
CREATE TABLE caseload_profile_versions (
    participant_id UUID NOT NULL,
    version        INTEGER NOT NULL,
    trigger        VARCHAR NOT NULL,   -- initial, job_start, job_end, review
    saved_at       TIMESTAMPTZ NOT NULL,
    saved_by       VARCHAR NOT NULL,
    body           VARCHAR NOT NULL,   -- JSON object
    PRIMARY KEY (participant_id, version)
);
