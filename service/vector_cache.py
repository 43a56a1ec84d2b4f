"""`VectorStore` on DuckDB (table app_embedding_cache), so vectors survive restarts."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import pyarrow as pa

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
        keys = list(vectors)
        matrix = np.stack([np.asarray(vectors[k], np.float32).ravel() for k in keys])
        # One Arrow table, one INSERT ... SELECT: executemany inserts row by row (100k vectors
        # took minutes at server start-up; this takes about a second).
        dim = matrix.shape[1]
        flat = pa.array(matrix.ravel(), pa.float32())
        offsets = pa.array(np.arange(0, (len(keys) + 1) * dim, dim, dtype=np.int32))
        frame = pa.table(  # noqa: F841  (read by name in the SQL below)
            {
                "model_id": pa.array([model_id] * len(keys), pa.string()),
                "key": pa.array(keys, pa.string()),
                "vector": pa.ListArray.from_arrays(offsets, flat),
            }
        )
        cur = self.db.cursor()
        with self.db.write_lock:
            cur.execute(
                "INSERT INTO app_embedding_cache SELECT model_id, key, vector FROM frame "
                "ON CONFLICT DO NOTHING"
            )
