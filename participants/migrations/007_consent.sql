-- Consent register: what the person agreed to, per purpose, with its history. A row is never
-- changed; a new row (given or withdrawn) supersedes the earlier one for the same purpose, so
-- the current state is the latest row and the history is every row.
-- Purposes: team_sharing, employer_disclosure, national_register_export (participants/consents.py).
CREATE TABLE caseload_consents (
    id             UUID PRIMARY KEY,
    participant_id UUID NOT NULL,
    purpose        VARCHAR NOT NULL,
    state          VARCHAR NOT NULL,      -- given | withdrawn
    effective_on   DATE NOT NULL,         -- the date the person gave or withdrew it
    recorded_at    TIMESTAMPTZ NOT NULL,
    recorded_by    VARCHAR NOT NULL       -- username of the staff member who recorded it
);

CREATE INDEX consents_participant ON caseload_consents (participant_id);
