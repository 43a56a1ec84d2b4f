"""`FidelityRatingStore`: a unit's hand-rated IPS-25 items (``caseload_fidelity_ratings``).

../shared/reference/ips-domain.md §2: the items the data cannot show are rated 1–5 by a reviewer,
with the evidence the rating rests on. Each rating given is a new row (history kept); the latest
row per unit and item counts. Which item codes may be rated is the caller's rule
(`reports.self_assessment.HAND_ITEMS`); this store checks the shape of every value.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence
from dataclasses import dataclass

from participants.errors import InvalidError
from storekit.checks import refuse_unsafe
from storekit.store import Store

#: The longest evidence text kept per rating, in characters.
MAX_EVIDENCE = 2000
_COLUMNS = ("unit_id", "item", "rating", "evidence", "rated_by", "rated_at")


@dataclass(frozen=True, slots=True)
class FidelityRating:
    """One rating given: ``rating`` 1..5, ``rated_at`` aware UTC."""

    unit_id: str
    item: str
    rating: int
    evidence: str
    rated_by: str
    rated_at: dt.datetime


def _check(index: int, item: str, rating: object, evidence: str) -> None:
    where = f"ratings.{index}"
    if not item or len(item) > 8:
        raise InvalidError(f"{where}.item", "an item code, e.g. S2")
    if isinstance(rating, bool) or not isinstance(rating, int) or not 1 <= rating <= 5:
        raise InvalidError(f"{where}.rating", "a rating is a whole number from 1 to 5")
    if len(evidence) > MAX_EVIDENCE:
        raise InvalidError(f"{where}.evidence", f"at most {MAX_EVIDENCE} characters")
    refuse_unsafe({"evidence": evidence}, prefix=f"{where}.")


class FidelityRatingStore(Store):
    """Hand ratings per unit: `add` appends, `latest` gives the ones that count, `history` all."""

    def add(
        self, *, unit_id: str, ratings: Sequence[tuple[str, int, str]], actor: str
    ) -> list[FidelityRating]:
        """Append ``(item, rating, evidence)`` rows for the unit, all at one moment; InvalidError first."""
        for i, (item, rating, evidence) in enumerate(ratings):
            _check(i, item, rating, evidence)
        refuse_unsafe({"unit_id": unit_id, "actor": actor})
        now = dt.datetime.now(dt.UTC)
        rows = [FidelityRating(unit_id, item, r, ev, actor, now) for item, r, ev in ratings]
        with self.transaction() as con:
            con.executemany(
                f"INSERT INTO caseload_fidelity_ratings (id, {', '.join(_COLUMNS)}) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                [[uuid.uuid4(), *(getattr(r, c) for c in _COLUMNS)] for r in rows],
            )
        return rows

    def history(self, *, unit_id: str) -> list[FidelityRating]:
        """Every rating the unit was given, oldest first (ties by item)."""
        found = self.con.execute(
            f"SELECT {', '.join(_COLUMNS)} FROM caseload_fidelity_ratings WHERE unit_id = ? "
            "ORDER BY rated_at, item, id",
            [unit_id],
        ).fetchall()
        return [_record(row) for row in found]

    def latest(self, *, unit_id: str) -> dict[str, FidelityRating]:
        """Item -> the unit's latest rating of it (the one that counts)."""
        return {r.item: r for r in self.history(unit_id=unit_id)}


def _record(row: Sequence[object]) -> FidelityRating:
    unit_id, item, rating, evidence, rated_by, rated_at = row
    assert isinstance(rated_at, dt.datetime)
    return FidelityRating(
        str(unit_id), str(item), int(str(rating)), str(evidence), str(rated_by), rated_at.astimezone(dt.UTC)
    )
