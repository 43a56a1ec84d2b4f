-- Lead statuses `discussed` and `offer` need no schema change (feedback is free VARCHAR); the
-- structured reason for not_relevant / person_declined / employer_declined does. Existing
-- feedback rows get '' (no reason recorded), which every reader treats as "not given".
-- DuckDB cannot ALTER a table that has an index, so the index is dropped and made again.
DROP INDEX IF EXISTS feedback_lead;
ALTER TABLE caseload_lead_feedback ADD COLUMN reason VARCHAR NOT NULL DEFAULT '';
CREATE INDEX feedback_lead ON caseload_lead_feedback (lead_id);
