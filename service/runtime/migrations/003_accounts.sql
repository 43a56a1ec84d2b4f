-- Accounts (issue 13): tokens get an id (to list and revoke them without the secret) and an
-- expiry; a token made before this migration expires 12 h after it was made, like a new one.
-- Rebuilt rather than altered: DuckDB cannot add the NOT NULL and UNIQUE constraints to a
-- table updated in the same transaction.
CREATE TABLE app_api_tokens_003 (
    token_hash VARCHAR PRIMARY KEY,
    user_id    VARCHAR NOT NULL,
    name       VARCHAR NOT NULL DEFAULT '',
    created_at TIMESTAMPTZ NOT NULL,
    revoked_at TIMESTAMPTZ,
    id         VARCHAR NOT NULL UNIQUE,
    expires_at TIMESTAMPTZ NOT NULL
);
INSERT INTO app_api_tokens_003
SELECT token_hash, user_id, name, created_at, revoked_at, CAST(uuid() AS VARCHAR),
       created_at + INTERVAL 12 HOUR
FROM app_api_tokens;
DROP TABLE app_api_tokens;
ALTER TABLE app_api_tokens_003 RENAME TO app_api_tokens;

-- Written by the demo seeder into a database it found empty: the only kind of file
-- `ipsmatch demo` serves without sign-in.
CREATE TABLE app_demo_marker (
    seeded_at TIMESTAMPTZ NOT NULL,
    note      VARCHAR NOT NULL DEFAULT ''
);
