from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from embeddings import (
    CachedEncoder,
    ExactIndex,
    HashingEncoder,
    MemoryVectorStore,
    l2_normalise,
    load_encoder,
)


def test_hashing_encoder_is_deterministic_unit_float32() -> None:
    enc = HashingEncoder(dim=32)
    a = enc.encode(["warehouse worker", "lagerarbetare", ""])
    b = HashingEncoder(dim=32).encode(["warehouse worker", "lagerarbetare", ""])
    assert a.dtype == np.float32 and a.shape == (3, 32)
    np.testing.assert_array_equal(a, b)
    np.testing.assert_allclose(np.linalg.norm(a[:2], axis=1), 1.0, atol=1e-6)
    assert float(a[0] @ HashingEncoder(dim=32).encode(["warehouse workers"])[0]) > 0.7


def test_cache_encodes_only_new_texts() -> None:
    enc = HashingEncoder()
    store = MemoryVectorStore()
    cached = CachedEncoder(enc, store)
    first = cached.encode(["a b", "c d", "a b"])
    assert enc.calls == 2 and cached.misses == 2 and cached.hits == 1
    again = CachedEncoder(enc, store).encode(["c d", "e f"])  # a new process, same store
    assert enc.calls == 3
    np.testing.assert_array_equal(first[1], again[0])
    assert len(store) == 3


def test_cache_keys_depend_on_kind_and_model() -> None:
    store = MemoryVectorStore()
    CachedEncoder(HashingEncoder(dim=16), store).encode(["x"], kind="query")
    CachedEncoder(HashingEncoder(dim=16), store).encode(["x"], kind="passage")
    CachedEncoder(HashingEncoder(dim=32), store).encode(["x"], kind="query")
    assert len(store) == 3


@settings(max_examples=60, deadline=None)
@given(
    vectors=arrays(
        np.float32, st.tuples(st.integers(1, 60), st.just(6)), elements=st.floats(-1, 1, width=32)
    ),
    k=st.integers(1, 70),
    data=st.data(),
)
def test_exact_index_matches_a_sort_with_ties_by_row(
    vectors: np.ndarray, k: int, data: st.DataObject
) -> None:
    vectors = np.round(vectors, 1)  # rounding makes ties common
    query = vectors[:1]
    rows = np.array(sorted(data.draw(st.sets(st.integers(0, len(vectors) - 1), min_size=1))), np.int64)
    scores, found = ExactIndex().fit(vectors).search(query, k, rows=rows)
    sims = (vectors[rows] @ query[0]).tolist()
    expected = sorted(zip(sims, rows.tolist(), strict=True), key=lambda t: (-t[0], t[1]))[:k]
    assert found[0].tolist() == [r for _, r in expected]
    np.testing.assert_allclose(scores[0], [s for s, _ in expected], rtol=1e-6)


def test_l2_normalise_keeps_zero_rows() -> None:
    out = l2_normalise(np.array([[0.0, 0.0], [1.0, 1.0]]))
    assert out[0].tolist() == [0.0, 0.0]
    assert np.linalg.norm(out[1]) == pytest.approx(1.0)


def test_unknown_encoder_name_is_a_clear_error() -> None:
    with pytest.raises(ValueError, match="unknown encoder"):
        load_encoder("gpt-17")


def test_hashing_encoder_dimension_by_name() -> None:
    enc = load_encoder("hashing:384")
    assert enc.dim == 384 and enc.encode(["cook"]).shape == (1, 384)
    with pytest.raises(ValueError):
        load_encoder("hashing:big")


def test_memory_lru_spares_the_store_and_stays_bounded() -> None:
    class CountingStore(MemoryVectorStore):
        def __init__(self) -> None:
            super().__init__()
            self.lookups = 0

        def get_many(self, model_id, keys):  # type: ignore[no-untyped-def]
            self.lookups += len(keys)
            return super().get_many(model_id, keys)

    store = CountingStore()
    cached = CachedEncoder(HashingEncoder(), store, memory=2)
    cached.encode(["a", "b"])
    assert store.lookups == 2
    cached.encode(["a", "b"])  # both in memory: the store is not asked
    assert store.lookups == 2
    cached.encode(["c"])  # evicts "a", the least recently used
    cached.encode(["a"])
    assert store.lookups == 4 and cached.misses == 3
