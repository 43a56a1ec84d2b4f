-- Accounts (issue 13): tokens get an id (to list and revoke them without the secret) and an
-- expiry; a token made before this migration expires 12 h after it was made, like a new one.
ALTER TABLE app_api_tokens ADD COLUMN id VARCHAR;
ALTER TABLE app_api_tokens ADD COLUMN expires_at TIMESTAMPTZ;
UPDATE app_api_tokens SET id = CAST(uuid() AS VARCHAR), expires_at = created_at + INTERVAL 12 HOUR;
ALTER TABLE app_api_tokens ALTER COLUMN id SET NOT NULL;
ALTER TABLE app_api_tokens ALTER COLUMN expires_at SET NOT NULL;
CREATE UNIQUE INDEX app_api_tokens_id ON app_api_tokens (id);
CREATE INDEX app_api_tokens_user ON app_api_tokens (user_id);

-- Written by the demo seeder into a database it found empty: the only kind of file
-- `ipsmatch demo` serves without sign-in.
CREATE TABLE app_demo_marker (
    seeded_at TIMESTAMPTZ NOT NULL,
    note      VARCHAR NOT NULL DEFAULT ''
);
