-- Openings from the public job boards (the feeds package): the board and the board's ad id are
-- the natural key of a pulled opening, so a second pull updates instead of duplicating. Beside
-- the CRM's own fields an opening keeps the ad's page, how to apply, the board's occupation code
-- (JobTech concept, ROME code) and the board's last change. An employer a pull created carries
-- the board's name (a prospect the team has not typed in). Nullable: DuckDB cannot add NOT NULL.
ALTER TABLE crm_openings ADD COLUMN feed_source VARCHAR;
ALTER TABLE crm_openings ADD COLUMN feed_ad_id VARCHAR;
ALTER TABLE crm_openings ADD COLUMN feed_url VARCHAR;
ALTER TABLE crm_openings ADD COLUMN feed_apply VARCHAR;
ALTER TABLE crm_openings ADD COLUMN feed_occupation VARCHAR;
ALTER TABLE crm_openings ADD COLUMN feed_updated_at TIMESTAMPTZ;
ALTER TABLE crm_employers ADD COLUMN feed_source VARCHAR;
-- Not UNIQUE: DuckDB rewrites a row of a unique index as delete+insert on every update; the
-- pull keeps the key unique itself (one transaction, keys read first).
CREATE INDEX openings_feed ON crm_openings (feed_source, feed_ad_id);
