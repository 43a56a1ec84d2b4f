-- Leads shown to specialists and their feedback: every lead records the model version, the batch
-- it came from (NULL for an interactive request) and its score parts, so feedback can later train
-- a re-ranker on exactly what the specialist saw.
CREATE TABLE caseload_leads (
    id             UUID PRIMARY KEY,
    participant_id UUID NOT NULL,
    batch_id       UUID,
    item_id        VARCHAR NOT NULL,
    kind           VARCHAR NOT NULL,
    employer_id    VARCHAR NOT NULL,
    title          VARCHAR NOT NULL,
    rank           INTEGER NOT NULL,
    score          DOUBLE NOT NULL,
    parts          VARCHAR NOT NULL,   -- JSON object: part name -> value in [0, 1]
    flags          VARCHAR[] NOT NULL, -- flag codes
    model_version  VARCHAR NOT NULL,
    created_at     TIMESTAMPTZ NOT NULL,
    created_by     VARCHAR NOT NULL
);

CREATE TABLE caseload_lead_feedback (
    id             UUID PRIMARY KEY,
    lead_id        UUID NOT NULL,
    participant_id UUID NOT NULL,
    feedback       VARCHAR NOT NULL,
    note           VARCHAR NOT NULL DEFAULT '',
    given_at       TIMESTAMPTZ NOT NULL,
    given_by       VARCHAR NOT NULL
);

CREATE INDEX leads_participant ON caseload_leads (participant_id);
CREATE INDEX leads_batch ON caseload_leads (batch_id);
CREATE INDEX feedback_lead ON caseload_lead_feedback (lead_id);
