"""`DuplicateStore`: the review queue of likely duplicate employers and "not a duplicate" memory."""

from __future__ import annotations

import builtins
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from employers import changes, uniqueness
from employers.change_log import CHANGE_LOG
from employers.dedupe import Match, scan
from employers.errors import InvalidError, NotFoundError
from storekit.connection import Connection
from storekit.rows import uuid_of
from storekit.store import Store
from storekit.transactions import now


@dataclass(frozen=True, slots=True)
class DuplicatePair:
    """A suggested pair for review, ``a_id < b_id``; ``review``: only a phone or website in common."""

    a_id: str
    a_name: str
    b_id: str
    b_name: str
    score: float
    reasons: tuple[str, ...]
    review: bool = False


@dataclass(frozen=True, slots=True)
class DuplicateDecision:
    """A pair someone marked "not a duplicate" (``a_id < b_id``), with both employers' names."""

    a_id: str
    a_name: str
    b_id: str
    b_name: str
    decided_at: datetime
    decided_by: str


class DuplicateStore(Store):
    """Scans live employers for likely duplicates and remembers pairs people rejected."""

    def list(self) -> list[DuplicatePair]:
        """Every likely duplicate pair among live employers, best first, rejected pairs left out.

        Computed on each call (blocked, so far below n² comparisons); nothing is stored until a
        person decides.
        """
        pool = uniqueness.candidates(self.con)
        names = {c.id: c.name for c in pool}
        rejected = [
            (str(a), str(b))
            for a, b in self.con.execute(
                "SELECT employer_a, employer_b FROM crm_duplicate_decisions"
            ).fetchall()
        ]
        return [_pair(m, names) for m in scan(pool, skip=rejected)]

    def create_decision(self, *, a_id: str, b_id: str, actor: str) -> None:
        """Remember that two live employers are not the same; the pair is never suggested again."""
        if a_id == b_id:
            raise InvalidError("b_id", "must differ from a_id")
        low, high = _ordered(a_id, b_id)
        with self.transaction() as con:
            changes.require_live(con, table="crm_employers", entity="employer", ids=[low, high])
            con.execute(
                "INSERT INTO crm_duplicate_decisions VALUES (?, ?, 'not_duplicate', ?, ?) "
                "ON CONFLICT DO NOTHING",
                [low, high, now(), actor],
            )
            _log_pair(con, low, high, actor, "not_duplicate", lambda other: (None, other))

    def list_decisions(
        self, *, decided_by: Sequence[str] | None = None, limit: int = 100
    ) -> builtins.list[DuplicateDecision]:
        """Pairs marked "not a duplicate", newest first; only the ``decided_by`` usernames' if given."""
        if decided_by is None:
            return self._decisions("", [], limit)
        return self._decisions("WHERE list_contains(?, d.decided_by) ", [list(decided_by)], limit)

    def get_decision(self, *, a_id: str, b_id: str) -> DuplicateDecision:
        """The decision on this pair (either order); NotFoundError when there is none."""
        found = self._decisions("WHERE d.employer_a = ? AND d.employer_b = ? ", list(_ordered(a_id, b_id)), 1)
        if not found:
            raise NotFoundError("not-duplicate decision", f"{a_id}/{b_id}")
        return found[0]

    def _decisions(
        self, where: str, params: builtins.list[object], limit: int
    ) -> builtins.list[DuplicateDecision]:
        rows = self.con.execute(
            "SELECT d.employer_a, a.name, d.employer_b, b.name, d.decided_at, d.decided_by "
            "FROM crm_duplicate_decisions d JOIN crm_employers a ON a.id = d.employer_a "
            f"JOIN crm_employers b ON b.id = d.employer_b {where}"
            "ORDER BY d.decided_at DESC, d.employer_a, d.employer_b LIMIT ?",
            [*params, limit],
        ).fetchall()
        return [DuplicateDecision(str(a), an, str(b), bn, at, by) for a, an, b, bn, at, by in rows]

    def delete_decision(self, *, a_id: str, b_id: str, actor: str) -> None:
        """Forget a "not a duplicate" decision: the pair may be suggested again (NotFoundError: none)."""
        low, high = _ordered(a_id, b_id)
        with self.transaction() as con:
            gone = con.execute(
                "DELETE FROM crm_duplicate_decisions WHERE employer_a = ? AND employer_b = ? RETURNING 1",
                [low, high],
            ).fetchall()
            if not gone:
                raise NotFoundError("not-duplicate decision", f"{a_id}/{b_id}")
            _log_pair(con, low, high, actor, "not_duplicate_undone", lambda other: (other, None))


def _ordered(a_id: str, b_id: str) -> tuple[str, str]:
    """The pair's ids as stored: (lower, higher); InvalidError naming a field that is not a UUID."""
    low, high = sorted((str(uuid_of("a_id", a_id)), str(uuid_of("b_id", b_id))))
    return low, high


def _log_pair(
    con: Connection, low: str, high: str, actor: str, action: str, change: Callable[[str], tuple[Any, Any]]
) -> None:
    """One change-log row per employer of the pair, ``not_duplicate_of`` naming the other."""
    for one, other in ((low, high), (high, low)):
        CHANGE_LOG.log_change(
            con, actor=actor, entity="employer", entity_id=one, action=action,
            changes={"not_duplicate_of": change(other)},
        )  # fmt: skip


def _pair(match: Match, names: dict[str, str]) -> DuplicatePair:
    a, b = sorted((match.a, match.b))
    return DuplicatePair(a, names[a], b, names[b], match.score, match.reasons, match.review)
