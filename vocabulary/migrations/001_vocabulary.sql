-- Programme vocabulary: the team's own words for titles and skills, each mapped to one ESCO
-- concept in one language. Consulted before the learned linker (exact match after folding).
-- Own vocab_ prefix and change log, so the store stands apart from the CRM and the caseload.
-- UUID keys made in Python, UTC stamps, soft delete; uniqueness of a live (kind, language,
-- folded text) is enforced by the store inside the write transaction.

CREATE TABLE vocab_aliases (
    id          UUID PRIMARY KEY,
    kind        VARCHAR NOT NULL,       -- 'occupation' or 'skill'
    language    VARCHAR NOT NULL,       -- 'sv', 'da', 'fr', 'en'
    text        VARCHAR NOT NULL,       -- as the team writes it
    folded      VARCHAR NOT NULL,       -- the linker's folding of text (lookup key)
    esco_uri    VARCHAR NOT NULL,
    note        VARCHAR NOT NULL DEFAULT '',
    created_at  TIMESTAMPTZ NOT NULL,
    created_by  VARCHAR NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL,
    updated_by  VARCHAR NOT NULL,
    deleted_at  TIMESTAMPTZ,
    deleted_by  VARCHAR
);

CREATE TABLE vocab_change_log (
    id          UUID PRIMARY KEY,
    changed_at  TIMESTAMPTZ NOT NULL,
    actor       VARCHAR NOT NULL,
    entity      VARCHAR NOT NULL,
    entity_id   VARCHAR NOT NULL,
    action      VARCHAR NOT NULL,
    field       VARCHAR,
    old_value   VARCHAR,
    new_value   VARCHAR
);
