-- The import wizard (docs/crm.md, Import). A column mapping {file column -> field, "" = ignore}
-- is remembered per file shape (the SHA-256 of the sorted folded headers, see
-- employers/import_headers.py) and entity, so the next file with the same headers is pre-mapped.
CREATE TABLE crm_import_mappings (
    entity      VARCHAR NOT NULL,
    shape       VARCHAR NOT NULL,
    headers     VARCHAR NOT NULL,
    mapping     VARCHAR NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL,
    updated_by  VARCHAR NOT NULL,
    PRIMARY KEY (entity, shape)
);
-- A run keeps the mapping it used and the CSV dialect it read (the failed-rows file is written
-- back in it); NULL for runs before this migration: the mapping was the identity, the dialect
-- unknown (UTF-8 and ",", as before).
ALTER TABLE crm_imports ADD COLUMN mapping VARCHAR;
ALTER TABLE crm_imports ADD COLUMN delimiter VARCHAR;
ALTER TABLE crm_imports ADD COLUMN encoding VARCHAR;
-- Every problem of a bad row (JSON list of {field, message}); field/message stay the first one.
ALTER TABLE crm_import_rows ADD COLUMN problems VARCHAR;
