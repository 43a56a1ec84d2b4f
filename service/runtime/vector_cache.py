"""`VectorStore` on DuckDB (table app_embedding_cache), so vectors survive restarts."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import pyarrow as pa

from service.runtime.database import Database

#: Vectors per INSERT (100k x 384 floats stays far below Arrow's int32 list offsets).
PUT_BLOCK = 100_000


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
        cur = self.db.cursor()
        # Arrow tables, one INSERT ... SELECT per block: executemany inserts row by row (100k
        # vectors took minutes at server start-up; this takes about a second). Blocks keep the
        # list offsets within int32.
        for start in range(0, len(keys), PUT_BLOCK):
            block = keys[start : start + PUT_BLOCK]
            matrix = np.stack([np.asarray(vectors[k], np.float32).ravel() for k in block])
            dim = matrix.shape[1]
            offsets = pa.array(np.arange(0, (len(block) + 1) * dim, dim, dtype=np.int32))
            frame = pa.table(
                {
                    "model_id": pa.array([model_id] * len(block), pa.string()),
                    "key": pa.array(block, pa.string()),
                    "vector": pa.ListArray.from_arrays(offsets, pa.array(matrix.ravel(), pa.float32())),
                }
            )
            with self.db.write_lock:
                # A registered name, so no table or view called like the variable can shadow it.
                cur.register("ipsmatch_new_vectors", frame)
                try:
                    cur.execute(
                        "INSERT INTO app_embedding_cache SELECT model_id, key, vector "
                        "FROM ipsmatch_new_vectors ON CONFLICT DO NOTHING"
                    )
                finally:
                    cur.unregister("ipsmatch_new_vectors")
