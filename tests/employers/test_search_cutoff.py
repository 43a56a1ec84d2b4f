"""The employer name search's relevance cut-off, over the demo's 300 employer names and aliases."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from employers.search import MIN_SCORE, rank_by_name

DEMO = Path(__file__).resolve().parents[2] / "data/demo/employers.jsonl.gz"


@pytest.fixture(scope="module")
def names() -> list[tuple[str, str, tuple[str, ...]]]:
    with gzip.open(DEMO, "rt", encoding="utf-8") as f:
        rows = [json.loads(line) for line in f]
    return [(r["id"], r["name"], tuple(r.get("aliases") or ())) for r in rows]


def _found(query: str, names: list[tuple[str, str, tuple[str, ...]]]) -> list[str]:
    by_id = {i: n for i, n, _ in names}
    return [by_id[i] for i, _ in rank_by_name(query, names)]


@pytest.mark.parametrize("nonsense", ["qqqzzxx", "asdfgh", "qwerty", "xx"])
def test_nonsense_finds_nothing(nonsense: str, names: list[tuple[str, str, tuple[str, ...]]]) -> None:
    assert _found(nonsense, names) == []


@pytest.mark.parametrize("typo", ["Ward Gril", "Wrd Grll", "ward grill"])
def test_a_typo_of_a_real_name_still_finds_it(
    typo: str, names: list[tuple[str, str, tuple[str, ...]]]
) -> None:
    assert _found(typo, names)[0] == "Ward Grill Ltd"


def test_a_short_alias_inside_a_longer_query_is_no_match(
    names: list[tuple[str, str, tuple[str, ...]]],
) -> None:
    """ "SD" (Smith Dining's alias) is found by itself, not as a part of "asdfgh"."""
    assert _found("SD", names) == ["Smith Dining Ltd"]
    assert all(score >= MIN_SCORE for _, score in rank_by_name("grill", names))
