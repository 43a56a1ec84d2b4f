from __future__ import annotations

from pathlib import Path

import numpy as np

from embeddings import CachedEncoder, HashingEncoder, MemoryVectorStore
from embeddings.cache import text_key
from embeddings.file_store import FileVectorStore
from embeddings.packed import LayeredVectorStore, PackedVectorStore, quantise, write_pack


def test_int8_quantisation_keeps_cosines(tmp_path: Path) -> None:
    enc = HashingEncoder(dim=64)
    texts = [f"label {i}" for i in range(50)]
    vecs = enc.encode(texts)
    codes, scales = quantise(vecs)
    assert codes.dtype == np.int8 and np.abs((codes * scales[:, None]) - vecs).max() < 0.01
    write_pack(
        tmp_path / "p.npz",
        enc.model_id,
        {text_key(t, "passage"): v for t, v in zip(texts, vecs, strict=True)},
    )
    pack = PackedVectorStore(tmp_path / "p.npz")
    got = pack.get_many(enc.model_id, [text_key("label 3", "passage"), "missing"])
    assert list(got) == [text_key("label 3", "passage")]
    assert float(got[text_key("label 3", "passage")] @ vecs[3]) > 0.999
    assert pack.get_many("other-model", [text_key("label 3", "passage")]) == {}


def test_layered_store_reads_the_pack_first_and_writes_the_cache(tmp_path: Path) -> None:
    enc = HashingEncoder(dim=16)
    write_pack(tmp_path / "p.npz", enc.model_id, {text_key("a", "passage"): enc.encode(["a"])[0]})
    cache = MemoryVectorStore()
    cached = CachedEncoder(enc, LayeredVectorStore(PackedVectorStore(tmp_path / "p.npz"), cache))
    cached.encode(["a", "b"], kind="passage")
    assert enc.calls == 2  # only "b" was encoded ("a" once, for the pack)
    assert len(cache) == 1


def test_file_store_round_trip(tmp_path: Path) -> None:
    store = FileVectorStore(tmp_path / "c" / "v.npz")
    store.flush()  # nothing to write
    assert not (tmp_path / "c" / "v.npz").exists()
    store.put_many("m", {"k": np.array([0.6, 0.8], np.float32)})
    store.flush()
    again = FileVectorStore(tmp_path / "c" / "v.npz")
    assert len(again) == 1 and np.allclose(again.get_many("m", ["k"])["k"], [0.6, 0.8], atol=1e-3)
