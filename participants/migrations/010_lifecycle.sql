-- The participant lifecycle (issue 14 item 1): the IPS status ("phase") with its history, the
-- referral, programme entry (first meeting with the specialist), employment status at entry,
-- reassignment history and closure. `status` keeps its meaning (active / on_hold / closed: what
-- the overnight batch ranks) and is derived from `phase` from now on (docs/caseload.md).
-- DuckDB cannot add NOT NULL columns; the store always writes them.
ALTER TABLE caseload_participants ADD COLUMN phase VARCHAR DEFAULT 'enrolled';
UPDATE caseload_participants
   SET phase = CASE status WHEN 'closed' THEN 'closed' WHEN 'on_hold' THEN 'paused' ELSE 'enrolled' END;
ALTER TABLE caseload_participants ADD COLUMN referral_source VARCHAR;          -- self, mh_team, pes, family, other
ALTER TABLE caseload_participants ADD COLUMN referral_received_at DATE;
ALTER TABLE caseload_participants ADD COLUMN referral_accepted_at DATE;
ALTER TABLE caseload_participants ADD COLUMN first_meeting_at DATE;           -- first meeting with the specialist
ALTER TABLE caseload_participants ADD COLUMN employment_status_at_entry VARCHAR;
ALTER TABLE caseload_participants ADD COLUMN closed_at DATE;
ALTER TABLE caseload_participants ADD COLUMN closure_reason VARCHAR;           -- one of the allowed reasons
ALTER TABLE caseload_participants ADD COLUMN closure_note VARCHAR DEFAULT '';

-- One row per phase a person entered: from `effective_on` on (the day it happened, which may be
-- earlier than when it was recorded).
CREATE TABLE caseload_status_history (
    id             UUID PRIMARY KEY,
    participant_id UUID NOT NULL,
    status         VARCHAR NOT NULL,
    previous       VARCHAR,
    effective_on   DATE NOT NULL,
    recorded_at    TIMESTAMPTZ NOT NULL,
    recorded_by    VARCHAR NOT NULL,
    note           VARCHAR NOT NULL DEFAULT ''
);

-- One row per assignment to a specialist (NULL: unassigned).
CREATE TABLE caseload_specialist_history (
    id             UUID PRIMARY KEY,
    participant_id UUID NOT NULL,
    specialist_id  VARCHAR,
    previous       VARCHAR,
    effective_on   DATE NOT NULL,
    recorded_at    TIMESTAMPTZ NOT NULL,
    recorded_by    VARCHAR NOT NULL,
    note           VARCHAR NOT NULL DEFAULT ''
);

-- Existing people start their history where the record started.
INSERT INTO caseload_status_history
SELECT uuid(), id, phase, NULL, CAST(created_at AS DATE), created_at, created_by, 'recorded before the history existed'
  FROM caseload_participants;
INSERT INTO caseload_specialist_history
SELECT uuid(), id, specialist_id, NULL, CAST(created_at AS DATE), created_at, created_by, 'recorded before the history existed'
  FROM caseload_participants;

CREATE INDEX status_history_participant ON caseload_status_history (participant_id);
CREATE INDEX specialist_history_participant ON caseload_specialist_history (participant_id);
