-- Lead sets: the leads shown together for one participant, with the fingerprint of what ranked
-- them (profile version, lead-index version, model version, request). Re-viewing the page while
-- the fingerprint is unchanged (and the set is young) shows the same recorded leads again instead
-- of recording new ones. A set adopted from an overnight batch points at the batch's leads.
CREATE TABLE caseload_lead_sets (
    id             UUID PRIMARY KEY,
    participant_id UUID NOT NULL,
    fingerprint    VARCHAR NOT NULL,
    batch_id       UUID,               -- set when the leads were written by an overnight batch
    lead_ids       UUID[] NOT NULL,    -- recorded leads (caseload_leads.id) in rank order
    removed        VARCHAR NOT NULL,   -- JSON object: constraint -> items removed
    merged         VARCHAR NOT NULL,   -- JSON object: lead id -> ids of the same opening posted again
    created_at     TIMESTAMPTZ NOT NULL,
    created_by     VARCHAR NOT NULL
);

CREATE INDEX lead_sets_participant ON caseload_lead_sets (participant_id);
