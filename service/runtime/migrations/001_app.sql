-- The service's own tables: units, users, API tokens, audit log, embedding cache.

CREATE TABLE app_units (
    id       VARCHAR PRIMARY KEY,
    name     VARCHAR NOT NULL,
    country  VARCHAR,
    language VARCHAR NOT NULL DEFAULT 'en'
);

CREATE TABLE app_users (
    id            VARCHAR PRIMARY KEY,
    username      VARCHAR NOT NULL UNIQUE,
    display_name  VARCHAR NOT NULL,
    role          VARCHAR NOT NULL,
    unit_id       VARCHAR,
    password_hash VARCHAR,
    active        BOOLEAN NOT NULL DEFAULT true,
    created_at    TIMESTAMPTZ NOT NULL
);

CREATE TABLE app_api_tokens (
    token_hash VARCHAR PRIMARY KEY,
    user_id    VARCHAR NOT NULL,
    name       VARCHAR NOT NULL DEFAULT '',
    created_at TIMESTAMPTZ NOT NULL,
    revoked_at TIMESTAMPTZ
);

-- Who read or exported which participant data, and when. Append-only.
CREATE TABLE app_audit_log (
    id        UUID PRIMARY KEY,
    logged_at TIMESTAMPTZ NOT NULL,
    user_id   VARCHAR NOT NULL,
    action    VARCHAR NOT NULL,
    entity    VARCHAR NOT NULL,
    entity_id VARCHAR,
    detail    VARCHAR NOT NULL DEFAULT ''
);

CREATE TABLE app_embedding_cache (
    model_id VARCHAR NOT NULL,
    key      VARCHAR NOT NULL,
    vector   FLOAT[] NOT NULL,
    PRIMARY KEY (model_id, key)
);
