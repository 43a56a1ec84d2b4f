-- Overnight lead batches. A batch ranks every active participant, assigns leads under exposure
-- caps (the plan), then writes the leads participant by participant in chunks. The plan and a
-- done marker per participant make a killed run resumable and a rerun add no duplicates.
CREATE TABLE caseload_lead_batches (
    id                  UUID PRIMARY KEY,
    model_version       VARCHAR NOT NULL,
    settings_hash       VARCHAR NOT NULL,
    settings            VARCHAR NOT NULL,  -- JSON: leads per participant, caps, chunk size
    status              VARCHAR NOT NULL,  -- ranking | writing | finished | failed
    participants        INTEGER NOT NULL DEFAULT 0,
    participants_done   INTEGER NOT NULL DEFAULT 0,
    leads_written       INTEGER NOT NULL DEFAULT 0,
    capped_participants INTEGER NOT NULL DEFAULT 0,  -- lost at least one lead to a cap
    capped_leads        INTEGER NOT NULL DEFAULT 0,
    error               VARCHAR NOT NULL DEFAULT '',
    started_at          TIMESTAMPTZ NOT NULL,
    finished_at         TIMESTAMPTZ,
    created_by          VARCHAR NOT NULL
);

-- The leads each participant gets after the caps, in rank order.
CREATE TABLE caseload_lead_batch_plan (
    batch_id       UUID NOT NULL,
    participant_id UUID NOT NULL,
    rank           INTEGER NOT NULL,
    item_id        VARCHAR NOT NULL,
    score          DOUBLE NOT NULL,
    PRIMARY KEY (batch_id, participant_id, rank)
);

-- Written in the same transaction as the participant's leads.
CREATE TABLE caseload_lead_batch_done (
    batch_id       UUID NOT NULL,
    participant_id UUID NOT NULL,
    leads          INTEGER NOT NULL,
    done_at        TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (batch_id, participant_id)
);
