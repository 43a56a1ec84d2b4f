-- Zero exclusion in the batch: exposure caps spread openings across the caseload but never leave a
-- person without leads. A person whose candidates the caps took still gets their best ones, given
-- over the cap and flagged; the per-person effect of the caps is recorded here.

-- A planned lead given over a cap: which cap ('' within the caps, 'opening' or 'employer') and how
-- many other participants in this batch hold the same opening (or a lead at the same employer).
ALTER TABLE caseload_lead_batch_plan ADD COLUMN over_cap VARCHAR NOT NULL DEFAULT '';
ALTER TABLE caseload_lead_batch_plan ADD COLUMN shared_with INTEGER NOT NULL DEFAULT 0;

-- Batch-wide counts of the caps' effects.
ALTER TABLE caseload_lead_batches ADD COLUMN over_cap_participants INTEGER NOT NULL DEFAULT 0;
ALTER TABLE caseload_lead_batches ADD COLUMN over_cap_leads INTEGER NOT NULL DEFAULT 0;
ALTER TABLE caseload_lead_batches ADD COLUMN short_participants INTEGER NOT NULL DEFAULT 0;

-- One row per participant the batch ranked, written with the plan.
CREATE TABLE caseload_lead_batch_effects (
    batch_id       UUID NOT NULL,
    participant_id UUID NOT NULL,
    candidates     INTEGER NOT NULL,  -- items left after the person's own constraints (at most `candidates`)
    wanted         INTEGER NOT NULL,  -- min(leads, candidates): what the batch must give them
    within_caps    INTEGER NOT NULL,  -- leads given inside the caps
    over_caps      INTEGER NOT NULL,  -- leads given over a cap (flagged shared_over_cap)
    lost_to_caps   INTEGER NOT NULL,  -- top-`leads` candidates they did not get (a cap gave them away)
    short_reason   VARCHAR NOT NULL,  -- why fewer than `leads`: only the person's own constraints; '' if not
    PRIMARY KEY (batch_id, participant_id)
);
