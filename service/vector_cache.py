"""`VectorStore` on DuckDB (table app_embedding_cache), so vectors survive restarts."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np

from service.db import Database


class DuckDBVectorStore:
    """Cached vectors keyed by (model id, text key) in the service's database."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def get_many(self, model_id: str, keys: Sequence[str]) -> dict[str, np.ndarray]:
        """Return the stored vectors for the keys that are present."""
        if not keys:
            return {}
        rows = (
            self.db.cursor()
            .execute(
                # A semi-join on the unnested keys: list_contains(?, key) would test every cached
                # row against every key (quadratic once 100k openings are cached).
                "SELECT key, vector FROM app_embedding_cache "
                "WHERE model_id = ? AND key IN (SELECT unnest(?::VARCHAR[]))",
                [model_id, list(keys)],
            )
            .fetchall()
        )
        return {key: np.asarray(vec, np.float32) for key, vec in rows}

    def put_many(self, model_id: str, vectors: Mapping[str, np.ndarray]) -> None:
        """Store vectors (existing keys are left as they are)."""
        if not vectors:
            return
        cur = self.db.cursor()
        with self.db.write_lock:
            cur.executemany(
                "INSERT INTO app_embedding_cache VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                [(model_id, k, np.asarray(v, np.float32).tolist()) for k, v in vectors.items()],
            )
