"""Fuzzy name search over employers' names and aliases (rapidfuzz, in memory)."""

from __future__ import annotations

from collections.abc import Sequence

from rapidfuzz import fuzz, process

from employers.keys import fold, name_key

#: Hits scoring below this (0-100) are not shown: nonsense ("qqqzzxx", "qwerty") scores about
#: 60 against some name, a typo or a prefix of a real name 85 or more.
MIN_SCORE = 75.0


def rank_by_name(
    query: str, employers: Sequence[tuple[str, str, tuple[str, ...]]]
) -> list[tuple[str, float]]:
    """Employers whose name or an alias resembles ``query``, best first (ties by id).

    Args:
        query: What the user typed; a part of a name is enough ("lager" finds "Lagerhuset AB").
        employers: (id, name, aliases) tuples.

    Returns:
        (id, score) pairs, score in [MIN_SCORE, 100], one per employer (its best name).
    """
    q = name_key(query) or fold(query).strip()
    if not q:
        return []
    choices = {(i, n): name_key(n) or fold(n) for i, name, aliases in employers for n in (name, *aliases)}
    hits = process.extract(q, choices, scorer=fuzz.WRatio, score_cutoff=MIN_SCORE, limit=None)
    best: dict[str, float] = {}
    for _, score, (emp_id, n) in hits:
        # A name shorter than the query ("SD" inside "asdfgh") is no partial match: whole-string ratio.
        if len(choices[(emp_id, n)]) < len(q):
            score = fuzz.ratio(q, choices[(emp_id, n)])
            if score < MIN_SCORE:
                continue
        best[emp_id] = max(best.get(emp_id, 0.0), round(float(score), 1))
    return sorted(best.items(), key=lambda kv: (-kv[1], kv[0]))
