"""Linking in worker threads answers exactly as linking in the calling thread.

A feed pull links thousands of distinct titles in one `TitleLinker.link` call; with
``workers=2`` the call is cut into `WORKER_CHUNK`-title slices scored in two threads. The
answers must not change (a title's links never depend on its batch), they must come back in the
titles' order, and the sentence encoder, which is not safe to call from two threads at once (its
vector cache is a DuckDB table), must be called one thread at a time.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import numpy.typing as npt
import pytest

from matching.linking import linker as linker_module
from matching.linking.esco import EscoCatalog
from matching.linking.fusion import TreeEnsemble
from matching.linking.linker import TitleLinker

DATA = Path(__file__).resolve().parents[3] / "data"
WORDS = ["Lagerarbetare", "Undersköterska", "Kock", "Städare", "Truckförare", "Barnskötare", "Frisör"]
PLACES = ["Malmö", "Lund", "Umeå", "Kiruna", "Visby", "Borås"]


@pytest.fixture(scope="module")
def labels() -> object:
    return EscoCatalog.load(DATA / "esco").linker_labels()


def _titles(n: int) -> list[str]:
    """``n`` distinct headlines in the feed benchmark's style."""
    return [f"{WORDS[i % 7]} till {PLACES[i % 6]} ({i})" for i in range(n)]


def test_two_workers_give_the_same_links_in_the_same_order(labels: object, monkeypatch) -> None:
    monkeypatch.setattr(linker_module, "WORKER_CHUNK", 40)  # 5 slices from 200 titles
    fusion = TreeEnsemble.load(DATA / "linker" / "fusion-lexical.npz")
    one = TitleLinker(fusion=fusion, cache_size=0).fit(labels)  # type: ignore[arg-type]
    two = TitleLinker(fusion=fusion, cache_size=0, workers=2)
    two.index_ = one.index_
    seen: set[str] = set()
    scored = two._link_scored

    def spy(titles: Sequence[str], **kw: object) -> object:
        seen.add(threading.current_thread().name)
        return scored(titles, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(two, "_link_scored", spy)
    titles = _titles(200)
    expected = one.link(titles, k=3, lang="sv", groups="unit")
    got = two.link(titles, k=3, lang="sv", groups="unit")
    assert got == expected
    assert sum(bool(found) for found in got) > 150  # the titles really link (not 200 empty answers)
    assert len(seen) == 2 and all(name.startswith("link") for name in seen)


def test_the_encoder_is_called_one_thread_at_a_time(labels: object, monkeypatch) -> None:
    monkeypatch.setattr(linker_module, "WORKER_CHUNK", 10)
    frame = labels.head(3000)  # type: ignore[attr-defined]
    rng = np.random.default_rng(1)
    vectors = rng.standard_normal((len(frame), 8)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    inside = [0]
    overlaps = [0]

    def encode(texts: Sequence[str]) -> npt.NDArray[np.float32]:
        inside[0] += 1
        overlaps[0] += inside[0] > 1
        time.sleep(0.01)  # long enough for a second thread to arrive if nothing holds it back
        inside[0] -= 1
        out = np.ones((len(texts), 8), np.float32)
        return out / np.linalg.norm(out, axis=1, keepdims=True)

    linker = TitleLinker(encode=encode, cache_size=0, workers=2).fit(frame, vectors=vectors)
    assert linker.uses_vectors
    found = linker.link(_titles(60), k=1, lang="sv")
    assert len(found) == 60
    assert overlaps[0] == 0
