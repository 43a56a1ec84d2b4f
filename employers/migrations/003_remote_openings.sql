-- Remote openings: work done away from any site has no commute and is never "far" from home.
-- Nullable with a default, as DuckDB cannot add NOT NULL columns.
ALTER TABLE crm_openings ADD COLUMN remote BOOLEAN DEFAULT false;
