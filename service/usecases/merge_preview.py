"""What the side-by-side merge screen shows before anyone confirms, and its choices as a merge's.

The screen names the two records "a" and "b" (the duplicate pair's order), never "survivor" and
"loser": the person picks the record that stays and, per field, whose value to keep, and only
`merge_choices` turns those picks into the store's ``survivor``/``loser`` choices.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime

from employers import MERGE_FIELDS, EmployerRecord, EmployerStore, InvalidError, MergeStore
from employers.merge import merged_values

SIDES = ("a", "b")


@dataclass(frozen=True)
class MergePreview:
    """Two live employers side by side.

    Attributes:
        a, b: The records, as stored now.
        counts: side ("a"/"b") -> kind (people, contacts, openings, tasks, notes) -> live rows that
            move when that side is merged away.
        differing: The `MERGE_FIELDS` whose values differ, in that order.
        survivor: The side suggested to stay: the one with more rows, then the older one.
        picks: field -> side whose value the merge keeps by default (`merged_values`) when
            ``survivor`` stays; only the differing fields.
    """

    a: EmployerRecord
    b: EmployerRecord
    counts: dict[str, dict[str, int]]
    differing: tuple[str, ...]
    survivor: str
    picks: dict[str, str]


def preview_merge(*, employers: EmployerStore, merges: MergeStore, a_id: str, b_id: str) -> MergePreview:
    """Both employers with what would move and the default picks.

    Raises:
        InvalidError: ``b_id`` is ``a_id``.
        NotFoundError: Either is not a live employer.
    """
    if a_id == b_id:
        raise InvalidError("b", "must differ from a")
    a, b = employers.get(employer_id=a_id), employers.get(employer_id=b_id)
    counts = {side: merges.count_moving(employer_id=rec.id) for side, rec in (("a", a), ("b", b))}
    differing = tuple(f for f in MERGE_FIELDS if _shown(getattr(a, f)) != _shown(getattr(b, f)))
    survivor = _suggested(a, b, counts)
    keep, other = (a, b) if survivor == "a" else (b, a)
    values = merged_values(keep, other, {})
    picks = {
        f: survivor if _shown(values[f]) == _shown(getattr(keep, f)) else _other(survivor) for f in differing
    }
    return MergePreview(a, b, counts, differing, survivor, picks)


def merge_choices(survivor: str, picks: Mapping[str, str]) -> dict[str, str]:
    """The screen's picks (field -> "a"/"b") as the store's choices (field -> "survivor"/"loser")."""
    return {f: "survivor" if side == survivor else "loser" for f, side in picks.items()}


def _suggested(a: EmployerRecord, b: EmployerRecord, counts: Mapping[str, Mapping[str, int]]) -> str:
    """The side with more rows; on a tie the one created first (a planted copy is usually newer)."""
    rows = {side: sum(counts[side].values()) for side in SIDES}
    if rows["a"] != rows["b"]:
        return "a" if rows["a"] > rows["b"] else "b"
    when = {side: rec.created_at or datetime.max.replace(tzinfo=UTC) for side, rec in (("a", a), ("b", b))}
    return "b" if when["b"] < when["a"] else "a"


def _other(side: str) -> str:
    return "b" if side == "a" else "a"


def _shown(value: object) -> object:
    # lists and tuples compare by content (the store hands back tuples, merged_values lists)
    return tuple(value) if isinstance(value, list | tuple) else value
