-- Place as part of fit: whether the person would move for work, and whether they would work
-- remotely. Both default to false (nothing stated); DuckDB cannot add NOT NULL columns.
ALTER TABLE caseload_preferences ADD COLUMN willing_to_relocate BOOLEAN DEFAULT false;
ALTER TABLE caseload_preferences ADD COLUMN remote_ok BOOLEAN DEFAULT false;
