from __future__ import annotations

from pathlib import Path

import numpy as np

from service.runtime.database import Database
from service.runtime.vector_cache import DuckDBVectorStore


def test_vectors_round_trip_and_existing_keys_are_kept(tmp_path: Path) -> None:
    path = str(tmp_path / "v.duckdb")
    db = Database(path)
    db.migrate()
    store = DuckDBVectorStore(db)
    rng = np.random.default_rng(0)
    first = {f"k{i}": rng.normal(size=8).astype(np.float32) for i in range(1000)}
    store.put_many("m", first)
    # k0 again with another value is ignored; a new key is added; another model is separate.
    store.put_many("m", {"k0": np.zeros(8, np.float32), "new": np.ones(8, np.float32)})
    store.put_many("other", {"k0": np.full(8, 2.0, np.float32)})
    db.close()

    again = DuckDBVectorStore(Database(path))  # survives a restart
    got = again.get_many("m", ["k0", "k999", "new", "absent"])
    assert set(got) == {"k0", "k999", "new"}
    np.testing.assert_array_equal(got["k0"], first["k0"])
    np.testing.assert_array_equal(got["k999"], first["k999"])
    np.testing.assert_array_equal(got["new"], np.ones(8, np.float32))
    assert got["k0"].dtype == np.float32
    np.testing.assert_array_equal(again.get_many("other", ["k0"])["k0"], np.full(8, 2.0, np.float32))
    assert again.get_many("m", []) == {}
    again.db.close()
