"""`SetVocabulary`: distinct string sets in CSR form, grown in place as openings arrive."""

from __future__ import annotations

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from matching.ranking.codes import SetVocabulary

_rows = st.lists(st.lists(st.sampled_from("abcdefghij"), max_size=6), max_size=300)


@given(_rows)
def test_csr_holds_each_distinct_set_once_with_stable_codes(rows: list[list[str]]) -> None:
    sets = SetVocabulary()
    codes = [sets.add(row) for row in rows]
    # The same set gets the same code whatever order or repeats its members come in.
    assert [sets.add(list(reversed(row)) + row) for row in rows] == codes
    for row, code in zip(rows, codes, strict=True):
        lo, hi = sets.indptr[code], sets.indptr[code + 1]
        members = {sets.members.codes[m] for m in row if m}
        assert list(sets.indices[lo:hi]) == sorted(members)
    assert len(sets.indptr) == len({frozenset(r) for r in rows} | {frozenset()}) + 1
    assert sets.set_sizes().sum() == len(sets.indices)


def test_many_distinct_sets_grow_the_buffers_and_count_hits() -> None:
    # 20k openings with their own skill lists, as real adverts have (each add used to copy all sets).
    sets = SetVocabulary()
    rows = [[f"s{i}", f"s{i + 1}", "shared"] for i in range(20_000)]
    codes = [sets.add(row) for row in rows]
    assert codes == list(range(1, 20_001))
    hits = sets.hits_per_set(frozenset({"shared", "s7"}))
    assert hits[0] == 0
    assert hits[codes[6]] == 2 and hits[codes[7]] == 2 and hits[codes[8]] == 1
    assert np.array_equal(sets.set_sizes()[1:], np.full(20_000, 3))
