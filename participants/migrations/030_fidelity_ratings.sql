-- IPS-25 items rated by a reviewer (interviews, observation): one row per rating given, never
-- updated, so the history of a unit's fidelity reviews is kept; the latest row per unit and item
-- counts (participants/fidelity_ratings.py, reports/self_assessment.py).
CREATE TABLE caseload_fidelity_ratings (
    id        UUID PRIMARY KEY,
    unit_id   VARCHAR NOT NULL,
    item      VARCHAR NOT NULL,      -- IPS-25 item code, e.g. S2, O5, V13
    rating    INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 5),
    evidence  VARCHAR NOT NULL DEFAULT '',
    rated_by  VARCHAR NOT NULL,
    rated_at  TIMESTAMPTZ NOT NULL
);

CREATE INDEX fidelity_ratings_unit ON caseload_fidelity_ratings (unit_id, item, rated_at);
