-- Erasure and pseudonymisation (GDPR art. 17): the participant row stays as a tombstone with its
-- unit, specialist, status and dates (what aggregate reports count); names, places and free texts
-- are removed. Erased rows are left out of every caseload read (the store filters on erased_at).
ALTER TABLE caseload_participants ADD COLUMN erased_at TIMESTAMPTZ;
ALTER TABLE caseload_participants ADD COLUMN erasure_mode VARCHAR;  -- erase | pseudonymise
