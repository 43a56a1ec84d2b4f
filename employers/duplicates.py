"""`DuplicateStore`: the review queue of likely duplicate employers and "not a duplicate" memory."""

from __future__ import annotations

from dataclasses import dataclass

from employers import changes, uniqueness
from employers.change_log import CHANGE_LOG
from employers.dedupe import Match, scan
from employers.errors import InvalidError
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
        low, high = sorted((str(uuid_of("a_id", a_id)), str(uuid_of("b_id", b_id))))
        with self.transaction() as con:
            changes.require_live(con, table="crm_employers", entity="employer", ids=[low, high])
            con.execute(
                "INSERT INTO crm_duplicate_decisions VALUES (?, ?, 'not_duplicate', ?, ?) "
                "ON CONFLICT DO NOTHING",
                [low, high, now(), actor],
            )
            for one, other in ((low, high), (high, low)):
                CHANGE_LOG.log_change(
                    con, actor=actor, entity="employer", entity_id=one, action="not_duplicate",
                    changes={"not_duplicate_of": (None, other)},
                )  # fmt: skip


def _pair(match: Match, names: dict[str, str]) -> DuplicatePair:
    a, b = sorted((match.a, match.b))
    return DuplicatePair(a, names[a], b, names[b], match.score, match.reasons, match.review)
